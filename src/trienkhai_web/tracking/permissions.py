"""Tracking-specific permission questions, built on `accounts.permissions`."""

from __future__ import annotations

from typing import Any

from trienkhai_web.accounts.models import Role
from trienkhai_web.accounts.permissions import (
    can_manage_plan,
    can_read_everything,
    can_report_for,
    can_review_report,
    can_submit_for,
    has_role,
    is_admin,
    organisations_for,
)


def can_view_organisation(user: Any, organisation: Any) -> bool:
    """An organisation's page and reports: its own members, its parent's head, and the readers of all."""
    org_id = getattr(organisation, "pk", organisation)
    if can_read_everything(user) or can_report_for(user, org_id):
        return True
    parent_id = getattr(organisation, "parent_id", None)
    return parent_id is not None and parent_id in organisations_for(user, Role.UNIT_HEAD)


def can_view_report(user: Any, plan: Any, organisation: Any) -> bool:
    return can_view_organisation(user, organisation) or can_review_report(user, plan, organisation)


def can_ask_explanation(user: Any, plan: Any) -> bool:
    """Leaders, the monitoring body and administrators may ask a unit to explain an item."""
    return is_admin(user) or has_role(user, Role.LEADER) or can_manage_plan(user, plan)


def can_view_dashboard(user: Any) -> bool:
    return can_read_everything(user)


def can_submit_report(user: Any, organisation: Any) -> bool:
    """Submit the unit's report: its head (accounts.permissions.can_submit_for), or its reporter when the
    unit's settings let the reporter submit."""
    if can_submit_for(user, organisation):
        return True
    org_id = getattr(organisation, "pk", organisation)
    if org_id not in organisations_for(user, Role.UNIT_REPORTER):
        return False
    from trienkhai_web.tracking.models import UnitSettings

    return UnitSettings.objects.filter(organisation_id=org_id, reporter_submits=True).exists()


def can_remind(user: Any, plan: Any) -> bool:
    """Send reminders by hand: the plan's monitoring body (a leader reads everything but sends nothing)."""
    return can_manage_plan(user, plan)
