"""Where the site keeps files: one folder ("root") per storage, and every FileField mapped to one.

A backup holds every file under every root; a FileField whose storage lies in no known root would be
left out of backups silently, so `unmapped_fields()` names it and the backup refuses to run.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import models


def roots() -> dict[str, Path]:
    """Storage name → folder: uploaded plan documents (MEDIA_ROOT) and private evidence files."""
    return {"media": Path(settings.MEDIA_ROOT).resolve(), "evidence": Path(settings.EVIDENCE_ROOT).resolve()}


def file_fields() -> list[tuple[type[models.Model], models.FileField]]:
    return [(model, field) for model in apps.get_models() for field in model._meta.get_fields()
            if isinstance(field, models.FileField)]


def root_of(field: models.FileField) -> str | None:
    """The root the field's storage writes into; None for a storage that is not a local folder."""
    location_of = getattr(field.storage, "location", None)  # FileSystemStorage has one; S3 etc. do not
    if location_of is None:
        return None
    location = Path(location_of).resolve()
    return next((name for name, path in roots().items() if path == location), None)


def unmapped_fields() -> list[str]:
    return [f"{model._meta.label}.{field.name}" for model, field in file_fields() if root_of(field) is None]


def referenced_files() -> set[tuple[str, str]]:
    """(root, relative path) of every file a database row points at."""
    found: set[tuple[str, str]] = set()
    for model, field in file_fields():
        root = root_of(field)
        if root is None:
            continue
        names = model._default_manager.exclude(**{field.name: ""}).values_list(field.name, flat=True)
        found |= {(root, name) for name in names if name}
    return found


@dataclass(frozen=True)
class StoredFile:
    root: str
    path: str  # relative, with forward slashes
    absolute: Path


def walk() -> Iterator[StoredFile]:
    """Every file under every root, in a stable order; a root nested inside another is walked once, as
    itself."""
    all_roots = roots()
    for name, root in all_roots.items():
        if not root.is_dir():
            continue
        nested = [other for other_name, other in all_roots.items() if other_name != name and root in other.parents]
        for dirpath, dirnames, filenames in os.walk(root):
            current = Path(dirpath)
            dirnames[:] = sorted(d for d in dirnames if current / d not in nested)
            for filename in sorted(filenames):
                path = current / filename
                yield StoredFile(name, path.relative_to(root).as_posix(), path)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
