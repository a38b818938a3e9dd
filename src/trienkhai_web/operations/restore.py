"""Restore a backup (operations.backup) into an installation: all of it or nothing.

Order: check the zip and its manifest (every member's CRC, data.json's and every file's SHA-256, no
path leaving its folder, no migration this version does not know); migrate the database; extract the
files into staging folders beside their roots; then, in one database transaction, empty the database
(only with `replace`), load the data, compare every model's row count with the manifest and swap the
staged folders in. Any failure rolls the transaction back and puts the old folders back, so the
installation is as it was (apart from the migrated, still empty, schema).

An installation that already holds data or files is refused unless `replace` is given.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import uuid
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from django.apps import apps
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.migrations.loader import MigrationLoader
from django.utils.translation import gettext as _

from trienkhai_web.operations import stored_files
from trienkhai_web.operations.backup import DATA, FILES, FORMAT, MANIFEST


class RestoreError(Exception):
    """`message` says in Vietnamese why nothing was restored."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class Restored:
    rows: int
    files: int
    counts: dict[str, int] = field(default_factory=dict)


def _counted_models() -> list[Any]:
    """Models whose rows a backup carries (not those `migrate` fills by itself)."""
    skipped = {"contenttypes", "sessions"}
    return [m for m in apps.get_models() if m._meta.app_label not in skipped and m._meta.label_lower != "auth.permission"]


def occupied() -> list[str]:
    """What already lies in the installation: models with rows, storage folders with files."""
    found = [m._meta.label_lower for m in _counted_models() if m._default_manager.exists()]
    for name, root in stored_files.roots().items():
        if root.is_dir() and any(p.is_file() for p in root.rglob("*")):
            found.append(_("files in %(folder)s") % {"folder": name})
    return found


# ---- checking the zip -----------------------------------------------------------------------------

def _open(path: Path) -> zipfile.ZipFile:
    if not path.is_file():
        raise RestoreError(_("The backup file %(file)s does not exist.") % {"file": path})
    try:
        archive = zipfile.ZipFile(path)
        broken = archive.testzip()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
        raise RestoreError(_("%(file)s is not a readable backup (the zip file is damaged or incomplete).")
                           % {"file": path.name}) from error
    if broken is not None:
        archive.close()
        raise RestoreError(_("The backup is damaged: %(member)s does not match its checksum.") % {"member": broken})
    return archive


def _manifest(archive: zipfile.ZipFile) -> dict[str, Any]:
    try:
        manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
    except KeyError as error:
        raise RestoreError(_("This zip file is not a trienkhai backup (it has no manifest).")) from error
    except (ValueError, UnicodeDecodeError) as error:
        raise RestoreError(_("The backup's manifest is damaged.")) from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise RestoreError(_("This backup has a format this version cannot read (%(format)s).")
                           % {"format": manifest.get("format") if isinstance(manifest, dict) else "?"})
    return manifest


def _check_migrations(manifest: dict[str, Any]) -> None:
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    unknown = sorted(f"{app}.{name}" for app, name in manifest.get("migrations", []) if (app, name) not in known)
    if unknown:
        raise RestoreError(_("This backup was made by a newer version of trienkhai (it has data structures "
                             "this version does not know: %(names)s); update the software first.")
                           % {"names": ", ".join(unknown[:5])})


def _safe_member(root: str, path: str) -> str:
    parts = PurePosixPath(path).parts
    if root not in stored_files.roots() or not parts or path.startswith("/") or ".." in parts or "\\" in path:
        raise RestoreError(_("The backup names a file outside its folders (%(path)s); it is refused.")
                           % {"path": f"{root}/{path}"})
    return f"{FILES}{root}/{path}"


def _check_members(archive: zipfile.ZipFile, manifest: dict[str, Any]) -> None:
    listed = {_safe_member(f["root"], f["path"]) for f in manifest.get("files", [])}
    present = {n for n in archive.namelist() if n.startswith(FILES) and not n.endswith("/")}
    if present != listed:
        extra = sorted((present - listed) | (listed - present))
        raise RestoreError(_("The backup's files do not match its manifest (%(names)s).")
                           % {"names": ", ".join(extra[:5])})


# ---- files ----------------------------------------------------------------------------------------

def _extract(archive: zipfile.ZipFile, member: str, target: Path, expected: dict[str, Any]) -> None:
    import hashlib

    target.parent.mkdir(parents=True, exist_ok=True)
    digest, size = hashlib.sha256(), 0
    with archive.open(member) as source, target.open("wb") as sink:
        for chunk in iter(lambda: source.read(1 << 20), b""):
            digest.update(chunk)
            size += len(chunk)
            sink.write(chunk)
    if digest.hexdigest() != expected.get("sha256") or size != expected.get("size"):
        raise RestoreError(_("The backup is damaged: %(name)s does not match the checksum in its manifest.")
                           % {"name": member})


@contextmanager
def _staged(archive: zipfile.ZipFile, manifest: dict[str, Any]) -> Iterator[dict[str, Path]]:
    """Each root's files extracted (and checked) into a folder beside the root; removed afterwards if
    not swapped in."""
    roots = stored_files.roots()
    for name, root in roots.items():
        if any(other in root.parents for other in roots.values()):
            raise RestoreError(_("The storage folder %(name)s lies inside another one; set MEDIA_ROOT and "
                                 "EVIDENCE_ROOT to separate folders.") % {"name": name})
    staging: dict[str, Path] = {}
    try:
        for name, root in roots.items():
            root.parent.mkdir(parents=True, exist_ok=True)
            staging[name] = root.parent / f".{root.name}.restore-{uuid.uuid4().hex[:8]}"
            staging[name].mkdir()
        for entry in manifest.get("files", []):
            member = _safe_member(entry["root"], entry["path"])
            _extract(archive, member, staging[entry["root"]] / entry["path"], entry)
        yield staging
    finally:
        for path in staging.values():
            shutil.rmtree(path, ignore_errors=True)


class _Swap:
    """Puts staged folders in place of the roots, keeping the old ones until `commit` (or `undo`)."""

    def __init__(self) -> None:
        self.done: list[tuple[Path, Path, Path | None]] = []  # (root, staged, old)

    def put(self, root: Path, staged: Path) -> None:
        old = None
        if root.exists():
            old = root.parent / f".{root.name}.old-{uuid.uuid4().hex[:8]}"
            root.rename(old)
        staged.rename(root)
        self.done.append((root, staged, old))

    def undo(self) -> None:
        for root, staged, old in reversed(self.done):
            if root.exists():
                root.rename(staged)
            if old is not None:
                old.rename(root)
        self.done.clear()

    def commit(self) -> None:
        for _root, _staged_path, old in self.done:
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)


# ---- database -------------------------------------------------------------------------------------

def _check_data(archive: zipfile.ZipFile, manifest: dict[str, Any], target: Path) -> None:
    _extract(archive, DATA, target, manifest.get("data", {}))


def row_counts() -> dict[str, int]:
    return {m._meta.label_lower: m._default_manager.count() for m in _counted_models()}


def restore(path: Path, *, replace: bool = False, database: str = DEFAULT_DB_ALIAS) -> Restored:
    """Restore the backup at `path`; raises RestoreError (Vietnamese message) and changes nothing
    (beyond migrating an empty schema) when it cannot."""
    with _open(path) as archive:
        manifest = _manifest(archive)
        _check_members(archive, manifest)
        _check_migrations(manifest)
        call_command("migrate", database=database, interactive=False, verbosity=0)
        busy = occupied()
        if busy and not replace:
            raise RestoreError(_("This installation already holds data (%(what)s); restoring would mix two "
                                 "sites. Restore into an empty installation, or give --replace to erase "
                                 "this one and put the backup in its place.") % {"what": ", ".join(busy[:5])})
        with tempfile.TemporaryDirectory() as tmp, _staged(archive, manifest) as staging:
            data = Path(tmp) / DATA
            _check_data(archive, manifest, data)
            swap = _Swap()
            try:
                with transaction.atomic(using=database):
                    if replace:
                        call_command("flush", database=database, interactive=False, verbosity=0)
                    call_command("loaddata", str(data), database=database, verbosity=0)
                    counts = row_counts()
                    expected = {label: int(n) for label, n in manifest.get("counts", {}).items()}
                    wrong = sorted(label for label in set(counts) | set(expected)
                                   if counts.get(label, 0) != expected.get(label, 0))
                    if wrong:
                        raise RestoreError(_("After loading, the number of rows differs from the backup for "
                                             "%(models)s; nothing was restored.") % {"models": ", ".join(wrong[:5])})
                    for name, root in stored_files.roots().items():
                        swap.put(root, staging[name])
            except RestoreError:
                swap.undo()
                raise
            except Exception as error:
                swap.undo()
                raise RestoreError(_("The backup could not be loaded (%(error)s); nothing was restored.")
                                   % {"error": error}) from error
            swap.commit()
    rows = sum(expected.values())
    return Restored(rows=rows, files=len(manifest.get("files", [])), counts=expected)
