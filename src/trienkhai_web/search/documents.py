"""What goes into the search index for each kind of object: `documents_for(obj)` → unsaved rows.

Titles and bodies are the text as written (snippets are cut from them); `folded_*` are their
`trienkhai.text.search.search_form`. A unit's report entry has no title of its own: the page shows the
task, the unit and the period read from their rows, so renaming one never leaves a stale title.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from trienkhai.text.search import search_form
from trienkhai_web.organisations.models import Organisation, OrganisationAlias
from trienkhai_web.plans.models import Plan, PlanItem, PlanStatus, Target, Task
from trienkhai_web.search.models import Kind, SearchDocument
from trienkhai_web.tracking.models import TaskProgress

# The fields of a unit's entry that are searched (tracking.models.TaskProgress).
REPORT_FIELDS = ("results", "difficulties", "causes", "proposals", "explanation")
INDEXED_MODELS: tuple[type, ...] = (Plan, PlanItem, Task, Target, TaskProgress, Organisation, OrganisationAlias)


def _doc(kind: str, obj: Any, title: str, body: str, url: str, **refs: Any) -> SearchDocument:
    return SearchDocument(kind=kind, object_id=obj.pk, title=title, body=body, folded_title=search_form(title),
                          folded_body=search_form(body), url=url, **refs)


def plan_document(plan: Plan) -> SearchDocument | None:
    if plan.status == PlanStatus.PLACEHOLDER:
        return None
    title = " ".join(p for p in (plan.display_name, plan.title if plan.number else "") if p)
    page = "plans:review" if plan.status == PlanStatus.DRAFT else "plans:detail"
    return _doc(Kind.PLAN, plan, title, plan.source_text, reverse(page, args=[plan.pk]), plan_id=plan.pk)


def item_document(item: PlanItem) -> SearchDocument:
    title = f"{item.path}. {item.title}" if item.path else item.title
    return _doc(Kind.ITEM, item, title, item.text, reverse("plans:detail", args=[item.plan_id]) + f"#item-{item.pk}",
                plan_id=item.plan_id)


def task_document(task: Task) -> SearchDocument:
    title = f"{task.no}. {task.content}" if task.no else task.content
    body = " · ".join(p for p in (task.product, task.timeframe) if p)
    return _doc(Kind.TASK, task, title, body, reverse("plans:task", args=[task.pk]), plan_id=task.plan_id)


def target_document(target: Target) -> SearchDocument:
    body = target.text if target.text != target.subject else ""
    return _doc(Kind.TARGET, target, target.subject, body,
                reverse("plans:detail", args=[target.plan_id]) + f"#target-{target.pk}", plan_id=target.plan_id)


def report_document(progress: TaskProgress, report: Any = None) -> SearchDocument | None:
    body = "\n".join(text for text in (getattr(progress, f) for f in REPORT_FIELDS) if text)
    if not body.strip():
        return None
    report = report or progress.report
    return _doc(Kind.REPORT, progress, "", body,
                reverse("tracking:report", args=[progress.report_id]) + f"#task-{progress.task_id}",
                plan_id=report.period.plan_id, organisation_id=report.organisation_id, period_id=report.period_id)


def organisation_document(org: Organisation, aliases: list[str] | None = None) -> SearchDocument:
    if aliases is None:
        aliases = list(org.aliases.values_list("name", flat=True))
    body = " · ".join(p for p in (org.short_name, *aliases) if p)
    return _doc(Kind.ORGANISATION, org, org.name, body, reverse("organisations:detail", args=[org.pk]),
                organisation_id=org.pk)


def documents_for(obj: Any) -> tuple[tuple[str, int], SearchDocument | None]:
    """(kind, object id) of the row `obj` is indexed as, and the row (None: nothing to index)."""
    if isinstance(obj, Plan):
        return (Kind.PLAN, obj.pk), plan_document(obj)
    if isinstance(obj, PlanItem):
        return (Kind.ITEM, obj.pk), item_document(obj)
    if isinstance(obj, Task):
        return (Kind.TASK, obj.pk), task_document(obj)
    if isinstance(obj, Target):
        return (Kind.TARGET, obj.pk), target_document(obj)
    if isinstance(obj, TaskProgress):
        return (Kind.REPORT, obj.pk), report_document(obj)
    if isinstance(obj, Organisation):
        return (Kind.ORGANISATION, obj.pk), organisation_document(obj)
    raise TypeError(f"not indexed: {type(obj).__name__}")


def all_documents(batch: int = 2000) -> Any:
    """Every row of the index, built from the database in batches (for `rebuild`)."""
    for plan in Plan.objects.exclude(status=PlanStatus.PLACEHOLDER).iterator(chunk_size=200):
        if (doc := plan_document(plan)) is not None:
            yield doc
    for item in PlanItem.objects.iterator(chunk_size=batch):
        yield item_document(item)
    for task in Task.objects.iterator(chunk_size=batch):
        yield task_document(task)
    for target in Target.objects.iterator(chunk_size=batch):
        yield target_document(target)
    progress = TaskProgress.objects.select_related("report__period").only(
        *REPORT_FIELDS, "report_id", "task_id", "report__organisation_id", "report__period_id",
        "report__period__plan_id")
    for entry in progress.iterator(chunk_size=batch):
        if (doc := report_document(entry)) is not None:
            yield doc
    aliases: dict[int, list[str]] = {}
    for org_id, name in OrganisationAlias.objects.values_list("organisation_id", "name"):
        aliases.setdefault(org_id, []).append(name)
    for org in Organisation.objects.iterator(chunk_size=batch):
        yield organisation_document(org, aliases.get(org.pk, []))
