"""The reporting calendar of a plan, after Nghị định 09/2019/NĐ-CP (chế độ báo cáo của cơ quan hành chính).

Pure functions over dates, no clock: callers pass "today".

- A period's data run from the day after the cut-off day of the month before the period to the cut-off
  day of its last month (default: 15th of the previous month to the 14th, as the decree sets for 6-monthly
  and yearly reports); the cut-off day is configurable per plan.
- Deadlines are counted in working days after the cut-off, one per level, lower levels first (units
  before the body that compiles for the province). Each deadline is the n-th working day after the cut-off
  (n ≥ 1), so at least one full working day always lies after the cut-off, up to and including the deadline.
- Working days skip Saturdays, Sundays and the public holidays below (a fixed list for 2024–2027 as
  announced or, for later years' lunar dates, as estimated; a plan may add its own days off).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from trienkhai.errors import TrienkhaiError

QUARTERLY = "quarterly"
HALF_YEARLY = "half_yearly"
YEARLY = "yearly"
MIDTERM = "so-ket"
FINAL = "tong-ket"


def _span(start: date, end: date) -> set[date]:
    return {start + timedelta(days=i) for i in range((end - start).days + 1)}


# Nghỉ lễ, Tết (Bộ luật Lao động 2019, Điều 112) with the days off the government announced.
VIETNAMESE_HOLIDAYS: frozenset[date] = frozenset(
    {date(y, 1, 1) for y in range(2024, 2028)}
    | {date(y, 4, 30) for y in range(2024, 2028)}
    | {date(y, 5, 1) for y in range(2024, 2028)}
    | _span(date(2024, 2, 8), date(2024, 2, 14)) | {date(2024, 4, 18), date(2024, 9, 2), date(2024, 9, 3)}
    | _span(date(2025, 1, 25), date(2025, 2, 2)) | {date(2025, 4, 7), date(2025, 9, 1), date(2025, 9, 2)}
    | _span(date(2026, 2, 14), date(2026, 2, 22)) | {date(2026, 4, 27), date(2026, 9, 1), date(2026, 9, 2)}
    | _span(date(2027, 2, 5), date(2027, 2, 10)) | {date(2027, 4, 16), date(2027, 9, 2), date(2027, 9, 3)}
)


class CalendarError(TrienkhaiError):
    """The reporting regime of a plan is inconsistent."""


@dataclass(frozen=True)
class Regime:
    """How a plan reports. `deadline_days` is ordered from the lowest level up: (level, working days
    after the cut-off), each strictly later than the one before."""

    quarterly: bool = False
    half_yearly: bool = True
    yearly: bool = True
    cutoff_day: int = 14
    deadline_days: tuple[tuple[str, int], ...] = (("don-vi", 2), ("tong-hop", 5))
    midterm_end: date | None = None
    final_end: date | None = None
    extra_holidays: frozenset[date] = field(default_factory=frozenset)

    def validate(self) -> None:
        if not 1 <= self.cutoff_day <= 28:
            raise CalendarError("Ngày chốt số liệu phải từ 1 đến 28.")
        if not self.deadline_days:
            raise CalendarError("Cần ít nhất một hạn nộp báo cáo.")
        previous = 0
        for level, days in self.deadline_days:
            if days < 1:
                raise CalendarError(
                    f"Hạn nộp của cấp “{level}” phải cách ngày chốt số liệu ít nhất một ngày làm việc."
                )
            if days <= previous:
                raise CalendarError(f"Hạn nộp của cấp “{level}” phải sau hạn nộp của cấp dưới.")
            previous = days
        if not (self.quarterly or self.half_yearly or self.yearly or self.midterm_end or self.final_end):
            raise CalendarError("Chưa chọn kỳ báo cáo nào.")


@dataclass(frozen=True)
class Period:
    code: str
    kind: str
    start: date
    end: date
    data_from: date
    cutoff: date
    deadlines: tuple[tuple[str, date], ...]

    @property
    def first_deadline(self) -> date:
        return self.deadlines[0][1]

    @property
    def last_deadline(self) -> date:
        return self.deadlines[-1][1]

    def deadline_for(self, level: str) -> date:
        for name, day in self.deadlines:
            if name == level:
                return day
        return self.first_deadline


def is_working_day(day: date, extra_holidays: Iterable[date] = ()) -> bool:
    return day.weekday() < 5 and day not in VIETNAMESE_HOLIDAYS and day not in set(extra_holidays)


def add_working_days(day: date, count: int, extra_holidays: Iterable[date] = ()) -> date:
    """The `count`-th working day after `day` (count ≥ 1)."""
    if count < 1:
        raise CalendarError("Số ngày làm việc phải lớn hơn 0.")
    extra = set(extra_holidays)
    current = day
    while count:
        current += timedelta(days=1)
        if is_working_day(current, extra):
            count -= 1
    return current


def working_days_between(start: date, end: date, extra_holidays: Iterable[date] = ()) -> int:
    """Working days in (start, end]."""
    extra = set(extra_holidays)
    return sum(1 for i in range(1, (end - start).days + 1) if is_working_day(start + timedelta(days=i), extra))


def _month_day(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _previous_month(year: int, month: int) -> tuple[int, int]:
    return (year - 1, 12) if month == 1 else (year, month - 1)


def make_period(regime: Regime, code: str, kind: str, start: date, end: date,
                data_from: date | None = None, cutoff: date | None = None) -> Period:
    py, pm = _previous_month(start.year, start.month)
    if data_from is None:
        data_from = _month_day(py, pm, regime.cutoff_day) + timedelta(days=1)
    if cutoff is None:
        cutoff = _month_day(end.year, end.month, regime.cutoff_day)
    deadlines = tuple(
        (level, add_working_days(cutoff, days, regime.extra_holidays)) for level, days in regime.deadline_days
    )
    return Period(code, kind, start, end, data_from, cutoff, deadlines)


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def periods_between(regime: Regime, start: date, end: date) -> list[Period]:
    """Every period of the regime whose span overlaps [start, end], in deadline order; then the
    mid-term (sơ kết, from `start`) and final (tổng kết) reviews when set."""
    regime.validate()
    if end < start:
        raise CalendarError("Ngày kết thúc phải sau ngày bắt đầu.")
    result: list[Period] = []
    for year in range(start.year, end.year + 1):
        spans: list[tuple[str, str, date, date]] = []
        if regime.quarterly:
            for q in range(1, 5):
                spans.append((f"{year}-Q{q}", QUARTERLY, date(year, 3 * q - 2, 1), _last_day(year, 3 * q)))
        if regime.half_yearly:
            spans.append((f"{year}-H1", HALF_YEARLY, date(year, 1, 1), date(year, 6, 30)))
        if regime.yearly:
            spans.append((str(year), YEARLY, date(year, 1, 1), date(year, 12, 31)))
        for code, kind, p_start, p_end in spans:
            if p_end >= start and p_start <= end:
                result.append(make_period(regime, code, kind, p_start, p_end))
    for code, kind, review_end in ((MIDTERM, MIDTERM, regime.midterm_end), (FINAL, FINAL, regime.final_end)):
        if review_end is not None:
            cutoff = _month_day(review_end.year, review_end.month, regime.cutoff_day)
            result.append(make_period(regime, code, kind, start, review_end, data_from=start, cutoff=cutoff))
    result.sort(key=lambda p: (p.first_deadline, p.end - p.start))
    return result


def current_period(periods: Iterable[Period], today: date) -> Period | None:
    """The period units are reporting on now: the earliest whose data have started and whose last
    deadline has not passed; otherwise the latest that has started."""
    started = [p for p in periods if p.data_from <= today]
    open_ = [p for p in started if p.last_deadline >= today]
    if open_:
        return min(open_, key=lambda p: p.first_deadline)
    return max(started, key=lambda p: p.first_deadline) if started else None


def days_late(deadline: date, submitted: date | None, today: date) -> int:
    """Calendar days past the deadline (0 when on time); a missing report counts to today."""
    return max(0, ((submitted or today) - deadline).days)
