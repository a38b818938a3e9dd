"""“Lập báo cáo”: choose a period, preview the report (HTMX, with a spinner), download .docx or .xlsx."""

from __future__ import annotations

import uuid
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from trienkhai.reports.clean import clean
from trienkhai.reports.model import TASK_STATUSES, ReviewReportData
from trienkhai.reports.review import NOT_REPORTED, NOT_REPORTED_LABEL
from trienkhai_web.errors import UserError
from trienkhai_web.jobs.services import start_report_job
from trienkhai_web.plans.models import Plan
from trienkhai_web.reports import labels, queries, services
from trienkhai_web.reports.forms import ReportSettingsForm
from trienkhai_web.reports.models import GeneratedReport
from trienkhai_web.reports.permissions import can_download_review_report, can_preview_review_report
from trienkhai_web.tracking.models import ActivityKind, ReviewActivity
from trienkhai_web.views_support import show_error

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _plan_for(request: HttpRequest, pk: int) -> tuple[Plan, bool]:
    """The plan and whether the user may download; leaders only preview."""
    plan = get_object_or_404(Plan, pk=pk)
    if not can_preview_review_report(request.user, plan):
        raise PermissionDenied
    return plan, can_download_review_report(request.user, plan)


def _period(request: HttpRequest, plan: Plan):  # type: ignore[no-untyped-def]
    code = request.GET.get("ky", "")
    period = queries.find_period(plan, code) if code else None
    if code and period is None:
        raise Http404(_("This plan has no reporting period with that code."))
    return period


@login_required
def build(request: HttpRequest, pk: int) -> HttpResponse:
    plan, can_download = _plan_for(request, pk)
    periods = list(queries.periods_for(plan))
    return render(request, "reports/build.html", {
        "plan": plan, "periods": periods, "can_download": can_download, "selected": request.GET.get("ky", ""),
        "settings_form": _settings_form(plan) if can_download else None,
        "history": _history(plan) if can_download else [],
        "own_activities": _own_activities(plan) if can_download else [], "activity_kinds": ActivityKind.choices,
    })


def _own_activities(plan: Plan) -> list[ReviewActivity]:
    if plan.monitoring_body_id is None:
        return []
    return list(ReviewActivity.objects.filter(period__plan=plan, organisation_id=plan.monitoring_body_id)
                .select_related("period").order_by("held_on", "pk"))


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


@login_required
@require_POST
def own_activity(request: HttpRequest, pk: int) -> HttpResponse:
    """The monitoring body adds (or, with "remove", deletes) one of its own activities for the review."""
    plan, can_manage = _plan_for(request, pk)
    if not can_manage:
        raise PermissionDenied
    code = request.POST.get("ky", "")
    try:
        if request.POST.get("remove"):
            activity = get_object_or_404(ReviewActivity, pk=_int(request.POST.get("remove")) or 0)
            services.remove_own_activity(request.user, plan, activity)
        else:
            period = queries.find_period(plan, code) if code else None
            if period is None:
                raise UserError(_("Choose a reporting period."))
            held = request.POST.get("held_on") or ""
            try:
                held_on = date.fromisoformat(held) if held else None
            except ValueError:
                raise UserError(_("Enter a valid date.")) from None
            services.add_own_activity(request.user, plan, period, kind=request.POST.get("kind", ""),
                                      title=request.POST.get("title", ""), held_on=held_on,
                                      document_number=request.POST.get("document_number", ""),
                                      participants=_int(request.POST.get("participants")),
                                      count=_int(request.POST.get("count")) or 1)
            messages.success(request, _("The activity was added."))
    except UserError as error:
        show_error(request, error)
    url = reverse("reports:build", args=[plan.pk])
    return redirect(f"{url}?ky={code}" if code else url)


def _history(plan: Plan) -> list[GeneratedReport]:
    return list(GeneratedReport.objects.filter(plan=plan).defer("docx", "xlsx").select_related("created_by", "period")[:20])


_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def numbered(data: ReviewReportData) -> list[dict]:
    """The body's blocks for the page: headings numbered as in the document (I., 1.), sentences with the
    reports they came from (shown on hover), texts cleaned as in the document."""
    out, first, second = [], 0, 0
    for block in data.body:
        item = {"kind": block.kind, "level": block.level, "text": clean(block.text, data.tone),
                "sentences": [(clean(s.text, data.tone), ", ".join(s.sources)) for s in block.sentences]}
        if block.kind == "heading" and block.level == 1:
            first, second = first + 1, 0
            item["number"] = f"{_ROMAN[first - 1] if first <= len(_ROMAN) else first}."
        elif block.kind == "heading" and block.level == 2:
            second += 1
            item["number"] = f"{second}."
        out.append(item)
    return out


def _settings_form(plan: Plan, data: dict | None = None) -> ReportSettingsForm:
    settings = queries.settings_for(plan)
    initial = {name: getattr(settings, name) for name in services.FIELDS} if settings else {}
    initial["recipients"] = "\n".join(initial.get("recipients") or [])
    initial["version"] = settings.version if settings else 0
    return ReportSettingsForm(data, initial=initial)


@login_required
@require_POST
def save_settings(request: HttpRequest, pk: int) -> HttpResponse:
    plan, can_manage = _plan_for(request, pk)
    form = _settings_form(plan, request.POST)
    status = 400  # an invalid form; 409 when someone saved in between
    if form.is_valid():
        values = dict(form.cleaned_data)
        version = values.pop("version")
        try:
            services.save_settings(request.user, plan, version=version, **values)
        except UserError as error:
            status = show_error(request, error)
        else:
            messages.success(request, _("The report settings were saved."))
            return redirect("reports:build", pk=plan.pk)
    return render(request, "reports/build.html", {
        "plan": plan, "periods": list(queries.periods_for(plan)), "can_download": can_manage, "selected": "",
        "settings_form": form if can_manage else None,
    }, status=status)


@login_required
def preview(request: HttpRequest, pk: int) -> HttpResponse:
    plan, can_download = _plan_for(request, pk)
    period = _period(request, plan)
    if period is None:
        return render(request, "reports/_preview.html", {"plan": plan, "data": None})
    data = queries.build_report_data(plan, period, draft=request.GET.get("du_thao") == "1")
    columns = [*TASK_STATUSES, (NOT_REPORTED, NOT_REPORTED_LABEL)]
    return render(request, "reports/_preview.html", {
        "plan": plan, "period": period, "data": data, "can_download": can_download, "blocks": numbered(data),
        "statuses": [label for _, label in columns], "status_keys": [k for k, _ in columns],
        "draft_param": "1" if data.draft else "",
        "request_key": uuid.uuid4().hex,
    })


@login_required
@require_POST
def download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """Generate the report, keep it in the plan's history, and send the file asked for."""
    plan, can_download = _plan_for(request, pk)
    if not can_download:
        raise PermissionDenied
    if fmt not in ("docx", "xlsx"):
        raise Http404
    code = request.POST.get("ky", "")
    period = queries.find_period(plan, code) if code else None
    if period is None:
        raise Http404(_("Choose a reporting period."))
    kept = services.generate_report(request.user, plan, period, draft=request.POST.get("du_thao") == "1")
    return _file(plan, kept, fmt)


@login_required
def history_file(request: HttpRequest, pk: int, report_id: int, fmt: str) -> HttpResponse:
    """A report generated before, as it was then."""
    plan, can_download = _plan_for(request, pk)
    if not can_download:
        raise PermissionDenied
    if fmt not in ("docx", "xlsx"):
        raise Http404
    kept = get_object_or_404(GeneratedReport, pk=report_id, plan=plan)
    return _file(plan, kept, fmt)


def _file(plan: Plan, kept: GeneratedReport, fmt: str) -> HttpResponse:
    content, mime = (bytes(kept.xlsx), XLSX) if fmt == "xlsx" else (bytes(kept.docx), DOCX)
    name = labels.report_filename(plan.number or str(plan.pk), kept.period.title, fmt, draft=kept.draft)
    response = HttpResponse(content, content_type=mime)
    response["Content-Disposition"] = content_disposition_header(True, name) or ""
    return response


@login_required
@require_POST
def start(request: HttpRequest, pk: int) -> HttpResponse:
    """The report built in the background (a large plan takes a while): the job's page follows it."""
    plan, can_download = _plan_for(request, pk)
    if not can_download:
        raise PermissionDenied
    fmt = request.POST.get("fmt", "docx")
    period = queries.find_period(plan, request.POST.get("ky", ""))
    if fmt not in ("docx", "xlsx") or period is None:
        raise Http404(_("Choose a reporting period."))
    job = start_report_job(request.user, plan=plan, period=period, fmt=fmt,
                           request_key=request.POST.get("request_key", ""))
    return redirect("jobs:detail", pk=job.pk)
