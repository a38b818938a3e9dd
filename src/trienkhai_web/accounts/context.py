"""Template context shared by every page: the navigation the user's roles allow.

`nav_may` answers, from the permission functions themselves, which menu entries lead somewhere the user may
open, so no menu link ends on a 403."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from trienkhai_web.accounts import permissions


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_roles": [], "nav_may": {}}
    return {
        "nav_roles": sorted({role for role, _org in permissions.memberships(user)}),
        "nav_may": {
            "audit": permissions.can_read_everything(user),
            "people": permissions.can_manage_people(user),
            "report": permissions.is_admin(user) or permissions.has_role(user, *permissions.UNIT_ROLES),
        },
    }
