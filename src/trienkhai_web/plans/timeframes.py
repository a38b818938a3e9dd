"""A task's timeframe as written ("Quý I/2024", "Hằng năm", "Tháng 6/2025") → recurrence and due date."""

from __future__ import annotations

import calendar
import re
from datetime import date

from trienkhai.text.vietnamese import fold
from trienkhai_web.plans.models import Recurrence

_RECURRING = [
    ("thuong xuyen", Recurrence.ONGOING), ("hang nam", Recurrence.YEARLY), ("hang quy", Recurrence.QUARTERLY),
    ("hang thang", Recurrence.MONTHLY), ("dinh ky", Recurrence.PERIODIC), ("nhiem ky", Recurrence.TERM),
]
_ROMAN_QUARTER = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _end_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def parse_timeframe(text: str | None) -> tuple[str, date | None]:
    """(recurrence, due date) for the timeframe text; ("", None) when it says neither."""
    if not text:
        return "", None
    folded = fold(text)
    recurrence = next((r for key, r in _RECURRING if key in folded), "")
    # A deadline names the *last* period: "Quý I - Quý II/2025" is due at the end of quarter II.
    if m := list(re.finditer(r"quy\s*([ivx]+|\d)\s*(?:/|nam)\s*(\d{4})", folded)):
        q = _ROMAN_QUARTER.get(m[-1].group(1))
        if q:
            return recurrence, _end_of_month(int(m[-1].group(2)), q * 3)
    if m := list(re.finditer(r"thang\s*(\d{1,2})\s*(?:/|nam)\s*(\d{4})", folded)):
        month = int(m[-1].group(1))
        if 1 <= month <= 12:
            return recurrence, _end_of_month(int(m[-1].group(2)), month)
    if m := list(re.finditer(r"(\d{1,2})/(\d{1,2})/(\d{4})", folded)):
        try:
            return recurrence, date(int(m[-1].group(3)), int(m[-1].group(2)), int(m[-1].group(1)))
        except ValueError:
            pass
    if not recurrence and (m := list(re.finditer(r"(?:nam|truoc)\s*(\d{4})", folded))):
        return recurrence, date(int(m[-1].group(1)), 12, 31)
    return recurrence, None
