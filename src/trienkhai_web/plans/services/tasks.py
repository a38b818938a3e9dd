"""Changing a published task: who leads it and who partners, when it is due, which targets measure it."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from trienkhai_web.audit.actions import Action
from trienkhai_web.audit.services import record
from trienkhai_web.errors import UserError
from trienkhai_web.locking import bump, lock_version
from trienkhai_web.organisations.models import Organisation
from trienkhai_web.plans.limits import fit
from trienkhai_web.plans.models import AssignmentRole, Target, Task, TaskAssignment
from trienkhai_web.plans.services.drafts import check_manage
from trienkhai_web.plans.services.publishing import when


def _snapshot(task: Task) -> dict[str, Any]:
    return {
        "lead": sorted(a.organisation_id for a in task.assignments.all() if a.role == AssignmentRole.LEAD),
        "partners": sorted(a.organisation_id for a in task.assignments.all() if a.role == AssignmentRole.PARTNER),
        "timeframe": task.timeframe, "recurrence": task.recurrence,
        "due_date": task.due_date.isoformat() if task.due_date else None,
        "targets": sorted(task.targets.values_list("pk", flat=True)),
    }


def update_task_assignment(user: Any, task: Task, *, version: int | None, leads: list[Organisation],
                           partners: list[Organisation], timeframe: str, recurrence: str,
                           due_date: date | None, targets: list[Target]) -> Task:
    """Change who does a published task, when, and which targets measure it; history in the audit trail.

    No timeframe at all is allowed: some tasks in documents have none."""
    check_manage(user, task.plan)
    with transaction.atomic():
        locked = lock_version(Task, task.pk, version, conflict=lambda current: _(
            "Someone else changed this task while you were editing it. Your change was not saved: reload the "
            "page to see the current version."))
        if not leads:
            raise UserError(_("A task needs at least one lead organisation."))
        if any(t.plan_id != locked.plan_id for t in targets):
            raise UserError(_("A task can only be linked to targets of its own plan."))
        before = _snapshot(locked)
        derived_recurrence, derived_due = when(timeframe)
        locked.timeframe = fit(Task, timeframe=timeframe.strip())["timeframe"]
        locked.recurrence = recurrence or derived_recurrence
        locked.due_date = due_date or derived_due
        bump(locked)
        locked.save()
        names = {a.organisation_id: a.name_in_document for a in locked.assignments.all()}
        locked.assignments.all().delete()
        for role, orgs in ((AssignmentRole.LEAD, leads), (AssignmentRole.PARTNER, partners)):
            for org in orgs:
                TaskAssignment.objects.get_or_create(task=locked, organisation=org, role=role,
                                                     defaults={"name_in_document": names.get(org.pk, "")})
        locked.targets.set(targets)
        record(user, Action.TASK_ASSIGNMENT_UPDATE, locked, before=before, after=_snapshot(locked))
    return locked
