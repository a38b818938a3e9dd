"""A plan's own days off and make-up working days (ScheduleDay rows), read and written as two sets."""

from __future__ import annotations

from datetime import date

from trienkhai_web.tracking.models import ReportingSchedule, ScheduleDay

Days = tuple[frozenset[date], frozenset[date]]  # (days off, make-up working days)


def days_of(schedule: ReportingSchedule | None) -> Days:
    """The saved days of the schedule; none for a schedule not saved yet."""
    if schedule is None or schedule.pk is None:
        return frozenset(), frozenset()
    rows = list(ScheduleDay.objects.filter(schedule=schedule).values_list("day", "working"))
    return frozenset(d for d, w in rows if not w), frozenset(d for d, w in rows if w)


def save_days(schedule: ReportingSchedule, days_off: frozenset[date], working_days: frozenset[date]) -> None:
    """Make the schedule's rows exactly these days (inside the caller's transaction)."""
    wanted = {d: False for d in days_off} | {d: True for d in working_days}
    ScheduleDay.objects.filter(schedule=schedule).exclude(day__in=list(wanted)).delete()
    existing = {row.day: row for row in ScheduleDay.objects.filter(schedule=schedule)}
    for day, working in wanted.items():
        row = existing.get(day)
        if row is None:
            ScheduleDay.objects.create(schedule=schedule, day=day, working=working)
        elif row.working != working:
            row.working = working
            row.save(update_fields=["working"])


def as_text(days: frozenset[date]) -> str:
    """One date per line, as the form shows them."""
    return "\n".join(d.strftime("%d/%m/%Y") for d in sorted(days))
