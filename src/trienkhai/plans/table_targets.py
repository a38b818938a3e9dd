"""Targets written as a table: an indicator column ("Chỉ tiêu", "Tên chỉ tiêu", "Nội dung"), maybe a unit
column ("Đơn vị tính", "ĐVT") and one value column per target year ("Năm 2025", "Đến 2030", "Mục tiêu
2030"). Each indicator × year with a figure is one target. Columns of what was already done ("Thực hiện
2020", "Ước 2024", "Hiện trạng") are baselines, not targets.
"""

from __future__ import annotations

import re

from trienkhai.plans.model import Target
from trienkhai.text.numbers import NUMBER, RANGE_SEP, parse_number
from trienkhai.text.vietnamese import collapse_spaces, fold
from trienkhai.vocab.directions import DIRECTIONS, WRITTEN_AS
from trienkhai.vocab.phrases import alternation

_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_DONE_RE = re.compile(r"thuc hien|uoc|hien trang|hien nay|ket qua|nam goc|co so|so sanh|dat duoc")
_TABLE_WORDS = alternation([*WRITTEN_AS, *(d.word for d in DIRECTIONS if d.in_table)])
_VALUE_RE = re.compile(rf"^\s*(?P<dir>{_TABLE_WORDS})?\s*"
                       rf"(?P<low>{NUMBER})(?:{RANGE_SEP}(?P<high>{NUMBER}))?\s*(?P<unit>%)?\s*(?:trở lên)?\s*$",
                       re.IGNORECASE)


def _columns(header: list[str]) -> tuple[int, int | None, list[tuple[int, int | None]]] | None:
    """(indicator column, unit column, [(value column, year)]) when `header` heads a table of targets."""
    folded = [fold(c) for c in header]
    indicator = next((i for i, f in enumerate(folded) if "chi tieu" in f and "don vi" not in f), None)
    if indicator is None:
        return None
    unit = next((i for i, f in enumerate(folded) if f in ("dvt", "don vi", "don vi tinh") or "don vi tinh" in f),
                None)
    values: list[tuple[int, int | None]] = []
    for i, f in enumerate(folded):
        if i in (indicator, unit) or _DONE_RE.search(f):
            continue
        year = _YEAR_RE.search(f)
        if year:
            values.append((i, int(year.group(1))))
        elif f.startswith(("muc tieu", "ke hoach", "gia tri", "chi tieu")):
            values.append((i, None))
    return (indicator, unit, values) if values else None


def _value(cell: str) -> tuple[float | list[float], str | None, str | None] | None:
    m = _VALUE_RE.match(cell.replace("\u2265", "≥"))
    if not m:
        return None
    low = parse_number(m.group("low"))
    value: float | list[float] = [low, parse_number(m.group("high"))] if m.group("high") else low
    word = (m.group("dir") or "").lower()
    return value, WRITTEN_AS.get(word, word or None), m.group("unit")


def targets_in_table(rows: list[list[str]], section: str | None, deadline: int | None) -> list[Target]:
    """The targets of one table (an empty list when it is not a table of targets)."""
    out: list[Target] = []
    for k, row in enumerate(rows):
        columns = _columns(row)
        if columns is None:
            continue
        indicator, unit_at, values = columns
        for data in rows[k + 1:]:
            if _columns(data) is not None:
                break
            subject = collapse_spaces(data[indicator]) if indicator < len(data) else ""
            if not subject:
                continue
            unit = collapse_spaces(data[unit_at]) if unit_at is not None and unit_at < len(data) else ""
            for at, year in values:
                found = _value(data[at]) if at < len(data) else None
                if found is None:
                    continue
                value, direction, percent = found
                out.append(Target(section=section, text=" | ".join(collapse_spaces(c) for c in data if c.strip()),
                                  subject=subject, direction=direction, value=value,
                                  unit=percent or unit or None, deadline=year or deadline))
        break
    return out
