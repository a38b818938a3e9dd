"""Task registers in text copied out of a PDF without its layout (plain `pdftotext`, a viewer's copy).

Such text has one table cell after another, each cell hard-wrapped into short lines, blank lines
between cells; the header cells ("TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì"…) come one after another
too and are repeated on every page after the page number. Cells of neighbouring columns on the same
baseline may share a line ("Rà soát, sửa đổi Đảng đoàn"), and a page break sends the rest of a long
cell after the next row's right-hand cells. There are no positions left, so the cells are rebuilt
from what is known of each column:

- a row starts at a line holding only the next row number;
- a timeframe is recognised by its wording ("Thường xuyên", "Quý I/2024", "Theo chương trình, đề án");
- the generic partner "Các cơ quan, đơn vị liên quan" by its words, wherever its two lines fall;
- an agency cell by the first words of a body's name (Ban, Đảng đoàn, Ủy ban…) and its shortness;
  of two agency cells in a row the first is the lead, unless only the other is generic;
- everything else is content; content beginning in lower case before a row's own content is the
  rest of the row above (split by a page break).

A row whose cells cannot be told apart confidently gets a Vietnamese warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from trienkhai.documents.layout_table import LayoutTable
from trienkhai.vocab.agencies import (
    CELL_PLURAL_HEADS,
    GENERIC_PARTNER,
    HEADS,
    NAME_CONTINUATIONS,
    NAME_ENDINGS,
    RELATED,
    Head,
)
from trienkhai.vocab.headers import HEADER_LABELS, header_role, is_number_header
from trienkhai.vocab.phrases import alternation, capitalised, spellings
from trienkhai.vocab.timeframes import CELL_RECURRING, FOLLOWING, FOLLOWING_OPENINGS

_NUMBER_RE = re.compile(r"^(\d{1,3})[.)]?$")
# Timeframes as a whole cell: a recurring wording, a date-like one, or one that follows something else
# ("Theo kế hoạch", which often wraps, so its later words may end the next lines). Words from the vocabulary.
_TIMEFRAME_PHRASES = tuple(capitalised(p) for p in FOLLOWING)
_TIMEFRAME_SIMPLE = (alternation(capitalised(w) for w in CELL_RECURRING)
                     + r"|(?:Quý\s+[IV]{1,3}|Tháng\s+\d{1,2}|6 tháng đầu năm|Năm)\s*/?\s*\d{4}"
                     r"|\d{4}\s*[-–]\s*\d{4}|Năm\s+\d{4}")
_TIMEFRAME_START = r"Theo\s+(?:" + alternation(FOLLOWING_OPENINGS) + ")"
_TF_WHOLE_RE = re.compile(rf"^(?:{_TIMEFRAME_SIMPLE}|{_TIMEFRAME_START}.*)$")
_TF_TAIL_RE = re.compile(rf"^(.*\S)\s+((?:{_TIMEFRAME_SIMPLE})|{_TIMEFRAME_START}(?:\s+\S+)?)$")
# The generic partner's two lines when wrapped: "Các cơ quan," / "đơn vị liên quan".
_GENERIC_HEAD = GENERIC_PARTNER[:GENERIC_PARTNER.index(",") + 1]
_GENERIC_TAIL = GENERIC_PARTNER[len(_GENERIC_HEAD):].strip()
_GENERIC_LOWER = (_GENERIC_HEAD.lower().rstrip(","), _GENERIC_TAIL)  # its lines as continued lower case


def _cell_head(head: Head) -> str:
    words = alternation(spellings([head.words]))
    return f"(?:{words})" + (f"(?! (?:{alternation(head.not_followed_by)}))" if head.not_followed_by else "")


# First words of a body's name, as written at the start of a cell (capitalised), both tone placements.
_AGENCY_HEAD = ("(?:" + "|".join(_cell_head(h) for h in sorted(HEADS, key=lambda h: -len(h.words)) if h.in_cell)
                + "|" + alternation(spellings(CELL_PLURAL_HEADS)) + r")\b")
_AGENCY_START_RE = re.compile(rf"^{_AGENCY_HEAD}")
AGENCY_START_RE = _AGENCY_START_RE
TIMEFRAME_WHOLE_RE = _TF_WHOLE_RE
_INLINE_AGENCY_RE = re.compile(rf"^(\S.*?[^\W\d_A-ZĐ,;]|.*[,;])\s+({_AGENCY_HEAD}.*)$")
_NAME_END_RE = re.compile(rf"(?:{alternation(spellings(NAME_ENDINGS))})$")
AGENCY_MAX_LINES = 8
# What only ends a body's name begun before: "(Ban Dân vận) Tỉnh ủy", "(Đảng đoàn Ủy ban) MTTQ tỉnh".
_NAME_REST_RE = re.compile(rf"^(?:{alternation(spellings(NAME_CONTINUATIONS))})\b")
NAME_REST_RE = _NAME_REST_RE


@dataclass
class _Row:
    number: str
    content: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    timeframes: list[str] = field(default_factory=list)
    doubtful: bool = False


def _blocks(lines: list[str], start: int, end: int) -> list[list[str]]:
    out: list[list[str]] = []
    cur: list[str] = []
    for ln in lines[start:end]:
        s = " ".join(ln.split())
        if s:
            cur.append(s)
        elif cur:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def _header(lines: list[str], i: int) -> tuple[list[str], set[str], int] | None:
    """(roles in column order, header cell texts, index of the first row's number) at a "TT" line."""
    roles = ["no"]
    texts: set[str] = set()
    j = i + 1
    cell: list[str] = []
    while j < len(lines) and j < i + 40:
        s = " ".join(lines[j].split())
        if _NUMBER_RE.match(s):
            break
        if s:
            cell.append(s)
        elif cell:
            text = " ".join(cell)
            roles.append(header_role(text) or "other")
            texts.add(text)
            cell = []
        j += 1
    if cell:
        roles.append(header_role(" ".join(cell)) or "other")
        texts.add(" ".join(cell))
    if j >= len(lines) or _NUMBER_RE.match(" ".join(lines[j].split())) is None:
        return None
    if "content" not in roles or not ({"lead", "timeframe"} & set(roles)) or len(roles) < 3:
        return None
    return roles, texts, j


def _end(lines: list[str], first: int, width: int) -> int:
    """The line after the register: the first long line (body text) or the closing part."""
    for k in range(first, len(lines)):
        s = lines[k].strip()
        if len(s) > max(45, int(0.75 * width)) or s.startswith("Nơi nhận"):
            return k
    return len(lines)


def _strip_furniture(blocks: list[list[str]], header_texts: set[str]) -> list[list[str]]:
    """Drop the repeated header cells, "TT" lines and page numbers (a number right before "TT")."""
    out: list[list[str]] = []
    for b in blocks:
        if " ".join(b) in header_texts:
            continue
        kept: list[str] = []
        for k, s in enumerate(b):
            nxt = b[k + 1] if k + 1 < len(b) else ""
            if is_number_header(s) or (_NUMBER_RE.match(s) and is_number_header(nxt)):
                continue
            kept.append(s)
        if kept:
            out.append(kept)
    return out


def _split_timeframes(block: list[str]) -> tuple[list[str], list[str]]:
    """(the block's other lines, the timeframes found whole or at line ends, wrapped ones re-joined)."""
    rest: list[str] = []
    found: list[str] = []
    pending: list[str] = []  # words still expected of a wrapped "Theo …" timeframe
    for s in block:
        if pending:
            for n in range(len(pending), 0, -1):
                tail = " ".join(pending[:n])
                if s == tail or s.endswith(" " + tail):
                    found[-1] = f"{found[-1]} {tail}"
                    s = s[: len(s) - len(tail)].strip()
                    pending = pending[n:]
                    break
            else:
                pending = []
            if not s:
                continue
        m = _TF_WHOLE_RE.match(s)
        tf = s if m and len(s) <= 40 else None
        if tf is None:
            t = _TF_TAIL_RE.match(s)
            if t:
                rest_part, tf = t.group(1), t.group(2)
                s = rest_part
            else:
                rest.append(s)
                continue
        else:
            s = ""
        found.append(tf)
        phrase = next((p for p in _TIMEFRAME_PHRASES if p.startswith(tf) and p != tf), None)
        pending = phrase[len(tf):].split() if phrase else []
        if s:
            rest.append(s)
    return rest, found


def _split_generic(block: list[str]) -> tuple[list[str], bool]:
    """Take the generic partner's two lines ("Các cơ quan," … "đơn vị liên quan") out of a block."""
    heads = [k for k, s in enumerate(block) if s.endswith(_GENERIC_HEAD)]
    tails = [k for k, s in enumerate(block) if s.endswith(_GENERIC_TAIL)]
    if not heads or not tails or tails[0] <= heads[0]:
        return block, False
    h, t = heads[0], tails[0]
    if block[h] == _GENERIC_HEAD and block[t] == _GENERIC_TAIL:
        return block, False  # the generic partner on lines of its own: an agency block as it is
    out = list(block)
    out[h] = out[h][: -len(_GENERIC_HEAD)].strip()
    out[t] = out[t][: -len(_GENERIC_TAIL)].strip()
    return [s for s in out if s], True


def _interleaved_lead(block: list[str]) -> tuple[list[str], str | None]:
    """A content cell and a lead cell sharing lines: content lines alternate with the lead's lines,
    the lead beginning at the end of the first line or on the second. (content lines, lead)."""
    if len(block) < 3:
        return block, None
    m = _INLINE_AGENCY_RE.match(block[0])
    if m:
        content, lead, k = [m.group(1)], [m.group(2)], 2
    elif _AGENCY_START_RE.match(block[1]) and not _AGENCY_START_RE.match(block[0]) and len(block[1]) < 20:
        content, lead, k = [block[0]], [block[1]], 3
    else:
        return block, None
    taken = {0} if m else {0, 1}
    while not _NAME_END_RE.search(lead[-1]) and k < len(block) and len(lead) < 4:
        lead.append(block[k])
        taken.add(k)
        k += 2
    if not _NAME_END_RE.search(lead[-1]):
        return block, None
    content += [s for i, s in enumerate(block) if i not in taken and i > 0]
    return content, " ".join(lead)


def _is_agency(block: list[str]) -> bool:
    return len(block) <= AGENCY_MAX_LINES and (_AGENCY_START_RE.match(block[0]) is not None
                                                or block[0].startswith(_GENERIC_LOWER))


def _segments(blocks: list[list[str]]) -> tuple[list[list[list[str]]], list[str]]:
    """Blocks split at row numbers (a line holding only the next number): (segments, numbers)."""
    segments: list[list[list[str]]] = [[]]
    numbers: list[str] = []
    expected = 1
    for b in blocks:
        cur: list[str] = []
        for s in b:
            m = _NUMBER_RE.match(s)
            if m and int(m.group(1)) == expected:
                if cur:
                    segments[-1].append(cur)
                    cur = []
                segments.append([])
                numbers.append(m.group(1))
                expected += 1
            else:
                cur.append(s)
        if cur:
            segments[-1].append(cur)
    return segments, numbers


def _rows(segments: list[list[list[str]]], numbers: list[str]) -> list[_Row]:
    rows = [_Row(number=n) for n in numbers]
    overflow: list[tuple[str, str]] = []
    for index, (row, segment) in enumerate(zip(rows, segments[1:], strict=True)):
        pieces: list[tuple[str, str]] = []  # (kind, text)
        carried, overflow = overflow, []
        own_content = False
        for block in segment:
            block, tfs = _split_timeframes(block)
            pieces.extend(("timeframe", t) for t in tfs)
            if not block:
                continue
            if block == [_GENERIC_HEAD]:
                block = [_GENERIC_HEAD, _GENERIC_TAIL]  # its second line went past the page break
            block, generic = _split_generic(block)
            if generic:
                pieces.append(("agency", f"{_GENERIC_HEAD} {_GENERIC_TAIL}"))
            cut = next((k for k, p in enumerate(pieces) if p[0] == "agency" and block[0][:1].islower()
                        and _open(p[1]) and _NAME_END_RE.search(f"{p[1]} {block[0]}")), None)
            if cut is not None:
                # The last word of a body's name sent past a page break: "Ban Dân vận Tỉnh" … "ủy"
                # (the left-most cell's rest comes first).
                pieces[cut] = ("agency", f"{pieces[cut][1]} {block[0]}")
                block = block[1:]
                if not block:
                    continue
            if index > 0 and block[0][:1].islower() and (not own_content or _unfinished(rows[index - 1])):
                _continue_above(rows[index - 1], block)  # the rest of the row above, after a page break
                continue
            if not own_content or not _is_agency(block):
                content, lead = _interleaved_lead(block)
                if lead:
                    pieces.append(("lead", lead))
                row.content.extend(content)
                own_content = True
                continue
            text = " ".join(block)
            last = max((k for k, p in enumerate(pieces) if p[0] == "agency"), default=None)
            if last is not None and _NAME_REST_RE.match(text) and _open(pieces[last][1]):
                # A body's name cut by a page break: "Đảng đoàn Ủy ban" … "MTTQ tỉnh; các cơ quan…".
                pieces[last] = ("agency", f"{pieces[last][1]} {text}")
                continue
            pieces.append(("agency", text))
        if index > 0:
            _give_back(rows[index - 1], pieces)
        _assign(row, pieces, carried, overflow)
    return rows


def _unfinished(row: _Row) -> bool:
    """Does the row end with a wrapped "Theo …" timeframe or a partner list ending in ";"?"""
    tf = row.timeframes[-1] if row.timeframes else ""
    partial_tf = any(tf and p.startswith(tf) and p != tf for p in _TIMEFRAME_PHRASES)
    return partial_tf or bool(row.agencies and row.agencies[-1].endswith(";"))


def _give_back(above: _Row, pieces: list[tuple[str, str]]) -> None:
    """A row with a timeframe (or agency) too many while the row above has none: after a page break
    the above row's right-hand cells come first, so the first such piece is the above row's."""
    tfs = [p for p in pieces if p[0] == "timeframe"]
    if not above.timeframes and len(tfs) >= 2:
        above.timeframes = [tfs[0][1]]
        pieces.remove(tfs[0])
    agencies = [p for p in pieces if p[0] == "agency"]
    has_lead = any(p[0] == "lead" for p in pieces)
    if above.agencies and not above.agencies[1] and len(agencies) >= (2 if has_lead else 3):
        above.agencies[1] = agencies[0][1]
        pieces.remove(agencies[0])


def _continue_above(row: _Row, block: list[str]) -> None:
    """Lines beginning in lower case before a row's own cells: the end of the row above's cells — the
    rest of a wrapped "Theo …" timeframe, of its partner list, or of its content."""
    tf = row.timeframes[-1] if row.timeframes else ""
    phrase = next((p for p in _TIMEFRAME_PHRASES if tf and p.startswith(tf) and p != tf), None)
    rest: list[str] = []
    for s in block:
        if phrase and phrase[len(tf):].strip() == s:
            row.timeframes[-1] = phrase
            phrase = None
        else:
            rest.append(s)
    if not rest or (rest == [_GENERIC_TAIL] and row.agencies and row.agencies[-1].endswith(_GENERIC_TAIL)):
        return
    if rest[0].startswith(_GENERIC_LOWER) and len(rest) <= AGENCY_MAX_LINES and row.agencies:
        row.agencies[-1] = f"{row.agencies[-1]} {' '.join(rest)}".strip()
    else:
        row.content.extend(rest)


def _assign(row: _Row, pieces: list[tuple[str, str]], carried: list[tuple[str, str]],
            overflow: list[tuple[str, str]]) -> None:
    """Lead, partners and timeframe of a row from its pieces; what is left over goes to the next row.
    Pieces carried from the row above only fill what the row's own pieces leave empty."""
    leads = [t for k, t in pieces if k == "lead"]
    agencies = [t for k, t in pieces if k == "agency"]
    tfs = [t for k, t in pieces if k == "timeframe"]
    if leads:
        row.agencies = [leads[0], agencies[0]] if agencies else [leads[0], ""]
        extra = agencies[1:]
    elif len(agencies) >= 2:
        a, b = agencies[0], agencies[1]
        if _generic(a) and not _generic(b):
            a, b = b, a
        row.agencies = [a, b]
        extra = agencies[2:]
    elif agencies:
        row.agencies = ["", agencies[0]] if _generic(agencies[0]) else [agencies[0], ""]
        extra = []
    else:
        extra = []
    if not row.agencies:
        row.agencies = ["", ""]
    carried_agencies = [t for k, t in carried if k == "agency"]
    if carried_agencies and not row.agencies[1]:
        row.agencies[1] = carried_agencies[0]  # a right-hand cell printed before the row's number
    carried_tfs = [t for k, t in carried if k == "timeframe"]
    if not tfs and carried_tfs:
        tfs = carried_tfs[:1]
    row.timeframes = tfs[:1]
    overflow.extend(("agency", t) for t in extra)
    overflow.extend(("timeframe", t) for t in tfs[1:])
    if len(extra) > 1 or not row.content:
        row.doubtful = True


def _open(text: str) -> bool:
    """Does this agency text stop before its body's name is complete ("Đảng đoàn Ủy ban")?"""
    return not _NAME_END_RE.search(text) and not text.endswith((",", ";", ".", ")"))


# pdftotext drops a hyphen ending a line and joins the next word to it: a cell wrapped at "chính trị -"
# comes out "chính trị xã hội". Official texts always write these compounds with the spaced hyphen.
_COMPOUND_RE = re.compile(r"\b(chính trị|kinh tế|văn hóa|văn hoá|quốc phòng) (xã hội|an ninh)\b")


def _restore_hyphens(text: str) -> str:
    return _COMPOUND_RE.sub(r"\1 - \2", text)


def _generic(text: str) -> bool:
    return RELATED in text or ";" in text


def find_cell_tables(lines: list[str], warnings: list[str] | None = None) -> list[LayoutTable]:
    """Task registers written one cell per line; each as a LayoutTable (header row first)."""
    lengths = sorted(len(ln.strip()) for ln in lines if ln.strip())
    width = lengths[int(len(lengths) * 0.9)] if lengths else 0
    tables: list[LayoutTable] = []
    i = 0
    while i < len(lines):
        if not is_number_header(lines[i].strip()):
            i += 1
            continue
        head = _header(lines, i)
        if head is None:
            i += 1
            continue
        roles, header_texts, first = head
        end = _end(lines, first, width)
        blocks = _strip_furniture(_blocks(lines, first, end), header_texts)
        segments, numbers = _segments(blocks)
        if len(numbers) < 1:
            i += 1
            continue
        rows = _rows(segments, numbers)
        header_row = [HEADER_LABELS["no"], *[""] * (len(roles) - 1)]
        for k, role in enumerate(roles[1:], start=1):
            header_row[k] = HEADER_LABELS.get(role, "")
        out = [header_row]
        doubtful = []
        for r in rows:
            values = {"no": r.number, "content": _restore_hyphens(" ".join(r.content)),
                      "lead": _restore_hyphens(r.agencies[0]) if r.agencies else "",
                      "partners": _restore_hyphens(r.agencies[1]) if len(r.agencies) > 1 else "",
                      "timeframe": r.timeframes[0] if r.timeframes else ""}
            out.append([values.get(role, "") for role in roles])
            if r.doubtful:
                doubtful.append(r.number)
        if warnings is not None and doubtful:
            warnings.append("Bảng nhiệm vụ chép từ PDF (mỗi ô một dòng): không tách chắc chắn được các cột ở "
                            f"dòng {', '.join(doubtful)}; cần đối chiếu với bản gốc.")
        tables.append(LayoutTable(start=i, end=end, rows=out))
        i = end
    return tables
