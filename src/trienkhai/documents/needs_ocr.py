"""Whether reading a file will need OCR (seconds a page): an image, or a PDF with a page that has no text
layer. Cheap (no page is rendered), so that the application can decide to read it in the background."""

from __future__ import annotations

from trienkhai.documents.sniff import sniff_format
from trienkhai.errors import TrienkhaiError


def needs_ocr(data: bytes, name: str) -> bool:
    """True for an image and for a PDF with at least one page without text; False for anything else,
    including a file that cannot be read at all (the reader then says why)."""
    try:
        fmt = sniff_format(data, name)
    except TrienkhaiError:
        return False
    if fmt == "image":
        return True
    if fmt != "pdf":
        return False
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        return False
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            try:
                text = page.get_textpage()
                try:
                    if not text.get_text_range().strip():
                        return True
                finally:
                    text.close()
            finally:
                page.close()
    finally:
        pdf.close()
    return False
