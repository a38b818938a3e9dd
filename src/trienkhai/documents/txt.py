"""Text files (.txt, text copied from web pages and PDFs) → blocks.

Steps: decode (BOM/UTF-8/UTF-16/cp1258/TCVN3/VNI), find tables laid out by spaces and read two
columns set side by side column by column, split off tab-separated table rows, turn
residue into boundaries (rules, `|` cells, glued headings), drop page numbers and running headers of
hard-wrapped copies, re-assemble paragraphs, then strip markup keeping whole-paragraph emphasis.
"""

from __future__ import annotations

import re
from collections import Counter

from trienkhai.documents.cell_lines import find_cell_tables
from trienkhai.documents.columns import split_columns
from trienkhai.documents.decode import decode_text
from trienkhai.documents.flat_cells import continues_date, separate_cells, split_number_place
from trienkhai.documents.layout_table import find_layout_tables
from trienkhai.documents.model import Block
from trienkhai.documents.patterns import (
    FOOTNOTE_LINE_RE,
    LOWER_START_RE,
    PAGE_NUMBER_RE,
    SUPERSCRIPT_DIGITS,
    is_heading_start,
)
from trienkhai.documents.reflow import Line, Para, reassemble
from trienkhai.documents.residue import (
    LONE_LABEL_RE,
    is_rule,
    join_broken_words,
    restore_number_hyphens,
    split_cells,
    split_glued_headings,
    strip_markup,
    whole_emphasis,
)
from trienkhai.text.legacy_repair import ENCODING_LABELS, repair_text
from trienkhai.text.vietnamese import nfc

_TABLE_MARK = object()
_NOTE_RE = re.compile(r"^(\d{1,3})\s+(\S.*)$")
WRAPPED_THRESHOLD = 0.2
"""Share of line-to-line transitions that continue a sentence above which a text is hard-wrapped."""


_SCRAMBLED_TAIL_RE = re.compile(r"(?:\s[^\x00-\x7F\s]){3,}\s*$")
SCRAMBLED_WARNING = ("Văn bản có vẻ được chép từ PDF bằng một công cụ làm xáo trộn chữ có dấu (các chữ cái có dấu "
                     "bị dồn về cuối dòng, như \"K  HO CHẾ Ạ\"); kết quả đọc không đáng tin cậy: hãy dùng tệp PDF gốc "
                     "hoặc chép lại bằng công cụ khác.")


def is_scrambled(lines: list[str]) -> bool:
    """Letters of a fallback font moved to the line end (pypdf on some PDFs): many lines ending in
    three or more lone accented letters."""
    body = [ln for ln in lines if ln.strip()]
    bad = sum(1 for ln in body if _SCRAMBLED_TAIL_RE.search(ln))
    return len(body) >= 5 and bad >= 0.2 * len(body)


def _is_row(line: str) -> bool:
    return "\t" in line.strip(" ") and (line.count("\t") >= 2 or len([c for c in line.split("\t") if c.strip()]) >= 2)


def is_hard_wrapped(lines: list[str]) -> bool:
    """Many lines continuing a sentence begun on the line before: text copied from a PDF."""
    body = [ln.strip() for ln in lines if ln.strip()]
    if len(body) < 4:
        return False
    cont = sum(1 for b in body[1:] if LOWER_START_RE.match(b) and not is_heading_start(b))
    return cont / (len(body) - 1) >= WRAPPED_THRESHOLD


def _running_lines(lines: list[str]) -> set[str]:
    """Short lines repeated on many pages (running headers/footers) in a hard-wrapped copy."""
    counts = Counter(ln.strip() for ln in lines if 0 < len(ln.strip()) <= 100)
    return {t for t, n in counts.items() if n >= 3 and not is_heading_start(t) and not PAGE_NUMBER_RE.match(t)}


def text_blocks(text: str, warnings: list[str] | None = None) -> list[Block]:
    """Blocks of a decoded text (also used for text a converter produced); doubts go to `warnings`."""
    raw = restore_number_hyphens(text).replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n").split("\n")
    if warnings is not None and is_scrambled(raw):
        warnings.append(SCRAMBLED_WARNING)
    # Tables laid out in columns by spaces (a PDF copied with its layout) → table rows; two columns
    # side by side (header, "Nơi nhận" beside the signature) → read column by column.
    tables = find_layout_tables(raw) if "   " in text else []
    starts: set[int] = set()
    in_column: set[int] = set()
    if "    " in text:
        cols = split_columns(raw, {k for t in tables for k in range(t.start, t.end)})
        if cols is not None:
            raw, starts, in_column = cols.lines, cols.starts, cols.in_column
            tables = find_layout_tables(raw)
    if not tables and "\t" not in text:
        # A task register copied without its layout: one cell per line (plain pdftotext), or one cell
        # after another without blank lines (pypdf), made one cell per block first.
        if not starts:
            raw = separate_cells(raw)
        tables = find_cell_tables(raw, warnings)
    layout = {t.start: t for t in tables}
    wrapped = is_hard_wrapped(raw)
    if wrapped:
        joined = [join_broken_words(ln) for ln in raw]
        if sum(n for _, n in joined) >= 3:  # the extraction artefact, not a stray "c ó"
            raw = [ln for ln, _ in joined]
    _attach_lone_labels(raw, {k for t in tables for k in range(t.start, t.end)})
    running = _running_lines(raw) if wrapped else set()
    lengths = sorted(len(ln.rstrip()) for ln in raw if ln.strip())
    width = lengths[int(len(lengths) * 0.9)] if lengths else 0
    items: list[Line | list[list[str]]] = []
    gap = barrier = False
    skip_to = 0
    previous = ""  # the last text line kept, to tell a date's year from a page number
    for index, ln in enumerate(raw):
        if index < skip_to:
            continue
        if index in starts:
            barrier = True
        if index in layout:
            items.append(layout[index].rows)
            for note_text in layout[index].notes:
                nm = _NOTE_RE.match(note_text)
                items.append(Line(text=nm.group(2), barrier=True, footnote=nm.group(1)) if nm
                             else Line(text=note_text, barrier=True))
            skip_to = layout[index].end
            gap = False
            barrier = True
            continue
        if _is_row(ln):
            cells = [strip_markup(c) for c in ln.rstrip("\n").split("\t")]
            if items and isinstance(items[-1], list) and not gap:
                items[-1].append(cells)
            else:
                items.append([cells])
            gap = False
            barrier = True
            continue
        s = ln.strip()
        if not s:
            gap = True
            continue
        if is_rule(s):
            barrier = True
            continue
        if PAGE_NUMBER_RE.match(s) and (wrapped or (len(s) <= 4 and s.isdigit())) and not continues_date(previous, s):
            continue  # a page number on its own line
        if s in running:
            continue
        previous = s
        cells = [part for cell in split_cells(s) for part in split_number_place(cell)]
        for i, cell in enumerate(cells):
            for j, piece in enumerate(split_glued_headings(cell)):
                m = FOOTNOTE_LINE_RE.match(piece)
                note = m.group(1).translate(SUPERSCRIPT_DIGITS) if m and m.group(1)[0] in "¹²³⁴⁵⁶⁷⁸⁹⁰" else None
                items.append(Line(
                    text=m.group(2) if m and note else piece,
                    barrier=barrier or i > 0 or j > 0 or len(cells) > 1,
                    gap=gap,
                    short=True if index in in_column else (len(piece) < 0.7 * width) if wrapped else None,
                    footnote=note,
                ))
                barrier = gap = False
    blocks: list[Block] = []
    run: list[Line] = []

    def flush() -> None:
        if run:
            blocks.extend(_para_blocks(reassemble(run, wrapped=wrapped)))
            run.clear()

    for item in items:
        if isinstance(item, list):
            flush()
            blocks.append(Block(kind="table", rows=item))
        else:
            run.append(item)
    flush()
    return blocks


def _attach_lone_labels(raw: list[str], excluded: set[int]) -> None:
    """A numbering label alone on its line ("I.", "2.1.", "-") goes before the text on the next
    non-blank line (in place: the label's line becomes blank, so line indices do not move)."""
    for i, ln in enumerate(raw):
        s = ln.strip()
        if len(s) > 8 or not s or i in excluded or not LONE_LABEL_RE.match(s):
            continue
        j = next((k for k in range(i + 1, min(i + 4, len(raw))) if raw[k].strip()), None)
        if j is None or j in excluded or "\t" in raw[j]:
            continue
        nxt = raw[j].strip()
        if is_heading_start(nxt) or LONE_LABEL_RE.match(nxt) or PAGE_NUMBER_RE.match(nxt):
            continue
        raw[j] = f"{s} {nxt}"
        raw[i] = ""


def _para_blocks(paras: list[Para]) -> list[Block]:
    """Strip markup; keep whole-paragraph emphasis, including bold spanning several lines
    ("**T/M BAN THƯỜNG VỤ" … "PHÓ BÍ THƯ**")."""
    out: list[Block] = []
    open_bold = False
    for p in paras:
        raw = p.text.strip()
        bold, italic = whole_emphasis(raw)
        starts = raw.startswith("**") and raw.count("**") % 2 == 1
        ends = raw.endswith("**") and raw.count("**") % 2 == 1
        if starts:
            open_bold = True
        if open_bold:
            bold = True
        if ends:
            open_bold = False
        text = strip_markup(raw)
        if not text:
            continue
        if p.footnote is not None:
            out.append(Block(kind="footnote", text=text, note_id=p.footnote, page=p.page))
        else:
            out.append(Block(kind="paragraph", text=text, bold=bold, italic=italic, page=p.page))
    return out


def read_text(data: bytes, name: str, warnings: list[str] | None = None) -> tuple[list[Block], str]:
    """(blocks, encoding) of a text file; what was read with low confidence goes to `warnings`."""
    text, encoding = decode_text(data, name)
    if warnings is not None and encoding in ENCODING_LABELS:
        warnings.append(f"Tệp {name} được gõ bằng bảng mã cũ {ENCODING_LABELS[encoding]}; đã chuyển sang Unicode.")
    else:
        # Legacy-font letters inside Unicode text (pasted from a .VnTime or VNI-Times document).
        text, repair = repair_text(text)
        if warnings is not None and repair.warning():
            warnings.append(str(repair.warning()))
        text = nfc(text) if repair.lines else text
    return text_blocks(text, warnings), encoding


