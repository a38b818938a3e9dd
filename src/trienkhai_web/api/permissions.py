"""DRF permission classes that delegate to `accounts.permissions`, so pages and API agree."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import SAFE_METHODS, BasePermission

from trienkhai_web.accounts import permissions as perms


class PlanPartAccess(BasePermission):
    """Plans and what they contain: read when the plan is visible, change when the user manages it."""

    message = _("You may not change this plan.")

    def has_permission(self, request: Any, view: Any) -> bool:
        return bool(request.user and request.user.is_authenticated)

    def has_object_permission(self, request: Any, view: Any, obj: Any) -> bool:
        plan = getattr(obj, "plan", obj)
        if request.method in SAFE_METHODS:
            return perms.can_view_plan(request.user, plan)
        return perms.can_manage_plan(request.user, plan)
