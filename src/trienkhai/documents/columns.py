"""Two columns set side by side in a text file (`pdftotext -layout`, a PDF viewer's copy with its
layout): the header (issuing body | motto, number | place and date) and the closing ("Nơi nhận: - …" |
"T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ / name") share lines, the two halves set apart by a run of spaces.

Such a region is read as the PDF reader reads it: left column, then right column. It is recognised
only where the layout is clearly two columns: at least two lines split by a wide gap (four spaces or
more, the right part starting well into the line, one of the gaps at least eight spaces) whose gaps
overlap in a common gutter, with every line between them keeping to one side of that gutter. A line
running across the gutter, a line of three or more spaced pieces (a table), a tab, or a blank line not
followed by more two-column lines ends the region. Ordinary text, indented numbering ("I.      MỤC
TIÊU") and tables are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from trienkhai.documents.patterns import PAGE_NUMBER_RE

_SPAN_RE = re.compile(r"\S+(?: {1,3}\S+)*")  # text pieces set apart by four spaces or more
MIN_RIGHT = 24   # the right column starts at least this far into the line
WIDE_GAP = 8     # at least one line of the region has a gap this wide
MIN_GUTTER = 2   # the gaps of the region overlap over at least this many columns
LOOKAHEAD = 6    # a blank line continues the region when two-column lines follow within this many lines
SLACK = 6        # a one-side line may reach this many columns into the gutter


@dataclass
class Columns:
    """The lines with two-column regions read column by column."""

    lines: list[str]
    starts: set[int] = field(default_factory=set)     # a new paragraph starts here (column or region start)
    in_column: set[int] = field(default_factory=set)  # lines that came from a column: each line short


def _spans(line: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SPAN_RE.finditer(line)]


def _gap(spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """(end of the left part, start of the right part) of a line split in two by a wide gap."""
    if len(spans) != 2 or spans[1][0] < MIN_RIGHT:
        return None
    return spans[0][1], spans[1][0]


def _neutral(line: str) -> bool:
    s = line.strip()
    return not s or bool(PAGE_NUMBER_RE.match(s))


def _side(spans: list[tuple[int, int]], lo: int, hi: int, slack: int) -> int | None:
    """0 (left) or 1 (right) for a one-piece line keeping to one side of the gutter (lo, hi) — within
    `slack` columns of it —, else None (it runs across)."""
    if len(spans) != 1:
        return None
    start, end = spans[0]
    left, right = end <= lo + slack, start >= hi - slack
    if left and right:
        return 1 if start >= (lo + hi) / 2 else 0
    return 0 if left else 1 if right else None


def _extent(lines: list[str], i: int, excluded: set[int]) -> int:
    """End of the run of lines from i (a split line) that may be two columns: split lines with
    overlapping gaps, lines not reaching across the gaps seen so far, blank lines followed by more."""
    lo, hi = _gap(_spans(lines[i])) or (0, 0)
    j = i + 1
    while j < len(lines):
        line = lines[j]
        if "\t" in line or j in excluded:
            break
        if _neutral(line):
            ahead = [k for k in range(j + 1, min(j + 1 + LOOKAHEAD, len(lines))) if not _neutral(lines[k])]
            if not ahead or ahead[0] in excluded or not _continues(lines[ahead[0]], lo, hi):
                break
            j += 1
            continue
        spans = _spans(line)
        gap = _gap(spans)
        if gap is not None:
            if min(hi, gap[1]) - max(lo, gap[0]) < MIN_GUTTER:
                break
            lo, hi = max(lo, gap[0]), min(hi, gap[1])
        elif _side(spans, lo, hi, hi - lo) is None:
            break
        j += 1
    return j


def _region(lines: list[str], i: int, excluded: set[int]) -> tuple[int, list[str], list[str]] | None:
    """The two-column region starting at line i (a split line): (end, left lines, right lines).
    The gutter is where the gaps of all its split lines overlap; every other line keeps to one side
    of it (the first that does not — a centred title under the header — ends the region)."""
    if _gap(_spans(lines[i])) is None:
        return None
    end = _extent(lines, i, excluded)
    while True:
        gaps = [(k, g) for k in range(i, end) if (g := _gap(_spans(lines[k]))) is not None]
        lo, hi = max(g[0] for _, g in gaps), min(g[1] for _, g in gaps)
        cut = next((k for k in range(i, end) if not _neutral(lines[k]) and _gap(_spans(lines[k])) is None
                    and _side(_spans(lines[k]), lo, hi, SLACK) is None), None)
        if cut is None:
            break
        end = cut
    while end > i and _neutral(lines[end - 1]):
        end -= 1  # blank lines after the region are not part of it
    widths = [g[1] - g[0] for k in range(i, end) if (g := _gap(_spans(lines[k]))) is not None]
    if len(widths) < 2 or max(widths) < WIDE_GAP:
        return None
    left: list[str] = []
    right: list[str] = []
    for k in range(i, end):
        spans = _spans(lines[k])
        if _neutral(lines[k]):
            left.append(lines[k].strip())
        elif len(spans) == 2:
            left.append(lines[k][spans[0][0]:spans[0][1]])
            right.append(lines[k][spans[1][0]:spans[1][1]])
        else:
            (right if _side(spans, lo, hi, SLACK) else left).append(lines[k].strip())
    return end, left, right


def _continues(line: str, lo: int, hi: int) -> bool:
    """After a blank line: does this line go on in the two columns (split, or on the right)?"""
    spans = _spans(line)
    gap = _gap(spans)
    if gap is not None:
        return min(hi, gap[1]) - max(lo, gap[0]) >= MIN_GUTTER
    return _side(spans, lo, hi, SLACK) == 1


def split_columns(lines: list[str], excluded: set[int] | None = None) -> Columns | None:
    """`lines` with every two-column region read column by column; None when there is none.
    Lines in `excluded` (tables laid out in columns) are never part of a region."""
    excluded = excluded or set()
    out = Columns(lines=[])
    found = False
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        region = None
        if i not in excluded and "    " in line.strip():
            region = _region(lines, i, excluded)
        if region is None:
            out.lines.append(line)
            i += 1
            continue
        found = True
        end, left, right = region
        for column in (left, right):
            out.starts.add(len(out.lines))
            for text in column:
                out.in_column.add(len(out.lines))
                out.lines.append(text)
        out.starts.add(len(out.lines))  # what follows the region starts afresh
        i = end
    return out if found else None
