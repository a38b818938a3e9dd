"""Entry point: read a file (or its bytes) into a SourceDocument, dispatching on content and name."""

from __future__ import annotations

import hashlib
from pathlib import Path

from trienkhai.documents.limits import MAX_FILE_BYTES, check_size
from trienkhai.documents.model import Block, SourceDocument
from trienkhai.documents.ocr import OcrPage, Progress, summary
from trienkhai.documents.sniff import sniff_format
from trienkhai.errors import DocumentError
from trienkhai.text.legacy_repair import repair_lines
from trienkhai.text.vietnamese import nfc


def _load(path: Path, name: str, max_bytes: int) -> bytes:
    try:
        check_size(path.stat().st_size, name, max_bytes)
        with path.open("rb") as fh:
            return fh.read(max_bytes + 1)
    except OSError as exc:
        raise DocumentError(f"Không mở được tệp {name}.", detail=str(exc)) from exc


def read_document(
    path: str | Path, *, data: bytes | None = None, filename: str | None = None, max_bytes: int = MAX_FILE_BYTES,
    progress: Progress | None = None,
) -> SourceDocument:
    """Read a .txt/.docx/.pdf/.doc document or a scan (.pdf without text, .png/.jpg/.tif) into
    blocks in reading order (text NFC).

    `data`, when given, is the file's content (`path` then only names it). `max_bytes` is the largest
    file accepted (the application passes its setting). `progress(done, total)` is called after each
    page read by OCR (the slow part: seconds a page). Raises a `DocumentError` subclass with a
    Vietnamese message for anything that cannot be read.
    """
    p = Path(path)
    name = filename or p.name
    if data is None:
        data = _load(p, name, max_bytes)
    check_size(len(data), name, max_bytes)
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise DocumentError(f"Tệp {name} trống, không có nội dung.")
    fmt = sniff_format(data, name)
    encoding: str | None = None
    pages: int | None = None
    warnings: list[str] = []
    ocr: list[OcrPage] = []
    try:
        if fmt == "txt":
            from trienkhai.documents.txt import read_text

            blocks, encoding = read_text(data, name, warnings)
        elif fmt == "docx":
            from trienkhai.documents.docx import read_docx

            blocks, pages = read_docx(data, name, warnings)
        elif fmt == "pdf":
            from trienkhai.documents.pdf import read_pdf

            blocks, pages, warnings, ocr = read_pdf(data, name, progress)
        elif fmt == "image":
            from trienkhai.documents.scan import read_image

            blocks, pages, ocr = read_image(data, name, warnings, progress)
        else:
            from trienkhai.documents.doc import read_doc

            blocks, pages = read_doc(data, name)
    except DocumentError:
        raise
    except (MemoryError, RecursionError) as exc:
        raise DocumentError(f"Tệp {name} quá phức tạp để đọc.", detail=repr(exc)) from exc
    except Exception as exc:  # a corrupt file can make any parser fail anywhere
        raise DocumentError(
            f"Tệp {name} bị hỏng hoặc không đúng định dạng {fmt.upper()}; không đọc được.",
            detail=repr(exc),
        ) from exc
    if fmt != "txt":  # the text reader checks the text before splitting it into blocks
        _repair_legacy(blocks, warnings)
    blocks = [_nfc_block(b) for b in blocks]
    if not any(b.text.strip() or b.rows for b in blocks):
        raise DocumentError(f"Tệp {name} không có nội dung chữ nào đọc được.")
    return SourceDocument(
        filename=name, sha256=hashlib.sha256(data).hexdigest(), format=fmt, encoding=encoding,
        blocks=blocks, pages=pages, warnings=warnings + summary(ocr), ocr=ocr,
    )


def _repair_legacy(blocks: list[Block], warnings: list[str]) -> None:
    """Legacy-font letters left in the blocks (a run whose font we do not know: PDFs, .doc,
    a .docx run in a Unicode font) → Unicode, judged over the whole document."""
    texts: list[str] = []
    for b in blocks:
        texts.append(b.text)
        for row in b.rows:
            texts.extend(row)
    fixed, repair = repair_lines(texts)
    if not repair.lines:
        return
    it = iter(fixed)
    for b in blocks:
        b.text = next(it)
        b.rows = [[next(it) for _ in row] for row in b.rows]
    warnings.append(str(repair.warning()))


def _nfc_block(b: Block) -> Block:
    b.text = nfc(b.text)
    if b.rows:
        b.rows = [[nfc(c) for c in row] for row in b.rows]
    return b
