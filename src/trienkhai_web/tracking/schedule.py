"""The plan's reporting-regime page: its form and the preview of the periods the core calendar computes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from trienkhai.tracking import periods as calendar
from trienkhai_web.locking import VersionField
from trienkhai_web.plans.models import Plan
from trienkhai_web.tracking import calendar_days
from trienkhai_web.tracking.models import ReportingSchedule
from trienkhai_web.widgets import date_field

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
SETTINGS = ("quarterly", "half_yearly", "yearly", "midterm_on", "final_on", "cutoff_day", "unit_deadline_days",
            "compile_deadline_days", "remind_days_before", "escalate_after_days")
DAYS = ("days_off", "working_days")  # the plan's own calendar (ScheduleDay rows), not schedule columns


def _date(label: Any, required: bool = True) -> forms.DateField:
    return date_field(label, required=required)


class DatesField(forms.CharField):
    """Several dates, one per line (or separated by commas or semicolons), as a frozenset."""

    widget = forms.Textarea(attrs={"rows": 3, "placeholder": "dd/mm/yyyy"})

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(required=False, **kwargs)

    def clean(self, value: Any) -> frozenset[date]:  # type: ignore[override]
        text = super().clean(value) or ""
        days = set()
        for part in (p.strip() for p in re.split(r"[\n,;]+", text)):
            if part:
                days.add(_parse_day(part))
        return frozenset(days)


def _parse_day(text: str) -> date:
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise forms.ValidationError(_("“%(value)s” is not a date; write it as dd/mm/yyyy."), params={"value": text})


class ScheduleForm(forms.Form):
    quarterly = forms.BooleanField(label=_("Quarterly reports"), required=False)
    half_yearly = forms.BooleanField(label=_("6-monthly reports"), required=False)
    yearly = forms.BooleanField(label=_("Yearly reports"), required=False)
    starts_on = _date(_("Reporting starts on"))
    ends_on = _date(_("Reporting ends on"))
    midterm_on = _date(_("Mid-term review covers up to"), required=False)
    final_on = _date(_("Final review covers up to"), required=False)
    cutoff_day = forms.IntegerField(label=_("Data cut-off day of the month"), min_value=1, max_value=28)
    unit_deadline_days = forms.IntegerField(label=_("Units' deadline (working days after the cut-off)"),
                                            min_value=1, max_value=60)
    compile_deadline_days = forms.IntegerField(
        label=_("Monitoring body's deadline (working days after the cut-off)"), min_value=1, max_value=60)
    remind_days_before = forms.IntegerField(label=_("Remind this many days before the deadline"), min_value=0,
                                            max_value=60)
    escalate_after_days = forms.IntegerField(label=_("Escalate this many days after the deadline"), min_value=0,
                                             max_value=60)
    days_off = DatesField(label=_("The plan's own days off (one date per line)"))
    working_days = DatesField(label=_("Make-up working days (one date per line)"))
    version = VersionField(min_value=0)  # 0: no regime saved yet

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The end must come after the start."))
        for name in ("midterm_on", "final_on"):
            day = data.get(name)
            if day and starts and not starts <= day <= (ends or day):
                self.add_error(name, _("This date must lie between the start and the end of reporting."))
        units, body = data.get("unit_deadline_days"), data.get("compile_deadline_days")
        if units and body and body <= units:
            self.add_error("compile_deadline_days", _("The monitoring body's deadline must come after the units'."))
        both = data.get("days_off", frozenset()) & data.get("working_days", frozenset())
        if both:
            self.add_error("working_days", _("%(day)s cannot be both a day off and a make-up working day.")
                           % {"day": min(both).strftime("%d/%m/%Y")})
        return data

    def settings(self) -> dict[str, Any]:
        """What save_schedule takes: the schedule's columns and the plan's days."""
        return {name: self.cleaned_data[name] for name in (*SETTINGS, *DAYS)}

    def days(self) -> calendar_days.Days:
        return self.cleaned_data["days_off"], self.cleaned_data["working_days"]


def default_start(plan: Plan, today: date | None = None) -> date:
    """Where a new regime starts unless the user picks a date: the plan's publication day, never a day in
    the past (a regime starting on 1 January for a plan published in December would make every unit late
    at once for periods nobody could have reported on)."""
    today = today or timezone.localdate()
    published = timezone.localdate(plan.published_at) if plan.published_at else today
    return max(published, today)


def initial(plan: Plan, schedule: ReportingSchedule | None) -> dict[str, Any]:
    """The form's starting values: the saved regime, else the model's defaults from `default_start` to the
    end of that year (of the next one when fewer than 90 days of this one are left)."""
    if schedule is None:
        schedule = ReportingSchedule(plan=plan, version=0)
        starts = default_start(plan)
        ends = date(starts.year, 12, 31)
        schedule.starts_on, schedule.ends_on = starts, ends if (ends - starts).days >= 90 else date(starts.year + 1, 12, 31)
    days_off, working_days = calendar_days.days_of(schedule)
    return {**{name: getattr(schedule, name) for name in (*SETTINGS, "starts_on", "ends_on", "version")},
            "days_off": calendar_days.as_text(days_off), "working_days": calendar_days.as_text(working_days)}


@dataclass
class PreviewRow:
    period: calendar.Period
    kept: bool  # an existing period with reports: saving leaves it as it is


def preview(plan: Plan, form: ScheduleForm, codes_with_reports: set[str]) -> list[PreviewRow]:
    """The periods the regime in the (valid) form would give; raises TrienkhaiError with a Vietnamese
    message when the regime is inconsistent."""
    from trienkhai_web.tracking.services import regime_for

    schedule = ReportingSchedule(plan=plan, **{name: form.cleaned_data[name] for name in SETTINGS})
    computed = calendar.periods_between(regime_for(schedule, form.days()), form.cleaned_data["starts_on"],
                                        form.cleaned_data["ends_on"])
    return [PreviewRow(p, p.code in codes_with_reports) for p in computed]

