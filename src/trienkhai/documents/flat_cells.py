"""Side-by-side cells flattened onto one line (pypdf's `extract_text()`, some viewers' copy).

pypdf writes the cells of a borderless layout table that share a baseline on one line, separated by a
single space, and wraps each cell on its own: the header's number cell and place-date cell give
"Số: 155/KH-UBND Bắc Ninh, ngày 26 tháng 5 năm" and, on the next line, the year alone ("2017"), which
must not be taken for a page number.
"""

from __future__ import annotations

import re

from trienkhai.documents.cell_lines import AGENCY_START_RE as _AGENCY_START_RE
from trienkhai.documents.cell_lines import NAME_REST_RE, TIMEFRAME_WHOLE_RE

# "Số: 155/KH-UBND" (a number with its symbol) then a place-date: a capitalised place, ", ngày <d>".
_NUMBER_THEN_PLACE_RE = re.compile(
    r"^(?P<number>Số\s*:?\s*\d[\w./\-–]*[\w.])\s+"
    r"(?P<place>(?:[A-ZĐÀ-Ỹ][a-zđà-ỹ]+\.?\s+){0,3}[A-ZĐÀ-Ỹ][a-zđà-ỹ]+\s*,\s*ngày\s+\d)"
)
_DATE_CUT_RE = re.compile(r"(?:ngày|tháng|năm)\s*$", re.IGNORECASE)  # "… TẦM NHÌN ĐẾN NĂM" / "2045" too
_YEAR_RE = re.compile(r"^(?:19|20)\d\d$")


def split_number_place(line: str) -> list[str]:
    """"Số: 155/KH-UBND Bắc Ninh, ngày 26 …" → ["Số: 155/KH-UBND", "Bắc Ninh, ngày 26 …"]; else [line]."""
    m = _NUMBER_THEN_PLACE_RE.match(line)
    if m is None:
        return [line]
    return [m.group("number"), line[m.start("place"):]]


def continues_date(previous: str, line: str) -> bool:
    """Is `line` the rest of a date cut at the cell's edge ("… tháng 5 năm" / "2017"), not a page number?"""
    return bool(_DATE_CUT_RE.search(previous)) and _YEAR_RE.match(line.strip()) is not None


# A task register's header with the "TT" cell and the next one on one line: "TT Nội dung ".
_GLUED_TT_RE = re.compile(r"^(S?TT\.?)\s+(\S.*)$")
_HEADER_WORDS = ("nội dung", "nhiệm vụ", "công việc")
_ROW_START_RE = re.compile(r"^(\d{1,3})[.)]?\s+(\S.*)$")
_CONTINUES_RE = re.compile(r"^[\"“(]?[a-zđà-ỹ]")
# The end of a body's name on the next line: "Ban Dân vận" / "Tỉnh ủy", "Đảng đoàn" / "HĐND tỉnh".
_NAME_REST_RE = NAME_REST_RE


def _register_end(lines: list[str], start: int, width: int) -> int:
    for k in range(start, len(lines)):
        s = lines[k].strip()
        if len(s) > max(45, int(0.75 * width)) or s.startswith("Nơi nhận"):
            return k
    return len(lines)


def separate_cells(lines: list[str]) -> list[str]:
    """A task register as pypdf writes it — every cell straight after the previous one, no blank line
    between, the row number sharing a line with the first words of the content ("1 Tổ chức ") and "TT"
    with the next header cell — rewritten one cell per block, as plain `pdftotext` gives it, so the
    cell-per-line reader can take it. pypdf keeps the space at the end of a line wrapped inside a cell;
    so a line without it, followed by one starting in capitals, ends a cell. Other text is unchanged."""
    starts = [i for i, ln in enumerate(lines) if (m := _GLUED_TT_RE.match(ln.strip()))
              and any(w in m.group(2).lower() for w in _HEADER_WORDS)]
    if not starts:
        return lines
    lengths = sorted(len(ln.strip()) for ln in lines if ln.strip())
    width = lengths[int(len(lengths) * 0.9)] if lengths else 0
    out: list[str] = []
    done = 0
    for start in starts:
        if start < done:
            continue
        out.extend(lines[done:start])
        end = _register_end(lines, start, width)
        out.extend(_separated(lines[start:end]))
        done = end
    out.extend(lines[done:])
    return out


def _separated(region: list[str]) -> list[str]:
    out: list[str] = []
    expected = 1
    header: list[str] = []  # the first header's lines, to know where a repeated one ends
    k = 0
    while k < len(region):
        ln = region[k]
        s = ln.strip()
        if not s:
            out.append("")
            k += 1
            continue
        tt = _GLUED_TT_RE.match(s)
        if tt and any(w in tt.group(2).lower() for w in _HEADER_WORDS):
            n = len(header) if header else _header_length(region, k)
            header = header or [x.strip() for x in region[k:k + n]]
            if len(out) >= 2 and not out[-1].strip() and out[-2].strip().isdigit():
                out.pop()
            if not (out and out[-1].strip().isdigit()):
                out.append("")  # a page number stays right before "TT", as plain pdftotext has it
            out.extend([tt.group(1), ""])
            cells = [tt.group(2) + (" " if ln.endswith(" ") else ""), *region[k + 1:k + n]]
            out.extend(_broken(cells))
            out.append("")
            k += n
            continue
        row = _ROW_START_RE.match(s)
        if row and int(row.group(1)) == expected:
            out.extend(["", row.group(1), ""])
            ln = row.group(2) + (" " if ln.endswith(" ") else "")
            expected += 1
        tf = _wrapped_timeframe(region, k)
        if tf:
            out.extend(["", tf, ""])
            k += 2
            continue
        prev = out[-1].strip() if out else ""
        nxt = region[k + 1].strip() if k + 1 < len(region) else ""
        if prev and _starts_agency(f"{s} {nxt}") and not _open_name(prev):
            out.append("")  # pypdf puts the next cell's first line right after the content cell's last
        out.append(ln)
        if _ends_cell(ln, nxt):
            out.append("")
        k += 1
    return out


def _header_length(region: list[str], k: int) -> int:
    """Lines of the header starting at region[k]: up to the first row ("1 Tổ chức …")."""
    for j in range(k + 1, min(len(region), k + 40)):
        m = _ROW_START_RE.match(region[j].strip())
        if m and m.group(1) == "1":
            return j - k
    return 1


def _broken(lines: list[str]) -> list[str]:
    out: list[str] = []
    for j, ln in enumerate(lines):
        out.append(ln)
        if j + 1 < len(lines) and _ends_cell(ln, lines[j + 1].strip()):
            out.append("")
    return out


def _ends_cell(line: str, nxt: str) -> bool:
    """No space kept at the end (the cell's text ended, or filled the line) and the next line starts a new
    sentence, not the rest of a body's name ("Ban Dân vận" / "Tỉnh ủy")."""
    if line.endswith((" ", "\t")) or not nxt or _CONTINUES_RE.match(nxt):
        return False
    return not _NAME_REST_RE.match(nxt) or line.rstrip().endswith((".", ";", ":"))


def _starts_agency(text: str) -> bool:
    return _AGENCY_START_RE.match(text) is not None and not _NAME_REST_RE.match(text)


def _open_name(line: str) -> bool:
    """A body's name begun but not finished on this line ("Đảng đoàn", "Ban cán sự")."""
    return _AGENCY_START_RE.match(line) is not None and len(line.split()) <= 3 and not line.endswith((",", ";", "."))


def _wrapped_timeframe(region: list[str], k: int) -> str | None:
    """A timeframe cell wrapped over two lines ("Thường" / "xuyên", "Quý I/" / "2024"), joined."""
    if k + 1 >= len(region):
        return None
    a, b = region[k].strip(), region[k + 1].strip()
    if not a or not b or TIMEFRAME_WHOLE_RE.match(a) or len(a) + len(b) > 40:
        return None
    for joined in (f"{a} {b}", f"{a}{b}"):
        if TIMEFRAME_WHOLE_RE.match(joined) and not joined.startswith("Theo"):
            return joined
    return None
