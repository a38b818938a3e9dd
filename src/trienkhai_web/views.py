"""The start page: what the signed-in user should look at first."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from trienkhai_web.plans.models import Plan, PlanStatus


@login_required
def home(request: HttpRequest) -> HttpResponse:
    plans = Plan.objects.filter(status=PlanStatus.PUBLISHED).order_by("-issued_on")[:20]
    return render(request, "home.html", {"plans": plans})
