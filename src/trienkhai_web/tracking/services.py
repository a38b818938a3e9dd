"""Every write of the reporting cycle: schedules and periods, drafting, submitting, reviewing,
explanation threads and notifications. Each function runs in one transaction and is audited."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
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
from trienkhai_web.tracking import calendar_days
from trienkhai_web.tracking.evidence import check_upload
from trienkhai_web.tracking.models import (
    EDITABLE_STATUSES,
    Evidence,
    ExplanationMessage,
    ExplanationRequest,
    IndicatorValue,
    Notification,
    PartnerContribution,
    ProgressStatus,
    ReportingPeriod,
    ReportingSchedule,
    ReportStatus,
    ReviewEvent,
    TaskProgress,
    UnitReport,
)
from trienkhai_web.tracking.permissions import can_ask_explanation

PROGRESS_FIELDS = ("status", "results", "difficulties", "causes", "proposals", "explanation")
FIELD_LABELS = {
    "status": gettext_lazy("Status"), "results": gettext_lazy("Results"),
    "difficulties": gettext_lazy("Difficulties"), "causes": gettext_lazy("Causes"),
    "proposals": gettext_lazy("Proposals"), "explanation": gettext_lazy("Explanation"),
    "contribution": gettext_lazy("Contribution"), "value": gettext_lazy("Value"), "note": gettext_lazy("Note"),
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


def save_schedule(user: Any, plan: Plan, *, starts_on: date, ends_on: date, version: int | None,
                  **settings: Any) -> ReportingSchedule:
    """Create or change the plan's regime and recompute its periods. Periods that already have reports
    are left exactly as they are (their reports were made against those dates); the others are updated,
    added or removed. `version` is the one the form was built on (0: no regime saved yet)."""
    require(user, can_manage_plan, plan)
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
        "e": sorted(Evidence.objects.filter(value__report=report).values_list("pk", flat=True)),
    }
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
        setattr(row, field, value)
        row.save(update_fields=[field])
        label = f"{FIELD_LABELS[field]} — {task.no or task.pk}"
    elif kind == "contribution":
        task = Task.objects.get(pk=object_id, plan_id=current.period.plan_id)
        if not _assigned(task, current.organisation_id, AssignmentRole.PARTNER):
            raise UserError(_("Your unit is not a partner on this task."))
        contribution, _created = PartnerContribution.objects.get_or_create(report=current, task=task)
        _check_seen(contribution.text, seen, value)
        contribution.text = value
        contribution.save(update_fields=["text"])
        label = f"{FIELD_LABELS['contribution']} — {task.no or task.pk}"
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
            indicator.value = number
        elif field == "note":
            _check_seen(indicator.note, seen, value)
            indicator.note = value
        else:
            raise UserError(_("Unknown field."))
        indicator.save()
        label = f"{FIELD_LABELS[field]} — {target.subject[:40]}"
    else:
        raise UserError(_("Unknown field."))
    return _bump(user, current, f"{label}: “{value[:80]}”", now)


def _check_seen(stored: str, seen: str | None, value: str) -> None:
    """Per-field optimistic lock: refuse when the field no longer holds what the user last saw (unless it
    already holds what they are saving — both typed the same)."""
    stored = (stored or "").strip()
    if seen is None or stored == seen.strip() or stored == value:
        return
    raise _field_conflict(stored)


def _field_conflict(stored: str) -> Conflict:
    return Conflict(
        _("Someone else changed this field since you opened the page; it now reads “%(current)s”. Your change "
          "was not saved: reload the page to see their version, then enter yours again.")
        % {"current": stored[:200] or _("(empty)")})


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


def attach_evidence(user: Any, report: UnitReport, expected_version: int | None, target: Target,
                    file: UploadedFile, now: datetime | None = None) -> Evidence:
    """Add one evidence file to the unit's value of `target`. Adding a file cannot overwrite anyone's
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
            row, _created = IndicatorValue.objects.get_or_create(report=current, target=target)
            evidence = Evidence(value=row, original_name=name, size=file.size or 0, uploaded_at=_now(now),
                                uploaded_by=user if getattr(user, "is_authenticated", False) else None)
            evidence.file.save(name, file, save=False)
            stored.append((evidence.file.storage, evidence.file.name))
            evidence.save()
            label = _("Evidence")
            _bump(user, current, f"{label} — {target.subject[:40]}: “{name}”", now)
    except BaseException:
        for storage, stored_name in stored:
            storage.delete(stored_name)
        raise
    return evidence


@transaction.atomic
def remove_evidence(user: Any, evidence: Evidence, now: datetime | None = None) -> None:
    """Remove an evidence file from a report that can still be edited."""
    current = UnitReport.objects.select_for_update(of=("self",)).get(pk=evidence.value.report_id)
    _check_editable(user, current)
    name, subject = evidence.original_name, evidence.value.target.subject[:40]
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


@transaction.atomic
def submit(user: Any, report: UnitReport, *, version: int | None, now: datetime | None = None) -> UnitReport:
    if not can_submit_for(user, report.organisation_id):
        raise PermissionDenied
    current = _lock(report, version)
    if current.status not in EDITABLE_STATUSES:
        raise UserError(_("This report has already been submitted."))
    problems = problems_before_submit(current)
    if problems:
        raise UserError(_("The report cannot be submitted yet:"), problems)
    moment, before = _now(now), current.status
    current.status = ReportStatus.SUBMITTED
    current.submitted_at, current.submitted_by = moment, user
    current.first_submitted_at = current.first_submitted_at or moment
    current.content_hash = content_hash(current)
    current.version += 1
    current.last_edited_by, current.last_edited_at, current.last_change = user, moment, _("submitted")
    current.save()
    _event(current, user, "submit", before, "", moment, current.organisation_id)
    notify_reviewers(current, _("%(unit)s submitted its report for %(period)s.")
                     % {"unit": current.organisation.name, "period": current.period.title}, moment)
    return current


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
def bulk_accept(user: Any, reports: list[UnitReport], *, versions: Mapping[int, int],
                now: datetime | None = None) -> list[UnitReport]:
    """Accept every submitted report of the list, each at the version the list showed (`versions` by
    report id); reports in other states are left as they are."""
    accepted = []
    for report in reports:
        if report.status == ReportStatus.SUBMITTED:
            accepted.append(accept(user, report, version=versions.get(report.pk), now=now))
    return accepted


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
    if request.asked_by_id and request.asked_by_id != getattr(user, "pk", None):
        Notification.objects.create(user_id=request.asked_by_id, text=_("%(unit)s answered: %(text)s")
                                    % {"unit": request.organisation.name, "text": message.text[:200]},
                                    url=reverse("tracking:explanation", args=[request.pk]), created_at=_now(now))
    return message


def _members(organisation_ids: set[int], roles: tuple[str, ...]) -> list[Any]:
    from django.contrib.auth import get_user_model

    return list(get_user_model().objects.filter(memberships__organisation_id__in=organisation_ids,
                                                memberships__role__in=roles, is_active=True).distinct())


def notify_organisation(organisation: Organisation, text: str, url: str, now: datetime) -> list[Any]:
    users = _members({organisation.pk}, (Role.UNIT_REPORTER, Role.UNIT_HEAD))
    Notification.objects.bulk_create([Notification(user=u, text=text, url=url, created_at=now) for u in users])
    return users


def notify_unit(report: UnitReport, text: str, now: datetime) -> None:
    notify_organisation(report.organisation, text, reverse("tracking:report", args=[report.pk]), now)


def notify_reviewers(report: UnitReport, text: str, now: datetime) -> None:
    plan = report.period.plan
    users = _members({plan.monitoring_body_id}, (Role.MONITOR,)) if plan.monitoring_body_id else []
    if report.organisation.parent_id:
        users += _members({report.organisation.parent_id}, (Role.UNIT_HEAD,))
    Notification.objects.bulk_create(
        [Notification(user=u, text=text, url=reverse("tracking:report", args=[report.pk]), created_at=now) for u in {u.pk: u for u in users}.values()]
    )


@transaction.atomic
def mark_notifications_read(user: Any, now: datetime | None = None) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=_now(now))
