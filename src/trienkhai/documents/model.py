"""What a reader produces: the document as a flat sequence of blocks, in reading order.

Readers keep what the structure parser needs (numbering rendered back into text, emphasis, tables,
footnotes, page numbers) and drop what it does not (fonts, positions). Text is Unicode NFC.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from trienkhai.documents.ocr import OcrPage

BlockKind = Literal["paragraph", "table", "footnote"]


@dataclass
class Block:
    """One paragraph, table or footnote of the source.

    `text` is the paragraph's text with any automatic numbering prefixed ("1. ", "- ");
    `bold`/`italic` say whether the whole paragraph (ignoring spaces) is bold/italic;
    `style` is the .docx paragraph style name when there is one; `page` is 1-based when known.
    A table has `rows` (list of rows of cell texts, merged cells repeated as the reader found them)
    and an empty `text`. A footnote has `note_id` and is placed right after the block citing it.
    """

    kind: BlockKind
    text: str = ""
    bold: bool = False
    italic: bool = False
    style: str | None = None
    page: int | None = None
    rows: list[list[str]] = field(default_factory=list)
    note_id: str | None = None
    centered: bool = False


@dataclass
class SourceDocument:
    """A document as read: its blocks plus facts about the source file."""

    filename: str
    sha256: str
    format: Literal["txt", "docx", "pdf", "doc", "image"]
    encoding: str | None
    blocks: list[Block]
    pages: int | None = None
    warnings: list[str] = field(default_factory=list)
    ocr: list[OcrPage] = field(default_factory=list)
    """How each page read by OCR was read (confidence, doubtful words with their boxes)."""

    @property
    def text(self) -> str:
        """The document's text, one block per line group, tables as tab-separated rows."""
        parts: list[str] = []
        for b in self.blocks:
            if b.kind == "table":
                parts.append("\n".join("\t".join(r) for r in b.rows))
            else:
                parts.append(b.text)
        return "\n".join(parts)
