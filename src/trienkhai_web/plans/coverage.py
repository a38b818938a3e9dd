"""Coverage on the plans pages: the core's `cover` (the same as `trienkhai cover`) on the parsed text the
application keeps for every imported plan (`Plan.draft`, kept after publishing), and the cascade matrix
of a parent's units × its child plans.

Nothing here re-reads the core's output: rows, keys, counterparts and reasons are the core's.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.db.models import QuerySet
from django.db.models.fields.json import KeyTextTransform, KeyTransform

from trienkhai.cascade.coverage import Coverage, ItemCoverage, cover
from trienkhai.cascade.units import plan_units
from trienkhai.plans.model import Plan as CorePlan
from trienkhai_web.plans.models import Plan, PlanStatus

CACHE_SECONDS = 24 * 3600
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


@dataclass
class Matrix:
    parent: Plan
    reference: Plan | None  # the sibling compared with, when the parent's text is not loaded
    columns: list[Plan]
    labels: list[str]
    rows: list[dict[str, Any]]  # {"key", "text", "cells": [Cell per column]}

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


def cascade_matrix(parent: Plan, visible: QuerySet[Plan] | None = None) -> Matrix:
    """The parent's units × its child plans. When the parent's text is not loaded, the earliest child
    with text stands in for it and the others are compared with it (siblings compared)."""
    children = _children(parent, visible)
    reference = None
    base = parent
    if core_plan(parent) is None and children:
        reference, children = children[0], children[1:]
        base = reference
    # The assembled rows are cached as a whole (one read instead of one coverage per column: a national
    # resolution has 34), keyed by every plan's version, so any edit of one of them rebuilds them.
    key = "matrix:" + ":".join(f"{p.pk}.{p.version}" for p in (parent, base, *children))
    rows = cache.get(key)
    if rows is None:
        rows = _rows(base, children)
        cache.set(key, rows, CACHE_SECONDS)
    return Matrix(parent, reference, children, [plan_label(c) for c in children], rows)


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
            cells.append(Cell(status_of(item), top.key if top else "", top.label if top else "",
                              top.score if top else None, list(item.why)))
        rows.append({"key": unit.key, "text": unit.text, "cells": cells})
    return rows


def matrix_xlsx(matrix: Matrix, labels: dict[str, str]) -> bytes:
    """The matrix as a workbook: one row per unit, one column per child plan; `labels` names the
    statuses and headers in the user's language."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    fills = {COVERED: "C6EFCE", PARTLY: "FFEB9C", NOT_COVERED: "FFC7CE"}
    wb = Workbook()
    ws = wb.active
    ws.title = labels["sheet"][:31]
    ws.append([labels["item"], labels["content"], *matrix.labels])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in matrix.rows:
        values = [row["key"], row["text"]]
        for c in row["cells"]:
            values.append(labels[c.status] + (f" ({c.counterpart})" if c.counterpart else ""))
        ws.append(values)
        for cell, c in zip(ws[ws.max_row][2:], row["cells"], strict=True):
            cell.fill = PatternFill("solid", fgColor=fills[c.status])
    ws.column_dimensions["A"].width = 12
    ws.column_dimensions["B"].width = 70
    for row in ws.iter_rows(min_row=2, max_col=2):
        row[1].alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "C2"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
