"""Named reads of the reporting cycle, for pages, the dashboard and the review-report drafting.

Every function issues a fixed number of queries, whatever the number of units, tasks or periods.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Avg, Count, Exists, OuterRef, Prefetch, Q, QuerySet, Sum

from trienkhai.tracking import periods as period_rules
from trienkhai.tracking.periods import days_late
from trienkhai.vocab.units import is_percent
from trienkhai_web.organisations.models import Organisation
from trienkhai_web.plans.models import AssignmentRole, Plan, Target, Task, TaskAssignment
from trienkhai_web.tracking.models import (
    ExplanationRequest,
    IndicatorValue,
    Notification,
    PartnerContribution,
    ReportingPeriod,
    ReportStatus,
    TaskProgress,
    UnitReport,
)

ON_TIME, LATE, MISSING, PENDING = "on_time", "late", "missing", "pending"


def plan_periods(plan: Plan) -> QuerySet[ReportingPeriod]:
    """The plan's reporting periods in deadline order."""
    return ReportingPeriod.objects.filter(plan=plan).order_by("unit_deadline", "code")


def period_codes_with_reports(plan: Plan) -> set[str]:
    """Codes of the plan's periods that already have a unit report (a schedule change keeps them)."""
    return set(ReportingPeriod.objects.filter(plan=plan, reports__isnull=False).values_list("code", flat=True))


def reporting_schedule(plan: Plan) -> Any:
    """The plan's ReportingSchedule, or None before one is set."""
    from trienkhai_web.tracking.models import ReportingSchedule

    return ReportingSchedule.objects.filter(plan=plan).first()


def current_period(plan: Plan, today: date) -> ReportingPeriod | None:
    """The period being reported on at `today`, by the core's one rule."""
    return period_rules.current_period(plan_periods(plan), today)


def latest_due_period(plan: Plan, today: date) -> ReportingPeriod | None:
    """The period a dashboard shows first, by the core's one rule."""
    return period_rules.latest_due_period(plan_periods(plan), today)


def expected_organisation_ids(plan: Plan) -> set[int]:
    """Organisations that must report on the plan: every lead or partner of one of its tasks."""
    return set(TaskAssignment.objects.filter(task__plan=plan).values_list("organisation_id", flat=True))


def accepted_reports(period: ReportingPeriod) -> QuerySet[UnitReport]:
    """Accepted unit reports of the period with their task statuses, results, difficulties, causes,
    proposals and explanations (`progress`), partners' contributions and indicator values prefetched."""
    return (UnitReport.objects.filter(period=period, status=ReportStatus.ACCEPTED)
            .select_related("organisation")
            .prefetch_related(Prefetch("progress", TaskProgress.objects.select_related("task__item")),
                              "contributions__task", "indicator_values__target")
            .order_by("organisation__name"))


def period_progress(period: ReportingPeriod,
                    statuses: tuple[str, ...] = (ReportStatus.ACCEPTED,)) -> list[Mapping[str, Any]]:
    """One row per (task, reporting unit): task_id, organisation_id, organisation name, status, results,
    difficulties, causes, proposals, explanation — from the reports in `statuses`."""
    return list(TaskProgress.objects.filter(report__period=period, report__status__in=statuses).values(
        "task_id", "report_id", "report__organisation_id", "report__organisation__name", "status", "results", "difficulties",
        "causes", "proposals", "explanation"))


def indicator_series(plan: Plan, statuses: tuple[str, ...] = (ReportStatus.ACCEPTED,)) -> dict[int, dict[int, Decimal]]:
    """target id → {period id → value}: units' values summed, or averaged when the unit is a percentage."""
    rows = (IndicatorValue.objects.filter(target__plan=plan, report__status__in=statuses, value__isnull=False)
            .values("target_id", "target__unit", "report__period_id")
            .annotate(total=Sum("value"), mean=Avg("value")))
    series: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for row in rows:
        percent = is_percent(row["target__unit"])
        series[row["target_id"]][row["report__period_id"]] = Decimal(row["mean"] if percent else row["total"])
    return series


def latest_indicator_values(plan: Plan, statuses: tuple[str, ...] = (ReportStatus.ACCEPTED,)) -> dict[int, tuple[int, Decimal]]:
    """target id → (period id, value) of the latest period with accepted values."""
    order = {pk: i for i, pk in enumerate(plan_periods(plan).values_list("pk", flat=True))}
    latest = {}
    for target_id, values in indicator_series(plan, statuses).items():
        period_id = max(values, key=lambda pk: order.get(pk, -1))
        latest[target_id] = (period_id, values[period_id])
    return latest


@dataclass
class MissingReport:
    organisation: Organisation
    deadline: date
    days_late: int
    status: str  # "" when nothing was started


def unreported_units(period: ReportingPeriod, today: date, organisation_ids: set[int] | None = None) -> list[MissingReport]:
    """Organisations that must report and have not submitted (no report, a draft, or a returned one)."""
    expected = expected_organisation_ids(period.plan) if organisation_ids is None else organisation_ids
    # Filter on the period only: a 1,000-id IN list costs more than the few extra rows.
    reported = dict(UnitReport.objects.filter(period=period).values_list("organisation_id", "status"))
    missing_ids = [pk for pk in expected if reported.get(pk) not in (ReportStatus.SUBMITTED, ReportStatus.ACCEPTED)]
    orgs = Organisation.objects.filter(pk__in=missing_ids).only("pk", "name", "parent_id", "email").order_by("name")
    return [MissingReport(o, period.unit_deadline, days_late(period.unit_deadline, None, today)
                          if today > period.unit_deadline else 0, reported.get(o.pk, "")) for o in orgs]


def timeliness(periods: list[ReportingPeriod], organisation_ids: list[int], today: date) -> dict[int, dict[int, str]]:
    """organisation id → {period id → on_time | late | missing | pending} from the first submission."""
    submitted = {(r["organisation_id"], r["period_id"]): r["first_submitted_at"] for r in
                 UnitReport.objects.filter(period__in=periods, organisation_id__in=organisation_ids,
                                           first_submitted_at__isnull=False)
                 .values("organisation_id", "period_id", "first_submitted_at")}
    result: dict[int, dict[int, str]] = {}
    for org_id in organisation_ids:
        row = {}
        for period in periods:
            at = submitted.get((org_id, period.pk))
            if at is None:
                row[period.pk] = MISSING if today > period.unit_deadline else PENDING
            else:
                row[period.pk] = ON_TIME if at.date() <= period.unit_deadline else LATE
        result[org_id] = row
    return result


def explanation_threads(plan: Plan, period: ReportingPeriod | None = None) -> QuerySet[ExplanationRequest]:
    """Explanation requests of the plan (optionally of one period) with their messages, per task and unit."""
    qs = ExplanationRequest.objects.filter(task__plan=plan)
    if period is not None:
        qs = qs.filter(period=period)
    return qs.select_related("task", "organisation", "asked_by").prefetch_related("messages__author")


def report_timeline(report: UnitReport) -> list[Any]:
    """The report's review events (who, when, what, comment, at which level)."""
    return list(report.events.select_related("actor", "actor_organisation"))


def unread_notifications(user: Any) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def reports_to_review(plan: Plan, period: ReportingPeriod, status: str = ReportStatus.SUBMITTED) -> QuerySet[UnitReport]:
    return (UnitReport.objects.filter(period=period, status=status).select_related("organisation", "submitted_by")
            .order_by("first_submitted_at"))


@dataclass
class UnitTaskRow:
    task: Task
    role: str
    progress: TaskProgress | None
    contribution: str
    partner_contributions: list[tuple[str, str]]
    needs_explanation: bool


def unit_report_rows(report: UnitReport) -> tuple[list[UnitTaskRow], list[tuple[Target, IndicatorValue | None]]]:
    """The unit page: the unit's tasks as lead or partner with its entries (and, for the tasks it leads,
    what partners contributed in the period), and the plan's indicators with its values."""
    from trienkhai_web.tracking.services import needs_explanation

    period = report.period
    assignments = list(TaskAssignment.objects.filter(task__plan_id=period.plan_id, organisation_id=report.organisation_id)
                       .select_related("task__item").order_by("task__order", "role"))
    progress = {p.task_id: p for p in report.progress.all()}
    contributions = dict(report.contributions.values_list("task_id", "text"))
    lead_ids = [a.task_id for a in assignments if a.role == AssignmentRole.LEAD]
    partners: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for task_id, name, text in (PartnerContribution.objects
                                .filter(task_id__in=lead_ids, report__period=period).exclude(text="")
                                .values_list("task_id", "report__organisation__name", "text")):
        partners[task_id].append((name, text))
    rows, seen = [], set()
    for a in assignments:
        if (a.task_id, a.role) in seen:
            continue
        seen.add((a.task_id, a.role))
        p = progress.get(a.task_id) if a.role == AssignmentRole.LEAD else None
        rows.append(UnitTaskRow(a.task, a.role, p, contributions.get(a.task_id, ""), partners.get(a.task_id, []),
                                a.role == AssignmentRole.LEAD and needs_explanation(p.status if p else "",
                                                                                   a.task.due_date, period)))
    values = {v.target_id: v for v in report.indicator_values.prefetch_related("files")}
    targets = [(t, values.get(t.pk)) for t in Target.objects.filter(plan_id=period.plan_id).order_by("order")]
    return rows, targets


def organisation_obligations(organisation: Organisation) -> QuerySet[TaskAssignment]:
    return (TaskAssignment.objects.filter(organisation=organisation).select_related("task__plan", "task__item")
            .order_by("task__plan__title", "task__order"))


def organisation_reports(organisation: Organisation) -> QuerySet[UnitReport]:
    return (UnitReport.objects.filter(organisation=organisation).select_related("period__plan")
            .order_by("-period__unit_deadline"))


def plans_overview(plans: Iterable[Plan], today: date) -> list[dict[str, Any]]:
    """Per plan: tasks, tasks done and late in their latest accepted or submitted report, overdue tasks,
    units expected and units reported for the current period — a constant number of queries."""
    plans = list(plans)
    ids = [p.pk for p in plans]
    tasks = dict(Task.objects.filter(plan_id__in=ids).values("plan_id").annotate(n=Count("pk"))
                 .values_list("plan_id", "n"))
    # Overdue: past its due date and done in no submitted or accepted report (one anti-join; excluding
    # across the relation would test "done" and "submitted" in separate, possibly different, reports).
    done_somewhere = TaskProgress.objects.filter(task_id=OuterRef("pk"), status="hoan_thanh",
                                                 report__status__in=("submitted", "accepted"))
    overdue = dict(Task.objects.filter(plan_id__in=ids, due_date__lt=today).filter(~Exists(done_somewhere))
                   .values("plan_id").annotate(n=Count("pk")).values_list("plan_id", "n"))
    expected = dict(TaskAssignment.objects.filter(task__plan_id__in=ids).values("task__plan_id")
                    .annotate(n=Count("organisation_id", distinct=True)).values_list("task__plan_id", "n"))
    # The period each plan's dashboard opens on (the one rule, `periods.latest_due_period`), so the overview
    # and the dashboard it links to speak of the same period.
    by_plan: dict[int, list[ReportingPeriod]] = defaultdict(list)
    for period in ReportingPeriod.objects.filter(plan_id__in=ids):
        by_plan[period.plan_id].append(period)
    periods = {plan_id: found for plan_id, candidates in by_plan.items()
               if (found := period_rules.latest_due_period(candidates, today)) is not None}
    reported = dict(UnitReport.objects.filter(period__in=list(periods.values()),
                                              status__in=("submitted", "accepted"))
                    .values("period__plan_id").annotate(n=Count("pk")).values_list("period__plan_id", "n"))
    done = dict(TaskProgress.objects.filter(report__period__in=list(periods.values()), status="hoan_thanh",
                                            report__status__in=("submitted", "accepted"))
                .values("report__period__plan_id").annotate(n=Count("task_id", distinct=True))
                .values_list("report__period__plan_id", "n"))
    return [{"plan": p, "tasks": tasks.get(p.pk, 0), "done": done.get(p.pk, 0), "overdue": overdue.get(p.pk, 0),
             "period": periods.get(p.pk), "expected": expected.get(p.pk, 0), "reported": reported.get(p.pk, 0)}
            for p in plans]


def overdue_filter(today: date) -> Q:
    return Q(due_date__lt=today)


def previous_values(report: UnitReport) -> dict[int, tuple[str, Decimal]]:
    """target id → (period title, value) the unit last reported for it in an earlier period (one query): what
    the report page shows beside the input."""
    rows = (IndicatorValue.objects
            .filter(report__organisation_id=report.organisation_id, report__period__plan_id=report.period.plan_id,
                    report__period__unit_deadline__lt=report.period.unit_deadline, value__isnull=False)
            .select_related("report__period").order_by("target_id", "-report__period__unit_deadline"))
    out: dict[int, tuple[str, Decimal]] = {}
    for row in rows:
        if row.value is not None:
            out.setdefault(row.target_id, (row.report.period.title, row.value))
    return out
