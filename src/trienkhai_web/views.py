"""The start page: the plans the user may see, and the way to the work their role expects first."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from trienkhai_web.accounts.models import Role
from trienkhai_web.accounts.permissions import can_import_plans, has_role, visible_plans
from trienkhai_web.plans.models import PlanStatus


@login_required
def home(request: HttpRequest) -> HttpResponse:
    plans = (
        visible_plans(request.user)
        .filter(status=PlanStatus.PUBLISHED)
        .annotate(task_count=Count("tasks", distinct=True))
        .order_by("-issued_on", "number")[:50]
    )
    return render(request, "home.html", {
        "plans": plans,
        "can_import": can_import_plans(request.user),
        "is_unit": has_role(request.user, Role.UNIT_REPORTER, Role.UNIT_HEAD),
    })
