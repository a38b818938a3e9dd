"""Writes for plans: import a document as a draft, edit the draft, map agency names, publish, and edit
assignments after publication. Each function is one transaction and leaves an audit entry."""

from __future__ import annotations

import copy
import hashlib
import re
from collections.abc import Callable
from datetime import date
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from trienkhai.cascade.refs import canonical_ref
from trienkhai.errors import TrienkhaiError
from trienkhai.plans.kinds import document_kind
from trienkhai.plans.references import kind_of_number
from trienkhai.text.numbering import roman_numeral, roman_value
from trienkhai.text.vietnamese import fold
from trienkhai_web.audit.actions import Action
from trienkhai_web.audit.services import record
from trienkhai_web.errors import Conflict, UserError
from trienkhai_web.organisations.models import Organisation, OrganisationAlias
from trienkhai_web.plans import queries
from trienkhai_web.plans.models import (
    AssignmentRole,
    DocumentKind,
    Plan,
    PlanItem,
    PlanLink,
    PlanStatus,
    Reference,
    Target,
    Task,
    TaskAssignment,
)
from trienkhai_web.plans.parsing import (
    agency_names,
    assignment_leads,
    outline_nodes,
    parse_bytes,
    split_names,
)
from trienkhai_web.plans.timeframes import parse_timeframe


class PlanError(UserError):
    """Bad input or a forbidden state; `message` is for the user (translated)."""


class ConflictError(PlanError, Conflict):
    """Someone else saved first: the form was built on an older version."""


class DuplicateError(PlanError):
    def __init__(self, message: str, plan: Plan) -> None:
        super().__init__(message)
        self.plan = plan


KINDS = ("outline", "target", "assignment", "task")
EDITABLE = {
    "outline": ("title", "text"),
    "target": ("subject", "text", "direction", "unit", "deadline", "section"),
    "assignment": ("lead", "partners", "duties", "item"),
    "task": ("no", "content", "lead", "partners", "timeframe", "product"),
}
_LIST_KEY = {"target": "targets", "assignment": "assignments", "task": "tasks"}
_SPLIT_FIELD = {"target": "text", "assignment": "duties", "task": "content"}


def _iso(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


# --- import -----------------------------------------------------------------------------------------

def import_document(user: Any, filename: str, data: bytes) -> Plan:
    """Parse an uploaded document and store it as a draft plan awaiting review."""
    if not data.strip():
        raise PlanError(_("The file is empty."))
    sha = hashlib.sha256(data).hexdigest()
    existing = queries.duplicate_of(sha)
    if existing is not None:
        raise DuplicateError(_("This file has already been imported."), existing)
    try:
        draft, source_text = parse_bytes(filename, data, settings.TRIENKHAI_MAX_UPLOAD_BYTES)
    except TrienkhaiError as exc:
        raise PlanError(exc.message) from exc
    doc = draft.get("document") or {}
    ref_id = canonical_ref(doc.get("number"))
    with transaction.atomic():
        # A placeholder made when another plan cited this one is filled in rather than duplicated.
        plan = Plan.objects.select_for_update().filter(ref_id=ref_id, status=PlanStatus.PLACEHOLDER).first() \
            if ref_id else None
        if plan is None:
            plan = Plan(created_by=user if getattr(user, "is_authenticated", False) else None)
        else:
            plan.version += 1
        plan.status = PlanStatus.DRAFT
        plan.draft = draft
        plan.source_text = source_text
        plan.source_filename = filename[:255]
        plan.source_sha256 = sha
        matcher = queries.agency_matcher()
        plan.agency_map = {n: o.pk for n in agency_names(draft) if (o := queries.certain_match(n, matcher))}
        _header_from_draft(plan, draft)
        plan.source_file.save(filename, ContentFile(data), save=False)
        plan.save()
        record(user, Action.PLAN_IMPORT, plan, after={"filename": filename, "sha256": sha, "number": plan.number})
    return plan


def _header_from_draft(plan: Plan, draft: dict[str, Any]) -> None:
    doc = draft.get("document") or {}
    signer = doc.get("signer") or {}
    kind = doc.get("kind")
    plan.kind = kind if isinstance(kind, str) and kind in DocumentKind.values else DocumentKind.OTHER
    plan.number = (doc.get("number") or "")[:64]
    plan.ref_id = canonical_ref(doc.get("number"))
    plan.title = doc.get("title") or ""
    plan.issued_on = _iso(doc.get("date"))
    plan.place = (doc.get("place") or "")[:128]
    plan.issuer_name = (doc.get("issuer") or "")[:255]
    plan.signer_name = (signer.get("name") or "")[:128]
    plan.signer_title = (signer.get("title") or "")[:128]
    plan.signer_on_behalf_of = (signer.get("on_behalf_of") or "")[:128]
    plan.recipients = list(doc.get("recipients") or [])


# --- draft review -----------------------------------------------------------------------------------

def _locked(plan_id: int, version: int | None) -> Plan:
    plan = Plan.objects.select_for_update().get(pk=plan_id)
    if version is not None and not str(version).isdigit():
        raise PlanError(_("The form is incomplete: reload the page."))
    if version is not None and int(version) != plan.version:
        raise ConflictError(_("Someone else changed this plan while you were editing it. Your change was not "
                              "saved: reload the page to see the current version."))
    return plan


def _change_draft(user: Any, plan: Plan, version: int | None, action: Action,
                  change: Callable[[dict[str, Any]], Any]) -> Plan:
    with transaction.atomic():
        locked = _locked(plan.pk, version)
        if locked.status != PlanStatus.DRAFT or not locked.draft:
            raise PlanError(_("Only a draft can be edited this way."))
        draft = copy.deepcopy(locked.draft)
        detail = change(draft)
        locked.draft = draft
        _header_from_draft(locked, draft)
        locked.version += 1
        locked.save()
        record(user, action, locked, after=detail)
    return locked


def _find_node(draft: dict[str, Any], path: str) -> tuple[list[dict[str, Any]], int]:
    def search(nodes: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], int] | None:
        for i, n in enumerate(nodes):
            if n["path"] == path:
                return nodes, i
            if found := search(n.get("children", [])):
                return found
        return None

    found = search(draft.get("outline", []))
    if found is None:
        raise PlanError(_("This item no longer exists in the draft."))
    return found


def _find_row(draft: dict[str, Any], kind: str, key: str) -> tuple[list[dict[str, Any]], int]:
    if kind not in _LIST_KEY:
        raise PlanError(_("Unknown kind of item."))
    rows = draft.setdefault(_LIST_KEY[kind], [])
    try:
        index = int(key)
    except (TypeError, ValueError):
        index = -1
    if not 0 <= index < len(rows):
        raise PlanError(_("This item no longer exists in the draft."))
    return rows, index


def _apply_fields(kind: str, row: dict[str, Any], fields: dict[str, Any]) -> None:
    for name in EDITABLE[kind]:
        if name not in fields:
            continue
        value = (fields[name] or "").strip() if isinstance(fields[name], str) else fields[name]
        if kind == "outline" and name == "text":
            row["blocks"] = [{"kind": "paragraph", "text": p.strip(), "label": None}
                             for p in str(value).split("\n") if p.strip()]
        elif kind == "assignment" and name == "partners":
            row["partners"] = split_names(value)
        elif name == "deadline":
            row["deadline"] = int(value) if str(value or "").isdigit() else None
        else:
            row[name] = value or None
    if kind == "assignment":
        row["responsible"] = [n for n in [row.get("lead"), *row.get("partners", [])] if n]
    required = {"outline": "title", "target": "subject", "assignment": "duties", "task": "content"}[kind]
    if not row.get(required):
        raise PlanError(_("This field is required: %(field)s.") % {"field": _field_label(required)})


def _field_label(name: str) -> str:
    return {"title": _("title"), "subject": _("subject"), "duties": _("duties"), "content": _("content")}[name]


def edit_draft_item(user: Any, plan: Plan, version: int | None, kind: str, key: str,
                    fields: dict[str, Any]) -> Plan:
    def change(draft: dict[str, Any]) -> dict[str, Any]:
        if kind == "outline":
            nodes, i = _find_node(draft, key)
            _apply_fields(kind, nodes[i], fields)
        else:
            rows, i = _find_row(draft, kind, key)
            _apply_fields(kind, rows[i], fields)
        return {"kind": kind, "key": key, "fields": {k: fields[k] for k in EDITABLE.get(kind, ()) if k in fields}}

    if kind not in KINDS:
        raise PlanError(_("Unknown kind of item."))
    return _change_draft(user, plan, version, Action.PLAN_DRAFT_EDIT, change)


def delete_draft_item(user: Any, plan: Plan, version: int | None, kind: str, key: str) -> Plan:
    def change(draft: dict[str, Any]) -> dict[str, Any]:
        rows, i = _find_node(draft, key) if kind == "outline" else _find_row(draft, kind, key)
        removed = rows.pop(i)
        return {"kind": kind, "key": key, "removed": removed}

    return _change_draft(user, plan, version, Action.PLAN_DRAFT_DELETE, change)


def add_draft_item(user: Any, plan: Plan, version: int | None, kind: str, fields: dict[str, Any],
                   parent_path: str | None = None) -> Plan:
    """Append a new item; an outline heading goes under `parent_path` (or at the top level)."""
    def change(draft: dict[str, Any]) -> dict[str, Any]:
        if kind == "outline":
            siblings = _find_node(draft, parent_path)[0][_find_node(draft, parent_path)[1]].setdefault(
                "children", []) if parent_path else draft.setdefault("outline", [])
            number = str(len(siblings) + 1) if parent_path else roman_numeral(len(siblings) + 1)
            existing = {n["path"] for n, _d, _p in outline_nodes(draft)}
            while (path := f"{parent_path}.{number}" if parent_path else number) in existing:
                number += "'"
            row: dict[str, Any] = {"path": path, "number": number, "title": "", "kind": "section",
                                   "blocks": [], "children": []}
            _apply_fields(kind, row, fields)
            siblings.append(row)
            return {"kind": kind, "key": path, "added": row}
        if kind not in _LIST_KEY:
            raise PlanError(_("Unknown kind of item."))
        empty: dict[str, dict[str, Any]] = {"assignment": {"item": None, "responsible": [], "lead": None,
                                                           "partners": []},
                                            "task": {"no": None}, "target": {"section": None}}
        row = empty[kind]
        _apply_fields(kind, row, fields)
        draft.setdefault(_LIST_KEY[kind], []).append(row)
        return {"kind": kind, "added": row}

    return _change_draft(user, plan, version, Action.PLAN_DRAFT_ADD, change)


def split_draft_item(user: Any, plan: Plan, version: int | None, kind: str, key: str, at: str,
                     title: str = "") -> Plan:
    """Split an item in two where the text `at` begins.

    A target, assignment or task: both parts keep the other fields. An outline heading: see
    `_split_outline` (the second part becomes the next sibling heading)."""
    def change(draft: dict[str, Any]) -> dict[str, Any]:
        if kind == "outline":
            new_path = _split_outline(draft, key, at, title)
            return {"kind": kind, "key": key, "at": at, "new_key": new_path}
        if kind not in _SPLIT_FIELD:
            raise PlanError(_("Unknown kind of item."))
        rows, i = _find_row(draft, kind, key)
        name = _SPLIT_FIELD[kind]
        text = rows[i].get(name) or ""
        pos = text.find(at.strip()) if at.strip() else -1
        if pos <= 0:
            raise PlanError(_("The text to split at was not found inside the item."))
        second = copy.deepcopy(rows[i])
        rows[i][name], second[name] = text[:pos].strip(), text[pos:].strip()
        if kind == "target":
            second["subject"] = second[name][:120]
        rows.insert(i + 1, second)
        return {"kind": kind, "key": key, "at": at}

    return _change_draft(user, plan, version, Action.PLAN_DRAFT_SPLIT, change)


def _split_outline(draft: dict[str, Any], key: str, at: str, title: str) -> str:
    """Cut heading `key` where `at` begins, in document order (title, then blocks, then sub-headings).

    Everything from that point on (the rest of the title or of the block the cut falls in, the later
    blocks and the sub-headings) moves to a new sibling right after it, numbered next (V after IV, 3
    after 2, c after b); a number already taken gets a prime, as added headings do. Without `title`
    the new heading is titled by the first paragraph of the moved text: the usual case is a heading
    the parser read as a paragraph. Targets and assignments keep their sections."""
    at = at.strip()
    if not at:
        raise PlanError(_("The text to split at was not found inside the item."))
    nodes, i = _find_node(draft, key)
    node = nodes[i]
    blocks = node.get("blocks", [])
    pos = (node.get("title") or "").find(at)
    if pos > 0:
        first_title, moved_title = node["title"][:pos].strip(), node["title"][pos:].strip()
        kept, moved = [], list(blocks)
    else:
        hit = next(((b, p) for b, block in enumerate(blocks) if (p := (block.get("text") or "").find(at)) >= 0),
                    None)
        if hit is None:
            raise PlanError(_("The text to split at was not found inside the item."))
        b, p = hit
        kept, moved = list(blocks[:b]), list(blocks[b + 1:])
        head, tail = blocks[b]["text"][:p].strip(), blocks[b]["text"][p:].strip()
        if head:  # the cut falls inside the block: it becomes two blocks
            kept.append({**blocks[b], "text": head})
        moved.insert(0, {**blocks[b], "text": tail})
        first_title, moved_title = node.get("title") or "", ""
    if title.strip():
        if moved_title:  # the cut-off end of the old title stays as text of the new heading
            moved.insert(0, {"kind": "paragraph", "text": moved_title, "label": None})
        moved_title = title.strip()
    elif not moved_title:
        moved_title = moved.pop(0)["text"]
    number = _next_number(node.get("number") or "")
    # A paragraph that was a missed heading keeps its own number ("3. Phát triển …" → number 3).
    if written := _LEADING_NUMBER.match(moved_title):
        moved_title = moved_title[written.end():].strip() or moved_title
        number = number.rpartition(".")[0] + "." + written.group(1) if "." in number else written.group(1)
    prefix = node["path"].rpartition(".")[0] if "." in node["path"] else ""
    existing = {n["path"] for n, _d, _p in outline_nodes(draft)}
    last = number.rpartition(".")[2]
    while (path := f"{prefix}.{last}" if prefix else last) in existing:
        number, last = number + "'", last + "'"
    second = {**copy.deepcopy({k: v for k, v in node.items() if k not in ("blocks", "children")}),
              "path": path, "number": number, "title": moved_title, "blocks": moved,
              "children": node.get("children", [])}
    node["title"], node["blocks"], node["children"] = first_title, kept, []
    nodes.insert(i + 1, second)
    _repath(draft, second["children"], node["path"], path)
    return path


def _repath(draft: dict[str, Any], children: list[dict[str, Any]], old: str, new: str) -> None:
    """Sub-headings that moved to a new parent take its path; the items citing them follow."""
    renamed: dict[str, str] = {}

    def walk(nodes: list[dict[str, Any]]) -> None:
        for n in nodes:
            if n["path"].startswith(old + "."):
                renamed[n["path"]] = new + n["path"][len(old):]
                n["path"] = renamed[n["path"]]
            walk(n.get("children", []))

    walk(children)
    for rows, field in ((draft.get("targets", []), "section"), (draft.get("tasks", []), "section"),
                        (draft.get("assignments", []), "item")):
        for row in rows:
            if row.get(field) in renamed:
                row[field] = renamed[row[field]]


_LEADING_NUMBER = re.compile(r"^([0-9]{1,3}|[IVXL]{1,6}|[a-zđ])[.)]\s+")


def _next_number(number: str) -> str:
    """The number that follows `number` among its siblings: IV→V, 2→3, 2.1→2.2, b→c; else a prime."""
    head, dot, last = number.rpartition(".")
    prefix = head + dot
    if last.isdigit():
        return f"{prefix}{int(last) + 1}"
    if last and all(c in "IVXLC" for c in last):
        return prefix + roman_numeral((roman_value(last) or 0) + 1)
    if len(last) == 1 and "a" <= last.lower() < "z":
        return prefix + chr(ord(last) + 1)
    return number + "'"


def merge_draft_item(user: Any, plan: Plan, version: int | None, kind: str, key: str) -> Plan:
    """Merge an item with the next one of the same kind (text joined; outline: blocks and children)."""
    def change(draft: dict[str, Any]) -> dict[str, Any]:
        rows, i = _find_node(draft, key) if kind == "outline" else _find_row(draft, kind, key)
        if i + 1 >= len(rows):
            raise PlanError(_("There is no next item to merge with."))
        first, second = rows[i], rows.pop(i + 1)
        if kind == "outline":
            first["blocks"] = [*first.get("blocks", []), {"kind": "paragraph", "text": second["title"], "label": None}, *second.get("blocks", [])]
            first.setdefault("children", []).extend(second.get("children", []))
        else:
            name = _SPLIT_FIELD[kind]
            first[name] = f"{first.get(name) or ''} {second.get(name) or ''}".strip()
            if kind == "assignment":
                first["partners"] = list(dict.fromkeys(first.get("partners", []) + second.get("partners", [])))
        return {"kind": kind, "key": key, "merged": second}

    return _change_draft(user, plan, version, Action.PLAN_DRAFT_MERGE, change)


# --- agency names -----------------------------------------------------------------------------------

def map_agency(user: Any, plan: Plan, version: int | None, name: str, organisation: Organisation | None) -> Plan:
    """Decide what a name in the draft denotes: an organisation, or (None) no organisation at all."""
    with transaction.atomic():
        locked = _locked(plan.pk, version)
        if locked.status != PlanStatus.DRAFT:
            raise PlanError(_("Only a draft can be edited this way."))
        if name not in agency_names(locked.draft or {}):
            raise PlanError(_("This name does not occur in the draft."))
        before = locked.agency_map.get(name, "")
        locked.agency_map = {**locked.agency_map, name: organisation.pk if organisation else None}
        locked.version += 1
        locked.save()
        record(user, Action.PLAN_AGENCY_MAP, locked, before={name: before},
               after={name: organisation.pk if organisation else None})
    return locked


def create_organisation_for(user: Any, plan: Plan, version: int | None, name: str,
                            parent: Organisation | None = None) -> Plan:
    """An unknown agency name becomes a new organisation, mapped at once."""
    name = name.strip()
    if not name:
        raise PlanError(_("This field is required: %(field)s.") % {"field": _("name")})
    with transaction.atomic():
        org = Organisation.objects.create(name=name[:255], short_name=name[:100], parent=parent,
                                          match_key=fold(name)[:255])
        record(user, Action.ORGANISATION_CREATE, org, after={"name": org.name, "from_plan": plan.pk})
        return map_agency(user, plan, version, name, org)


def add_alias_for(user: Any, plan: Plan, version: int | None, name: str, organisation: Organisation) -> Plan:
    """Remember the name as an alias of `organisation` (future imports match it) and map it."""
    with transaction.atomic():
        _alias, created = OrganisationAlias.objects.get_or_create(
            organisation=organisation, match_key=fold(name)[:255], defaults={"name": name[:255]})
        if created:
            record(user, Action.ORGANISATION_ALIAS_ADD, organisation, after={"alias": name})
        return map_agency(user, plan, version, name, organisation)


def auto_map(user: Any, plan: Plan, create_missing: bool = True) -> Plan:
    """Map every undecided name: exact/alias match, a very close fuzzy match, else a new organisation.

    Only for `trienkhai import --publish` and the demo, where nobody reviews."""
    matcher = queries.agency_matcher()
    for name in agency_names(plan.draft or {}):
        if name in plan.agency_map:
            continue
        org = queries.certain_match(name, matcher)
        if org is None:
            fuzzy = [s for s in queries.match_organisations(name, matcher=matcher) if s.score >= 92]
            org = fuzzy[0].organisation if fuzzy else None
        # Names written in lower case ("các sở, ngành", "cơ quan", "chính quyền các cấp") are generic.
        if org is None and create_missing and name[:1].isupper():
            plan = create_organisation_for(user, plan, plan.version, name)
            matcher = queries.agency_matcher()  # the new organisation must match its other spellings
            continue
        plan = map_agency(user, plan, plan.version, name, org)
    return plan


# --- publish ----------------------------------------------------------------------------------------

def undecided_names(plan: Plan) -> list[str]:
    return [n for n in agency_names(plan.draft or {}) if n not in (plan.agency_map or {})]


def _placeholder(ref_id: str, kind: str | None = None, issued_on: date | None = None, issuer: str = "",
                 number: str = "") -> Plan:
    plan = queries.plan_by_ref(ref_id)
    if plan is None:
        plan = Plan.objects.create(status=PlanStatus.PLACEHOLDER, number=(number or ref_id)[:64], ref_id=ref_id,
                                   kind=kind if kind in DocumentKind.values else DocumentKind.OTHER,
                                   issued_on=issued_on, issuer_name=issuer[:255])
    return plan


def publish(user: Any, plan: Plan, version: int | None) -> Plan:
    """Turn the reviewed draft into the plan's items, targets, tasks, references and cascade links."""
    with transaction.atomic():
        plan = _locked(plan.pk, version)
        if plan.status != PlanStatus.DRAFT or not plan.draft:
            raise PlanError(_("Only a draft can be published."))
        missing = undecided_names(plan)
        if missing:
            raise PlanError(_("Map every agency name before publishing. Still undecided: %(names)s.")
                            % {"names": "; ".join(missing[:5])})
        draft = plan.draft
        orgs = Organisation.objects.in_bulk([i for i in plan.agency_map.values() if i])
        items = _publish_outline(plan, draft)
        targets = _publish_targets(plan, draft, items)
        _publish_tasks(plan, draft, items, targets, orgs)
        _publish_references(plan, draft)
        if plan.issuer is None and plan.issuer_name:
            plan.issuer = queries.certain_match(plan.issuer_name)
        if plan.monitoring_body is None:
            from trienkhai_web.accounts.models import Role
            from trienkhai_web.accounts.permissions import organisations_for

            mine = sorted(organisations_for(user, Role.MONITOR))
            plan.monitoring_body_id = mine[0] if mine else None
        plan.status = PlanStatus.PUBLISHED
        plan.published_at = timezone.now()
        plan.version += 1
        plan.save()
        record(user, Action.PLAN_PUBLISH, plan, after={"items": len(items), "targets": len(targets),
                                                  "tasks": plan.tasks.count()})
    return plan


def _publish_outline(plan: Plan, draft: dict[str, Any]) -> dict[str, PlanItem]:
    plan.items.all().delete()
    items: dict[str, PlanItem] = {}
    for order, (node, depth, parent) in enumerate(outline_nodes(draft)):
        items[node["path"]] = PlanItem.objects.create(
            plan=plan, parent=items.get(parent) if parent else None, path=node["path"][:64],
            number=(node.get("number") or "")[:32], title=node.get("title") or "",
            text="\n".join(b.get("text", "") for b in node.get("blocks", [])), order=order, depth=depth,
        )
    return items


def _section_item(items: dict[str, PlanItem], section: str | None) -> PlanItem | None:
    # A section the outline lacks ("III.2.a") falls back to its nearest existing ancestor.
    while section:
        if section in items:
            return items[section]
        section = section.rpartition(".")[0]
    return None


def _publish_targets(plan: Plan, draft: dict[str, Any], items: dict[str, PlanItem]) -> list[Target]:
    out = []
    for order, t in enumerate(draft.get("targets", [])):
        value = t.get("value")
        low, high = (value[0], value[-1]) if isinstance(value, list) and value else (value, value)
        out.append(Target.objects.create(
            plan=plan, item=_section_item(items, t.get("section")), subject=t.get("subject") or t.get("text", ""),
            text=t.get("text") or "", direction=(t.get("direction") or "")[:32], value_low=low, value_high=high,
            unit=(t.get("unit") or "")[:64], recurrence=(t.get("recurrence") or "")[:32],
            deadline_year=t.get("deadline"), baseline=str(t.get("baseline") or "")[:128], order=order,
        ))
    return out


def _assign(task: Task, plan: Plan, orgs: dict[int, Organisation], names: list[str], role: str) -> None:
    for name in names:
        org = orgs.get(plan.agency_map.get(name) or 0)
        if org is not None:
            TaskAssignment.objects.get_or_create(task=task, organisation=org, role=role,
                                                 defaults={"name_in_document": name[:255]})


def _publish_tasks(plan: Plan, draft: dict[str, Any], items: dict[str, PlanItem], targets: list[Target],
                   orgs: dict[int, Organisation]) -> None:
    order = 0
    for t in draft.get("tasks", []):
        recurrence, due = parse_timeframe(t.get("timeframe"))
        task = Task.objects.create(
            plan=plan, item=_section_item(items, t.get("section")), no=str(t.get("no") or "")[:16],
            content=t.get("content") or "", timeframe=(t.get("timeframe") or "")[:128],
            recurrence=t.get("recurrence") or recurrence, due_date=_iso(t.get("due")) or due,
            product=t.get("product") or "", order=order,
        )
        order += 1
        _assign(task, plan, orgs, split_names(t.get("lead")), AssignmentRole.LEAD)
        _assign(task, plan, orgs, split_names(t.get("partners")), AssignmentRole.PARTNER)
    for a in draft.get("assignments", []):
        item = _section_item(items, a.get("item"))
        content = a.get("duties") or a.get("text") or (item.title if item else "")
        recurrence, due = parse_timeframe(a.get("reporting") or content)
        task = Task.objects.create(plan=plan, item=item, content=content, recurrence=recurrence, due_date=due,
                                   order=order)
        order += 1
        _assign(task, plan, orgs, assignment_leads(a), AssignmentRole.LEAD)
        _assign(task, plan, orgs, split_names(a.get("partners")), AssignmentRole.PARTNER)
        # Targets stated in the item an assignment is about are what that work is measured by.
        if item is not None:
            task.targets.set([tg for tg in targets if tg.item_id == item.pk])


def _publish_references(plan: Plan, draft: dict[str, Any]) -> None:
    plan.references.all().delete()
    for r in draft.get("references", []):
        ref_id = canonical_ref(r.get("id"))
        if not ref_id or ref_id == plan.ref_id:
            continue
        Reference.objects.get_or_create(citing=plan, ref_id=ref_id[:64], defaults={
            "kind": (r.get("kind") or "")[:32], "issued_on": _iso(r.get("date")),
            "issuer_name": (r.get("issuer") or "")[:255], "plan": queries.plan_by_ref(ref_id)})
    for parent_ref in (draft.get("document") or {}).get("implements", []):
        ref_id = canonical_ref(parent_ref)
        if not ref_id or ref_id == plan.ref_id:
            continue
        cited: dict[str, Any] = next(
            (r for r in draft.get("references", []) if canonical_ref(r.get("id")) == ref_id), {})
        parent = _placeholder(ref_id, cited.get("kind") or _kind_from_ref(ref_id), _iso(cited.get("date")),
                              cited.get("issuer") or "", number=parent_ref)
        PlanLink.objects.get_or_create(parent=parent, child=plan)
        Reference.objects.update_or_create(citing=plan, ref_id=ref_id[:64], defaults={"plan": parent})
    # Citations of this plan made before it was loaded now point at it.
    if plan.ref_id:
        Reference.objects.filter(ref_id=plan.ref_id, plan__isnull=True).update(plan=plan)


def _kind_from_ref(ref_id: str) -> str:
    return document_kind(kind_of_number(ref_id))


# --- after publication ------------------------------------------------------------------------------

def _task_snapshot(task: Task) -> dict[str, Any]:
    return {
        "lead": sorted(a.organisation_id for a in task.assignments.all() if a.role == AssignmentRole.LEAD),
        "partners": sorted(a.organisation_id for a in task.assignments.all() if a.role == AssignmentRole.PARTNER),
        "timeframe": task.timeframe, "recurrence": task.recurrence,
        "due_date": task.due_date.isoformat() if task.due_date else None,
        "targets": sorted(task.targets.values_list("pk", flat=True)),
    }


def update_task_assignment(user: Any, task: Task, version: int | None, *, leads: list[Organisation],
                           partners: list[Organisation], timeframe: str, recurrence: str,
                           due_date: date | None, targets: list[Target]) -> Task:
    """Change who does a published task, when, and which targets measure it; history in the audit trail."""
    with transaction.atomic():
        locked = Task.objects.select_for_update().get(pk=task.pk)
        if version is not None and int(version) != locked.version:  # the form field is an IntegerField
            raise ConflictError(_("Someone else changed this task while you were editing it. Your change was "
                                  "not saved: reload the page to see the current version."))
        if not leads:
            raise PlanError(_("A task needs at least one lead organisation."))
        if any(t.plan_id != locked.plan_id for t in targets):
            raise PlanError(_("A task can only be linked to targets of its own plan."))
        before = _task_snapshot(locked)
        if not timeframe.strip() and not recurrence and due_date is None:
            pass  # no timeframe at all is allowed: some tasks in documents have none
        derived_recurrence, derived_due = parse_timeframe(timeframe)
        locked.timeframe = timeframe.strip()[:128]
        locked.recurrence = recurrence or derived_recurrence
        locked.due_date = due_date or derived_due
        locked.version += 1
        locked.save()
        names = {a.organisation_id: a.name_in_document for a in locked.assignments.all()}
        locked.assignments.all().delete()
        for role, orgs in ((AssignmentRole.LEAD, leads), (AssignmentRole.PARTNER, partners)):
            for org in orgs:
                TaskAssignment.objects.get_or_create(task=locked, organisation=org, role=role,
                                                     defaults={"name_in_document": names.get(org.pk, "")})
        locked.targets.set(targets)
        record(user, Action.TASK_ASSIGNMENT_UPDATE, locked, before=before, after=_task_snapshot(locked))
    return locked
