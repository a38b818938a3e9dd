"""Coverage on the plans pages: the core's `cover` (the same as `trienkhai cover`) on the parsed text the
application keeps for every imported plan (`Plan.draft`, kept after publishing), and the cascade matrix
of a parent's units × its child plans.

Nothing here re-reads the core's output: rows, keys, counterparts and reasons are the core's.
"""

from __future__ import annotations

import io
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.cache import cache
from django.db.models import QuerySet
from django.db.models.fields.json import KeyTextTransform, KeyTransform

from trienkhai.cascade.coverage import Coverage, ItemCoverage, cover
from trienkhai.cascade.units import key_title, plan_units
from trienkhai.plans.model import Plan as CorePlan
from trienkhai.spreadsheet import append_row
from trienkhai.text.vietnamese import fold
from trienkhai_web.organisations.models import Organisation
from trienkhai_web.plans.models import AssignmentRole, Plan, PlanStatus, Task, TaskAssignment

CACHE_SECONDS = 24 * 3600
# The kinds of document that are answered by lower plans rather than reported on themselves.
REFERENCE_KINDS = ("nghi_quyet", "ket_luan", "chi_thi")
COVERED, PARTLY, NOT_COVERED = "covered", "partly", "not_covered"


def core_plan(plan: Plan) -> CorePlan | None:
    """The plan as the core parsed it (None for a cited document whose text is not loaded)."""
    if plan.status == PlanStatus.PLACEHOLDER or not plan.draft:
        return None
    return CorePlan.from_dict(plan.draft)


def coverage_between(parent: Plan, child: Plan) -> Coverage | None:
    """What `child` takes up of `parent` (None when either text is not loaded). Cached per version of
    both: a plan's text only changes with its version."""
    key = f"coverage:{parent.pk}:{parent.version}:{child.pk}:{child.version}"
    found = cache.get(key)
    if found is not None:
        return found
    p, c = core_plan(parent), core_plan(child)
    if p is None or c is None:
        return None
    result = cover(p, c)
    cache.set(key, result, CACHE_SECONDS)
    return result


def plan_label(plan: Plan) -> str:
    """How a child plan is told from its siblings: who issued it and where ("Tỉnh ủy Lâm Đồng"), then
    its number; never only its "Thực hiện Nghị quyết…" title, which siblings share."""
    issuer = plan.issuer.name if plan.issuer_id else plan.issuer_name  # type: ignore[union-attr]
    province = getattr(plan, "draft_province", None)
    if province is None and "draft" not in plan.get_deferred_fields():
        province = ((plan.draft or {}).get("document") or {}).get("province")
    province = province or ""
    who = issuer or ""
    if province and province.lower() not in who.lower():
        who = f"{who} {province}".strip()
    parts = [p for p in (who, plan.number) if p]
    return " · ".join(parts) if parts else plan.display_name


def status_of(item: ItemCoverage) -> str:
    """Covered by a unit of its own, covered only by a broader item (partly), or not covered."""
    if not item.covered:
        return NOT_COVERED
    return PARTLY if item.broad else COVERED


@dataclass
class Cell:
    status: str
    counterpart: str = ""
    counterpart_text: str = ""
    score: float | None = None
    why: list[str] = field(default_factory=list)
    counterparts: list[str] = field(default_factory=list)  # every counterpart's key, best first
    progress: Counter = field(default_factory=Counter)  # status → number of the child's counterpart tasks
    done: int = 0  # of which done
    tasks: int = 0


@dataclass
class Expected:
    """A body expected to carry the parent out that has issued no plan for it yet, with what a reminder
    needs: whom to write to, what it was asked, by when, and since when the parent has been out."""

    organisation: Organisation
    assigned: bool  # named in the parent (else: a body of the level below the issuer)
    asked: list[str] = field(default_factory=list)  # the parent's items or tasks it was given
    due: date | None = None
    days_since: int | None = None  # days since the parent was issued


@dataclass
class Matrix:
    parent: Plan
    reference: Plan | None  # the sibling compared with, when the parent's text is not loaded
    columns: list[Plan]
    labels: list[str]
    rows: list[dict[str, Any]]  # {"key", "text", "cells": [Cell per column], "progress": Counter}
    missing: list[Expected] = field(default_factory=list)  # expected children with no plan yet
    task_status: dict[int, str] = field(default_factory=dict)  # every counterpart task → its status

    @property
    def progress(self) -> Counter:
        """The statuses of the child tasks that are counterparts of the parent's units, each task once
        (a task answering three of the parent's items is one task)."""
        return Counter(self.task_status.values())

    @property
    def progress_summary(self) -> dict[str, Any]:
        """{"done", "tasks", "bar"}: the roll-up over all the parent's units, as the parent page shows it."""
        from trienkhai_web.tracking.dashboard import status_bar
        from trienkhai_web.tracking.models import ProgressStatus

        total = self.progress
        return {"done": total[ProgressStatus.DONE], "tasks": sum(total.values()),
                "bar": status_bar(total, self.parent.display_name) if total else ""}

    @property
    def totals(self) -> list[dict[str, int]]:
        out = []
        for i in range(len(self.columns)):
            cells = [r["cells"][i] for r in self.rows]
            out.append({"covered": sum(c.status == COVERED for c in cells),
                        "partly": sum(c.status == PARTLY for c in cells), "total": len(cells)})
        return out


def _children(parent: Plan, visible: QuerySet[Plan] | None) -> list[Plan]:
    # The children with a text, without reading it: a national resolution has 34 programmes of ~100 KB of
    # parsed draft each, and the matrix comes from the cache of coverages (the draft is read, one plan at a
    # time, only on a cache miss). The label's province is read from inside the JSON by the database.
    children = (parent.children.select_related("issuer").exclude(status=PlanStatus.PLACEHOLDER)
                .filter(draft__isnull=False).exclude(draft={}).defer("draft", "source_text")
                .annotate(draft_province=KeyTextTransform("province", KeyTransform("document", "draft")))
                .order_by("issued_on", "number", "pk"))
    if visible is not None:
        children = children.filter(pk__in=visible.values("pk"))
    return list(children)


def _unit_tasks(children: list[Plan]) -> dict[int, tuple[dict[str, list[int]], list[tuple[str, int]]]]:
    """child id → (task number → task ids, [(item path, task id)]): how a counterpart's key finds the
    child's tasks (one query for all children)."""
    out: dict[int, tuple[dict[str, list[int]], list[tuple[str, int]]]] = defaultdict(lambda: (defaultdict(list), []))
    for pk, plan_id, no, path in Task.objects.filter(plan__in=children).values_list("pk", "plan_id", "no", "item__path"):
        by_no, by_path = out[plan_id]
        if no:
            by_no[str(no)].append(pk)
        if path:
            by_path.append((path, pk))
    return out


def counterpart_tasks(key: str, by_no: dict[str, list[int]], by_path: list[tuple[str, int]]) -> set[int]:
    """The child's tasks a counterpart stands for: a register row ("task:12") its task; a heading or one
    of its bullets ("III.2", "III.2#3") the tasks of that heading; the broader "III.2*" the tasks of the
    heading and of every heading under it."""
    if key.startswith("task:"):
        return set(by_no.get(key[5:], []))
    path = key.split("#", 1)[0]
    if path.endswith("*"):  # the broader item: the heading with everything under it
        path = path.rstrip("*")
        return {pk for p, pk in by_path if p == path or p.startswith(path + ".")}
    return {pk for p, pk in by_path if p == path} if path else set()


def expected_children(parent: Plan, today: date | None = None) -> list[Expected]:
    """The bodies expected to answer `parent` with a plan of their own that have not: those it assigns
    work to (its tasks' leads, or for a text under review its reviewed names), else the bodies of the
    level below its issuer. A body has answered when a plan carrying the parent out is issued by it."""
    today = today or date.today()
    issued = list(parent.children.exclude(status=PlanStatus.PLACEHOLDER).values_list("issuer_id", "issuer_name"))
    issued_ids = {pk for pk, _ in issued if pk}
    issued_names = [fold(name) for _, name in issued if name]
    asked: dict[int, list[str]] = defaultdict(list)
    due: dict[int, date] = {}
    for a in (TaskAssignment.objects.filter(task__plan=parent, role=AssignmentRole.LEAD)
              .select_related("task", "task__item").order_by("task__order")):
        task = a.task
        where = task.item.path if task.item_id else (task.no or "")  # type: ignore[union-attr]
        asked[a.organisation_id].append(f"{where} {task.content[:120]}".strip())
        if task.due_date and (a.organisation_id not in due or task.due_date < due[a.organisation_id]):
            due[a.organisation_id] = task.due_date
    draft = core_plan(parent)
    if not asked and draft is not None:  # not published (a reference text): the reviewed names
        for assignment in draft.assignments:
            for name in assignment.doers():
                org_id = (parent.agency_map or {}).get(name)
                if org_id:
                    text = collapse(assignment.text or assignment.duties or "")
                    asked[org_id].append(f"{assignment.item or ''} {text[:120]}".strip())
    assigned = bool(asked)
    candidates = Organisation.objects.filter(pk__in=list(asked)) if assigned else (
        Organisation.objects.filter(parent_id=parent.issuer_id, valid_to__isnull=True)
        .exclude(pk=parent.monitoring_body_id or 0) if parent.issuer_id else Organisation.objects.none())
    out = []
    for org in candidates.order_by("name").only("pk", "name", "email", "match_key"):
        if org.pk in issued_ids or any(org.match_key and org.match_key in n for n in issued_names):
            continue
        out.append(Expected(org, assigned, asked.get(org.pk, []), due.get(org.pk),
                            (today - parent.issued_on).days if parent.issued_on else None))
    return out


def collapse(text: str) -> str:
    return " ".join(text.split())


def cascade_matrix(parent: Plan, visible: QuerySet[Plan] | None = None, today: date | None = None) -> Matrix:
    """The parent's units × its child plans. When the parent's text is not loaded, the earliest child
    with text stands in for it and the others are compared with it (siblings compared). Each cell
    carries the progress of the child's counterpart tasks (their latest due period, accepted reports);
    each row the sum over the children."""
    today = today or date.today()
    children = _children(parent, visible)
    reference = None
    base = parent
    if core_plan(parent) is None and children:
        reference, children = children[0], children[1:]
        base = reference
    # The coverage rows are cached as a whole (one read instead of one coverage per column: a national
    # resolution has 34), keyed by every plan's version, so any edit of one of them rebuilds them. The
    # progress comes from the reports, which change without a plan's version: it is added afresh.
    key = "matrix:" + ":".join(f"{p.pk}.{p.version}" for p in (parent, base, *children))
    rows = cache.get(key)
    if rows is None:
        rows = _rows(base, children)
        cache.set(key, rows, CACHE_SECONDS)
    counted = _add_progress(rows, children, today)
    return Matrix(parent, reference, children, [plan_label(c) for c in children], rows,
                  expected_children(parent, today), counted)


def _rows(base: Plan, children: list[Plan]) -> list[dict[str, Any]]:
    results = [coverage_between(base, c) for c in children]
    rows: list[dict[str, Any]] = []
    base_plan = core_plan(base)
    by_key = [{i.key: i for i in r.items} if r else {} for r in results]
    for unit in plan_units(base_plan) if base_plan is not None else []:
        cells = []
        for items in by_key:
            item = items.get(unit.key)
            if item is None:
                cells.append(Cell(NOT_COVERED))
                continue
            top = item.counterparts[0] if item.counterparts else None
            # Covered cells name every counterpart (best first): their tasks carry the progress.
            cells.append(Cell(status_of(item), top.key if top else "", top.label if top else "",
                              top.score if top else None, list(item.why),
                              [c.key for c in item.counterparts] if item.covered else []))
        rows.append({"key": unit.key, "text": unit.text, "cells": cells})
    return rows


def _add_progress(rows: list[dict[str, Any]], children: list[Plan], today: date) -> dict[int, str]:
    """Put on each covered cell the statuses of the child's counterpart tasks, on each row their sum;
    returns task id → status of every task counted (each once)."""
    from trienkhai_web.tracking.dashboard import status_bar, task_statuses
    from trienkhai_web.tracking.models import ProgressStatus

    tasks = _unit_tasks(children)
    statuses = task_statuses(children, today)
    counted: dict[int, str] = {}
    for row in rows:
        row_progress: Counter = Counter()
        for child, cell in zip(children, row["cells"], strict=True):
            cell.progress, cell.done, cell.tasks = Counter(), 0, 0
            if not cell.counterparts:
                continue
            by_no, by_path = tasks[child.pk]
            found: set[int] = set()
            # The counterpart, and the register rows among the others (what is reported on).
            for i, key in enumerate(cell.counterparts):
                if i == 0 or key.startswith("task:"):
                    found |= counterpart_tasks(key, by_no, by_path)
            cell.progress = Counter(statuses[pk] for pk in found if pk in statuses)
            counted.update((pk, statuses[pk]) for pk in found if pk in statuses)
            cell.done, cell.tasks = cell.progress[ProgressStatus.DONE], sum(cell.progress.values())
            row_progress.update(cell.progress)
        row.update(progress=row_progress, bar=status_bar(row_progress, key_title(row["key"])) if row_progress else "",
                   done=row_progress[ProgressStatus.DONE], tasks=sum(row_progress.values()))
    return counted


def matrix_xlsx(matrix: Matrix, labels: dict[str, str]) -> bytes:
    """The matrix as a workbook: one row per unit, one column per child plan; `labels` names the
    statuses and headers in the user's language."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    fills = {COVERED: "C6EFCE", PARTLY: "FFEB9C", NOT_COVERED: "FFC7CE"}
    wb = Workbook()
    ws = wb.active
    ws.title = labels["sheet"][:31]
    ws.append([labels["item"], labels["content"], *matrix.labels, labels["done"], labels["tasks"]])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in matrix.rows:
        values = [row["key"], row["text"]]
        for c in row["cells"]:
            values.append(labels[c.status] + (f" ({c.counterpart})" if c.counterpart else ""))
        append_row(ws, [*values, row["done"], row["tasks"]])
        for cell, c in zip(ws[ws.max_row][2:], row["cells"], strict=False):
            cell.fill = PatternFill("solid", fgColor=fills[c.status])
    ws.column_dimensions["A"].width = 12
    ws.column_dimensions["B"].width = 70
    for row in ws.iter_rows(min_row=2, max_col=2):
        row[1].alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "C2"
    if matrix.missing:
        sheet = wb.create_sheet(labels["missing_sheet"][:31])
        append_row(sheet, [labels["body"], labels["asked"], labels["deadline"], labels["days_since"], labels["email"]])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for m in matrix.missing:
            append_row(sheet, [m.organisation.name, "\n".join(m.asked), m.due, m.days_since, m.organisation.email])
            sheet.cell(row=sheet.max_row, column=3).number_format = "DD/MM/YYYY"
        sheet.column_dimensions["A"].width = 40
        sheet.column_dimensions["B"].width = 70
        sheet.column_dimensions["E"].width = 30
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
