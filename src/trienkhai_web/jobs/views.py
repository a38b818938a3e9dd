"""A job's page: its progress bar (HTMX polls the fragment every second until the job ends), a cancel
button, and the link to the result; the result file's download; the list of one's jobs."""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST
from django_htmx.middleware import HtmxDetails

from trienkhai_web.errors import UserError
from trienkhai_web.jobs import queries, services
from trienkhai_web.jobs.models import Job
from trienkhai_web.jobs.runner import STEPS, jobs_dir
from trienkhai_web.views_support import show_error


def _job(request: HttpRequest, pk: int) -> Job:
    job = get_object_or_404(Job, pk=pk)
    if not services.can_see(request.user, job):
        raise Http404
    return job


def _context(job: Job) -> dict:
    return {"job": job, "step_label": STEPS.get(job.step, "")}


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "jobs/job.html", _context(_job(request, pk)))


@login_required
def progress(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "jobs/_progress.html", _context(_job(request, pk)))


@login_required
@require_POST
def cancel(request: HttpRequest, pk: int) -> HttpResponse:
    job = _job(request, pk)
    try:
        job = services.cancel(request.user, job)
    except UserError as error:
        show_error(request, error)
    if HtmxDetails(request):
        return render(request, "jobs/_progress.html", _context(job))
    return redirect("jobs:detail", pk=job.pk)


@login_required
def download(request: HttpRequest, pk: int) -> FileResponse:
    job = _job(request, pk)
    if not job.result_file:
        raise Http404
    path = jobs_dir() / job.result_file
    if not Path(path).is_file():
        raise Http404
    return FileResponse(open(path, "rb"), as_attachment=True, filename=job.result_name or path.name)


@login_required
def job_list(request: HttpRequest) -> HttpResponse:
    return render(request, "jobs/job_list.html", {"jobs": list(queries.for_owner(request.user))})



@login_required
@require_POST
def export(request: HttpRequest, plan_id: int) -> HttpResponse:
    """Every table of the plan's dashboard for a period, built in the background as a .zip."""
    from trienkhai_web.plans.models import Plan
    from trienkhai_web.tracking.models import ReportingPeriod

    plan = get_object_or_404(Plan, pk=plan_id)
    period_id = request.POST.get("period", "")
    period = ReportingPeriod.objects.filter(plan=plan, pk=int(period_id)).first() if period_id.isdigit() else None
    job = services.start_export_job(request.user, plan=plan, period=period,
                                    request_key=request.POST.get("request_key", ""))
    return redirect("jobs:detail", pk=job.pk)
