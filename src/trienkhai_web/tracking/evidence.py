"""Evidence files of indicator values: where they are stored (outside the public media folder, so only
the permission-checking download view serves them) and which files are accepted."""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _

from trienkhai_web.errors import UserError

EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
ZIP = b"PK\x03\x04"
# extension → (the bytes a real file of that type starts with, a name the zip must contain)
ALLOWED: dict[str, tuple[bytes, str]] = {
    ".pdf": (b"%PDF", ""), ".docx": (ZIP, "word/"), ".xlsx": (ZIP, "xl/"),
    ".jpg": (b"\xff\xd8\xff", ""), ".jpeg": (b"\xff\xd8\xff", ""), ".png": (b"\x89PNG\r\n\x1a\n", ""),
}


def evidence_root() -> Path:
    """settings.EVIDENCE_ROOT (by default a folder beside MEDIA_ROOT, which DEBUG serves publicly)."""
    return Path(settings.EVIDENCE_ROOT)


@deconstructible
class EvidenceStorage(FileSystemStorage):
    """Reads the root on every use, so a changed setting (tests, deployment) is honoured."""

    @property  # type: ignore[override]
    def base_location(self) -> str:
        return str(evidence_root())

    @property  # type: ignore[override]
    def location(self) -> str:
        return os.path.abspath(self.base_location)


def evidence_storage() -> EvidenceStorage:
    return EvidenceStorage()


def check_upload(name: str, size: int, stream: IO[bytes] | Any) -> str:
    """The normalised extension of an acceptable evidence file; raises UserError otherwise. The
    content is checked too, so a renamed executable is not accepted as a .pdf."""
    extension = os.path.splitext(name or "")[1].lower()
    if extension not in ALLOWED:
        raise UserError(_("“%(name)s”: only PDF, Word (.docx), Excel (.xlsx), JPG and PNG files are "
                                 "accepted as evidence.") % {"name": name})
    if size == 0:
        raise UserError(_("“%(name)s” is empty.") % {"name": name})
    if size > EVIDENCE_MAX_BYTES:
        raise UserError(_("“%(name)s” is %(size)s MB; an evidence file may be at most 10 MB.")
                               % {"name": name, "size": f"{size / 1024 / 1024:.1f}".replace(".", ",")})
    magic, member = ALLOWED[extension]
    stream.seek(0)
    head = stream.read(len(magic))
    valid = head == magic
    if valid and member:
        import zipfile

        stream.seek(0)
        try:
            with zipfile.ZipFile(stream) as archive:
                valid = any(n.startswith(member) for n in archive.namelist())
        except zipfile.BadZipFile:
            valid = False
    stream.seek(0)
    if not valid:
        raise UserError(_("“%(name)s” is not a real %(kind)s file (its content does not match its "
                                 "name).") % {"name": name, "kind": extension[1:].upper()})
    return extension
