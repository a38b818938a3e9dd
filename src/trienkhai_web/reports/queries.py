"""Reading a plan's tracking data for one reporting period into a `ReviewReportData` (the core writes it).

It reads through the tracking app's named queries (`trienkhai_web.tracking.queries`): period_progress,
indicator_series, expected_organisation_ids, unreported_units, explanation_threads; only the dates of
first submission (for the timeliness table) are read from `UnitReport` directly.

Results, indicator values, difficulties and causes come from the **accepted** unit reports; "reported"
(for timeliness and the list of units that did not report) means submitted or accepted. A sơ kết or
tổng kết takes, for each unit and task, the latest accepted report of every period inside its span.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet
from django.utils import timezone

from trienkhai.reports.model import (
    TASK_STATUSES,
    Assessment,
    LeadResult,
    NotReportedRow,
    PartResults,
    ReportKind,
    ReportPeriod,
    ReviewReportData,
    TargetRow,
    TaskGroupResult,
    TaskStatusRow,
    TimelinessRow,
)
from trienkhai.reports.numbers import fmt_number
from trienkhai.reports.variant import detect_variant, number_suffix
from trienkhai.tracking import periods
from trienkhai.tracking.assess import assess
from trienkhai_web.plans.models import AssignmentRole, Plan, PlanItem, Task, TaskAssignment
from trienkhai_web.reports import labels
from trienkhai_web.reports.models import ReportSettings
from trienkhai_web.tracking import queries as tracking
from trienkhai_web.tracking.models import ReportingPeriod, UnitReport

OTHER_PART = "Các nhiệm vụ khác"


def periods_for(plan: Plan) -> QuerySet[ReportingPeriod]:
    return tracking.plan_periods(plan)


@dataclass
class Progress:
    """One unit's accepted account of one task (a row of tracking.period_progress)."""

    organisation: str
    status: str
    results: str
    difficulties: str
    causes: str
    proposals: str
    explanation: str


def find_period(plan: Plan, code: str) -> ReportingPeriod | None:
    return ReportingPeriod.objects.filter(plan=plan, code=code).first()


def find_plan(key: str) -> Plan | None:
    """A plan by id or by its number ("55-CTr/TU")."""
    key = key.strip()
    if key.isdigit():
        found = Plan.objects.filter(pk=int(key)).first()
        if found:
            return found
    return Plan.objects.filter(Q(number__iexact=key) | Q(ref_id__iexact=key)).order_by("-issued_on").first()


def _covered_periods(period: ReportingPeriod) -> list[ReportingPeriod]:
    """The period itself, and for a review every period of the plan inside its span, latest first."""
    if labels.report_kind(period.code) is ReportKind.PERIODIC:
        return [period]
    inside = ReportingPeriod.objects.filter(plan_id=period.plan_id, start__gte=period.start, end__lte=period.end)
    return sorted({period, *inside}, key=lambda p: (p.end, p == period), reverse=True)


def _latest_progress(periods: list[ReportingPeriod]) -> dict[tuple[int, int], Progress]:
    """(task id, organisation id) → the latest accepted progress over `periods` (given latest first)."""
    progress: dict[tuple[int, int], Progress] = {}
    for period in periods:
        for row in tracking.period_progress(period):
            key = (row["task_id"], row["report__organisation_id"])
            if key not in progress:
                progress[key] = Progress(row["report__organisation__name"], row["status"] or "",
                                         row["results"] or "", row["difficulties"] or "", row["causes"] or "",
                                         row["proposals"] or "", row["explanation"] or "")
    return progress


def build_report_data(plan: Plan, period: ReportingPeriod, *, today: date | None = None) -> ReviewReportData:
    today = today or timezone.localdate()
    variant = detect_variant(plan.number, plan.issuer_name)
    kind = labels.report_kind(period.code)
    label = periods.period_phrase(period.code, period.start, period.end)
    plan_ref = labels.plan_reference(plan.kind, plan.number)
    covered = _covered_periods(period)
    progress = _latest_progress(covered)
    # The place line: the plan's place, else the province its parsed text names.
    place = plan.place or str(((plan.draft or {}).get("document") or {}).get("province") or "")

    tasks = list(Task.objects.filter(plan=plan).select_related("item").order_by("order", "pk"))
    assignments = list(TaskAssignment.objects.filter(task__plan=plan).select_related("organisation"))
    leads: dict[int, list[TaskAssignment]] = defaultdict(list)
    for a in assignments:
        if a.role == AssignmentRole.LEAD:
            leads[a.task_id].append(a)

    data = ReviewReportData(
        variant=variant,
        issuer=labels.default_issuer(variant, plan.issuer_name or (plan.issuer.name if plan.issuer else ""), place),
        kind=kind, title=labels.report_title(kind, label, plan_ref),
        # The period's data window (data_from – cutoff), the one the dashboard shows for the same period.
        period=ReportPeriod(label, period.data_from, period.cutoff), place=place, date=today,
        number_suffix=number_suffix(plan.number, variant), plan_number=plan_ref,
        plan_title=f"ngày {plan.issued_on:%d/%m/%Y}" if plan.issued_on else "",
        recipients=[str(r) for r in plan.recipients or []],
        signer=labels.default_signer(variant, plan.signer_name, plan.signer_title, plan.signer_on_behalf_of),
    )
    apply_settings(data, settings_for(plan))
    data.results = _results(plan, tasks, leads, progress)
    data.targets = _targets(plan, covered)
    _problems(data, tasks, progress)
    _explanations(data, plan, covered)
    _appendix(data, period, assignments, progress, today)
    _situation(data, tasks, progress)
    return data


def settings_for(plan: Plan) -> ReportSettings | None:
    return ReportSettings.objects.filter(plan=plan).first()


def apply_settings(data: ReviewReportData, settings: ReportSettings | None) -> None:
    """The plan's report settings win over what was derived from the plan, field by field."""
    if settings is None:
        return
    data.issuer.superior = settings.superior_body or data.issuer.superior
    data.issuer.name = settings.issuing_body or data.issuer.name
    data.number = settings.number or data.number
    data.place = settings.place or data.place
    data.signer.on_behalf_of = settings.signer_on_behalf_of or data.signer.on_behalf_of
    data.signer.title = settings.signer_title or data.signer.title
    data.signer.name = settings.signer_name or data.signer.name
    data.recipients = list(settings.recipients) or data.recipients


def _part_of(item: PlanItem | None, items: dict[int, PlanItem]) -> PlanItem | None:
    while item is not None and item.parent_id is not None:
        item = items.get(item.parent_id)
    return item


def _results(plan: Plan, tasks: list[Task], leads: dict[int, list[TaskAssignment]],
             progress: dict[tuple[int, int], Progress]) -> list[PartResults]:
    items = {i.pk: i for i in PlanItem.objects.filter(plan=plan)}
    parts: dict[int | None, PartResults] = {}
    for task in tasks:
        part_item = _part_of(task.item, items)
        key = part_item.pk if part_item else None
        if key not in parts:
            parts[key] = PartResults(_sentence(part_item.title) if part_item else OTHER_PART)
        title = f"{task.no}. {task.content}" if task.no and not task.content.startswith(task.no) else task.content
        title = title.strip()
        group = TaskGroupResult(title[:1].upper() + title[1:])
        for lead in leads.get(task.pk, []):
            found = progress.get((task.pk, lead.organisation_id))
            if found and (found.results or found.status):
                status = dict(TASK_STATUSES).get(found.status, "")
                text = found.results or f"{status}."
                group.leads.append(LeadResult(lead.organisation.name, text, found.status))
        parts[key].groups.append(group)
    return sorted(parts.values(), key=lambda p: p.title == OTHER_PART)


def _sentence(title: str) -> str:
    """Outline headings are often in capitals; the report's level-2 headings are in sentence case."""
    return title[:1] + title[1:].lower() if title.isupper() else title


def _targets(plan: Plan, covered: list[ReportingPeriod]) -> list[TargetRow]:
    """One row per target: the value of the latest covered period with accepted values (tracking adds the
    units' values up, or averages them for a rate)."""
    series = tracking.indicator_series(plan)
    rows = []
    for target in plan.targets.all().order_by("order", "pk"):
        values = series.get(target.pk, {})
        found = next((values[p.pk] for p in covered if p.pk in values), None)
        result = float(found) if found is not None else None
        low = float(target.value_low) if target.value_low is not None else None
        high = float(target.value_high) if target.value_high is not None else None
        verdict, completion = assess(target.direction, low, high, result)
        plan_value = " - ".join(fmt_number(v) for v in (low, high) if v is not None)
        rows.append(TargetRow(target.subject, target.unit, f"{target.direction} {plan_value}".strip(), result,
                              verdict, completion))
    return rows


def add(target: list[str], org: str, text: str) -> None:
    """"Unit: text", once per unit and text."""
    line = f"{org}: {text.strip()}"
    if text.strip() and line not in target:
        target.append(line)


def _explanations(data: ReviewReportData, plan: Plan, covered: list[ReportingPeriod]) -> None:
    """The units' answers in explanation threads are causes too (the question is not)."""
    for thread in tracking.explanation_threads(plan):
        if thread.period_id is not None and thread.period_id not in {p.pk for p in covered}:
            continue
        for message in thread.messages.all():
            if message.author_id != thread.asked_by_id:
                add(data.causes, thread.organisation.name, message.text)


def _problems(data: ReviewReportData, tasks: list[Task], progress: dict[tuple[int, int], Progress]) -> None:
    """Shortcomings, causes and proposals from the units' words; directions from what is behind."""
    names = {t.pk: t for t in tasks}
    for (_task_id, _org_id), item in sorted(progress.items()):
        org = item.organisation
        add(data.shortcomings, org, item.difficulties)
        add(data.causes, org, item.causes)
        add(data.causes, org, item.explanation)
        add(data.proposals, org, item.proposals)
    behind = [names[t] for t, _ in sorted(progress) if progress[(t, _)].status in ("cham_tien_do", "chua_trien_khai")]
    for task in dict.fromkeys(behind):
        data.directions.append(f"Tập trung chỉ đạo đẩy nhanh tiến độ nhiệm vụ: {task.content}.")
    for row in data.targets:
        if row.assessment is Assessment.NOT_MET:
            data.directions.append(f"Có giải pháp cụ thể để hoàn thành chỉ tiêu: {row.name}.")


def _appendix(data: ReviewReportData, period: ReportingPeriod, assignments: list[TaskAssignment],
              progress: dict[tuple[int, int], Progress], today: date) -> None:
    expected: dict[int, str] = {}
    task_counts: dict[int, int] = defaultdict(int)
    for a in assignments:
        expected[a.organisation_id] = a.organisation.name
        task_counts[a.organisation_id] += 1
    by_org: dict[int, dict[str, int]] = defaultdict(dict)
    for (_task, org), item in progress.items():
        if item.status:
            by_org[org][item.status] = by_org[org].get(item.status, 0) + 1
    order = sorted(expected, key=lambda o: expected[o])
    data.tasks_by_status = [TaskStatusRow(expected[o], by_org.get(o, {})) for o in order]
    data.not_reported = [NotReportedRow(m.organisation.name, m.deadline, task_counts[m.organisation.pk])
                         for m in tracking.unreported_units(period, today, set(expected))]
    # Timeliness counts the first submission, even of a report later returned.
    first = dict(UnitReport.objects.filter(period=period, first_submitted_at__isnull=False)
                 .values_list("organisation_id", "first_submitted_at"))
    for org in order:
        submitted = timezone.localdate(first[org]) if org in first else None
        data.timeliness.append(TimelinessRow(expected[org], period.unit_deadline, submitted))


def _situation(data: ReviewReportData, tasks: list[Task], progress: dict[tuple[int, int], Progress]) -> None:
    units = len(data.timeliness)
    reported = units - len(data.not_reported)
    on_time = sum(1 for r in data.timeliness if r.on_time)
    done = len({tid for (tid, _), p in progress.items() if p.status == "hoan_thanh"})
    data.situation = [
        f"{data.plan_number} giao {len(tasks)} nhiệm vụ cho {units} cơ quan, đơn vị chủ trì và phối hợp thực hiện.",
        f"Kỳ báo cáo {data.period.label}: {reported}/{units} cơ quan, đơn vị đã gửi báo cáo, trong đó "
        f"{on_time} báo cáo đúng hạn; {len(data.not_reported)} đơn vị chưa gửi báo cáo.",
        f"Đến nay đã có {done}/{len(tasks)} nhiệm vụ được báo cáo hoàn thành.",
    ]
