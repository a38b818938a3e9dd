"""Starting and cancelling jobs (the only writes of this app besides the workers' progress)."""

from __future__ import annotations

import logging
import uuid
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from trienkhai_web.audit.actions import Action
from trienkhai_web.audit.services import record
from trienkhai_web.errors import UserError
from trienkhai_web.jobs.models import Job, JobStatus
from trienkhai_web.jobs.runner import jobs_dir, write_atomically

log = logging.getLogger(__name__)


def enqueue(job_id: int) -> None:
    """Hand the job to the queue. A broker that cannot be reached is logged, not shown as an error: the
    job stays waiting and the periodic sweep (tasks.requeue_stale) sends it again."""
    from trienkhai_web.jobs.tasks import send

    try:
        send(job_id)
    except Exception:  # kombu's connection errors vary by transport
        log.exception("job %s: the queue could not be reached; the sweep will send it again", job_id)


def start(owner: Any, *, kind: str, key: str, params: dict[str, Any] | None = None, title: str = "",
          input_name: str = "", input_data: bytes | None = None) -> Job:
    """The job for `key`, made and queued once: starting the same key again (a double click, a retried
    request, a second beat) returns the existing job instead of doing the work twice. A job of that key
    that failed or was cancelled gives way: starting again is a new attempt (its key is set aside)."""
    key = key[:200]
    existing = Job.objects.filter(idempotency_key=key).first()
    if existing is not None:
        if existing.status not in (JobStatus.FAILED, JobStatus.CANCELLED):
            return existing
        Job.objects.filter(pk=existing.pk, idempotency_key=key).update(
            idempotency_key=f"{key[:180]}#ended-{existing.pk}")
    stored = ""
    if input_data is not None:
        stored = f"inputs/{uuid.uuid4().hex}-{input_name[-60:]}"
        write_atomically(jobs_dir() / stored, input_data)
    try:
        with transaction.atomic():
            job = Job.objects.create(owner=owner if getattr(owner, "is_authenticated", False) else None,
                                     kind=kind, idempotency_key=key, params=params or {},
                                     title=title[:300], input_file=stored)
            record(owner, Action.JOB_START, job, after={"kind": kind, "title": job.title})
            transaction.on_commit(lambda: enqueue(job.pk))
    except IntegrityError:
        if stored:
            (jobs_dir() / stored).unlink(missing_ok=True)
        return Job.objects.get(idempotency_key=key)
    except BaseException:
        if stored:
            (jobs_dir() / stored).unlink(missing_ok=True)
        raise
    return job


def can_see(user: Any, job: Job) -> bool:
    return getattr(user, "is_authenticated", False) and (job.owner_id == user.pk or user.is_superuser)


def cancel(user: Any, job: Job) -> Job:
    """Ask a job to stop: a waiting one stops at once, a running one at its next step or page."""
    if not can_see(user, job):
        raise PermissionDenied
    with transaction.atomic():
        row = Job.objects.select_for_update().get(pk=job.pk)
        if row.finished:
            raise UserError(_("This job has already finished."))
        row.cancel_requested = True
        fields = ["cancel_requested"]
        if row.status == JobStatus.QUEUED:
            row.status, row.finished_at, row.message = JobStatus.CANCELLED, timezone.now(), _("Cancelled.")
            fields += ["status", "finished_at", "message"]
        row.save(update_fields=fields)
        record(user, Action.JOB_CANCEL, row)
    if row.status == JobStatus.CANCELLED and row.input_file:
        (jobs_dir() / row.input_file).unlink(missing_ok=True)
    return row


def start_import_job(user: Any, *, filename: str, data: bytes) -> Job:
    """A document read into a draft in the background; the same file sent twice by the same user (a double
    click, a reload) is one job."""
    import hashlib

    from trienkhai_web.accounts.permissions import can_import_plans
    from trienkhai_web.jobs.models import JobKind

    if user is not None and not can_import_plans(user):
        raise PermissionDenied
    sha = hashlib.sha256(data).hexdigest()
    owner = user.pk if getattr(user, "is_authenticated", False) else "-"
    return start(user, kind=JobKind.IMPORT, key=f"import:{owner}:{sha}", params={"filename": filename},
                 title=filename, input_name=filename, input_data=data)


def _request_key(request_key: str) -> str:
    """The form's one-time token (a double submit is one job), or a fresh one."""
    key = "".join(c for c in request_key if c.isalnum() or c == "-")[:64]
    return key or uuid.uuid4().hex


def start_report_job(user: Any, *, plan: Any, period: Any, fmt: str, request_key: str = "") -> Job:
    """The review report of a plan for a period as a file, built in the background; `request_key` is the
    form's one-time token, so that a form sent twice makes one report."""
    from trienkhai_web.accounts.permissions import can_manage_plan, require
    from trienkhai_web.jobs.models import JobKind

    require(user, can_manage_plan, plan)
    key = f"report:{user.pk if user else '-'}:{plan.pk}:{period.pk}:{fmt}:{_request_key(request_key)}"
    return start(user, kind=JobKind.REPORT, key=key, params={"plan": plan.pk, "period": period.pk, "format": fmt},
                 title=f"{plan.number or plan.pk} — {period.title} (.{fmt})")


def start_export_job(user: Any, *, plan: Any, period: Any, request_key: str = "") -> Job:
    """Every table of a plan's dashboard as .xlsx files in one .zip, built in the background."""
    from trienkhai_web.accounts.permissions import require
    from trienkhai_web.jobs.models import JobKind
    from trienkhai_web.tracking.permissions import can_view_dashboard

    require(user, can_view_dashboard)
    key = f"export:{user.pk if user else '-'}:{plan.pk}:{period.pk if period else '-'}:{_request_key(request_key)}"
    return start(user, kind=JobKind.EXPORT, key=key, params={"plan": plan.pk, "period": period.pk if period else None},
                 title=f"{plan.number or plan.pk}{' — ' + period.title if period else ''}")


def queue_email(*, to: list[str], subject: str, body: str, key: str, owner: Any = None) -> Job:
    """An e-mail sent by a worker, retried with backoff while the relay fails, sent once per `key`."""
    from trienkhai_web.jobs.models import JobKind

    return start(owner, kind=JobKind.EMAIL, key=f"email:{key}", params={"to": to, "subject": subject, "body": body},
                 title=subject)
