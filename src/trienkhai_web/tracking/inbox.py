"""“Việc cần làm”: one list per person of what waits for them, across plans (named reads).

For a unit (reporter, head): every report of a begun period not yet submitted (not begun, a draft, returned,
reopened), overdue or not, and every explanation the unit was asked for and has not answered. For a reviewer
(the plan's monitoring body, the head of a unit's parent): reports waiting for review (resubmitted and late
ones marked) and, per overdue period, how many units have not submitted. Each item says who acts next.
A fixed number of queries whatever the number of plans, periods and reports (tests/web/tracking/test_inbox.py).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from trienkhai.tracking.periods import days_late
from trienkhai_web.accounts.models import Role
from trienkhai_web.accounts.permissions import has_role, is_admin, organisations_for
from trienkhai_web.organisations.models import Organisation
from trienkhai_web.plans.models import Plan, PlanStatus, TaskAssignment
from trienkhai_web.tracking.models import (
    EDITABLE_STATUSES,
    REPORTED_STATUSES,
    ExplanationRequest,
    ReportingPeriod,
    ReportStatus,
    UnitReport,
    UnitSettings,
)

LOOKBACK_DAYS = 400  # a reviewer's "late units" lines: periods whose deadline passed within this many days


@dataclass
class Item:
    """One thing to do: `kind` is "report" (the unit owes it), "explanation" (the unit was asked),
    "review" (a report waits for the reviewer) or "late" (units of a period have not submitted)."""

    kind: str
    plan: Plan
    title: str
    url: str
    status: str  # words
    next_step: str  # who acts next, a sentence
    deadline: date | None = None
    days_late: int = 0
    organisation: Organisation | None = None
    period: ReportingPeriod | None = None
    report: UnitReport | None = None
    resubmitted: bool = False
    late_reason: str = ""
    count: int = 0
    marks: list[str] = field(default_factory=list)


@dataclass
class Inbox:
    unit: list[Item]
    review: list[Item]

    @property
    def count(self) -> int:
        return len(self.unit) + sum(1 for i in self.review if i.kind == "review")


def next_step(report: UnitReport | None, *, reporter_submits: bool, reviewer: str = "") -> str:
    """Who acts next on a unit's report, in one sentence the page shows beside the status."""
    status = report.status if report is not None else ""
    if status == ReportStatus.SUBMITTED:
        return _("Waiting for %(reviewer)s to review it.") % {"reviewer": reviewer or _("the monitoring body")}
    if status == ReportStatus.ACCEPTED:
        return _("Accepted: nothing more to do.")
    if status in (ReportStatus.RETURNED, ReportStatus.REOPENED):
        return _("The unit corrects it and submits it again.")
    if report is not None and report.handed_off_at and not reporter_submits:
        return _("The report is waiting for the unit head to submit it.")
    if reporter_submits:
        return _("The unit prepares it and submits it (the reporter may submit).")
    return _("The reporter prepares it, then the unit head submits it.")


def _status_words(report: UnitReport | None) -> str:
    return str(report.get_status_display()) if report is not None else _("Not begun")


def _unit_items(user: Any, today: date) -> list[Item]:
    org_ids = organisations_for(user, Role.UNIT_REPORTER, Role.UNIT_HEAD)
    if not org_ids:
        return []
    pairs = set(TaskAssignment.objects.filter(organisation_id__in=org_ids, task__plan__status=PlanStatus.PUBLISHED)
                .values_list("task__plan_id", "organisation_id").distinct())
    plan_ids = {p for p, _o in pairs}
    periods = list(ReportingPeriod.objects.filter(plan_id__in=plan_ids, data_from__lte=today)
                   .select_related("plan__monitoring_body").order_by("unit_deadline", "code"))
    reports = {(r.period_id, r.organisation_id): r for r in
               UnitReport.objects.filter(period__in=periods, organisation_id__in=org_ids)}
    orgs = {o.pk: o for o in Organisation.objects.filter(pk__in=org_ids)}
    submits = set(UnitSettings.objects.filter(organisation_id__in=org_ids, reporter_submits=True)
                  .values_list("organisation_id", flat=True))
    items = []
    for period in periods:
        for org_id in sorted(o for p, o in pairs if p == period.plan_id):
            report = reports.get((period.pk, org_id))
            if report is not None and report.status not in EDITABLE_STATUSES:
                continue
            late = days_late(period.unit_deadline, None, today) if today > period.unit_deadline else 0
            url = (reverse("tracking:report", args=[report.pk]) if report is not None else
                   reverse("tracking:unit_entry", args=[period.plan_id, org_id, period.code]))
            marks = [_("overdue %(days)d days") % {"days": late}] if late else []
            if report is not None and report.status == ReportStatus.RETURNED:
                marks.append(_("returned to the unit"))
            items.append(Item("report", period.plan, f"{period.title} — {period.plan.title}", url,
                              _status_words(report), next_step(report, reporter_submits=org_id in submits),
                              deadline=period.unit_deadline, days_late=late, organisation=orgs.get(org_id),
                              period=period, report=report, marks=marks))
    threads = (ExplanationRequest.objects.filter(organisation_id__in=org_ids, closed=False,
                                                 task__plan__status=PlanStatus.PUBLISHED)
               .select_related("task__plan", "organisation", "period").prefetch_related("messages"))
    unit_people = _people(org_ids)
    for thread in threads:
        messages = list(thread.messages.all())
        if messages and messages[-1].author_id in unit_people.get(thread.organisation_id, set()):
            continue  # answered; waiting for the one who asked
        items.append(Item("explanation", thread.task.plan, _("Explain task %(task)s: %(question)s") % {
            "task": thread.task.no or thread.task.content[:40], "question": thread.question[:120]},
            reverse("tracking:explanation", args=[thread.pk]), _("Explanation asked"),
            _("The unit answers."), organisation=thread.organisation, period=thread.period,
            deadline=thread.period.unit_deadline if thread.period else None))
    items.sort(key=lambda i: (i.deadline or date.max, i.title))
    return items


def _people(org_ids: set[int]) -> dict[int, set[int]]:
    from trienkhai_web.accounts.models import Membership

    people: dict[int, set[int]] = defaultdict(set)
    for org_id, user_id in Membership.objects.filter(organisation_id__in=org_ids, role__in=(
            Role.UNIT_REPORTER, Role.UNIT_HEAD)).values_list("organisation_id", "user_id"):
        people[org_id].add(user_id)
    return people


def _reviewed(user: Any) -> tuple[Q | None, Q | None]:
    """(reports the user reviews, plans whose late units the user follows), as filters; None: none."""
    if is_admin(user):
        return Q(), Q()
    monitor = organisations_for(user, Role.MONITOR) if has_role(user, Role.MONITOR) else set()
    heads = organisations_for(user, Role.UNIT_HEAD)
    plans = (Q(monitoring_body_id__in=monitor) | Q(created_by_id=user.pk)) if has_role(user, Role.MONITOR) else None
    reports = Q(organisation__parent_id__in=heads) if heads else None
    if plans is not None:
        by_plan = Q(period__plan__monitoring_body_id__in=monitor) | Q(period__plan__created_by_id=user.pk)
        reports = by_plan if reports is None else reports | by_plan
    return reports, plans


def _review_items(user: Any, today: date, with_late: bool = True) -> list[Item]:
    reports_filter, plans_filter = _reviewed(user)
    if reports_filter is None:
        return []
    waiting = (UnitReport.objects.filter(reports_filter, status=ReportStatus.SUBMITTED)
               .select_related("period__plan", "organisation").order_by("submitted_at"))
    items = []
    for report in waiting:
        period = report.period
        late = days_late(period.unit_deadline, report.first_submitted_at.date(), today) \
            if report.first_submitted_at else 0
        marks = ([_("resubmitted")] if report.resubmitted else []) + (
            [_("submitted %(days)d days late") % {"days": late}] if late else [])
        items.append(Item("review", period.plan, f"{report.organisation.name} — {period.title}",
                          reverse("tracking:report", args=[report.pk]), _status_words(report),
                          _("Waiting for your review."), deadline=period.unit_deadline, days_late=late,
                          organisation=report.organisation, period=period, report=report,
                          resubmitted=report.resubmitted, late_reason=report.late_reason, marks=marks))
    if with_late:
        items += _answers(user)
    if plans_filter is not None and with_late:
        items += _late_units(plans_filter, today)
    return items


def _answers(user: Any) -> list[Item]:
    """Explanations the user asked for that the unit has answered (the last word is the unit's)."""
    threads = (ExplanationRequest.objects.filter(asked_by=user, closed=False)
               .select_related("task__plan", "organisation", "period").prefetch_related("messages"))
    items = []
    for thread in threads:
        messages = list(thread.messages.all())
        if messages and messages[-1].author_id != user.pk:
            items.append(Item("answer", thread.task.plan, _("%(unit)s answered on task %(task)s") % {
                "unit": thread.organisation.name, "task": thread.task.no or thread.task.content[:40]},
                reverse("tracking:explanation", args=[thread.pk]), _("Explanation given"),
                _("Read the answer."), organisation=thread.organisation, period=thread.period))
    return items


def _late_units(plans_filter: Q, today: date) -> list[Item]:
    """Per overdue period of the plans the user follows: how many units have not submitted."""
    plans = {p.pk: p for p in Plan.objects.filter(plans_filter, status=PlanStatus.PUBLISHED)}
    periods = list(ReportingPeriod.objects.filter(plan_id__in=plans, unit_deadline__lt=today,
                                                  unit_deadline__gte=today - timedelta(days=LOOKBACK_DAYS))
                   .order_by("unit_deadline"))
    expected: dict[int, set[int]] = defaultdict(set)
    for plan_id, org_id in TaskAssignment.objects.filter(task__plan_id__in=plans).values_list(
            "task__plan_id", "organisation_id").distinct():
        expected[plan_id].add(org_id)
    reported: dict[int, set[int]] = defaultdict(set)
    for period_id, org_id in UnitReport.objects.filter(period__in=periods, status__in=REPORTED_STATUSES) \
            .values_list("period_id", "organisation_id"):
        reported[period_id].add(org_id)
    items = []
    for period in periods:
        missing = len(expected[period.plan_id] - reported[period.pk])
        if missing:
            plan = plans[period.plan_id]
            items.append(Item("late", plan, f"{period.title} — {plan.title}",
                              reverse("tracking:approval_grid", args=[plan.pk]),
                              _("%(count)d units have not submitted") % {"count": missing},
                              _("Remind the late units."), deadline=period.unit_deadline,
                              days_late=days_late(period.unit_deadline, None, today), period=period, count=missing))
    return items


def inbox(user: Any, today: date, *, with_late: bool = True) -> Inbox:
    """Everything waiting for `user` on `today` (nothing for a leader, who reads but acts on nothing);
    `with_late` False leaves out the late-units lines (they are not counted in the badge)."""
    if not getattr(user, "is_authenticated", False):
        return Inbox([], [])
    return Inbox(_unit_items(user, today), _review_items(user, today, with_late))


_COUNT_ATTR = "_trienkhai_inbox_count"


def inbox_count(user: Any, today: date) -> int:
    """The menu badge: the number of things waiting for `user` (read once per request)."""
    if not getattr(user, "is_authenticated", False):
        return 0
    cached = getattr(user, _COUNT_ATTR, None)
    if cached is None:
        reports_filter, _plans = _reviewed(user)
        waiting = 0 if reports_filter is None else \
            UnitReport.objects.filter(reports_filter, status=ReportStatus.SUBMITTED).count()
        cached = len(_unit_items(user, today)) + waiting
        setattr(user, _COUNT_ATTR, cached)
    return int(cached)


# ---- the approval grid (units × periods) ---------------------------------------------------------

@dataclass
class Cell:
    period: ReportingPeriod
    report: UnitReport | None
    status: str  # the report's status key ("" when not begun), for the cell's colour
    words: str
    days_late: int
    opened: bool  # the reviewer opened it since its last submission
    reminded_at: Any = None


@dataclass
class Grid:
    periods: list[ReportingPeriod]
    rows: list[tuple[Organisation, list[Cell]]]


def approval_grid(user: Any, plan: Plan, today: date) -> Grid:
    """The plan's units the user may review × the plan's begun periods, each cell a report (or none)."""
    from trienkhai_web.accounts.permissions import can_manage_plan
    from trienkhai_web.tracking.models import ReminderLog, ReportOpening

    periods = list(ReportingPeriod.objects.filter(plan=plan, data_from__lte=today).order_by("unit_deadline", "code"))
    org_ids = set(TaskAssignment.objects.filter(task__plan=plan).values_list("organisation_id", flat=True))
    orgs = list(Organisation.objects.filter(pk__in=org_ids).order_by("name"))
    if not can_manage_plan(user, plan):  # a parent's head reviews the units directly under it
        heads = organisations_for(user, Role.UNIT_HEAD)
        orgs = [o for o in orgs if o.parent_id in heads]
    reports = {(r.period_id, r.organisation_id): r for r in
               UnitReport.objects.filter(period__in=periods, organisation__in=orgs)}
    openings = dict(ReportOpening.objects.filter(user=user, report__in=list(reports.values()))
                    .values_list("report_id", "at"))
    reminded: dict[tuple[int, int], Any] = {}
    for period_id, org_id, at in ReminderLog.objects.filter(period__in=periods, manual=True).order_by(
            "created_at").values_list("period_id", "organisation_id", "created_at"):
        reminded[(period_id, org_id)] = at
    rows = []
    for org in orgs:
        cells = []
        for period in periods:
            report = reports.get((period.pk, org.pk))
            submitted = report.first_submitted_at.date() if report and report.first_submitted_at else None
            late = days_late(period.unit_deadline, submitted, today) \
                if (submitted or today) > period.unit_deadline else 0
            opened = bool(report and report.pk in openings
                          and (report.submitted_at is None or openings[report.pk] >= report.submitted_at))
            cells.append(Cell(period, report, report.status if report else "", _status_words(report), late, opened,
                              reminded.get((period.pk, org.pk))))
        rows.append((org, cells))
    return Grid(periods, rows)
