"""Compile every .po catalog of the project into .mo (what `compilemessages` does, without scanning .venv)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent / "src" / "trienkhai_web"
failed = False
for po in sorted(root.rglob("locale/*/LC_MESSAGES/*.po")):
    mo = po.with_suffix(".mo")
    if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
        continue
    result = subprocess.run(["msgfmt", "--check-format", "-o", str(mo), str(po)], capture_output=True, text=True)
    if result.returncode != 0:
        failed = True
        print(result.stderr, file=sys.stderr)
sys.exit(1 if failed else 0)
