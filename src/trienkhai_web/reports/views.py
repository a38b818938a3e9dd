"""“Lập báo cáo”: choose a period, preview the report (HTMX, with a spinner), download .docx or .xlsx."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from trienkhai.reports.docx_writer import build_docx
from trienkhai.reports.model import TASK_STATUSES
from trienkhai.reports.xlsx_writer import build_xlsx
from trienkhai_web.accounts.models import Role
from trienkhai_web.accounts.permissions import can_manage_plan, has_role
from trienkhai_web.errors import UserError
from trienkhai_web.jobs.services import start_report_job
from trienkhai_web.plans.models import Plan
from trienkhai_web.reports import queries, services
from trienkhai_web.reports.forms import ReportSettingsForm
from trienkhai_web.views_support import show_error

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _plan_for(request: HttpRequest, pk: int) -> tuple[Plan, bool]:
    """The plan and whether the user may download; leaders only preview."""
    plan = get_object_or_404(Plan, pk=pk)
    if can_manage_plan(request.user, plan):
        return plan, True
    if has_role(request.user, Role.LEADER):
        return plan, False
    raise PermissionDenied


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
    })


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
    data = queries.build_report_data(plan, period)
    return render(request, "reports/_preview.html", {
        "plan": plan, "period": period, "data": data, "can_download": can_download,
        "statuses": [label for _, label in TASK_STATUSES], "status_keys": [k for k, _ in TASK_STATUSES],
        "request_key": uuid.uuid4().hex,
    })


@login_required
def download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    plan, can_download = _plan_for(request, pk)
    if not can_download:
        raise PermissionDenied
    if fmt not in ("docx", "xlsx"):
        raise Http404
    period = _period(request, plan)
    if period is None:
        raise Http404(_("Choose a reporting period."))
    data = queries.build_report_data(plan, period)
    content, mime = (build_xlsx(data), XLSX) if fmt == "xlsx" else (build_docx(data), DOCX)
    name = f"bao-cao-{slugify(plan.number.replace('/', '-')) or plan.pk}-{period.code}.{fmt}"
    response = HttpResponse(content, content_type=mime)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
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
