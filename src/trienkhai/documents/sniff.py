"""Which reader a file needs, from its first bytes (magic numbers) and then its name."""

from __future__ import annotations

from typing import Literal

from trienkhai.errors import DocumentError

Format = Literal["txt", "docx", "pdf", "doc", "image"]
_IMAGES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff_format(data: bytes, name: str) -> Format:
    """The format by content first (a .doc renamed .docx is still read), then by extension."""
    head = data[:1024]
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        if ext in ("docx", "docm", "dotx", "") or b"word/" in data[:65536] or b"[Content_Types].xml" in data[:4096]:
            return "docx"
        raise DocumentError(f"Tệp {name} là tệp nén (zip) chứ không phải văn bản .docx.")
    if data.startswith(_OLE):
        if ext in ("xls", "ppt", "msg"):
            raise DocumentError(f"Tệp {name} không phải văn bản Word; hãy dùng .docx, .doc, .pdf hoặc .txt.")
        return "doc"
    if data.startswith(_IMAGES):
        return "image"  # a scan or a photo of the page: read by OCR
    if ext in ("docx", "pdf", "doc"):
        raise DocumentError(
            f"Tệp {name} có đuôi .{ext} nhưng nội dung không phải tệp {ext.upper()} (tệp hỏng hoặc sai định dạng)."
        )
    for magic, kind in ((b"GIF8", "ảnh GIF"),
                        (b"\x1f\x8b", "tệp nén gzip"), (b"Rar!", "tệp nén RAR"), (b"7z\xbc\xaf", "tệp nén 7z"),
                        (b"{\\rtf", "tệp RTF")):
        if data.startswith(magic):
            raise DocumentError(f"Tệp {name} là {kind}, không phải văn bản; hãy dùng .docx, .doc, .pdf hoặc .txt.")
    return "txt"
