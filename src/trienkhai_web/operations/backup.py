"""A consistent backup of everything a deployment holds: the database as JSON and the uploaded files.

JSON (Django's dumpdata) restores into either database engine, so a backup taken on the embedded SQLite
site can seed a PostgreSQL production one (`loaddata`). An SQLite site also gets a page-level copy of
the database file taken with SQLite's online backup API.
"""

from __future__ import annotations

import io
import sqlite3
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection


def make_backup(out: Path | None = None) -> Path:
    """Write a zip with `data.json`, `media/…` and (SQLite) `db.sqlite3`; return its path."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    if out is None:
        out = Path(settings.VAR_DIR) / "backups"
    if out.suffix != ".zip":
        out.mkdir(parents=True, exist_ok=True)
        out = out / f"trienkhai-{stamp}.zip"
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_suffix(".zip.part")  # never leave a half-written backup under the final name
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        data = io.StringIO()
        call_command("dumpdata", natural_foreign=True, exclude=["contenttypes", "auth.permission",
                     "sessions"], indent=None, stdout=data)
        zf.writestr("data.json", data.getvalue())
        media = Path(settings.MEDIA_ROOT)
        if media.exists():
            for f in sorted(media.rglob("*")):
                if f.is_file():
                    zf.write(f, f"media/{f.relative_to(media)}")
        if connection.vendor == "sqlite":
            with tempfile.TemporaryDirectory() as tmp:
                copy = Path(tmp) / "db.sqlite3"
                src = sqlite3.connect(settings.DATABASES["default"]["NAME"])
                dst = sqlite3.connect(copy)
                with dst:
                    src.backup(dst)
                src.close()
                dst.close()
                zf.write(copy, "db.sqlite3")
    partial.replace(out)
    return out
