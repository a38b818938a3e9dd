"""The review content of a unit report: its leadership activities (added and removed by a form) and its
assessment of the period (autosaved like the rest of the report, kind "review")."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from trienkhai_web.errors import UserError
from trienkhai_web.tracking import services
from trienkhai_web.tracking.models import REVIEW_FIELDS, ActivityKind, ReviewActivity, UnitReport, UnitReview
from trienkhai_web.views_support import posted_version, show_error


def review_context(report: UnitReport) -> dict[str, Any]:
    """What tracking/_review_section.html needs."""
    review = UnitReview.objects.filter(report=report).first()
    return {
        "activities": ReviewActivity.objects.filter(period_id=report.period_id, organisation_id=report.organisation_id),
        "activity_kinds": ActivityKind.choices,
        "review_fields": [(name, services.FIELD_LABELS.get(name, name), getattr(review, name) if review else "")
                          for name in REVIEW_FIELDS],
    }


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


@login_required
@require_POST
def activity_add(request: HttpRequest, pk: int) -> HttpResponse:
    from trienkhai_web.tracking.views import _report_or_403

    report = _report_or_403(request, pk)
    try:
        services.add_activity(request.user, report, version=posted_version(request.POST),
                              kind=request.POST.get("kind", ""), title=request.POST.get("title", ""),
                              held_on=_date(request.POST.get("held_on")),
                              document_number=request.POST.get("document_number", ""),
                              participants=_int(request.POST.get("participants")),
                              count=_int(request.POST.get("count")) or 1)
        messages.success(request, _("The activity was added."))
    except UserError as error:
        show_error(request, error)
    return redirect(f"{_url(report)}#review-content")


@login_required
@require_POST
def activity_remove(request: HttpRequest, pk: int) -> HttpResponse:
    activity = get_object_or_404(ReviewActivity, pk=pk)
    report = get_object_or_404(UnitReport, period_id=activity.period_id, organisation_id=activity.organisation_id)
    try:
        services.remove_activity(request.user, activity, version=posted_version(request.POST))
    except UserError as error:
        show_error(request, error)
    return redirect(f"{_url(report)}#review-content")


def _url(report: UnitReport) -> str:
    from django.urls import reverse

    return reverse("tracking:report", args=[report.pk])
