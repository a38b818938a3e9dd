"""Limits that keep reading bounded in time and memory, whatever the input.

Stated to users in the messages of `DocumentError`; change them here only.
"""

from __future__ import annotations

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Largest file accepted, any format (checked before decoding or unzipping)."""

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
    """A byte count as "20 MB" for messages."""
    return f"{n // (1024 * 1024)} MB"
