"""Limits that keep reading bounded in time and memory, whatever the input.

Stated to users in the messages of `DocumentError`; change them here only.
"""

from __future__ import annotations

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Largest file accepted by default, any format (checked before decoding or unzipping); an application
passes its own limit to `read_document(max_bytes=…)`, and `check_size` words the refusal for both."""

MAX_ZIP_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
"""Largest total uncompressed size of a .docx package (declared and actually read)."""

MAX_ZIP_RATIO = 100
"""Largest compression ratio of any .docx member: above it the file is treated as a zip bomb."""

MAX_ZIP_MEMBERS = 2000
"""Most entries a .docx package may hold."""

MAX_PDF_PAGES = 1000
"""Most pages of a PDF read."""

MAX_OCR_PAGES = 200
"""Most pages read by OCR from one file (a few seconds each)."""

MAX_IMAGE_PIXELS = 80_000_000
"""Largest page image accepted (pixels): an A4 page at 600 dpi is 35 million."""

OCR_PAGE_TIMEOUT_SECONDS = 180
"""How long Tesseract may take over one page."""

SOFFICE_TIMEOUT_SECONDS = 120
"""How long LibreOffice may take to convert a .doc file."""


def megabytes(n: int) -> str:
    """A byte count for messages: "20 MB", "1,5 MB", "512 KB", "10 byte"."""
    if n >= 1024 * 1024:
        value = round(n / (1024 * 1024), 1)
        return f"{value:g} MB".replace(".", ",")
    if n >= 1024:
        return f"{n // 1024} KB"
    return f"{n} byte"


def check_size(size: int, name: str, max_bytes: int = MAX_FILE_BYTES) -> None:
    """Refuse a file of `size` bytes above `max_bytes`: the one rule and message for every reader."""
    from trienkhai.errors import DocumentError

    if size > max_bytes:
        raise DocumentError(f"Tệp {name} quá lớn ({megabytes(size)}); giới hạn là {megabytes(max_bytes)} mỗi tệp.")
