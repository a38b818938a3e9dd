"""The reader's blocks as the structure parser sees them: cleaned lines.

The readers already strip conversion residue; this pass is defensive so the parser gives the same result
on blocks from any reader (or built by hand): `**bold**`, `*italic*` and `<i>` residue become flags (an
inline italic start such as "- *Xây dựng đội ngũ công nhân* hiện đại…" becomes `label`), a bold heading
glued to the previous one ("I. MỤC ĐÍCH**1. Mục đích**") is split, separators and bare page numbers
are dropped, and a line starting with a superscript number is a footnote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from trienkhai.documents.model import Block, SourceDocument
from trienkhai.text.vietnamese import collapse_spaces, nfc


@dataclass
class Line:
    kind: str  # paragraph | table | footnote
    text: str
    bold: bool = False
    italic: bool = False
    label: str | None = None  # an emphasised lead-in at the start of the line
    rows: list[list[str]] = field(default_factory=list)
    index: int = 0  # position in the cleaned sequence


_GLUED_HEADING = re.compile(r"\*\*(?=\s*(?:[IVXL]+|\d{1,2}(?:\.\d{1,2})*)\s*[.\-–)]\s)")
_TAGS = re.compile(r"</?(?:i|b|em|strong|u|span)\b[^>]*>", re.IGNORECASE)
_WRAPPED = re.compile(r"^(\*{1,3})(.+?)\1$", re.DOTALL)
_LEAD_LABEL = re.compile(r"^((?:[-+•]\s*)?)\*{1,2}([^*]{3,120}?)\*{1,2}(?=\s|[:.,]|$)")
_SEPARATOR = re.compile(r"^[\s\-_–—=*|.·]*$")
_PAGE_NUMBER = re.compile(r"^(?:-\s*)?(?:trang\s+)?\d{1,3}(?:\s*-)?$", re.IGNORECASE)
_SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_FOOTNOTE = re.compile(rf"^[{_SUPERSCRIPT}]+\s*\S")


def _clean(text: str) -> tuple[str, bool, bool, str | None]:
    """Text without residue, plus whether it was wholly bold / italic, and an emphasised lead-in."""
    text = collapse_spaces(_TAGS.sub("", nfc(text)).strip().strip("|").strip())
    bold = italic = False
    m = _WRAPPED.match(text)
    if m and "*" not in m.group(2):
        stars = len(m.group(1))
        bold, italic = stars >= 2, stars in (1, 3)
        text = m.group(2).strip()
    label = None
    lm = _LEAD_LABEL.match(text)
    if lm and not (bold or italic):
        label = collapse_spaces(lm.group(2))
        text = lm.group(1) + lm.group(2) + text[lm.end():]
    return collapse_spaces(text.replace("*", "")), bold, italic, label


def _split_glued(text: str) -> list[str]:
    parts = _GLUED_HEADING.split(text)
    return [p for p in parts if p.strip(" *")]


def prepare(source: SourceDocument) -> list[Line]:
    """The document's blocks as cleaned lines, in order (empty, separator and page-number lines dropped)."""
    out: list[Line] = []
    for block in source.blocks:
        out.extend(_lines_of(block))
    for i, line in enumerate(out):
        line.index = i
    return out


def _lines_of(block: Block) -> list[Line]:
    if block.kind == "table":
        rows = [[collapse_spaces(_TAGS.sub("", c).replace("*", "")) for c in r] for r in block.rows]
        return [Line(kind="table", text="", rows=rows)] if rows else []
    lines: list[Line] = []
    for part in _split_glued(block.text):
        text, bold, italic, label = _clean(part)
        if _SEPARATOR.match(text) or (block.kind != "footnote" and _PAGE_NUMBER.match(text)):
            continue
        kind = "footnote" if block.kind == "footnote" or _FOOTNOTE.match(text) else "paragraph"
        lines.append(Line(kind=kind, text=text, bold=bold or block.bold, italic=italic or block.italic,
                          label=label))
    return lines
