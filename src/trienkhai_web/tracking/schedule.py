"""The plan's reporting-regime page: its form and the preview of the periods the core calendar computes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from trienkhai.tracking import periods as calendar
from trienkhai_web.locking import VersionField
from trienkhai_web.plans.models import Plan
from trienkhai_web.tracking.models import ReportingSchedule

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
SETTINGS = ("quarterly", "half_yearly", "yearly", "midterm_on", "final_on", "cutoff_day", "unit_deadline_days",
            "compile_deadline_days", "remind_days_before", "escalate_after_days")


def _date(label: Any, required: bool = True) -> forms.DateField:
    return forms.DateField(label=label, required=required, input_formats=DATE_FORMATS,
                           widget=forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"}))


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
        return data

    def settings(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in SETTINGS}


def initial(plan: Plan, schedule: ReportingSchedule | None) -> dict[str, Any]:
    """The form's starting values: the saved regime, else the model's defaults over the plan's year."""
    if schedule is None:
        schedule = ReportingSchedule(plan=plan, version=0)
        year = plan.issued_on.year if plan.issued_on else date.today().year
        schedule.starts_on, schedule.ends_on = date(year, 1, 1), date(year, 12, 31)
    return {name: getattr(schedule, name) for name in (*SETTINGS, "starts_on", "ends_on", "version")}


@dataclass
class PreviewRow:
    period: calendar.Period
    kept: bool  # an existing period with reports: saving leaves it as it is


def preview(plan: Plan, form: ScheduleForm, codes_with_reports: set[str]) -> list[PreviewRow]:
    """The periods the regime in the (valid) form would give; raises TrienkhaiError with a Vietnamese
    message when the regime is inconsistent."""
    from trienkhai_web.tracking.services import regime_for

    schedule = ReportingSchedule(plan=plan, **form.settings())
    computed = calendar.periods_between(regime_for(schedule), form.cleaned_data["starts_on"],
                                        form.cleaned_data["ends_on"])
    return [PreviewRow(p, p.code in codes_with_reports) for p in computed]

