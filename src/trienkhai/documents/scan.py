"""Scans: images (.png, .jpg, .tif) and PDF pages without a text layer, read by OCR (`ocr.py`).

The pages' OCR text goes through the text reader, as one text in page order, so that a paragraph
running over a page break is joined and page numbers are dropped as in any hard-wrapped copy.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import partial
from typing import Any

from trienkhai.documents.limits import MAX_IMAGE_PIXELS
from trienkhai.documents.model import Block
from trienkhai.documents.ocr import RENDER_DPI, OcrPage, Progress, ocr_pages
from trienkhai.errors import DocumentError


def _frames(data: bytes, name: str) -> list[Any]:
    from PIL import Image, ImageSequence, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
    try:
        img = Image.open(io.BytesIO(data))
        frames = [f.copy() for f in ImageSequence.Iterator(img)]
    except Image.DecompressionBombError as exc:
        raise DocumentError(f"Ảnh {name} quá lớn; giới hạn là {MAX_IMAGE_PIXELS // 1_000_000} triệu điểm ảnh "
                            "mỗi trang.") from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise DocumentError(f"Tệp ảnh {name} bị hỏng, không đọc được.", detail=repr(exc)) from exc
    for f in frames:
        f.info.setdefault("dpi", img.info.get("dpi"))
    return frames


def _same(frame: Any) -> Any:
    return frame


def read_image(data: bytes, name: str, warnings: list[str],
               progress: Progress | None = None) -> tuple[list[Block], int, list[OcrPage]]:
    """(blocks, pages, OCR records) of an image file; a multi-page TIFF is one page per frame."""
    frames = _frames(data, name)
    loaders: list[tuple[int, Callable[[], Any]]] = [(i, partial(_same, f)) for i, f in enumerate(frames, start=1)]
    results = ocr_pages(loaders, None, progress)
    return _blocks([text for text, _ in results], warnings), len(frames), [r for _, r in results]


def _pdf_texts(data: bytes, pages: list[int], progress: Progress | None) -> list[tuple[str, OcrPage]]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        def render(i: int) -> Any:
            return pdf[i - 1].render(scale=RENDER_DPI / 72, grayscale=True).to_pil()

        loaders: list[tuple[int, Callable[[], Any]]] = [(i, partial(render, i)) for i in pages]
        return ocr_pages(loaders, RENDER_DPI, progress)
    finally:
        pdf.close()


def ocr_pdf(data: bytes, pages: list[int], warnings: list[str], *, whole: bool,
            progress: Progress | None = None) -> tuple[dict[int, list[Block]], list[OcrPage]]:
    """OCR of the given 1-based pages of a PDF: (blocks by page, records). With `whole` (the PDF is
    scanned throughout) the pages are read as one text, under the first page's number."""
    results = _pdf_texts(data, pages, progress)
    records = [r for _, r in results]
    if whole:
        return {pages[0]: _blocks([t for t, _ in results], warnings)}, records
    return {p: _blocks([t], warnings, page=p) for p, (t, _) in zip(pages, results, strict=True)}, records


def _blocks(texts: list[str], warnings: list[str], page: int | None = None) -> list[Block]:
    from trienkhai.documents.txt import text_blocks

    blocks = text_blocks("\n".join(t for t in texts if t.strip()), warnings)
    if page is not None:
        for b in blocks:
            b.page = page
    return blocks


def review_image(data: bytes, name: str, page: int, rotated: int = 0, max_width: int = 1240) -> tuple[bytes, float]:
    """(PNG, scale) of page `page` as OCR read it — rendered, cleaned and turned the same way, so the
    boxes of its low-confidence words fit — shrunk to at most `max_width` pixels (`scale` = shown / read).
    For the import review: the reviewer checks those words against the page."""
    from trienkhai.documents.ocr import clean

    if data[:5] == b"%PDF-":
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(data)
        try:
            if not 1 <= page <= len(pdf):
                raise DocumentError(f"Bản quét không có trang {page}.")
            image = pdf[page - 1].render(scale=RENDER_DPI / 72, grayscale=True).to_pil()
        finally:
            pdf.close()
    else:
        frames = _frames(data, name)
        if not 1 <= page <= len(frames):
            raise DocumentError(f"Bản quét không có trang {page}.")
        image = frames[page - 1]
    cleaned, _ = clean(image)
    if rotated:
        cleaned = cleaned.rotate(-rotated, expand=True, fillcolor=255)
    scale = min(1.0, max_width / cleaned.width)
    if scale < 1.0:
        from PIL import Image

        cleaned = cleaned.resize((round(cleaned.width * scale), round(cleaned.height * scale)),
                                 Image.Resampling.LANCZOS)
    out = io.BytesIO()
    cleaned.save(out, format="PNG", optimize=True)
    return out.getvalue(), scale
