"""A plan as `trienkhai.plan/2` JSON: the draft as parsed for a draft, rebuilt from rows once published.

Published rows are the living record (assignments edited after publication show here); organisations
are given by their current names. Tasks with a number come from a task register (`tasks`), the others
from assignments in the text (`assignments`), as publishing made them.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from trienkhai.plans.model import SCHEMA_ID
from trienkhai.plans.model import Plan as Draft
from trienkhai_web.plans.models import AssignmentRole, Plan, PlanItem, PlanStatus, Task


def _number(value: Decimal | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _outline(items: list[PlanItem]) -> list[dict[str, Any]]:
    nodes: dict[int, dict[str, Any]] = {}
    roots: list[dict[str, Any]] = []
    for item in items:  # ordered, so a parent comes before its children
        node = {"path": item.path, "number": item.number, "title": item.title, "kind": "section",
                "blocks": [{"kind": "paragraph", "text": t, "label": None} for t in item.text.split("\n") if t],
                "children": []}
        nodes[item.pk] = node
        parent = nodes.get(item.parent_id) if item.parent_id else None
        (parent["children"] if parent else roots).append(node)
    return roots


def _names(task: Task, role: str) -> list[str]:
    return [a.organisation.name for a in task.assignments.all() if a.role == role]


def plan_document(plan: Plan) -> dict[str, Any] | None:
    """The plan's `trienkhai.plan/2` object, or None for a placeholder never loaded."""
    parsed = Draft.from_dict(plan.draft) if plan.draft else None  # a draft saved as /1 is read as /2
    if plan.status != PlanStatus.PUBLISHED:
        return parsed.to_dict() if parsed else None
    items = list(plan.items.order_by("order"))
    paths: dict[int | None, str] = {i.pk: i.path for i in items}  # looked up by item_id, None for none
    tasks = list(plan.tasks.order_by("order").prefetch_related("assignments__organisation"))
    fmt = plan.source_filename.rpartition(".")[2].lower() if "." in plan.source_filename else None
    document = {
        "kind": plan.kind, "number": plan.number or None,
        "date": plan.issued_on.isoformat() if plan.issued_on else None,
        "place": plan.place or None, "issuer": plan.issuer.name if plan.issuer else (plan.issuer_name or None),
        "province": parsed.document.province if parsed else None, "title": plan.title or None,
        "implements": [p.ref_id or p.number for p in plan.parents.all()],
        "signer": {"name": plan.signer_name or None, "title": plan.signer_title or None,
                   "on_behalf_of": plan.signer_on_behalf_of or None},
        "recipients": list(plan.recipients or []),
    }
    targets = []
    for target in plan.targets.order_by("order"):
        low, high = _number(target.value_low), _number(target.value_high)
        targets.append({
            "section": paths.get(target.item_id), "text": target.text, "subject": target.subject,
            "direction": target.direction or None, "value": low if low == high else [low, high],
            "unit": target.unit or None, "recurrence": target.recurrence or None,
            "deadline": target.deadline_year, "baseline": target.baseline or None,
            "scope": None,
        })
    register: list[dict[str, Any]] = []
    assignments: list[dict[str, Any]] = []
    for t in tasks:
        leads, partners = _names(t, AssignmentRole.LEAD), _names(t, AssignmentRole.PARTNER)
        if t.no:
            register.append({"no": t.no, "content": t.content, "leads": leads,
                             "partners": partners, "timeframe": t.timeframe or None,
                             "product": t.product or None, "due": t.due_date.isoformat() if t.due_date else None,
                             "recurrence": t.recurrence or None, "section": paths.get(t.item_id)})
        else:
            assignments.append({"item": paths.get(t.item_id), "responsible": leads + partners,
                                "leads": leads, "partners": partners, "verbs": [],
                                "duties": t.content, "reporting": None, "canonical": {}, "text": None})
    references = [{"id": r.ref_id, "kind": r.kind or None,
                   "date": r.issued_on.isoformat() if r.issued_on else None,
                   "issuer": r.issuer_name or None, "text": None} for r in plan.references.order_by("pk")]
    return {
        "schema": SCHEMA_ID,
        "source": {"filename": plan.source_filename, "sha256": plan.source_sha256, "format": fmt,
                   "encoding": parsed.source.encoding if parsed else None},
        "document": document,
        "outline": _outline(items),
        "targets": targets,
        "assignments": assignments,
        "tasks": register,
        "references": references,
        "warnings": list(parsed.warnings) if parsed else [],
        "preamble": list(parsed.preamble) if parsed else [],
    }
