"""What each kind of job does. A handler gets the job this run holds and its `Progress`, does the slow
work outside any transaction, and records its result with `runner.finishing` (see runner.py)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from trienkhai_web.errors import Duplicate
from trienkhai_web.jobs.models import Job, JobKind
from trienkhai_web.jobs.runner import Progress, finishing, jobs_dir, write_atomically

Handler = Callable[[Job, Progress], None]

# Share of the bar each step takes, as (from, to) percent.
WEIGHTS: dict[str, dict[str, tuple[int, int]]] = {
    JobKind.IMPORT: {"reading": (0, 5), "ocr": (5, 85), "parsing": (85, 95), "saving": (95, 99)},
    JobKind.REPORT: {"collecting": (0, 50), "writing": (50, 90), "saving": (90, 99)},
    JobKind.EXPORT: {"collecting": (0, 30), "writing": (30, 95), "saving": (95, 99)},
    JobKind.REMINDERS: {"checking": (0, 99)},
    JobKind.EMAIL: {"sending": (0, 99)},
}


def _site_language() -> translation.override:
    return translation.override(settings.LANGUAGE_CODE)


def run_import(job: Job, progress: Progress) -> None:
    from trienkhai_web.plans import services
    from trienkhai_web.plans.models import PlanStatus

    data = (jobs_dir() / job.input_file).read_bytes()
    filename = job.params["filename"]
    progress.step("reading")

    def follow(done: int, total: int) -> None:
        if total:
            progress.pages(done, total)
        else:  # reading is over
            progress.step("parsing")

    def saved(plan) -> None:  # type: ignore[no-untyped-def]
        progress.step("saving")
        with finishing(job) as row, _site_language():
            row.result_url = reverse("plans:review", args=[plan.pk])
            row.message = _("The document was read. Review the draft, then publish it.")

    try:
        services.import_document(job.owner, filename=filename, data=data, progress=follow, on_saved=saved)
    except Duplicate as exc:
        with finishing(job) as row, _site_language():
            row.result_url = reverse("plans:review" if exc.existing.status == PlanStatus.DRAFT else "plans:detail",
                                     args=[exc.existing.pk])
            row.message = _("This file has already been imported.")


def _result_path(job: Job, suffix: str) -> Path:
    return jobs_dir() / "results" / f"job-{job.pk}-{job.run_token[:8]}.{suffix}"


def _store_result(job: Job, content: bytes, suffix: str, name: str, message: str) -> None:
    """The file written whole under a name of this run, then recorded with the job's success; a run that
    lost the job (or failed to commit) removes its file again."""
    path = _result_path(job, suffix)
    write_atomically(path, content)
    try:
        with finishing(job) as row:
            row.result_file = str(path.relative_to(jobs_dir()))
            row.result_name = name
            row.result_url = reverse("jobs:download", args=[job.pk])
            row.message = message
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def run_report(job: Job, progress: Progress) -> None:
    from trienkhai.reports.docx_writer import build_docx
    from trienkhai.reports.xlsx_writer import build_xlsx
    from trienkhai_web.plans.models import Plan
    from trienkhai_web.reports import labels, queries
    from trienkhai_web.tracking.models import ReportingPeriod

    plan = Plan.objects.get(pk=job.params["plan"])
    period = ReportingPeriod.objects.get(pk=job.params["period"], plan=plan)
    fmt = job.params.get("format", "docx")
    progress.step("collecting")
    with _site_language():
        data = queries.build_report_data(plan, period, draft=bool(job.params.get("draft")))
    progress.step("writing")
    content = build_xlsx(data) if fmt == "xlsx" else build_docx(data)
    progress.step("saving")
    name = labels.report_filename(plan.number or str(plan.pk), period.title, fmt, draft=data.draft)
    with _site_language():
        _store_result(job, content, fmt, name, _("The report is ready."))


def run_export(job: Job, progress: Progress) -> None:
    """Every table of a plan's dashboard for one period, one .xlsx each, in a .zip."""
    from trienkhai_web.plans.models import Plan
    from trienkhai_web.tracking import dashboard as dashboards
    from trienkhai_web.tracking.dashboard_export import EXPORTS, export
    from trienkhai_web.tracking.models import ReportingPeriod

    plan = Plan.objects.get(pk=job.params["plan"])
    period = ReportingPeriod.objects.filter(plan=plan, pk=job.params.get("period")).first()
    progress.step("collecting")
    with _site_language():
        board = dashboards.build(plan, period, dashboards.Filters(), timezone.localdate())
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for done, name in enumerate(EXPORTS, start=1):
                response = export(board, name, plan)
                archive.writestr(f"ke-hoach-{plan.pk}-{name}.xlsx", response.content)
                progress.step("writing", page=done, total=len(EXPORTS))
        progress.step("saving")
        suffix = f"-{period.code}" if period else ""
        _store_result(job, buffer.getvalue(), "zip", f"bang-theo-doi-{plan.pk}{suffix}.zip",
                      _("The tables are ready."))


def run_reminders(job: Job, progress: Progress) -> None:
    from trienkhai_web.tracking import reminders

    progress.step("checking")
    with _site_language():
        outcome = reminders.run(timezone.now(), int(job.params.get("lookback_days", 90)))
        with finishing(job) as row:
            row.message = _("Sent %(sent)d reminders; %(failed)d e-mails failed and will be retried.") % {
                "sent": outcome.sent, "failed": outcome.failed}


def run_email(job: Job, progress: Progress) -> None:
    """One e-mail. A relay failure propagates (the task retries with backoff); the job's success is
    committed right after the relay accepted the message, so a retried job does not send it again."""
    progress.step("sending")
    p = job.params
    EmailMessage(p["subject"], p["body"], None, list(p["to"])).send(fail_silently=False)
    with finishing(job) as row, _site_language():
        row.message = _("The e-mail was sent.")


HANDLERS: dict[str, Handler] = {
    JobKind.IMPORT: run_import,
    JobKind.REPORT: run_report,
    JobKind.EXPORT: run_export,
    JobKind.REMINDERS: run_reminders,
    JobKind.EMAIL: run_email,
}
