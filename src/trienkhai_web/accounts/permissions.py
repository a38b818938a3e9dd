"""Who may do what, per object. Every view, form and API call asks these functions.

Roles (accounts.models.Role):
- administrator: everything;
- monitor: the monitoring body (usually Ban Dân vận): manages the plans whose `monitoring_body` is its
  organisation (or that it created), imports plans, manages organisations, reviews unit reports of its plans;
- unit_reporter: drafts its own organisation's reports;
- unit_head: as the reporter, and submits them; also reviews reports of the organisations directly under it;
- leader: reads everything, changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

from trienkhai_web.accounts.models import Role

_CACHE_ATTR = "_trienkhai_memberships"


def memberships(user: Any) -> list[tuple[str, int | None]]:
    """(role, organisation id) pairs of the user, read once per request object."""
    if user is None or not user.is_authenticated:
        return []
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        cached = list(user.memberships.values_list("role", "organisation_id"))
        setattr(user, _CACHE_ATTR, cached)
    return cached


def require(user: Any, allowed: Callable[..., bool], *args: Any, message: str = "") -> None:
    """What every write service asks first: refuse with PermissionDenied unless `allowed(user, *args)`.

    `user` None is the system itself (management commands, demo data, the importer's own steps), which
    acts on no one's behalf; a request always passes its user, signed in or anonymous."""
    if user is not None and not allowed(user, *args):
        raise PermissionDenied(message)


def has_role(user: Any, *roles: str) -> bool:
    if user is not None and user.is_authenticated and user.is_superuser and Role.ADMINISTRATOR in roles:
        return True
    return any(role in roles for role, _ in memberships(user))


def is_admin(user: Any) -> bool:
    return has_role(user, Role.ADMINISTRATOR)


def organisations_for(user: Any, *roles: str) -> set[int]:
    """Ids of the organisations the user acts for in any of `roles`."""
    return {org for role, org in memberships(user) if role in roles and org is not None}


def can_import_plans(user: Any) -> bool:
    return is_admin(user) or has_role(user, Role.MONITOR)


def can_manage_organisations(user: Any) -> bool:
    return is_admin(user) or has_role(user, Role.MONITOR)


def can_read_everything(user: Any) -> bool:
    return is_admin(user) or has_role(user, Role.LEADER, Role.MONITOR)


def visible_plans(user: Any) -> QuerySet:
    """The plans the user may see: all for admin, leader and monitor; for a unit, the plans in which
    its organisation has a task (lead or partner)."""
    from trienkhai_web.plans.models import Plan

    if user is None or not user.is_authenticated:
        return Plan.objects.none()
    if can_read_everything(user):
        return Plan.objects.all()
    orgs = organisations_for(user, Role.UNIT_REPORTER, Role.UNIT_HEAD)
    return Plan.objects.filter(Q(tasks__assignments__organisation_id__in=orgs) | Q(issuer_id__in=orgs)).distinct()


def can_view_plan(user: Any, plan: Any) -> bool:
    return visible_plans(user).filter(pk=plan.pk).exists()


def can_manage_plan(user: Any, plan: Any) -> bool:
    """Edit a draft or published plan, its items, targets and assignments; publish it."""
    if is_admin(user):
        return True
    # A monitoring body manages the plans it monitors, and the one who imported a plan manages it; a plan
    # with no monitoring body is nobody's but its importer's (publishing gives it one).
    if not has_role(user, Role.MONITOR):
        return False
    return plan.monitoring_body_id in organisations_for(user, Role.MONITOR) \
        or (plan.created_by_id is not None and plan.created_by_id == user.pk)


def can_report_for(user: Any, organisation: Any) -> bool:
    """Fill in (draft) the organisation's progress reports."""
    org_id = getattr(organisation, "pk", organisation)
    return is_admin(user) or org_id in organisations_for(user, Role.UNIT_REPORTER, Role.UNIT_HEAD)


def can_submit_for(user: Any, organisation: Any) -> bool:
    """Submit the organisation's report upward: its head (or an administrator)."""
    org_id = getattr(organisation, "pk", organisation)
    return is_admin(user) or org_id in organisations_for(user, Role.UNIT_HEAD)


def can_review_report(user: Any, plan: Any, organisation: Any) -> bool:
    """Accept or return a unit's report: the plan's monitoring body, or the head of the unit's parent."""
    if is_admin(user) or can_manage_plan(user, plan):
        return True
    parent_id = getattr(organisation, "parent_id", None)
    return parent_id is not None and parent_id in organisations_for(user, Role.UNIT_HEAD)


# ---- people ---------------------------------------------------------------------------------------------

UNIT_ROLES = (Role.UNIT_REPORTER, Role.UNIT_HEAD)


def can_manage_people(user: Any) -> bool:
    """Open the people pages: the administrator (everyone) and the monitoring body (the units it monitors)."""
    return is_admin(user) or has_role(user, Role.MONITOR)


def monitored_organisations(user: Any) -> set[int]:
    """The organisations a monitoring body looks after: those with a task in a plan it manages, and its own."""
    from trienkhai_web.plans.models import Plan, TaskAssignment

    own = organisations_for(user, Role.MONITOR)
    plans = Plan.objects.filter(Q(monitoring_body_id__in=own) | Q(created_by_id=getattr(user, "pk", None)))
    assigned = TaskAssignment.objects.filter(task__plan__in=plans).values_list("organisation_id", flat=True)
    return own | set(assigned)


def can_give_role(user: Any, role: str, organisation: Any) -> bool:
    """Give (or take away) `role` for `organisation`: any for the administrator; a monitoring body only the unit
    roles, for the organisations it monitors."""
    if is_admin(user):
        return True
    org_id = getattr(organisation, "pk", organisation)
    return (has_role(user, Role.MONITOR) and role in UNIT_ROLES and org_id is not None
            and org_id in monitored_organisations(user))


def can_manage_account(user: Any, account: Any) -> bool:
    """Reset the password of, deactivate or change the account: the administrator any (but a superuser only
    when the user is one); a monitoring body an account whose every role is a unit role of a unit it monitors."""
    if is_admin(user):
        return not account.is_superuser or getattr(user, "is_superuser", False)
    if not has_role(user, Role.MONITOR) or account.is_superuser or account.pk == getattr(user, "pk", None):
        return False
    roles = list(account.memberships.values_list("role", "organisation_id"))
    watched = monitored_organisations(user)
    return bool(roles) and all(role in UNIT_ROLES and org in watched for role, org in roles)
