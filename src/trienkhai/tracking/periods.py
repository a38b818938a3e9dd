"""The reporting calendar of a plan, after Nghị định 09/2019/NĐ-CP (chế độ báo cáo của cơ quan hành chính).

Pure functions over dates, no clock: callers pass "today".

- A period's data run from the day after the cut-off day of the month before the period to the cut-off
  day of its last month (default: 15th of the previous month to the 14th, as the decree sets for 6-monthly
  and yearly reports); the cut-off day is configurable per plan.
- Deadlines are counted in working days after the cut-off, one per level, lower levels first (units
  before the body that compiles for the province). Each deadline is the n-th working day after the cut-off
  (n ≥ 1), so at least one full working day always lies after the cut-off, up to and including the deadline.
- Working days follow the national calendar (`workdays`: weekends, public holidays and the government's
  make-up Saturdays, for any year) and the plan's own days off and make-up working days.
- One rule says which period is "current" (`current_period`) and which a dashboard opens on
  (`latest_due_period`); the web applies them to its stored periods, never a copy of them.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Protocol, TypeVar

from trienkhai.errors import TrienkhaiError
from trienkhai.text.numbering import roman_numeral
from trienkhai.tracking import workdays

QUARTERLY = "quarterly"
HALF_YEARLY = "half_yearly"
YEARLY = "yearly"
MIDTERM = "so-ket"
FINAL = "tong-ket"


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
    extra_holidays: frozenset[date] = field(default_factory=frozenset)  # the plan's own days off
    extra_working_days: frozenset[date] = field(default_factory=frozenset)  # its make-up days (làm bù)

    def validate(self) -> None:
        both = self.extra_holidays & self.extra_working_days
        if both:
            day = min(both).strftime("%d/%m/%Y")
            raise CalendarError(f"Ngày {day} không thể vừa là ngày nghỉ vừa là ngày làm bù.")
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
    def title(self) -> str:
        return period_title(self.code, self.start, self.end)

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


def is_working_day(day: date, extra_holidays: Iterable[date] = (), extra_working_days: Iterable[date] = ()) -> bool:
    return workdays.is_working_day(day, extra_holidays, extra_working_days)


def add_working_days(day: date, count: int, extra_holidays: Iterable[date] = (),
                     extra_working_days: Iterable[date] = ()) -> date:
    """The `count`-th working day after `day` (count ≥ 1)."""
    if count < 1:
        raise CalendarError("Số ngày làm việc phải lớn hơn 0.")
    off, worked = set(extra_holidays), set(extra_working_days)
    current = day
    while count:
        current += timedelta(days=1)
        if workdays.is_working_day(current, off, worked):
            count -= 1
    return current


def working_days_between(start: date, end: date, extra_holidays: Iterable[date] = (),
                         extra_working_days: Iterable[date] = ()) -> int:
    """Working days in (start, end]."""
    off, worked = set(extra_holidays), set(extra_working_days)
    return sum(1 for i in range(1, (end - start).days + 1)
               if workdays.is_working_day(start + timedelta(days=i), off, worked))


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
        (level, add_working_days(cutoff, days, regime.extra_holidays, regime.extra_working_days))
        for level, days in regime.deadline_days
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


class Dated(Protocol):
    """What the period rules read: a core `Period` or a stored one (the web's ReportingPeriod)."""

    @property
    def kind(self) -> str: ...
    @property
    def start(self) -> date: ...
    @property
    def end(self) -> date: ...
    @property
    def data_from(self) -> date: ...
    @property
    def first_deadline(self) -> date: ...
    @property
    def last_deadline(self) -> date: ...


P = TypeVar("P", bound=Dated)


def _order(period: Dated) -> tuple[date, timedelta]:
    # Deadline order; of two periods due the same day the shorter (the quarter before the half-year).
    return period.first_deadline, period.end - period.start


def started_periods(periods: Iterable[P], today: date) -> list[P]:
    """The periods whose data have started by `today`, in deadline order."""
    return sorted((p for p in periods if p.data_from <= today), key=_order)


def current_period(periods: Iterable[P], today: date) -> P | None:
    """The period units are reporting on now: the earliest whose data have started and whose last
    deadline has not passed; otherwise the latest that has started; None before any has started."""
    started = started_periods(periods, today)
    open_ = [p for p in started if p.last_deadline >= today]
    if open_:
        return min(open_, key=_order)
    return max(started, key=_order) if started else None


def latest_due_period(periods: Iterable[P], today: date) -> P | None:
    """What a dashboard opens on: the latest regular period (not a mid-term or final review) whose
    units' deadline has passed, else the current period."""
    periods = list(periods)
    due = [p for p in periods if p.first_deadline < today and p.kind not in (MIDTERM, FINAL)]
    return max(due, key=_order) if due else current_period(periods, today)


def days_late(deadline: date, submitted: date | None, today: date) -> int:
    """Calendar days past the deadline (0 when on time); a missing report counts to today."""
    return max(0, ((submitted or today) - deadline).days)


def period_title(code: str, start: date | None = None, end: date | None = None) -> str:
    """What a user reads for a period, the one naming every page, file and notice uses:
    "2026-Q3" → "Quý III/2026", "2026-H1" → "6 tháng đầu năm 2026", "2026" → "Năm 2026",
    the reviews → "Sơ kết 2024 - 2026" / "Tổng kết 2024 - 2030" (the span when known).
    A code none of these is shown as it was stored (a period named by hand)."""
    if match := re.fullmatch(r"(\d{4})-Q([1-4])", code):
        return f"Quý {roman_numeral(int(match.group(2)))}/{match.group(1)}"
    if match := re.fullmatch(r"(\d{4})-H1", code):
        return f"6 tháng đầu năm {match.group(1)}"
    if re.fullmatch(r"\d{4}", code):
        return f"Năm {code}"
    if code in (MIDTERM, FINAL):
        word = "Sơ kết" if code == MIDTERM else "Tổng kết"
        if start is not None and end is not None:
            return f"{word} {_span(start, end)}"
        return word
    return code


def period_phrase(code: str, start: date | None = None, end: date | None = None) -> str:
    """The same period inside a sentence, as reports write it: "quý III năm 2026", "6 tháng đầu năm 2026",
    "năm 2026", a review as its span "giai đoạn 2024 - 2026"."""
    if match := re.fullmatch(r"(\d{4})-Q([1-4])", code):
        return f"quý {roman_numeral(int(match.group(2)))} năm {match.group(1)}"
    if match := re.fullmatch(r"(\d{4})-H1", code):
        return f"6 tháng đầu năm {match.group(1)}"
    if re.fullmatch(r"\d{4}", code):
        return f"năm {code}"
    if start is not None and end is not None:
        return f"giai đoạn {_span(start, end)}" if start.year != end.year else f"năm {start.year}"
    return period_title(code, start, end).lower()


def _span(start: date, end: date) -> str:
    return f"{start.year} - {end.year}" if start.year != end.year else str(start.year)
