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
    from trienkhai_web.jobs.tasks import run_job

    try:
        run_job.apply_async((job_id,))
    except Exception:  # kombu's connection errors vary by transport
        log.exception("job %s: the queue could not be reached; the sweep will send it again", job_id)


def start(owner: Any, *, kind: str, key: str, params: dict[str, Any] | None = None, title: str = "",
          input_name: str = "", input_data: bytes | None = None) -> Job:
    """The job for `key`, made and queued once: starting the same key again (a double click, a retried
    request, a second beat) returns the existing job instead of doing the work twice."""
    existing = Job.objects.filter(idempotency_key=key).first()
    if existing is not None:
        return existing
    stored = ""
    if input_data is not None:
        stored = f"inputs/{uuid.uuid4().hex}-{input_name[-60:]}"
        write_atomically(jobs_dir() / stored, input_data)
    try:
        with transaction.atomic():
            job = Job.objects.create(owner=owner if getattr(owner, "is_authenticated", False) else None,
                                     kind=kind, idempotency_key=key[:200], params=params or {},
                                     title=title[:300], input_file=stored)
            record(owner, Action.JOB_START, job, after={"kind": kind, "title": job.title})
            transaction.on_commit(lambda: enqueue(job.pk))
    except IntegrityError:
        if stored:
            (jobs_dir() / stored).unlink(missing_ok=True)
        return Job.objects.get(idempotency_key=key[:200])
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
