"""Which days are working days in Vietnam, for counting report deadlines.

The national calendar comes from the maintained `holidays` library (Bộ luật Lao động 2019, Điều 112:
Tết Dương lịch, Tết Âm lịch, Giỗ Tổ Hùng Vương, 30/4, 1/5, Quốc khánh, with the days off the government
moves and the Saturdays it makes up for them), so lunar dates are right for every year, not only the years
someone typed in. On top of it a plan may set its own days off and its own make-up working days (ngày làm
bù); those win over the national calendar, a plan's make-up day over everything.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import lru_cache

import holidays

WEEKEND = frozenset({5, 6})  # Saturday, Sunday


@lru_cache(maxsize=128)
def _national(year: int) -> tuple[frozenset[date], frozenset[date]]:
    """(days off, weekend days worked) of the national calendar in `year`."""
    calendar = holidays.country_holidays("VN", years=year)
    days_off = frozenset(calendar)
    worked = frozenset(d for d in calendar.weekend_workdays if d.year == year)
    return days_off, worked


def national_days_off(year: int) -> frozenset[date]:
    return _national(year)[0]


def national_make_up_days(year: int) -> frozenset[date]:
    """Weekend days the government made working days to move a day off next to a holiday."""
    return _national(year)[1]


def is_working_day(day: date, days_off: Iterable[date] = (), working_days: Iterable[date] = ()) -> bool:
    """True when `day` is worked: a plan's make-up day, else not a plan's day off, else the national
    calendar (a weekday that is no holiday, or a weekend day made up nationally)."""
    if day in set(working_days):
        return True
    if day in set(days_off):
        return False
    off, worked = _national(day.year)
    if day in worked:
        return True
    return day.weekday() not in WEEKEND and day not in off
