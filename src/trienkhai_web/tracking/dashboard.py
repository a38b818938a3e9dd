"""The plan dashboard, computed on read in a bounded number of queries (aggregated rows, no N+1)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from django.utils.safestring import mark_safe

from trienkhai.tracking import periods as period_rules
from trienkhai.tracking.assess import Assessment, assess_by
from trienkhai.tracking.dashboard import progress_svg, ratio, stacked_bar_svg, trend_svg
from trienkhai_web.organisations.models import Organisation
from trienkhai_web.plans.models import AssignmentRole, Plan, PlanItem, Target, Task, TaskAssignment
from trienkhai_web.tracking import queries
from trienkhai_web.tracking.models import ProgressStatus, ReportingPeriod, ReportStatus, TaskProgress

REPORTED = (ReportStatus.SUBMITTED, ReportStatus.ACCEPTED)
NOT_REPORTED = "chua_bao_cao"
STATUS_ORDER = [s.value for s in ProgressStatus] + [NOT_REPORTED]
TIMELINESS_PERIODS = 4
PAGE_SIZE = 30
DATA_ACCEPTED, DATA_SUBMITTED = "accepted", "submitted"


class Unit(NamedTuple):
    pk: int
    name: str


@dataclass
class Filters:
    unit: int | None = None
    part: int | None = None
    status: str = ""
    page: int = 1
    data: str = "accepted"  # "accepted": only reviewed figures; "submitted": submitted ones count too

    @property
    def report_statuses(self) -> tuple[str, ...]:
        return REPORTED if self.data == DATA_SUBMITTED else (ReportStatus.ACCEPTED,)


@dataclass
class Dashboard:
    plan: Plan
    period: ReportingPeriod | None
    periods: list[ReportingPeriod]
    parts: list[dict[str, Any]] = field(default_factory=list)
    units: list[dict[str, Any]] = field(default_factory=list)
    targets: list[dict[str, Any]] = field(default_factory=list)
    overdue: list[dict[str, Any]] = field(default_factory=list)
    unreported: list[queries.MissingReport] = field(default_factory=list)
    timeliness_periods: list[ReportingPeriod] = field(default_factory=list)
    timeliness: list[dict[str, Any]] = field(default_factory=list)
    totals: Counter = field(default_factory=Counter)
    part_choices: list[PlanItem] = field(default_factory=list)
    unit_choices: list[Unit] = field(default_factory=list)
    pages: int = 1


def build(plan: Plan, period: ReportingPeriod | None, filters: Filters, today: date) -> Dashboard:
    periods = list(queries.plan_periods(plan))
    board = Dashboard(plan=plan, period=period, periods=periods)
    items = list(PlanItem.objects.filter(plan=plan).only("pk", "parent_id", "path", "number", "title", "depth"))
    by_id = {i.pk: i for i in items}

    def root(item_id: int | None) -> PlanItem | None:
        item = by_id.get(item_id) if item_id else None
        while item is not None and item.parent_id in by_id:
            item = by_id[item.parent_id]
        return item

    board.part_choices = [i for i in items if i.parent_id is None]
    tasks = list(Task.objects.filter(plan=plan).only("pk", "no", "content", "due_date", "item_id", "order")
                 .order_by("order"))
    leads: dict[int, list[int]] = defaultdict(list)
    involved: dict[int, set[int]] = defaultdict(set)
    org_ids: set[int] = set()
    for task_id, org_id, role in plan_assignments(plan):
        involved[task_id].add(org_id)
        org_ids.add(org_id)
        if role == AssignmentRole.LEAD:
            leads[task_id].append(org_id)
    # Plain tuples, not model instances: a province has a thousand units.
    involved_orgs = TaskAssignment.objects.filter(task__plan=plan).values("organisation_id")  # a subquery
    orgs = {pk: Unit(pk, name) for pk, name in
            Organisation.objects.filter(pk__in=involved_orgs).values_list("pk", "name")}
    board.unit_choices = sorted(orgs.values(), key=lambda o: o.name)
    status_of: dict[tuple[int, int], str] = {}
    if period is not None:
        for row in queries.period_progress(period, filters.report_statuses):
            status_of[(row["task_id"], row["report__organisation_id"])] = row["status"] or NOT_REPORTED

    def task_status(task: Task) -> str:
        return combined_status([status_of.get((task.pk, org), NOT_REPORTED) for org in leads.get(task.pk, [])])

    parts: dict[int | None, Counter] = defaultdict(Counter)
    units: dict[int, Counter] = defaultdict(Counter)
    for task in tasks:
        part = root(task.item_id)
        if filters.part and (part is None or part.pk != filters.part):
            continue
        if filters.unit and filters.unit not in involved.get(task.pk, set()):
            continue
        status = task_status(task)
        if filters.status and status != filters.status:
            continue
        parts[part.pk if part else None][status] += 1
        board.totals[status] += 1
        for org in leads.get(task.pk, []):
            units[org][status_of.get((task.pk, org), NOT_REPORTED)] += 1
        if task.due_date and task.due_date < today and status != ProgressStatus.DONE:
            board.overdue.append({"task": task, "status": status, "days": (today - task.due_date).days,
                                  "part": part, "leads": [orgs[o].name for o in leads.get(task.pk, []) if o in orgs]})
    for key, counter in parts.items():
        total = sum(counter.values())
        part = by_id.get(key) if key else None
        board.parts.append({"part": part, "total": total, "counts": counter,
                            "cells": [counter[s] for s in STATUS_ORDER],
                            "done_pct": ratio(counter[ProgressStatus.DONE], total),
                            "bar": status_bar(counter, str(part) if part else "")})
    board.parts.sort(key=lambda r: r["part"].path if r["part"] else "~")
    for org_id, counter in units.items():
        total = sum(counter.values())
        board.units.append({"organisation": orgs[org_id], "total": total, "counts": counter,
                            "cells": [counter[s] for s in STATUS_ORDER],
                            "done_pct": ratio(counter[ProgressStatus.DONE], total),
                            "bar": status_bar(counter, orgs[org_id].name)})
    board.units.sort(key=lambda r: (r["done_pct"], r["organisation"].name))
    board.targets = _targets(plan, periods, filters.report_statuses)
    expected = {filters.unit} & org_ids if filters.unit else org_ids
    if period is not None:
        board.unreported = queries.unreported_units(period, today, expected)
    board.timeliness_periods = period_rules.started_periods(periods, today)[-TIMELINESS_PERIODS:]
    ordered = sorted(expected, key=lambda pk: orgs[pk].name)
    board.pages = max(1, -(-len(ordered) // PAGE_SIZE))
    page_ids = ordered[(filters.page - 1) * PAGE_SIZE: filters.page * PAGE_SIZE]
    table = queries.timeliness(board.timeliness_periods, page_ids, today)
    board.timeliness = [{"organisation": orgs[pk], "cells": [table[pk][p.pk] for p in board.timeliness_periods]}
                        for pk in page_ids]
    return board


# A task reported on by several units is as far as the furthest behind of them.
WORST_FIRST = (ProgressStatus.LATE, ProgressStatus.NOT_STARTED, ProgressStatus.IN_PROGRESS, NOT_REPORTED)


def combined_status(statuses: list[str]) -> str:
    """One status for a task from its lead units' statuses (none reported: not reported)."""
    if not statuses:
        return NOT_REPORTED
    for s in WORST_FIRST:
        if s in statuses:
            return s
    return ProgressStatus.DONE


def task_statuses(plans: list[Plan], today: date) -> dict[int, str]:
    """task id → its latest known status: from the accepted reports of the latest period (by deadline,
    started by `today`) in which it was reported on, for every task of `plans` (not reported: none).
    Two queries whatever the number of plans."""
    latest: dict[int, tuple[date, list[str]]] = {}
    rows = (TaskProgress.objects.filter(task__plan__in=plans, report__status=ReportStatus.ACCEPTED,
                                        report__period__data_from__lte=today)
            .values_list("task_id", "status", "report__period__unit_deadline"))
    for task_id, status, deadline in rows:
        known = latest.get(task_id)
        if known is None or deadline > known[0]:
            latest[task_id] = (deadline, [status or NOT_REPORTED])
        elif deadline == known[0]:
            known[1].append(status or NOT_REPORTED)
    tasks = Task.objects.filter(plan__in=plans).values_list("pk", flat=True)
    return {pk: combined_status(latest[pk][1]) if pk in latest else NOT_REPORTED for pk in tasks}


def status_bar(counter: Counter, title: str) -> str:
    """The statuses of some tasks as one stacked bar (the core draws it; the labels are the user's)."""
    from trienkhai_web.tracking.labels import STATUS_LABELS

    return mark_safe(stacked_bar_svg([(s, str(STATUS_LABELS[s]), counter[s]) for s in STATUS_ORDER], title=title))


def plan_assignments(plan: Plan) -> list[tuple[int, int, str]]:
    return list(TaskAssignment.objects.filter(task__plan=plan).values_list("task_id", "organisation_id", "role"))


def _targets(plan: Plan, periods: list[ReportingPeriod], statuses: tuple[str, ...]) -> list[dict[str, Any]]:
    series = queries.indicator_series(plan, statuses)
    rows = []
    for target in Target.objects.filter(plan=plan).order_by("order"):
        values = series.get(target.pk, {})
        trend = [(p, values.get(p.pk)) for p in periods]
        known = [(p, v) for p, v in trend if v is not None]
        latest = known[-1] if known else (None, None)
        chart_points = [(p.title, float(v) if v is not None else None) for p, v in trend if p.pk in values] or \
            [(p.title, None) for p in periods[-1:]]
        goal = target.value_low if target.value_low is not None else target.value_high
        verdict = assess_by(target.direction, target.value_low, target.value_high, latest[1],
                            deadline_year=target.deadline_year,
                            as_of_year=latest[0].end.year if latest[0] else date.today().year)
        rows.append({
            "target": target, "latest_period": latest[0], "latest": latest[1],
            "assessment": verdict.status, "completion": verdict.completion,
            "progress": mark_safe(progress_svg(verdict.completion, verdict.status in (Assessment.MET, Assessment.EXCEEDED),
                                               title=target.subject[:80])),
            "chart": mark_safe(trend_svg([c for c, _ in chart_points], [v for _, v in chart_points],
                                         float(goal) if goal is not None else None, title=target.subject[:80])),
        })
    return rows
