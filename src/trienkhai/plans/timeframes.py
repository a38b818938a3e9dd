"""Normalised timeframes of task registers: recurring ("Thường xuyên") or due ("Quý I/2024" → 2024-03-31)."""

from __future__ import annotations

import calendar
import re

from trienkhai.plans.model import Timeframe
from trienkhai.text.numbering import roman_value
from trienkhai.text.vietnamese import collapse_spaces, fold
from trienkhai.vocab.phrases import alternation
from trienkhai.vocab.timeframes import RECURRING

# Folded wording → recurrence code (model.Timeframe.recurrence); checked in order, first match wins.
_RECURRING = [(alternation(fold(w) for w in words), code) for code, words in RECURRING]


def _quarter(number: str) -> int:
    """"iii" or "3" → 3 (the patterns only let I–IV and 1–4 through)."""
    return int(number) if number.isdigit() else roman_value(number) or 0


def _end_of_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def _date(day: int, month: int, year: int) -> str | None:
    if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _due(f: str) -> tuple[str, str | None]:
    """(kind, due date) for the folded text, or ("unknown", None)."""
    # A full date: "Trước 30/6/2025", "trước ngày 15/12/2024".
    m = re.search(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})", f)
    if m:
        d = _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            return "due", d
    # A date in words: "ngày 05 tháng 3 năm 2024" (before the month rule, which would read it as March).
    m = re.search(r"ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})", f)
    if m:
        d = _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            return "due", d
    # A month written with digits only: "03/2024", "3-2024".
    m = re.search(r"(?<![\d/.-])(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})(?![\d/])", f)
    if m and 1 <= int(m.group(1)) <= 12:
        return "due", _end_of_month(int(m.group(2)), int(m.group(1)))
    # The first or last six months: "6 tháng đầu năm 2025" → 30/6, "6 tháng cuối năm 2025" → 31/12.
    m = re.search(r"6 thang (dau|cuoi) nam\s*(\d{4})", f)
    if m:
        year = int(m.group(2))
        return "due", _end_of_month(year, 6 if m.group(1) == "dau" else 12)
    # A quarter: "Quý I/2024", "quý 2 năm 2024".
    m = re.search(r"quy\s+(iv|iii|ii|i|[1-4])\b\s*(?:/|nam|-)?\s*(\d{4})", f)
    if m:
        return "due", _end_of_month(int(m.group(2)), 3 * _quarter(m.group(1)))
    # A month: "Tháng 6/2024", "tháng 6 năm 2024".
    m = re.search(r"thang\s+(\d{1,2})\s*(?:/|nam|-)\s*(\d{4})", f)
    if m and 1 <= int(m.group(1)) <= 12:
        return "due", _end_of_month(int(m.group(2)), int(m.group(1)))
    # A range of years: "2024 - 2025", "giai đoạn 2024-2026" → due at the end of the range.
    m = re.search(r"(?<!\d)((?:19|20)\d{2})\s*(?:-|–|den)\s*((?:19|20)\d{2})(?!\d)", f)
    if m and int(m.group(2)) >= int(m.group(1)):
        return "range", f"{int(m.group(2)):04d}-12-31"
    # A year: "Năm 2025", "trong năm 2025", "2025".
    m = re.search(r"(?<![\d/])((?:19|20)\d{2})(?![\d/])", f)
    if m:
        return "due", f"{int(m.group(1)):04d}-12-31"
    return "unknown", None


# A timeframe that is a condition, not a date: "(khi Trung ương chỉ đạo)", "Sau khi có hướng dẫn của Bộ",
# "Theo yêu cầu", "Khi Trung ương sơ kết Nghị quyết số 43-NQ/TW ngày 24/11/2023" (that date is the cited
# document's). Only a time written outside the condition ("Năm 2025 hoặc khi …") is a due date.
_CONDITION_RE = re.compile(r"(?<!\w)(?:sau khi|khi|theo (?:chi dao|yeu cau|huong dan|ke hoach|lo trinh)|"
                           r"neu|tuy theo|tuy tinh hinh)(?!\w)")


def parse_timeframe(text: str | None) -> Timeframe:
    """Read a timeframe cell: recurring, due (with an ISO due date), range (due at its end), condition
    (a circumstance, no date: "khi Trung ương chỉ đạo") or unknown."""
    original = collapse_spaces(text or "")
    f = fold(original)
    cm = _CONDITION_RE.search(f)
    if cm:
        outside = f[:cm.start()]  # what precedes the condition may still set a time
        kind, due = _due(outside) if outside.strip(" (") else ("unknown", None)
        recurrence = next((code for pat, code in _RECURRING if re.search(pat, outside)), None)
        if kind != "unknown":
            return Timeframe(kind=kind, text=original, recurrence=recurrence, due=due)
        if recurrence:
            return Timeframe(kind="recurring", text=original, recurrence=recurrence)
        return Timeframe(kind="condition", text=original)
    kind, due = _due(f)
    if kind != "unknown":
        # "Hằng năm, đến 2025": a due date wins, but the recurrence is kept too.
        recurrence = next((code for pat, code in _RECURRING if re.search(pat, f)), None)
        return Timeframe(kind=kind, text=original, recurrence=recurrence, due=due)
    for pat, code in _RECURRING:
        if re.search(pat, f):
            return Timeframe(kind="recurring", text=original, recurrence=code)
    return Timeframe(kind="unknown", text=original)
