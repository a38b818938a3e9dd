"""Reading a plan's tracking data for one reporting period into a `ReviewReportData` (the core writes it).

It reads through the tracking app's named queries (`trienkhai_web.tracking.queries`): period_progress,
indicator_series, expected_organisation_ids, unreported_units, explanation_threads; only the dates of
first submission (for the timeliness table) are read from `UnitReport` directly.

Results, indicator values, assessments and activities come from the **accepted** unit reports;
"reported" (for timeliness and the list of units that did not report) means submitted or accepted, in the
reference period (the period itself, or for a review the latest covered period already due). A sơ kết or
tổng kết takes, for each unit and task, the latest accepted report of every period inside its span.
`build_report_data(plan, period, today=…, draft=…)` is the one entry point (pages, command, jobs).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet
from django.utils import timezone

from trienkhai.reports import synthesis as syn
from trienkhai.reports.clean import tone_style
from trienkhai.reports.issuer import heading as issuer_heading
from trienkhai.reports.model import (
    TASK_STATUSES,
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
    Variant,
)
from trienkhai.reports.numbers import fmt_number
from trienkhai.reports.review import (
    NOT_REPORTED,
    Activity,
    LeadProgress,
    PartInput,
    ReviewInput,
    TargetInput,
    TaskInput,
    UnitAssessment,
    UnitReporting,
    compose,
    compute_figures,
)
from trienkhai.reports.variant import detect_variant
from trienkhai.tracking import periods
from trienkhai.tracking.assess import assess_by, bound_of, implausible
from trienkhai.vocab.directions import Bound
from trienkhai_web.plans.models import AssignmentRole, Plan, PlanItem, Task, TaskAssignment
from trienkhai_web.reports import labels
from trienkhai_web.reports.models import ReportSettings
from trienkhai_web.tracking import queries as tracking
from trienkhai_web.tracking.models import (
    REVIEW_FIELDS,
    ReportingPeriod,
    ReportStatus,
    ReviewActivity,
    UnitReport,
    UnitReview,
)

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
    report_id: int | None = None


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
                                         row["proposals"] or "", row["explanation"] or "", row.get("report_id"))
    return progress


def build_report_data(plan: Plan, period: ReportingPeriod, *, today: date | None = None,
                      draft: bool | None = None) -> ReviewReportData:
    """The report of `plan` for `period`: gathered (review_input), its figures computed once, its body
    composed in its kind's structure; `draft` forces the "DỰ THẢO" mark (it is set anyway before the
    period's data cut-off)."""
    today = today or timezone.localdate()
    variant = detect_variant(plan.number, plan.issuer_name)
    kind = labels.report_kind(period.code)
    label = periods.period_phrase(period.code, period.start, period.end)
    plan_ref = labels.plan_reference(plan.kind, plan.number, plan.title or "")
    covered = _covered_periods(period)
    reference = reference_period(period, covered, today)
    progress = _latest_progress(covered)
    document = (plan.draft or {}).get("document") or {}
    province = str(document.get("province") or "")
    place = plan.place or province
    tone = tone_style(" ".join([plan.issuer_name or "", plan.title or "", (plan.source_text or "")[:20000]]))
    head = issuer_heading(variant, number=plan.number, issuer_name=plan.issuer_name or "",
                          issuer_org=plan.issuer.name if plan.issuer else "", province=province, place=place)

    tasks = list(Task.objects.filter(plan=plan).select_related("item").order_by("order", "pk"))
    assignments = list(TaskAssignment.objects.filter(task__plan=plan).select_related("organisation"))
    leads: dict[int, list[TaskAssignment]] = defaultdict(list)
    for a in assignments:
        if a.role == AssignmentRole.LEAD:
            leads[a.task_id].append(a)

    data = ReviewReportData(
        variant=variant, issuer=head.issuer, kind=kind, title=labels.report_title(kind, label, plan_ref),
        # The period's data window (data_from – cutoff), the one the dashboard shows for the same period.
        period=ReportPeriod(label, period.data_from, period.cutoff), place=place, date=today,
        number_suffix=head.number_suffix, plan_number=plan_ref,
        plan_title=f"ngày {plan.issued_on:%d/%m/%Y}" if plan.issued_on else "",
        recipients=head.recipients, signer=head.signer, voice=head.voice, tone=tone, archive=head.archive,
        draft=bool(draft) or today <= period.cutoff,
    )
    if not data.signer.title and plan.signer_title and variant is Variant.PARTY:
        data.signer.title = plan.signer_title.upper()
    apply_settings(data, settings_for(plan))
    data.results = _results(plan, tasks, leads, progress)
    targets = _targets(plan, covered, period)
    data.targets = [TargetRow(t.name, t.unit, t.plan_value, t.result, t.assessment, t.completion, t.problem)
                    for t in targets]
    _appendix(data, reference, assignments, progress, today)
    source = review_input(plan, period, covered, reference, tasks, leads, progress, targets, data, today)
    data.figures = compute_figures(source)
    data.body = compose(source, data.figures)
    return data


def reference_period(period: ReportingPeriod, covered: list[ReportingPeriod], today: date) -> ReportingPeriod:
    """The period whose reporting the report counts: the period itself for a periodic report; for a
    review, the latest covered period already due (a sơ kết's own period is often not due yet)."""
    if labels.report_kind(period.code) is ReportKind.PERIODIC:
        return period
    due = [p for p in covered if p.unit_deadline < today]
    return due[0] if due else period


def _source(report_id: int | None) -> str:
    return f"BC-{report_id}" if report_id else ""


def review_input(plan: Plan, period: ReportingPeriod, covered: list[ReportingPeriod], reference: ReportingPeriod,
                 tasks: list[Task], leads: dict[int, list[TaskAssignment]],
                 progress: dict[tuple[int, int], Progress], targets: list[TargetInput],
                 data: ReviewReportData, today: date) -> ReviewInput:
    """What the core writes the review from, read once from the database."""
    items = {i.pk: i for i in PlanItem.objects.filter(plan=plan)}
    parts, home_of = outline_parts(items)
    part_texts = [f"{p.title} {p.text}" for p in parts]
    task_inputs = []
    for task in tasks:
        part = home_of.get(task.item_id) if task.item_id else None
        home = ""
        if part is None:
            root = _part_of(task.item, items)
            home = root.title if root else ""
            if not task.item_id:  # a register row: the part its own words speak of
                index = syn.match_part(task.content, part_texts)
                part = parts[index].title if index is not None else None
        lead_orgs = [a.organisation.name for a in leads.get(task.pk, [])]
        found = [progress[(task.pk, a.organisation_id)] for a in leads.get(task.pk, [])
                 if (task.pk, a.organisation_id) in progress]
        task_inputs.append(TaskInput(part or "", task.content, lead_orgs, [
            LeadProgress(p.organisation, p.status, p.results, p.difficulties, p.causes, p.proposals, p.explanation,
                         _source(p.report_id)) for p in found], home=home))
    covered_ids = [p.pk for p in covered]
    accepted = {(r.period_id, r.organisation_id): r.pk for r in
                UnitReport.objects.filter(period_id__in=covered_ids, status=ReportStatus.ACCEPTED)}
    monitoring = plan.monitoring_body.name if plan.monitoring_body else ""
    activities = []
    for a in (ReviewActivity.objects.filter(period_id__in=covered_ids).select_related("organisation")
              .order_by("held_on", "pk")):
        own = a.organisation_id == plan.monitoring_body_id
        report = accepted.get((a.period_id, a.organisation_id))
        if own or report:
            activities.append(Activity(a.organisation.name, a.kind, a.title, a.held_on, a.document_number,
                                       a.participants, a.count, _source(report) or f"HĐ-{a.pk}"))
    assessments = [UnitAssessment(r.report.organisation.name, _source(r.report_id),
                                  **{name: getattr(r, name) for name in REVIEW_FIELDS})
                   for r in UnitReview.objects.filter(report__period_id__in=covered_ids,
                                                      report__status=ReportStatus.ACCEPTED)
                   .select_related("report__organisation").order_by("report__organisation__name", "-report__period__end")]
    reporting = [UnitReporting(r.organisation, r.due, r.submitted, 0) for r in data.timeliness]
    reported = {r.organisation for r in data.timeliness} - {r.organisation for r in data.not_reported}
    for row in reporting:  # "reported" is the dashboard's: submitted or accepted now (not a returned one)
        if row.organisation not in reported:
            row.submitted = None
    explanations = []
    for thread in tracking.explanation_threads(plan):
        if thread.period_id is not None and thread.period_id not in covered_ids:
            continue
        for message in thread.messages.all():
            if message.author_id != thread.asked_by_id:
                explanations.extend(syn.split_statements(message.text, thread.organisation.name, f"GT-{thread.pk}"))
    return ReviewInput(
        kind=data.kind, voice=data.voice, plan_reference=data.plan_number,
        period_label=data.period.label,
        reporting_label=periods.period_title(reference.code, reference.start, reference.end),
        monitoring_body=monitoring, parts=parts, tasks=task_inputs, activities=activities,
        assessments=assessments, targets=targets, reporting=reporting, explanations=explanations)


_SUBSTANCE = ("nhiem vu", "giai phap", "noi dung")
_NOT_SUBSTANCE = ("muc dich", "yeu cau", "to chuc thuc hien", "quan diem", "muc tieu")


def outline_parts(items: dict[int, PlanItem]) -> tuple[list[PartInput], dict[int, str]]:
    """The programme's own parts: the children of its "Nhiệm vụ, giải pháp" (or "Nội dung") section, in
    order, with their text; and item id → the title of the part it sits in."""
    roots = sorted((i for i in items.values() if i.parent_id is None), key=lambda i: (i.order, i.path))

    def key(item: PlanItem) -> str:
        return syn.folded(item.title)

    section = next((r for r in roots if any(w in key(r) for w in _SUBSTANCE)
                    and not any(w in key(r) for w in _NOT_SUBSTANCE[:2])), None)
    if section is None:
        return [], {}
    children = sorted((i for i in items.values() if i.parent_id == section.pk), key=lambda i: (i.order, i.path))
    parts, home = [], {}
    texts: dict[int, list[str]] = defaultdict(list)
    for item in items.values():
        top = item
        while top.parent_id is not None and top.parent_id != section.pk and top.parent_id in items:
            top = items[top.parent_id]
        if top.parent_id == section.pk:
            home[item.pk] = top.title
            texts[top.pk].append(item.text or "")
    for child in children:
        parts.append(PartInput(child.title, " ".join(texts[child.pk])[:6000]))
    return parts, home


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


def _targets(plan: Plan, covered: list[ReportingPeriod], period: ReportingPeriod) -> list[TargetInput]:
    """One row per target: the value of the latest covered period with accepted values (tracking adds the
    units' values up, or averages them for a rate), assessed against the target's own deadline."""
    series = tracking.indicator_series(plan)
    rows = []
    for target in plan.targets.all().order_by("order", "pk"):
        values = series.get(target.pk, {})
        found = next((values[p.pk] for p in covered if p.pk in values), None)
        result = float(found) if found is not None else None
        low = float(target.value_low) if target.value_low is not None else None
        high = float(target.value_high) if target.value_high is not None else None
        verdict, completion = assess_by(target.direction, low, high, result, deadline_year=target.deadline_year,
                                        as_of_year=period.end.year)
        rows.append(TargetInput(target.subject[:1].upper() + target.subject[1:], target.unit,
                                plan_value(target.direction, low, high), target.deadline_year, result, verdict,
                                completion, implausible(target.unit, low, high, result)))
    return rows


def plan_value(direction: str, low: float | None, high: float | None) -> str:
    """"≥ 95", "2 - 3", "không còn": one figure when both ends are the same, none for "không còn 0"."""
    values = [v for v in dict.fromkeys((low, high)) if v is not None]
    if bound_of(direction) is Bound.NONE_LEFT and all(v == 0 for v in values):
        values = []
    figure = " - ".join(fmt_number(v) for v in values)
    return f"{direction} {figure}".strip()


def _appendix(data: ReviewReportData, period: ReportingPeriod, assignments: list[TaskAssignment],
              progress: dict[tuple[int, int], Progress], today: date) -> None:
    expected: dict[int, str] = {}
    task_counts: dict[int, int] = defaultdict(int)
    by_org: dict[int, dict[str, int]] = defaultdict(dict)
    for a in assignments:
        expected[a.organisation_id] = a.organisation.name
        task_counts[a.organisation_id] += 1
        if a.role == AssignmentRole.LEAD:  # the tasks it leads, by what it reported (the dashboard's table)
            found = progress.get((a.task_id, a.organisation_id))
            status = (found.status if found else "") or NOT_REPORTED
            by_org[a.organisation_id][status] = by_org[a.organisation_id].get(status, 0) + 1
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
