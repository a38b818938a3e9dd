"""Fail when a user-visible string has no Vietnamese translation.

For the project and each app it extracts the messages afresh (makemessages into a scratch copy, so the
committed catalogs are not touched), then reports every msgid whose Vietnamese msgstr is empty or fuzzy.
`--update` instead refreshes the committed catalogs in place (keeping translations) for a developer.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

WEB = Path(__file__).resolve().parent.parent / "src" / "trienkhai_web"
APPS = ["accounts", "audit", "organisations", "plans", "tracking", "reports", "operations", "search", "jobs"]
# The project catalog covers what no app owns: settings, project templates, the CLI.
PROJECT_IGNORES = [f"{a}/*" for a in APPS] + ["static/*", "locale/*"]


def catalogs() -> list[tuple[Path, list[str]]]:
    return [(WEB, PROJECT_IGNORES)] + [(WEB / a, ["static/*"]) for a in APPS if (WEB / a).is_dir()]


def makemessages(root: Path, ignores: list[str]) -> None:
    args = [sys.executable, "-m", "django", "makemessages", "-l", "vi", "--no-obsolete", "--no-location",
            "--add-location=never"]
    args = [a for a in args if a != "--no-location"]
    for ig in ignores:
        args += ["--ignore", ig]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "trienkhai_web.settings"}
    (root / "locale").mkdir(exist_ok=True)
    subprocess.run(args, cwd=root, env=env, check=True, capture_output=True)


def untranslated(po: Path) -> list[str]:
    """msgids with an empty or fuzzy msgstr (msgattrib does the parsing)."""
    out = subprocess.run(["msgattrib", "--untranslated", "--no-wrap", str(po)], capture_output=True, text=True,
                         check=True).stdout
    fuzzy = subprocess.run(["msgattrib", "--only-fuzzy", "--no-wrap", str(po)], capture_output=True, text=True,
                           check=True).stdout
    ids = []
    for text in (out, fuzzy):
        ids += [line[7:-1] for line in text.splitlines() if line.startswith('msgid "') and line != 'msgid ""']
    return ids


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--update", action="store_true", help="refresh the committed catalogs in place")
    args = ap.parse_args()
    missing: list[str] = []
    for root, ignores in catalogs():
        if args.update:
            makemessages(root, ignores)
            continue
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / root.name
            shutil.copytree(root, copy, ignore=shutil.ignore_patterns("__pycache__", "static", *APPS)
                            if root == WEB else shutil.ignore_patterns("__pycache__", "static"))
            makemessages(copy, ignores)
            po = copy / "locale" / "vi" / "LC_MESSAGES" / "django.po"
            if po.exists():
                missing += [f"{root.relative_to(WEB.parent)}: {m}" for m in untranslated(po)]
    if missing:
        print("Untranslated or fuzzy (Vietnamese):", *missing, sep="\n  ")
    conflicts = [] if args.update else conflicting_translations()
    if conflicts:
        # Django uses the first catalog that has a message id, so the other translation never shows.
        print("One message id, different translations in different catalogs (use one translation, or "
              "a more specific message id):", *conflicts, sep="\n  ")
    return 1 if missing or conflicts else 0


def conflicting_translations() -> list[str]:
    """msgids translated differently by two catalogs (msgcat marks them with #-#-#-#-# blocks)."""
    pos = sorted(str(p) for p in WEB.rglob("locale/vi/LC_MESSAGES/django.po"))
    merged = subprocess.run(["msgcat", "--no-wrap", *pos], capture_output=True, text=True, check=True).stdout
    out = []
    for entry in merged.split("\n\n"):
        if "#-#-#-#-#" in entry and (m := re.search(r'^msgid "(.+)"$', entry, re.M)):
            out.append(m.group(1))
    return out


if __name__ == "__main__":
    sys.exit(main())
