"""Tables in text laid out in columns by spaces (`pdftotext -layout`, text copied from a PDF viewer).

A table starts at a header line whose first column is "TT"/"STT" and which has at least three columns
set apart by two or more spaces; the header may wrap over a few lines. The column starts of the header
line give the columns (each page's repeated header gives them again: widths shift a little between
pages). A row starts where the first column holds a number; other lines add their pieces to the cells
of the current row — so a row split by a page break is re-joined. The repeated header of the next page
and page numbers are skipped. The table ends at a line that is not laid out in those columns.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from trienkhai.documents.patterns import PAGE_NUMBER_RE

_SEGMENT_RE = re.compile(r"\S+(?: \S+)*")
_HEADER_FIRST_RE = re.compile(r"^\s{0,8}S?TT\b", re.IGNORECASE)
_ROW_NO_RE = re.compile(r"^\d{1,3}[.)]?$|^[IVX]{1,5}$")
TOLERANCE = 3


@dataclass
class LayoutTable:
    start: int   # index of the header line
    end: int     # index after the last line of the table
    rows: list[list[str]]
    notes: list[str] = field(default_factory=list)  # footnotes met at page ends inside the table


def _split_spaced(line: str) -> list[tuple[int, str]]:
    """Pieces set apart by two or more spaces, with their start columns."""
    out: list[tuple[int, str]] = []
    for m in re.finditer(r"\S+(?: \S+)*", line):
        out.append((m.start(), m.group()))
    return out


def _header_columns(line: str) -> list[int] | None:
    if not _HEADER_FIRST_RE.match(line):
        return None
    pieces = _split_spaced(line)
    if len(pieces) < 3:
        return None
    return [p for p, _ in pieces]


def _refine(cols: list[int], lines: list[str], i: int) -> list[int]:
    """Column starts as the cells below use them: a bold header is often placed a few characters
    off. For each header column take the commonest piece start just left of (or at) it."""
    starts: Counter[int] = Counter()
    for line in lines[i + 1:i + 80]:
        if _header_columns(line) is not None:
            break
        starts.update(p for p, _ in _split_spaced(line))
    out: list[int] = []
    for k, c in enumerate(cols):
        lo = out[-1] + 2 if out else 0
        near = [(n, p) for p, n in starts.items() if max(lo, c - 7) <= p <= c + 2 and n >= 2]
        out.append(max(near)[1] if near and k > 0 else c)
    return out


def _columns_like(line: str, pieces: list[str]) -> list[int] | None:
    """Where the first header line's pieces lie in a repeat of it (spacing differs page to page)."""
    cols: list[int] = []
    at = 0
    for piece in pieces:
        k = line.find(piece, at)
        if k < 0:
            return None
        cols.append(k)
        at = k + len(piece)
    return cols


def _column_of(pos: int, cols: list[int]) -> int:
    best = 0
    for i, c in enumerate(cols):
        if pos >= c - TOLERANCE:
            best = i
    return best


def _cells(line: str, cols: list[int]) -> list[str] | None:
    """The line's pieces per column, or None when the line is not laid out in these columns."""
    cells = [""] * len(cols)
    for start, text in _split_spaced(line):
        end = start + len(text)
        ci = _column_of(start, cols)
        if abs(start - cols[ci]) > TOLERANCE and start < cols[ci]:
            return None
        # A piece running into the next column(s) with a single space: split it at the boundary.
        while ci + 1 < len(cols) and end > cols[ci + 1] + TOLERANCE:
            # Cut before the word starting nearest the next column's edge.
            spaces = [k for k, ch in enumerate(text) if ch == " "]
            if not spaces:
                return None
            cut = min(spaces, key=lambda k: abs(start + k + 1 - cols[ci + 1]))
            if abs(start + cut + 1 - cols[ci + 1]) > TOLERANCE:
                return None  # one long run across columns: ordinary text, not a table line
            cells[ci] = _join(cells[ci], text[:cut])
            text = text[cut + 1:]
            start += cut + 1
            ci = _column_of(start, cols)
        cells[ci] = _join(cells[ci], text)
    return cells


def _join(a: str, b: str) -> str:
    if not a:
        return b
    if a.endswith("-") and not a.endswith(" -") and b[:1].isalnum():
        return a + b  # "21-" + "KH/TW"
    return a + " " + b


def _same_header(lines: list[str], i: int, header: list[str]) -> int:
    """How many lines from i repeat the table's header (0 when they do not)."""
    for k, h in enumerate(header):
        if i + k >= len(lines) or " ".join(lines[i + k].split()) != h:
            return 0 if k == 0 else k
    return len(header)


def find_layout_tables(lines: list[str]) -> list[LayoutTable]:
    tables: list[LayoutTable] = []
    i = 0
    n = len(lines)
    while i < n:
        cols = _header_columns(lines[i])
        if cols is None:
            i += 1
            continue
        head_pieces = [t for _, t in _split_spaced(lines[i])]
        cols = _refine(cols, lines, i)
        start = i
        header_lines = [" ".join(lines[i].split())]
        head = _cells(lines[i], cols) or [""] * len(cols)
        j = i + 1
        # Header continuation: lines in the columns with an empty first column, up to the first row.
        while j < n and lines[j].strip():
            cells = _cells(lines[j], cols)
            if cells is None or cells[0]:
                break
            head = [_join(a, b) if b else a for a, b in zip(head, cells, strict=True)]
            header_lines.append(" ".join(lines[j].split()))
            j += 1
        rows: list[list[str]] = []
        notes: list[str] = []
        last = j
        while j < n:
            s = lines[j].strip()
            if not s or PAGE_NUMBER_RE.match(s):
                j += 1
                continue
            if _HEADER_FIRST_RE.match(lines[j]) and _same_header(lines, j, header_lines):
                # The header repeated on the next page; its columns sit a little elsewhere.
                again = _columns_like(lines[j], head_pieces)
                if again is None:
                    break
                cols = _refine(again, lines, j)
                j += _same_header(lines, j, header_lines)
                last = j
                continue
            cells = _cells(lines[j], cols)
            if cells is not None and cells[0] and _ROW_NO_RE.match(cells[0]):
                rows.append(cells)
            elif cells is not None and rows and not cells[0]:
                rows[-1] = [_join(a, b) if b else a for a, b in zip(rows[-1], cells, strict=True)]
            else:
                # Page furniture (a footnote, a running footer) between a page's last row and the
                # next page's repeated header: set aside, the table goes on.
                ahead = next((k for k in range(j + 1, min(j + 6, n)) if _HEADER_FIRST_RE.match(lines[k])
                              and _same_header(lines, k, header_lines)), None)
                if ahead is None:
                    break
                notes.extend(ln.strip() for ln in lines[j:ahead]
                             if ln.strip() and not PAGE_NUMBER_RE.match(ln.strip()))
                j = ahead
                continue
            j += 1
            last = j
        if rows:
            tables.append(LayoutTable(start=start, end=last, rows=[head, *rows], notes=notes))
            i = last
        else:
            i += 1
    return tables
