"""A consistent backup of everything a deployment holds: the data, every stored file and a manifest.

The zip holds
- `data.json`: Django's dumpdata of every table (foreign keys to content types and permissions by natural
  key, since `migrate` recreates those two tables with other ids), so it restores into SQLite or
  PostgreSQL alike;
- `files/<root>/<path>`: every file under every storage root (`stored_files.roots()`: uploaded plan
  documents, private evidence files); reports are generated on request and never stored;
- `manifest.json`: the format, the migrations the data was written with, the row count of each model
  and the size and SHA-256 of `data.json` and of each file, which `restore` checks.

The data is read in one transaction (a snapshot on PostgreSQL), so rows and counts agree.
"""

from __future__ import annotations

import json
import tempfile
import zipfile
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django.utils.translation import gettext as _

from trienkhai_web.operations import stored_files

FORMAT = "trienkhai.backup/1"
MANIFEST, DATA, FILES = "manifest.json", "data.json", "files/"
# Recreated by `migrate` (content types, permissions) or worthless elsewhere (sessions: everyone signs
# in again after a restore).
EXCLUDED = ["contenttypes", "auth.permission", "sessions"]


class BackupError(Exception):
    """`message` says in Vietnamese why no backup was written."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class Backup:
    path: Path
    rows: int
    files: int
    missing: list[str]  # files a row points at that were not on disk


def applied_migrations() -> list[list[str]]:
    return sorted([app, name] for app, name in MigrationRecorder(connection).applied_migrations())


def _dump(path: Path) -> dict[str, int]:
    """Write data.json; return the row count of each model, read from what was written."""
    outermost = not connection.in_atomic_block  # (a test's transaction has run queries already)
    with transaction.atomic():
        if connection.vendor == "postgresql" and outermost:
            with connection.cursor() as cursor:  # one snapshot for every table
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        call_command("dumpdata", natural_foreign=True, exclude=EXCLUDED, indent=None, output=str(path),
                     verbosity=0)
    rows = json.loads(path.read_text(encoding="utf-8"))
    return dict(sorted(Counter(row["model"] for row in rows).items()))


def make_backup(out: Path | None = None) -> Backup:
    """Write the zip (into `out`, a folder or a .zip path; default var/backups) and return it."""
    unmapped = stored_files.unmapped_fields()
    if unmapped:
        raise BackupError(_("These file fields are stored outside the folders a backup covers: %(fields)s.")
                          % {"fields": ", ".join(unmapped)})
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    if out is None:
        out = Path(settings.VAR_DIR) / "backups"
    if out.suffix != ".zip":
        out.mkdir(parents=True, exist_ok=True)
        out = out / f"trienkhai-{stamp}.zip"
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".part")  # never leave a half-written backup under the final name
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / DATA
        counts = _dump(data)
        referenced = stored_files.referenced_files()
        files: list[dict[str, Any]] = []
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
            zf.write(data, DATA)
            for stored in stored_files.walk():
                zf.write(stored.absolute, f"{FILES}{stored.root}/{stored.path}")
                files.append({"root": stored.root, "path": stored.path, "size": stored.absolute.stat().st_size,
                              "sha256": stored_files.sha256_of(stored.absolute)})
            present = {(f["root"], f["path"]) for f in files}
            missing = sorted(f"{root}/{path}" for root, path in referenced - present)
            manifest = {
                "format": FORMAT, "created_at": timezone.now().isoformat(), "database": connection.vendor,
                "migrations": applied_migrations(), "counts": counts,
                "data": {"size": data.stat().st_size, "sha256": stored_files.sha256_of(data)},
                "files": files, "missing_files": missing,
            }
            zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
    partial.replace(out)
    return Backup(out, sum(counts.values()), len(files), missing)
