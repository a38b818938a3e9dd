"""Paragraph re-assembly: hard-wrapped lines (PDF text layers, text copied from a PDF) → paragraphs.

Shared by the .txt and .pdf readers. A line continues the paragraph before it unless something says
a new paragraph starts: a barrier (table cell, rule), a numbered item or bullet, a line before it
that ended a sentence or stopped well before the right margin, a first-line indent, a title in
capitals followed by ordinary text, the header's motto or place-date line. Footnote lines met in the
middle of a paragraph (a page break) are set aside and placed after the paragraph they interrupted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from trienkhai.documents.patterns import (
    LOWER_START_RE,
    TERMINAL_RE,
    is_all_caps,
    is_header_line,
    is_heading_start,
)

_HYPHEN_END_RE = re.compile(r"\S[-‐]$")


@dataclass
class Line:
    """One physical line as a reader found it."""

    text: str
    barrier: bool = False          # a hard boundary before this line (cell separator, rule, table)
    gap: bool = False              # a blank line or a large vertical gap before it
    short: bool | None = None      # the line ends well before the right margin (None: unknown)
    indent: bool = False           # first-line indent (PDF geometry)
    page: int | None = None
    bold: bool = False
    italic: bool = False
    footnote: str | None = None    # note id when the line is (the start of) a footnote


@dataclass
class Para:
    text: str
    page: int | None = None
    bold: bool = True
    italic: bool = True
    footnote: str | None = None


def _joins(a: Line, b: Line, wrapped: bool) -> str | None:
    """How b continues a: "" (glue), " " (space) — or None when b starts a new paragraph."""
    at = a.text.rstrip()
    bt = b.text.lstrip()
    if b.barrier or not at or is_heading_start(bt) or is_header_line(at, bt):
        return None
    if _HYPHEN_END_RE.search(at) and bt[:1].isalnum() and a.short is not True:
        return ""  # "21-" + "KH/TW", "chính trị-" + "xã hội"
    caps_a = is_all_caps(at)
    if LOWER_START_RE.match(bt):
        return None if caps_a and len(at) < 60 else " "
    if not wrapped or b.indent:
        return None
    if TERMINAL_RE.search(at) or a.short:
        return None
    if caps_a and not is_all_caps(bt):
        return None
    return " "


def reassemble(lines: list[Line], *, wrapped: bool) -> list[Para]:
    """Join lines into paragraphs (see the module docstring). `wrapped` says the source is
    hard-wrapped, so a line continues the previous one even when it starts with a capital."""
    out: list[Para] = []
    last: Line | None = None       # last body line, the one a continuation joins to
    last_index = -1                # its paragraph's index in out
    for line in lines:
        if line.footnote is not None:
            out.append(Para(line.text.strip(), line.page, line.bold, line.italic, line.footnote))
            continue
        glue = _joins(last, line, wrapped) if last is not None else None
        if glue is None:
            out.append(Para(line.text.strip(), line.page, line.bold, line.italic))
            last_index = len(out) - 1
        else:
            para = out[last_index]
            para.text = para.text.rstrip() + glue + line.text.strip()
            para.bold = para.bold and line.bold
            para.italic = para.italic and line.italic
        last = line
    return out
