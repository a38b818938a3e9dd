"""How a job runs in a worker: claim it, report progress, check for cancellation, record the outcome once.

The task (tasks.py) is delivered at least once (late acknowledgement: a message whose worker died is
delivered again). What makes that safe is here:

- `claim` takes the job for this run under a row lock: a finished job is not run again, a job another
  live run holds (recent heartbeat) is left to it, and a job whose run went silent (its worker was killed)
  is taken over with a new `run_token`.
- Handlers do their slow work outside any transaction, then record their result with `finishing`, which
  locks the row again and refuses (`Superseded`) unless this run still holds the job: the draft, the
  report file or the e-mail flag and the job's success are committed together, or not at all.
- `Progress` writes page/step/percent and the heartbeat in autocommit (the browser polls them) and raises
  `Cancelled` between steps and pages once the owner asked to cancel.
"""

from __future__ import annotations

import contextlib
import logging
import os
import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import DatabaseError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from trienkhai_web.jobs.models import FINISHED, Job, JobStatus

log = logging.getLogger(__name__)

# Step keys (stored) and what the user reads.
STEPS = {
    "reading": gettext_lazy("Reading the file"),
    "ocr": gettext_lazy("Recognising text (OCR)"),
    "parsing": gettext_lazy("Finding the plan's structure"),
    "saving": gettext_lazy("Saving"),
    "collecting": gettext_lazy("Collecting the reports"),
    "writing": gettext_lazy("Writing the file"),
    "sending": gettext_lazy("Sending"),
    "checking": gettext_lazy("Checking deadlines"),
}


class Interrupted(BaseException):
    """The run must stop now. A BaseException, like KeyboardInterrupt, so that it passes through the
    readers' `except Exception` (which turns any failure inside a corrupt file into a refusal)."""


class Cancelled(Interrupted):
    """The owner asked to cancel: the run stops at the next step or page."""


class Superseded(Interrupted):
    """Another run holds the job now (or it finished): this run's result must not be recorded."""


def jobs_dir() -> Path:
    path = Path(settings.JOBS_DIR)
    path.mkdir(parents=True, exist_ok=True)
    return path


def write_atomically(path: Path, content: bytes) -> None:
    """The file appears whole or not at all: written under a temporary name, synced, then renamed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        with open(tmp, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def stale_before() -> Any:
    return timezone.now() - timedelta(seconds=settings.JOBS_STALE_SECONDS)


BUSY = "busy"


def claim(job_id: int) -> Job | str | None:
    """This run's hold on the job; None when there is nothing for it to do; BUSY while another run that
    is alive (recent heartbeat) holds it: the caller looks again later, and takes over if that run
    falls silent (a message delivered again after its worker was killed can arrive before then)."""
    with transaction.atomic():
        job = Job.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.status in FINISHED:
            return None
        if job.status == JobStatus.RUNNING and job.heartbeat_at and job.heartbeat_at > stale_before():
            return BUSY
        now = timezone.now()
        if job.cancel_requested:
            job.status, job.finished_at, job.message = JobStatus.CANCELLED, now, _("Cancelled.")
            job.save(update_fields=["status", "finished_at", "message"])
            return None
        if job.attempts >= settings.JOBS_MAX_ATTEMPTS:
            job.status, job.finished_at = JobStatus.FAILED, now
            job.error = _("The job was interrupted too many times and was stopped.")
            job.save(update_fields=["status", "finished_at", "error"])
            return None
        job.attempts += 1
        job.status, job.run_token, job.heartbeat_at = JobStatus.RUNNING, uuid.uuid4().hex, now
        job.started_at = job.started_at or now
        job.save(update_fields=["attempts", "status", "run_token", "heartbeat_at", "started_at"])
        return job


class Progress:
    """Where the run is, written for the owner's page; also the core's `progress(done, total)` callback."""

    def __init__(self, job: Job, weights: dict[str, tuple[int, int]]) -> None:
        self.job, self.weights = job, weights

    def step(self, step: str, *, page: int = 0, total: int = 0, message: str = "") -> None:
        low, high = self.weights.get(step, (self.job.percent, self.job.percent))
        percent = low + (high - low) * page // total if total else low
        with translation.override(settings.LANGUAGE_CODE):
            text = message or (
                _("%(step)s: page %(page)d of %(total)d") % {"step": STEPS[step], "page": page, "total": total}
                if total else f"{STEPS[step]}…")
        now = timezone.now()
        changed = {"step": step, "page": page, "total": total, "percent": max(self.job.percent, percent),
                   "message": text[:300], "heartbeat_at": now}
        for name, value in changed.items():
            setattr(self.job, name, value)
        try:
            rows = Job.objects.filter(pk=self.job.pk, run_token=self.job.run_token).update(**changed)
            cancelled = Job.objects.filter(pk=self.job.pk, cancel_requested=True).exists()
        except DatabaseError as exc:  # progress is best-effort: the work goes on, the result is recorded later
            log.warning("job %s: progress not recorded: %s", self.job.pk, exc)
            return
        if not rows:
            raise Superseded
        if cancelled:
            raise Cancelled

    def pages(self, done: int, total: int) -> None:
        """The core's OCR callback: one call after each page."""
        self.step("ocr", page=done, total=total)


@contextlib.contextmanager
def finishing(job: Job) -> Iterator[Job]:
    """A transaction holding the job's row for this run; the body records the result on the yielded row
    (result_url, result_file, message), and the job is marked done in the same commit."""
    with transaction.atomic():
        locked = Job.objects.select_for_update().filter(pk=job.pk).first()
        if locked is None or locked.status != JobStatus.RUNNING or locked.run_token != job.run_token:
            raise Superseded
        if locked.cancel_requested:
            raise Cancelled
        yield locked
        locked.status, locked.finished_at, locked.percent = JobStatus.SUCCEEDED, timezone.now(), 100
        locked.step, locked.heartbeat_at = "", locked.finished_at
        locked.save()
    job.refresh_from_db()


def end(job: Job, status: str, *, error: str = "", message: str = "") -> None:
    """Record a failure, a cancellation or a wait for a retry, if this run still holds the job."""
    values: dict[str, Any] = {"status": status, "error": error[:2000]}
    if message:
        values["message"] = message[:300]
    if status in FINISHED:
        values["finished_at"] = timezone.now()
    if status == JobStatus.QUEUED:
        values["run_token"], values["heartbeat_at"] = "", timezone.now()
    Job.objects.filter(pk=job.pk, run_token=job.run_token).update(**values)


def remove_input(job: Job) -> None:
    if job.input_file:
        (jobs_dir() / job.input_file).unlink(missing_ok=True)
