"""Every write of the reporting cycle: schedules and periods, drafting, submitting, reviewing,
explanation threads and notifications. Each function runs in one transaction and is audited."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from trienkhai.errors import TrienkhaiError
from trienkhai.reports.numbers import fmt_number
from trienkhai.text.numbers import NumberError, read_number
from trienkhai.tracking import periods as calendar
from trienkhai.tracking.assess import value_problem
from trienkhai_web.accounts.models import Role
from trienkhai_web.accounts.permissions import (
    can_manage_plan,
    can_report_for,
    can_review_report,
    can_submit_for,
    organisations_for,
    require,
)
from trienkhai_web.audit.actions import Action
from trienkhai_web.audit.services import record
from trienkhai_web.errors import Conflict, UserError, from_core
from trienkhai_web.locking import lock_first, lock_version
from trienkhai_web.organisations.models import Organisation
from trienkhai_web.plans.models import AssignmentRole, Plan, Target, Task, TaskAssignment
from trienkhai_web.tracking import calendar_days, notices
from trienkhai_web.tracking.evidence import check_upload
from trienkhai_web.tracking.models import (
    EDITABLE_STATUSES,
    REVIEW_FIELDS,
    ActivityKind,
    Evidence,
    ExplanationMessage,
    ExplanationRequest,
    IndicatorValue,
    Notification,
    PartnerContribution,
    ProgressStatus,
    ReportingPeriod,
    ReportingSchedule,
    ReportOpening,
    ReportStatus,
    ReviewActivity,
    ReviewEvent,
    TaskProgress,
    UnitReport,
    UnitReview,
    UnitSettings,
)
from trienkhai_web.tracking.permissions import can_ask_explanation, can_submit_report

PROGRESS_FIELDS = ("status", "results", "difficulties", "causes", "proposals", "explanation")
FIELD_LABELS = {
    "status": gettext_lazy("Status"), "results": gettext_lazy("Results"),
    "difficulties": gettext_lazy("Difficulties"), "causes": gettext_lazy("Causes"),
    "proposals": gettext_lazy("Proposals"), "explanation": gettext_lazy("Explanation"),
    "contribution": gettext_lazy("Contribution"), "value": gettext_lazy("Value"), "note": gettext_lazy("Note"),
    "strengths": gettext_lazy("Strengths"), "limitations": gettext_lazy("Limitations"),
    "causes_objective": gettext_lazy("Objective causes"), "causes_subjective": gettext_lazy("Subjective causes"),
    "lessons": gettext_lazy("Lessons learnt"), "directions": gettext_lazy("Tasks for the next period"),
}


# ---- schedule and periods -------------------------------------------------------------------------

def regime_for(schedule: ReportingSchedule, days: calendar_days.Days | None = None) -> calendar.Regime:
    """The core's regime of the schedule; `days` (off, make-up) default to the saved ones."""
    days_off, working_days = days if days is not None else calendar_days.days_of(schedule)
    return calendar.Regime(
        quarterly=schedule.quarterly, half_yearly=schedule.half_yearly, yearly=schedule.yearly,
        cutoff_day=schedule.cutoff_day,
        deadline_days=(("don-vi", schedule.unit_deadline_days), ("tong-hop", schedule.compile_deadline_days)),
        midterm_end=schedule.midterm_on, final_end=schedule.final_on,
        extra_holidays=days_off, extra_working_days=working_days,
    )


def _schedule_fields(schedule: ReportingSchedule) -> dict[str, Any]:
    days_off, working_days = calendar_days.days_of(schedule)
    return {**{f.name: str(getattr(schedule, f.name)) for f in ReportingSchedule._meta.concrete_fields
               if f.name not in ("id", "plan")},
            "days_off": sorted(map(str, days_off)), "working_days": sorted(map(str, working_days))}


def save_schedule(user: Any, plan: Plan, *, starts_on: date | None, ends_on: date, version: int | None,
                  **settings: Any) -> ReportingSchedule:
    """Create or change the plan's regime and recompute its periods. Periods that already have reports
    are left exactly as they are (their reports were made against those dates); the others are updated,
    added or removed. `version` is the one the form was built on (0: no regime saved yet). Without
    `starts_on` the regime starts on the plan's publication day, never in the past
    (`schedule.default_start`)."""
    require(user, can_manage_plan, plan)
    if starts_on is None:
        from trienkhai_web.tracking.schedule import default_start

        starts_on = default_start(plan)
    try:
        with transaction.atomic():
            return _save_schedule(user, plan, starts_on=starts_on, ends_on=ends_on, version=version, **settings)
    except IntegrityError:
        # Two first saves at the same instant: there was no row to lock, so the database's unique rule
        # decided; the one that lost is told, as for any other concurrent change.
        raise Conflict(_("The reporting regime was changed by someone else since you opened the page; reload "
                         "the page to see it, then make your change again.")) from None


def _save_schedule(user: Any, plan: Plan, *, starts_on: date, ends_on: date, version: int | None,
                   **settings: Any) -> ReportingSchedule:
    schedule = lock_first(ReportingSchedule.objects.filter(plan=plan), version, conflict=lambda _current: _(
        "The reporting regime was changed by someone else since you opened the page; reload the page to see "
        "it, then make your change again."))
    before = _schedule_fields(schedule) if schedule is not None else {}
    saved_days = calendar_days.days_of(schedule)
    days = (frozenset(settings.pop("days_off", saved_days[0])), frozenset(settings.pop("working_days", saved_days[1])))
    schedule = schedule or ReportingSchedule(plan=plan)
    schedule.starts_on, schedule.ends_on = starts_on, ends_on
    for name, value in settings.items():
        setattr(schedule, name, value)
    try:
        computed = calendar.periods_between(regime_for(schedule, days), starts_on, ends_on)
    except TrienkhaiError as error:
        raise from_core(error) from error
    schedule.version = (schedule.version or 0) + (1 if schedule.pk else 0)
    schedule.save()
    calendar_days.save_days(schedule, *days)
    existing = {p.code: p for p in plan.reporting_periods.all()}
    kept = {p.code for p in existing.values() if p.reports.exists()}
    for spec in computed:
        if spec.code in kept:
            continue
        period = existing.pop(spec.code, None) or ReportingPeriod(plan=plan, code=spec.code)
        period.kind, period.start, period.end = spec.kind, spec.start, spec.end
        period.data_from, period.cutoff = spec.data_from, spec.cutoff
        period.unit_deadline, period.compile_deadline = spec.first_deadline, spec.last_deadline
        period.save()
    for code, stale in existing.items():
        if code not in kept:
            stale.delete()
    record(user, Action.SCHEDULE_SAVE, schedule, before=before,
           after={**_schedule_fields(schedule), "periods": [p.code for p in computed], "kept": sorted(kept)})
    return schedule


# ---- drafting -------------------------------------------------------------------------------------

def _now(now: datetime | None) -> datetime:
    return now or timezone.now()


def open_report(period: ReportingPeriod, organisation: Organisation, *, user: Any = None) -> UnitReport:
    """The unit's report for the period, created as an empty draft the first time (by one who reports
    for the unit, and only for a unit the plan gives a task to, as lead or partner)."""
    require(user, can_report_for, organisation)
    if not is_assigned(period.plan, organisation):
        raise PermissionDenied(_("This plan gives your unit no task: there is nothing for it to report."))
    report, created = UnitReport.objects.get_or_create(period=period, organisation=organisation)
    if created:
        with transaction.atomic():
            record(None, Action.REPORT_OPEN, report)
    return report


def is_assigned(plan: Plan, organisation: Organisation) -> bool:
    """Whether the plan names the unit on any of its tasks (the units that report on a plan)."""
    return TaskAssignment.objects.filter(task__plan=plan, organisation=organisation).exists()


def content_hash(report: UnitReport) -> str:
    """A fingerprint of everything the unit reported, to show "changed since accepted"."""
    data = {
        "p": sorted([list(r) for r in report.progress.values_list("task_id", *PROGRESS_FIELDS)]),
        "c": sorted([list(r) for r in report.contributions.values_list("task_id", "text")]),
        "v": sorted([[t, str(v), n, f] for t, v, n, f in
                     report.indicator_values.values_list("target_id", "value", "note", "evidence")]),
        "e": sorted(Evidence.objects.filter(report=report).values_list("pk", flat=True)),
    }
    # The review's parts and activities count only once entered (the hashes of older reports stay the same).
    review = UnitReview.objects.filter(report=report).values_list(*REVIEW_FIELDS).first()
    if review and any(review):
        data["r"] = list(review)
    activities = sorted([[k, str(d), t, n, p, c] for k, d, t, n, p, c in ReviewActivity.objects.filter(
        period_id=report.period_id, organisation_id=report.organisation_id).values_list(
        "kind", "held_on", "title", "document_number", "participants", "count")])
    if activities:
        data["a"] = activities
    return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode()).hexdigest()


def _lock(report: UnitReport, version: int | None) -> UnitReport:
    return lock_version(UnitReport.objects.select_related("last_edited_by"), report.pk, version, of=("self",),
                        conflict=_changed_by)


def _changed_by(current: UnitReport) -> str:
    """The conflict message naming who changed the report, when, and what."""
    who = current.last_edited_by.get_full_name() or current.last_edited_by.username \
        if current.last_edited_by else _("someone else")
    when = timezone.localtime(current.last_edited_at).strftime("%H:%M %d/%m/%Y") if current.last_edited_at else ""
    return _("%(who)s changed this report at %(when)s (%(change)s). Your change was not saved: "
             "reload the page to see their version, then enter yours again.") \
        % {"who": who, "when": when, "change": current.last_change or _("status")}


def _check_editable(user: Any, report: UnitReport) -> None:
    if not can_report_for(user, report.organisation_id):
        raise PermissionDenied
    if report.status not in EDITABLE_STATUSES:
        raise UserError(_("This report has been submitted or accepted and can no longer be changed."))


def _assigned(task: Task, organisation_id: int, role: str) -> bool:
    return task.assignments.filter(organisation_id=organisation_id, role=role).exists()


@transaction.atomic
def save_field(user: Any, report: UnitReport, *, version: int | None, kind: str, object_id: int, field: str,
               value: str, now: datetime | None = None, seen: str | None = None) -> UnitReport:
    """Autosave one field of a draft: `kind` is progress (a task the unit leads), contribution (a task
    it partners on) or indicator (a target). Returns the report with its new version.

    Locking is per field when the client sends `seen`, the field's value as it last saw it: the save
    succeeds if the field still holds that value (others may have changed other fields meanwhile) and is
    refused with a Conflict if someone changed this very field. Without `seen` the whole report's
    `version` must match."""
    if not can_report_for(user, report.organisation_id):  # before the version: 403, not 409
        raise PermissionDenied
    if seen is None:
        current = _lock(report, version)
    else:
        current = UnitReport.objects.select_for_update(of=("self",)).get(pk=report.pk)
    _check_editable(user, current)
    value = value.strip()
    if kind == "progress":
        task = Task.objects.get(pk=object_id, plan_id=current.period.plan_id)
        if not _assigned(task, current.organisation_id, AssignmentRole.LEAD):
            raise UserError(_("This task is not led by your unit."))
        if field not in PROGRESS_FIELDS:
            raise UserError(_("Unknown field."))
        if field == "status" and value and value not in ProgressStatus.values:
            raise UserError(_("Unknown status."))
        row, _created = TaskProgress.objects.get_or_create(report=current, task=task)
        _check_seen(getattr(row, field), seen, value)
        if getattr(row, field) == value:
            return current  # nothing changed (typed, then left the field): no new version, no audit entry
        setattr(row, field, value)
        row.save(update_fields=[field])
        label = f"{FIELD_LABELS[field]} — {task.no or task.pk}"
    elif kind == "contribution":
        task = Task.objects.get(pk=object_id, plan_id=current.period.plan_id)
        if not _assigned(task, current.organisation_id, AssignmentRole.PARTNER):
            raise UserError(_("Your unit is not a partner on this task."))
        contribution, _created = PartnerContribution.objects.get_or_create(report=current, task=task)
        _check_seen(contribution.text, seen, value)
        if contribution.text == value:
            return current
        contribution.text = value
        contribution.save(update_fields=["text"])
        label = f"{FIELD_LABELS['contribution']} — {task.no or task.pk}"
    elif kind == "review":
        if field not in REVIEW_FIELDS:
            raise UserError(_("Unknown field."))
        review, _created = UnitReview.objects.get_or_create(report=current)
        _check_seen(getattr(review, field), seen, value)
        setattr(review, field, value)
        review.save(update_fields=[field])
        label = str(FIELD_LABELS[field])
    elif kind == "indicator":
        target = Target.objects.get(pk=object_id, plan_id=current.period.plan_id)
        indicator, _created = IndicatorValue.objects.get_or_create(report=current, target=target)
        if field == "value":
            number = _number(value)
            if (problem := value_problem(number, target.unit)) is not None:
                raise UserError(problem)
            if (seen is not None and not _same_number(indicator.value, seen)
                    and not _same_number(indicator.value, value)):
                raise _field_conflict(_show_number(indicator.value))
            if indicator.value == number and not _created:
                return current
            indicator.value = number
        elif field == "note":
            _check_seen(indicator.note, seen, value)
            if indicator.note == value and not _created:
                return current
            indicator.note = value
        else:
            raise UserError(_("Unknown field."))
        indicator.save()
        label = f"{FIELD_LABELS[field]} — {target.subject[:40]}"
    else:
        raise UserError(_("Unknown field."))
    return _bump(user, current, f"{label}: “{value[:80]}”", now)


@transaction.atomic
def add_activity(user: Any, report: UnitReport, *, version: int | None, kind: str, title: str,
                 held_on: date | None = None, document_number: str = "", participants: int | None = None,
                 count: int = 1, now: datetime | None = None) -> ReviewActivity:
    """Record one leadership or dissemination activity of the report's unit in the report's period."""
    if not can_report_for(user, report.organisation_id):
        raise PermissionDenied
    current = _lock(report, version)
    _check_editable(user, current)
    if kind not in ActivityKind.values:
        raise UserError(_("Unknown kind of activity."))
    if not title.strip():
        raise UserError(_("Say what the activity was."))
    activity = ReviewActivity.objects.create(
        period=current.period, organisation=current.organisation, kind=kind, title=title.strip(), held_on=held_on,
        document_number=document_number.strip(), participants=participants, count=max(1, count or 1),
        created_by=user if getattr(user, "is_authenticated", False) else None)
    _bump(user, current, f"{ActivityKind(kind).label}: “{title.strip()[:80]}”", now)
    return activity


@transaction.atomic
def remove_activity(user: Any, activity: ReviewActivity, *, version: int | None,
                    now: datetime | None = None) -> None:
    report = UnitReport.objects.filter(period_id=activity.period_id, organisation_id=activity.organisation_id).first()
    if report is None or not can_report_for(user, report.organisation_id):
        raise PermissionDenied
    current = _lock(report, version)
    _check_editable(user, current)
    title = activity.title
    activity.delete()
    _bump(user, current, f"{_('Removed')}: “{title[:80]}”", now)


def _check_seen(stored: str, seen: str | None, value: str) -> None:
    """Per-field optimistic lock: refuse when the field no longer holds what the user last saw (unless it
    already holds what they are saving — both typed the same)."""
    stored = (stored or "").strip()
    if seen is None or stored == seen.strip() or stored == value:
        return
    raise _field_conflict(stored)


class FieldConflict(Conflict):
    """Someone else changed this very field; `current` is what it holds now (the page offers both values)."""

    def __init__(self, message: str, current: str) -> None:
        super().__init__(message)
        self.current = current


def _field_conflict(stored: str) -> FieldConflict:
    return FieldConflict(
        _("Someone else changed this field since you opened the page; it now reads “%(current)s”. Your change "
          "was not saved: reload the page to see their version, then enter yours again.")
        % {"current": stored[:200] or _("(empty)")}, stored)


def _number(value: str) -> Decimal | None:
    """The core's reader of Vietnamese numbers ("1.000", "1.234,5", "8,5", "12%"); its message when not one."""
    try:
        number = read_number(value)
    except NumberError as error:
        raise UserError(error.message) from error
    # What IndicatorValue.value (18 digits, 4 after the comma) holds: refuse rather than round.
    if number is not None and (-int(number.as_tuple().exponent) > 4 or abs(number) >= 10 ** 14):
        raise UserError(_("“%(value)s” has too many digits: at most 14 before the decimal comma and 4 after it.")
                          % {"value": value[:40]})
    return number


def _same_number(stored: Decimal | None, text: str) -> bool:
    try:
        return stored == read_number(text)
    except NumberError:
        return False


def _show_number(value: Decimal | None) -> str:
    return fmt_number(value, 4)


def _bump(user: Any, report: UnitReport, change: str, now: datetime | None) -> UnitReport:
    report.version = F("version") + 1
    report.last_edited_by = user if getattr(user, "is_authenticated", False) else None
    report.last_edited_at = _now(now)
    report.last_change = change
    report.content_hash = content_hash(report)
    report.save()
    report.refresh_from_db()
    record(user, Action.REPORT_EDIT, report, after={"change": change})
    return report


def attach_evidence(user: Any, report: UnitReport, expected_version: int | None, target: Target | None,
                    file: UploadedFile, now: datetime | None = None, *, task: Task | None = None) -> Evidence:
    """Add one evidence file to the unit's value of `target`, or to a task of the unit (`task`, one it
    leads or partners on: the biên bản or kế hoạch that proves it was done). Adding a file cannot overwrite anyone's
    entry, so it does not need the version the user loaded (`expected_version` is accepted and ignored).
    The file is stored inside the transaction and removed again if the transaction does not commit, so a
    failure leaves neither a row without its file nor a file without its row."""
    stored: list[tuple[Any, str]] = []
    try:
        with transaction.atomic():
            current = UnitReport.objects.select_for_update(of=("self",)).get(pk=report.pk)
            _check_editable(user, current)
            name = os.path.basename(file.name or "")[:200]
            check_upload(name, file.size or 0, file)
            if task is not None:
                if task.plan_id != current.period.plan_id or not task.assignments.filter(
                        organisation_id=current.organisation_id).exists():
                    raise UserError(_("This task is not one of your unit's."))
                row, subject = None, task.no or task.content[:40]
            elif target is not None:
                row, _created = IndicatorValue.objects.get_or_create(report=current, target=target)
                subject = target.subject[:40]
            else:
                raise UserError(_("Unknown field."))
            evidence = Evidence(report=current, value=row, task=task, original_name=name, size=file.size or 0,
                                uploaded_at=_now(now),
                                uploaded_by=user if getattr(user, "is_authenticated", False) else None)
            evidence.file.save(name, file, save=False)
            stored.append((evidence.file.storage, evidence.file.name))
            evidence.save()
            label = _("Evidence")
            _bump(user, current, f"{label} — {subject}: “{name}”", now)
    except BaseException:
        for storage, stored_name in stored:
            storage.delete(stored_name)
        raise
    return evidence


@transaction.atomic
def remove_evidence(user: Any, evidence: Evidence, now: datetime | None = None) -> None:
    """Remove an evidence file from a report that can still be edited."""
    current = UnitReport.objects.select_for_update(of=("self",)).get(pk=evidence.report_id)
    _check_editable(user, current)
    name = evidence.original_name
    if evidence.value is not None:
        subject = evidence.value.target.subject[:40]
    else:
        task = evidence.task
        subject = (task.no or task.content[:40]) if task is not None else ""
    storage, stored = evidence.file.storage, evidence.file.name
    evidence.delete()
    # The file goes only once the row is surely gone.
    transaction.on_commit(lambda: storage.delete(stored))
    label = _("Evidence removed")
    _bump(user, current, f"{label} — {subject}: “{name}”", now)


# ---- submitting and reviewing ---------------------------------------------------------------------

def needs_explanation(status: str, due_date: date | None, period: ReportingPeriod) -> bool:
    """Late or off-track: reported behind schedule, or past its due date at the cut-off and not done."""
    if status == ProgressStatus.LATE:
        return True
    return due_date is not None and due_date <= period.cutoff and status != ProgressStatus.DONE


def problems_before_submit(report: UnitReport) -> list[str]:
    """What stops the report from being submitted, one Vietnamese sentence each."""
    period = report.period
    lead_tasks = Task.objects.filter(plan_id=period.plan_id, assignments__organisation_id=report.organisation_id,
                                     assignments__role=AssignmentRole.LEAD).distinct().order_by("order")
    rows = {p.task_id: p for p in report.progress.all()}
    problems = []
    for task in lead_tasks:
        row = rows.get(task.pk)
        name = task.no or task.content[:60]
        if row is None or not row.status:
            problems.append(_("Task %(task)s: choose its status.") % {"task": name})
        elif needs_explanation(row.status, task.due_date, period) and not row.explanation.strip():
            problems.append(_("Task %(task)s is late or off track: write an explanation.") % {"task": name})
    return problems


def _event(report: UnitReport, user: Any, action: str, before: str, comment: str, now: datetime,
           organisation_id: int | None = None) -> None:
    ReviewEvent.objects.create(report=report, action=action, from_status=before, to_status=report.status,
                               actor=user if getattr(user, "is_authenticated", False) else None,
                               actor_organisation_id=organisation_id, at=now, comment=comment)
    record(user, Action(f"tracking.report.{action}"), report, before={"status": before},
           after={"status": report.status}, reason=comment)


def days_late(report: UnitReport, now: datetime | None = None) -> int:
    """Calendar days the report is (or was, at its first submission) past the units' deadline."""
    moment = report.first_submitted_at or _now(now)
    return calendar.days_late(report.period.unit_deadline, timezone.localdate(moment), timezone.localdate(moment))


@transaction.atomic
def submit(user: Any, report: UnitReport, *, version: int | None, late_reason: str = "",
           now: datetime | None = None) -> UnitReport:
    """Send the report up: by the unit head, or by its reporter when the unit's settings allow it. After
    the units' deadline a first submission needs the reason it is late (kept, shown to the reviewer). A
    report submitted again after a return is marked resubmitted; the reviewers are told either way."""
    if not can_submit_report(user, report.organisation):
        raise PermissionDenied
    current = _lock(report, version)
    if current.status not in EDITABLE_STATUSES:
        raise UserError(_("This report has already been submitted."))
    problems = problems_before_submit(current)
    if problems:
        raise UserError(_("The report cannot be submitted yet:"), problems)
    moment, before = _now(now), current.status
    late = 0 if current.first_submitted_at else calendar.days_late(
        current.period.unit_deadline, timezone.localdate(moment), timezone.localdate(moment))
    reason = late_reason.strip()
    if late and not reason and not current.late_reason:
        raise UserError(_("The report is %(days)d days late: write the reason before submitting it.")
                        % {"days": late})
    current.late_reason = reason or current.late_reason
    current.resubmitted = before in (ReportStatus.RETURNED, ReportStatus.REOPENED)
    current.status = ReportStatus.SUBMITTED
    current.submitted_at, current.submitted_by = moment, user
    current.first_submitted_at = current.first_submitted_at or moment
    current.content_hash = content_hash(current)
    current.version += 1
    current.last_edited_by, current.last_edited_at, current.last_change = user, moment, _("submitted")
    current.save()
    _event(current, user, "submit", before, reason if late else "", moment, current.organisation_id)
    values = {"unit": current.organisation.name, "period": current.period.title, "days": late}
    if current.resubmitted:
        text = _("%(unit)s resubmitted its report for %(period)s after the return.") % values
    elif late:
        text = _("%(unit)s submitted its report for %(period)s, %(days)d days late.") % values
    else:
        text = _("%(unit)s submitted its report for %(period)s.") % values
    notify_reviewers(current, text, moment)
    return current


@transaction.atomic
def hand_off(user: Any, report: UnitReport, *, version: int | None, note: str = "",
             now: datetime | None = None) -> UnitReport:
    """The reporter has prepared the report and hands it to the unit head, who is told to submit it."""
    if not can_report_for(user, report.organisation_id):
        raise PermissionDenied
    current = _lock(report, version)
    _check_editable(user, current)
    moment = _now(now)
    current.handed_off_at, current.handed_off_by = moment, user
    current.version += 1
    current.save()
    ReviewEvent.objects.create(report=current, action="handoff", from_status=current.status,
                               to_status=current.status, actor=user, actor_organisation_id=current.organisation_id,
                               at=moment, comment=note.strip())
    record(user, Action.REPORT_HANDOFF, current, reason=note.strip())
    who = user.get_full_name() or user.username
    text = _("%(who)s prepared the report for %(period)s of “%(plan)s”: please check and submit it.") % {
        "who": who, "period": current.period.title, "plan": current.period.plan.title[:80]}
    if note.strip():
        text = f"{text} — {note.strip()[:200]}"
    _notify(_members({current.organisation_id}, (Role.UNIT_HEAD,)), text,
            reverse("tracking:report", args=[current.pk]), moment)
    return current


def reporter_submits(organisation_id: int) -> bool:
    """Whether the unit lets its reporter submit (UnitSettings; by default only the head submits)."""
    return UnitSettings.objects.filter(organisation_id=organisation_id, reporter_submits=True).exists()


@transaction.atomic
def save_unit_settings(user: Any, organisation: Organisation, *, reporter_submits: bool,
                       version: int | None) -> UnitSettings:
    """The unit head (or an administrator) decides whether the unit's reporter may submit."""
    require(user, can_submit_for, organisation)
    settings_row = lock_first(UnitSettings.objects.filter(organisation=organisation), version,
                              conflict=lambda _current: _("The unit's settings were changed by someone else; "
                                                          "reload the page."))
    settings_row = settings_row or UnitSettings(organisation=organisation)
    before = {"reporter_submits": settings_row.reporter_submits}
    settings_row.reporter_submits = reporter_submits
    settings_row.version = (settings_row.version or 0) + (1 if settings_row.pk else 0)
    settings_row.save()
    record(user, Action.UNIT_SETTINGS_SAVE, organisation, before=before, after={"reporter_submits": reporter_submits})
    return settings_row


# ---- what changed since the return ---------------------------------------------------------------

def snapshot(report: UnitReport) -> dict[str, list[str]]:
    """Everything the unit entered, one entry per field: key → [label, value] (compared after a return)."""
    fields: dict[str, list[str]] = {}
    for row in report.progress.select_related("task"):
        name = row.task.no or row.task.content[:40]
        for field in PROGRESS_FIELDS:
            value = getattr(row, field)
            if field == "status":
                value = str(ProgressStatus(value).label) if value in ProgressStatus.values else ""
            fields[f"p:{row.task_id}:{field}"] = [f"{FIELD_LABELS[field]} — {name}", value]
    for contribution in report.contributions.select_related("task"):
        fields[f"c:{contribution.task_id}"] = [
            f"{FIELD_LABELS['contribution']} — {contribution.task.no or contribution.task.content[:40]}",
            contribution.text]
    for value in report.indicator_values.select_related("target"):
        fields[f"v:{value.target_id}:value"] = [f"{FIELD_LABELS['value']} — {value.target.subject[:40]}",
                                                _show_number(value.value).replace(".", ",")]
        fields[f"v:{value.target_id}:note"] = [f"{FIELD_LABELS['note']} — {value.target.subject[:40]}", value.note]
    names = sorted(Evidence.objects.filter(report=report).values_list("original_name", flat=True))
    fields["e"] = [str(_("Evidence files")), ", ".join(names)]
    return fields


@dataclass
class FieldChange:
    label: str
    before: str
    after: str


def changes_since_return(report: UnitReport) -> list[FieldChange]:
    """The fields whose value differs from what the report said when it was last returned (or reopened)."""
    if not report.returned_snapshot:
        return []
    before, after = report.returned_snapshot, snapshot(report)
    changes = []
    for key in sorted(set(before) | set(after)):
        label = (after.get(key) or before.get(key) or ["", ""])[0]
        old, new = (before.get(key) or ["", ""])[1], (after.get(key) or ["", ""])[1]
        if (old or "") != (new or ""):
            changes.append(FieldChange(label, old or "", new or ""))
    return changes


def _reviewer_org(user: Any, report: UnitReport) -> int | None:
    plan = report.period.plan
    if plan.monitoring_body_id in organisations_for(user, Role.MONITOR):
        return plan.monitoring_body_id
    return report.organisation.parent_id


def _review(user: Any, report: UnitReport, allowed: tuple[str, ...], to: str, action: str, comment: str,
            now: datetime | None, version: int | None) -> UnitReport:
    if not can_review_report(user, report.period.plan, report.organisation):
        raise PermissionDenied
    current = lock_version(UnitReport.objects.select_related("period__plan", "organisation"), report.pk, version,
                           of=("self",), conflict=lambda _current: _(
                               "The report changed since you opened it; reload the page."))
    if current.status not in allowed:
        raise UserError(_("This step is not possible for a report that is “%(status)s”.")
                          % {"status": current.get_status_display()})
    moment, before = _now(now), current.status
    current.status = to
    current.reviewed_at, current.reviewed_by, current.review_comment = moment, user, comment
    if to == ReportStatus.ACCEPTED:
        current.content_hash = current.accepted_hash = content_hash(current)
    else:  # returned or reopened: what it says now is what a resubmission is compared with
        current.returned_snapshot = snapshot(current)
        current.handed_off_at = current.handed_off_by = None
    current.version += 1
    current.save()
    _event(current, user, action, before, comment, moment, _reviewer_org(user, current))
    return current


@transaction.atomic
def accept(user: Any, report: UnitReport, *, version: int | None, comment: str = "",
           now: datetime | None = None) -> UnitReport:
    current = _review(user, report, (ReportStatus.SUBMITTED,), ReportStatus.ACCEPTED, "accept", comment.strip(),
                      now, version)
    notify_unit(current, _("Your report for %(period)s was accepted.") % {"period": current.period.title},
                _now(now))
    return current


@transaction.atomic
def return_report(user: Any, report: UnitReport, comment: str, *, version: int | None,
                  now: datetime | None = None) -> UnitReport:
    if not comment.strip():
        raise UserError(_("Write what the unit must correct before returning the report."))
    current = _review(user, report, (ReportStatus.SUBMITTED,), ReportStatus.RETURNED, "return", comment.strip(),
                      now, version)
    notify_unit(current, _("Your report for %(period)s was returned: %(comment)s")
                % {"period": current.period.title, "comment": comment.strip()}, _now(now))
    return current


@transaction.atomic
def reopen(user: Any, report: UnitReport, reason: str, *, version: int | None,
           now: datetime | None = None) -> UnitReport:
    if not reason.strip():
        raise UserError(_("Give the reason for reopening an accepted report."))
    current = _review(user, report, (ReportStatus.ACCEPTED,), ReportStatus.REOPENED, "reopen", reason.strip(),
                      now, version)
    notify_unit(current, _("Your report for %(period)s was reopened: %(reason)s")
                % {"period": current.period.title, "reason": reason.strip()}, _now(now))
    return current


@transaction.atomic
def mark_opened(user: Any, report: UnitReport, now: datetime | None = None) -> None:
    """A reviewer opened the report's page (its page says so with a POST, never a GET): from then on a bulk
    step may include it without an explicit tick, until the unit submits it again."""
    if not can_review_report(user, report.period.plan, report.organisation):
        raise PermissionDenied
    ReportOpening.objects.update_or_create(report=report, user=user, defaults={"at": _now(now)})


def opened_by(user: Any, reports: list[UnitReport]) -> set[int]:
    """Ids of the reports `user` opened after their latest submission."""
    openings = dict(ReportOpening.objects.filter(user=user, report__in=reports).values_list("report_id", "at"))
    return {r.pk for r in reports if r.pk in openings
            and (r.submitted_at is None or openings[r.pk] >= r.submitted_at)}


BULK_STEPS = {"accept": (ReportStatus.SUBMITTED,), "return": (ReportStatus.SUBMITTED,),
              "reopen": (ReportStatus.ACCEPTED,)}


@dataclass
class BulkOutcome:
    done: list[UnitReport]
    not_opened: int  # reports "select all" left out because the reviewer never opened them
    other_state: int  # chosen reports this step does not apply to


def bulk_review(user: Any, reports: list[UnitReport], action: str, *, ticked: set[int], select_all: bool,
                versions: Mapping[int, int], comment: str = "", now: datetime | None = None) -> BulkOutcome:
    """Accept, return or reopen many reports at once. A report is acted on only when the reviewer ticked
    it, or chose "select all" and had opened it since it was last submitted: "select all" never accepts a
    report nobody read. Each report at the version the page showed (`versions` by id)."""
    if action not in BULK_STEPS:
        raise UserError(_("Unknown action."))
    if action in ("return", "reopen") and not comment.strip():
        raise UserError(_("Write the reason: it goes to every unit chosen."))
    opened = opened_by(user, reports) if select_all else set()
    done, not_opened, other = [], 0, 0
    with transaction.atomic():
        for report in reports:
            if report.pk not in ticked and report.pk not in opened:
                not_opened += select_all and report.status in BULK_STEPS[action]
                continue
            if report.status not in BULK_STEPS[action]:
                other += 1
                continue
            version = versions.get(report.pk)
            if action == "accept":
                done.append(accept(user, report, version=version, comment=comment, now=now))
            elif action == "return":
                done.append(return_report(user, report, comment, version=version, now=now))
            else:
                done.append(reopen(user, report, comment, version=version, now=now))
    return BulkOutcome(done, not_opened, other)


@transaction.atomic
def bulk_accept(user: Any, reports: list[UnitReport], *, versions: Mapping[int, int],
                now: datetime | None = None) -> list[UnitReport]:
    """Accept every submitted report of the list (each one chosen by the reviewer), each at the version the
    list showed (`versions` by report id); reports in other states are left as they are."""
    return bulk_review(user, reports, "accept", ticked={r.pk for r in reports}, select_all=False,
                       versions=versions, now=now).done


# ---- explanations and notifications ---------------------------------------------------------------

@transaction.atomic
def ask_explanation(user: Any, task: Task, organisation: Organisation, question: str,
                    period: ReportingPeriod | None = None, now: datetime | None = None) -> ExplanationRequest:
    if not can_ask_explanation(user, task.plan):
        raise PermissionDenied
    if not question.strip():
        raise UserError(_("Write the question to the unit."))
    request = ExplanationRequest.objects.create(task=task, organisation=organisation, period=period, asked_by=user,
                                                question=question.strip(), created_at=_now(now))
    record(user, Action.EXPLANATION_ASK, request, after={"question": request.question})
    notify_organisation(organisation, _("Please explain task %(task)s: %(question)s")
                        % {"task": task.no or task.pk, "question": request.question},
                        reverse("tracking:explanation", args=[request.pk]), _now(now))
    return request


@transaction.atomic
def reply_explanation(user: Any, request: ExplanationRequest, text: str,
                      now: datetime | None = None) -> ExplanationMessage:
    if not (can_report_for(user, request.organisation_id) or can_ask_explanation(user, request.task.plan)):
        raise PermissionDenied
    if not text.strip():
        raise UserError(_("The message is empty."))
    message = ExplanationMessage.objects.create(request=request, author=user, text=text.strip(), created_at=_now(now))
    record(user, Action.EXPLANATION_REPLY, request, after={"text": message.text})
    url = reverse("tracking:explanation", args=[request.pk])
    if can_report_for(user, request.organisation_id) and not can_ask_explanation(user, request.task.plan):
        if request.asked_by_id and request.asked_by_id != getattr(user, "pk", None):
            _notify([request.asked_by], _("%(unit)s answered: %(text)s")
                    % {"unit": request.organisation.name, "text": message.text[:200]}, url, _now(now))
    else:  # the one who asked writes again: the unit is told
        notify_organisation(request.organisation, _("New message on the explanation of task %(task)s: %(text)s")
                            % {"task": request.task.no or request.task.pk, "text": message.text[:200]}, url,
                            _now(now))
    return message


def _members(organisation_ids: set[int], roles: tuple[str, ...]) -> list[Any]:
    from django.contrib.auth import get_user_model

    return list(get_user_model().objects.filter(memberships__organisation_id__in=organisation_ids,
                                                memberships__role__in=roles, is_active=True).distinct())


def _notify(users: list[Any], text: str, url: str, now: datetime) -> list[Any]:
    """In-app notices for `users`, and (once the transaction commits) the same words by e-mail to those with
    an address (tracking.notices)."""
    users = list({u.pk: u for u in users}.values())
    Notification.objects.bulk_create([Notification(user=u, text=text, url=url, created_at=now) for u in users])
    emails = sorted({u.email for u in users if u.email})
    if emails:
        transaction.on_commit(lambda: notices.send_email(emails, text, url))
    return users


def notify_organisation(organisation: Organisation, text: str, url: str, now: datetime) -> list[Any]:
    """The unit's people: its reporters and its heads."""
    return _notify(_members({organisation.pk}, (Role.UNIT_REPORTER, Role.UNIT_HEAD)), text, url, now)


def notify_unit(report: UnitReport, text: str, now: datetime) -> None:
    notify_organisation(report.organisation, text, reverse("tracking:report", args=[report.pk]), now)


def reviewers(report: UnitReport) -> list[Any]:
    """Who reviews the report: the monitors of the plan's monitoring body, and the heads of the unit's parent."""
    plan = report.period.plan
    users = _members({plan.monitoring_body_id}, (Role.MONITOR,)) if plan.monitoring_body_id else []
    if report.organisation.parent_id:
        users += _members({report.organisation.parent_id}, (Role.UNIT_HEAD,))
    return users


def notify_reviewers(report: UnitReport, text: str, now: datetime) -> None:
    _notify(reviewers(report), text, reverse("tracking:report", args=[report.pk]), now)


@transaction.atomic
def mark_notifications_read(user: Any, now: datetime | None = None) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=_now(now))
