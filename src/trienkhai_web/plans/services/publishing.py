"""Publishing a reviewed draft: its outline, targets, tasks, references and cascade links become rows.

Tracking and reports work from these rows. The draft is read through the core's dataclasses; who does
a task comes from its lists of names (`Task.leads`, `Assignment.doers()`), mapped to organisations by
the reviewer's decisions (`Plan.agency_map`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from trienkhai.cascade.refs import canonical_ref
from trienkhai.plans import editing
from trienkhai.plans.bodies import ScopeIdentity, identify
from trienkhai.plans.model import Plan as Draft
from trienkhai.plans.references import kind_of_number
from trienkhai.plans.timeframes import parse_timeframe
from trienkhai_web.accounts.models import Role
from trienkhai_web.accounts.permissions import organisations_for
from trienkhai_web.audit.actions import Action
from trienkhai_web.audit.services import record
from trienkhai_web.errors import UserError
from trienkhai_web.locking import bump
from trienkhai_web.organisations.models import Organisation
from trienkhai_web.plans import queries
from trienkhai_web.plans.limits import fit
from trienkhai_web.plans.models import (
    AssignmentRole,
    DocumentKind,
    Plan,
    PlanItem,
    PlanLink,
    PlanStatus,
    Recurrence,
    Reference,
    Target,
    Task,
    TaskAssignment,
    TaskScope,
)
from trienkhai_web.plans.services.agencies import matcher_for, undecided_names
from trienkhai_web.plans.services.drafts import check_manage, iso_date, load_draft, lock_plan


def when(text: str | None) -> tuple[str, date | None]:
    """(recurrence, due date) the core reads in a timeframe as written; ("", None) when it says neither."""
    tf = parse_timeframe(text) if text and text.strip() else None
    if tf is None:
        return "", None
    return (tf.recurrence if tf.recurrence in Recurrence.values else ""), iso_date(tf.due)


def default_monitoring_body(user: Any, plan: Plan) -> Organisation | None:
    """Who follows a plan when nobody said: the issuer's Ban Dân vận, else the monitoring body of the one
    publishing it or of the one who imported it."""
    if plan.issuer_id is not None:
        bdv = (Organisation.objects.filter(parent_id=plan.issuer_id, match_key__startswith="ban dan van")
               .order_by("pk").first())
        if bdv is not None:
            return bdv
    for person in (user, plan.created_by):
        mine = sorted(organisations_for(person, Role.MONITOR))
        if mine:
            return Organisation.objects.get(pk=mine[0])
    return None


@dataclass(frozen=True)
class Leadless:
    """A task of the draft that no organisation would lead once published."""

    kind: str  # "task" (a row of the register) or "assignment" (an item of "Tổ chức thực hiện")
    key: str   # its index in the draft's list, as the review page names it
    text: str


class LeadlessTasks(UserError):
    """Publishing would make tasks nobody leads: the page lists them and asks to confirm."""

    def __init__(self, message: str, tasks: list[Leadless]) -> None:
        super().__init__(message)
        self.tasks = tasks


def leadless_tasks(plan: Plan, draft: Draft | None = None) -> list[Leadless]:
    """The draft's tasks whose leads (an assignment: its doers) map to no organisation, neither as a body
    nor as a collective scope resolved to bodies."""
    draft = draft or load_draft(plan)
    mapped = {name for name, org in (plan.agency_map or {}).items() if org}
    mapped |= {name for name, ids in (plan.scope_map or {}).items() if ids}
    out = [Leadless("task", str(i), t.content) for i, t in enumerate(draft.tasks) if not mapped & set(t.leads)]
    out += [Leadless("assignment", str(i), a.duties or a.text or a.item or "")
            for i, a in enumerate(draft.assignments) if not mapped & set(a.doers())]
    return out


def publish(user: Any, plan: Plan, *, version: int | None, monitoring_body: Organisation | None = None,
            allow_leadless: bool = False) -> Plan:
    """Turn the reviewed draft into the plan's items, targets, tasks, references and cascade links.

    A draft with no task at all is refused (nothing to follow). Tasks that no organisation would lead
    (`leadless_tasks`) are refused with `LeadlessTasks` unless the user confirmed (`allow_leadless`).
    The plan gets a monitoring body (`monitoring_body`, or `default_monitoring_body`): a plan that no
    body monitors is refused, since its reports would reach nobody."""
    check_manage(user, plan)
    with transaction.atomic():
        plan = lock_plan(plan, version)
        if plan.status != PlanStatus.DRAFT or not plan.draft:
            raise UserError(_("Only a draft can be published."))
        missing = undecided_names(plan)
        if missing:
            raise UserError(_("Map every agency name before publishing. Still undecided: %(names)s.")
                            % {"names": "; ".join(missing[:5])})
        draft = load_draft(plan)
        if not draft.tasks and not draft.assignments:
            raise UserError(_("This plan has no task yet, so there is nothing to follow: make the bullets of its "
                              "tasks part into tasks, or add a task, before publishing it."))
        leadless = leadless_tasks(plan, draft)
        if leadless and not allow_leadless:
            raise LeadlessTasks(ngettext(
                "%(n)d task has no lead organisation: nobody will report on it.",
                "%(n)d tasks have no lead organisation: nobody will report on them.", len(leadless))
                % {"n": len(leadless)}, leadless)
        orgs = Organisation.objects.in_bulk([*(i for i in plan.agency_map.values() if i),
                                             *(i for ids in (plan.scope_map or {}).values() for i in ids)])
        items = _outline(plan, draft)
        targets = _targets(plan, draft, items)
        _tasks(plan, draft, items, targets, orgs)
        _references(plan, draft)
        if plan.issuer is None and plan.issuer_name:
            plan.issuer = queries.certain_match(plan.issuer_name, matcher_for(plan))
        plan.monitoring_body = monitoring_body or plan.monitoring_body or default_monitoring_body(user, plan)
        if plan.monitoring_body is None:
            raise UserError(_("Choose the body that monitors this plan (usually the issuer's Ban Dân vận) "
                              "before publishing it: without one, nobody follows its reports."))
        plan.status = PlanStatus.PUBLISHED
        plan.published_at = timezone.now()
        bump(plan)
        plan.save()
        record(user, Action.PLAN_PUBLISH, plan, after={"items": len(items), "targets": len(targets),
                                                  "tasks": plan.tasks.count()})
    return plan


def _outline(plan: Plan, draft: Draft) -> dict[str, PlanItem]:
    plan.items.all().delete()
    items: dict[str, PlanItem] = {}
    for order, (node, depth, parent) in enumerate(editing.outline_rows(draft)):
        items[node.path] = PlanItem.objects.create(
            plan=plan, parent=items.get(parent) if parent else None, order=order, depth=depth,
            **fit(PlanItem, path=node.path, number=node.number, title=node.title, text=editing.node_text(node)),
        )
    return items


def _section_item(items: dict[str, PlanItem], section: str | None) -> PlanItem | None:
    # A section the outline lacks ("III.2.a") falls back to its nearest existing ancestor.
    while section:
        if section in items:
            return items[section]
        section = section.rpartition(".")[0]
    return None


def _targets(plan: Plan, draft: Draft, items: dict[str, PlanItem]) -> list[Target]:
    out = []
    for order, t in enumerate(draft.targets):
        low: float | None
        high: float | None
        if isinstance(t.value, list):
            low, high = (t.value[0], t.value[-1]) if t.value else (None, None)
        else:
            low = high = t.value
        out.append(Target.objects.create(
            plan=plan, item=_section_item(items, t.section), value_low=low, value_high=high,
            deadline_year=t.deadline, order=order,
            **fit(Target, subject=t.subject or t.text, text=t.text, direction=t.direction, unit=t.unit,
                  recurrence=t.recurrence, baseline=t.baseline),
        ))
    return out


def _assign(task: Task, plan: Plan, orgs: dict[int, Organisation], names: list[str], role: str) -> None:
    """The task's organisations for the names the document gives it. A collective scope is kept as the
    document writes it (`TaskScope`); the bodies it resolved to get the work (they report), an unnamed one
    ("các cơ quan liên quan") none."""
    for name in names:
        resolved = (plan.scope_map or {}).get(name)
        ident = identify(name)
        if resolved is not None or isinstance(ident, ScopeIdentity):
            scope, _created = TaskScope.objects.get_or_create(
                task=task, role=role, **fit(TaskScope, name_in_document=name),
                defaults={"unnamed": isinstance(ident, ScopeIdentity) and ident.unnamed})
            for org_id in resolved or []:
                if (org := orgs.get(org_id)) is not None:
                    TaskAssignment.objects.get_or_create(
                        task=task, organisation=org, role=role,
                        defaults={"scope": scope, **fit(TaskAssignment, name_in_document=name)})
            continue
        org = orgs.get(plan.agency_map.get(name) or 0)
        if org is not None:
            TaskAssignment.objects.get_or_create(task=task, organisation=org, role=role,
                                                 defaults=fit(TaskAssignment, name_in_document=name))


def _tasks(plan: Plan, draft: Draft, items: dict[str, PlanItem], targets: list[Target],
           orgs: dict[int, Organisation]) -> None:
    order = 0
    for t in draft.tasks:
        recurrence, due = when(t.timeframe)
        task = Task.objects.create(
            plan=plan, item=_section_item(items, t.outline_path or t.section), order=order,
            recurrence=t.recurrence if t.recurrence and t.recurrence in Recurrence.values else recurrence,
            due_date=iso_date(t.due) or due,
            **fit(Task, no=t.no if t.no is not None else "", content=t.content, timeframe=t.timeframe,
                  product=t.product),
        )
        order += 1
        _assign(task, plan, orgs, t.leads, AssignmentRole.LEAD)
        _assign(task, plan, orgs, t.partners, AssignmentRole.PARTNER)
    for a in draft.assignments:
        item = _section_item(items, a.item)
        content = a.duties or a.text or (item.title if item else "")
        recurrence, due = when(a.reporting or content)
        task = Task.objects.create(plan=plan, item=item, content=content, recurrence=recurrence, due_date=due,
                                   order=order)
        order += 1
        _assign(task, plan, orgs, a.doers(), AssignmentRole.LEAD)
        _assign(task, plan, orgs, a.partners, AssignmentRole.PARTNER)
        # Targets stated in the item an assignment is about are what that work is measured by.
        if item is not None:
            task.targets.set([tg for tg in targets if tg.item_id == item.pk])


def _placeholder(ref_id: str, *, kind: str | None, issued_on: date | None, issuer: str | None,
                 number: str) -> Plan:
    plan = queries.plan_by_ref(ref_id)
    if plan is None:
        plan = Plan.objects.create(
            status=PlanStatus.PLACEHOLDER, ref_id=ref_id, issued_on=issued_on,
            kind=kind if kind in DocumentKind.values else DocumentKind.OTHER,
            **fit(Plan, number=number or ref_id, issuer_name=issuer))
    return plan


def _references(plan: Plan, draft: Draft) -> None:
    plan.references.all().delete()
    for r in draft.references:
        ref_id = canonical_ref(r.id)
        if not ref_id or ref_id == plan.ref_id:
            continue
        Reference.objects.get_or_create(citing=plan, **fit(Reference, ref_id=ref_id), defaults={
            "issued_on": iso_date(r.date), "plan": queries.plan_by_ref(ref_id),
            **fit(Reference, kind=r.kind, issuer_name=r.issuer)})
    for parent_ref in draft.document.implements:
        ref_id = canonical_ref(parent_ref)
        if not ref_id or ref_id == plan.ref_id:
            continue
        cited = next((r for r in draft.references if canonical_ref(r.id) == ref_id), None)
        parent = _placeholder(ref_id, kind=(cited.kind if cited else None) or kind_of_number(ref_id),
                              issued_on=iso_date(cited.date) if cited else None,
                              issuer=cited.issuer if cited else None, number=parent_ref)
        PlanLink.objects.get_or_create(parent=parent, child=plan)
        Reference.objects.update_or_create(citing=plan, **fit(Reference, ref_id=ref_id), defaults={"plan": parent})
    # Citations of this plan made before it was loaded now point at it.
    if plan.ref_id:
        Reference.objects.filter(ref_id=plan.ref_id, plan__isnull=True).update(plan=plan)
