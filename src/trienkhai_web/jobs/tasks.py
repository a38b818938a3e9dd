"""The Celery tasks. `run_job` runs any job (runner.py makes a repeated delivery harmless); the beat
schedule (settings.CELERY_BEAT_SCHEDULE) adds the hourly reminders and the sweep that re-queues work
whose worker was lost."""

from __future__ import annotations

import logging
import smtplib
import socket
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError, close_old_connections, connection
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from trienkhai_web.errors import UserError
from trienkhai_web.jobs import runner
from trienkhai_web.jobs.handlers import HANDLERS, WEIGHTS
from trienkhai_web.jobs.models import Job, JobKind, JobStatus

log = logging.getLogger(__name__)

# Failures that may pass by themselves: the database restarting or locked, the mail relay refusing
# for now, the network. Anything else fails the job at once, with its message.
TRANSIENT: tuple[type[BaseException], ...] = (OperationalError, InterfaceError, smtplib.SMTPException,
                                              ConnectionError, TimeoutError, socket.timeout)


def fresh_connections() -> None:
    """Drop database connections that are too old or broken, as a request would (a worker lives long),
    unless the task runs inside a caller's transaction (called directly, e.g. by a test)."""
    if not connection.in_atomic_block:
        close_old_connections()


def backoff(attempt: int) -> int:
    """Seconds to wait before retry number `attempt` (1, 2, …): doubling, capped."""
    return min(settings.JOBS_RETRY_SECONDS * 2 ** max(0, attempt - 1), settings.JOBS_RETRY_MAX_SECONDS)


@shared_task(bind=True, name="trienkhai.jobs.run", acks_late=True, reject_on_worker_lost=True,
             ignore_result=True, max_retries=None)
def run_job(self, job_id: int) -> None:  # type: ignore[no-untyped-def]
    fresh_connections()
    job = runner.claim(job_id)
    if job is None:
        return
    if job == runner.BUSY:  # held by a run that may still be alive: look again once it could be silent
        raise self.retry(countdown=settings.JOBS_STALE_SECONDS)
    assert isinstance(job, Job)
    progress = runner.Progress(job, WEIGHTS[job.kind])
    try:
        HANDLERS[job.kind](job, progress)
    except runner.Superseded:
        log.info("job %s: taken over by another run, this run's result dropped", job_id)
    except runner.Cancelled:
        with translation.override(settings.LANGUAGE_CODE):
            runner.end(job, JobStatus.CANCELLED, message=_("Cancelled."))
        runner.remove_input(job)
    except UserError as exc:
        runner.end(job, JobStatus.FAILED, error=exc.message)
        runner.remove_input(job)
    except TRANSIENT as exc:
        fresh_connections()
        if job.attempts >= settings.JOBS_MAX_ATTEMPTS:
            with translation.override(settings.LANGUAGE_CODE):
                runner.end(job, JobStatus.FAILED, error=_("The job failed several times: %(error)s") % {
                    "error": type(exc).__name__})
            runner.remove_input(job)
            return
        delay = backoff(job.attempts)
        log.warning("job %s: transient failure (attempt %d), retry in %ds: %s", job_id, job.attempts, delay, exc)
        with translation.override(settings.LANGUAGE_CODE):
            runner.end(job, JobStatus.QUEUED, message=_("A temporary failure; trying again shortly."))
        raise self.retry(countdown=delay, exc=exc) from None
    except Exception as exc:
        log.exception("job %s failed", job_id)
        with translation.override(settings.LANGUAGE_CODE):
            runner.end(job, JobStatus.FAILED, error=_("An unexpected error stopped the job: %(error)s") % {
                "error": type(exc).__name__})
        runner.remove_input(job)
    else:
        runner.remove_input(job)
    notify_owner(job_id)


def notify_owner(job_id: int) -> None:
    """An import (minutes for a long scan) tells its owner by e-mail when it has ended, since they may
    have left its page: one e-mail per job (its key), sent by the e-mail job with its retries."""
    from trienkhai_web.jobs import services
    from trienkhai_web.tracking.reminders import absolute

    job = Job.objects.select_related("owner").filter(pk=job_id).first()
    if job is None or job.kind != JobKind.IMPORT or job.status not in (JobStatus.SUCCEEDED, JobStatus.FAILED) \
            or job.owner is None or not job.owner.email:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject = (_("[trienkhai] The document %(name)s has been read") if job.status == JobStatus.SUCCEEDED
                   else _("[trienkhai] The document %(name)s could not be read")) % {"name": job.title[:80]}
        body = f"{job.message or job.error}\n\n{absolute(reverse('jobs:detail', args=[job.pk]))}"
    services.queue_email(to=[job.owner.email], subject=subject, body=body, key=f"job-ended:{job.pk}")


@shared_task(name="trienkhai.jobs.reminders", ignore_result=True)
def scheduled_reminders() -> None:
    """The beat's hourly reminder run, as a job (one per hour whatever the number of beats)."""
    from trienkhai_web.jobs import services

    hour = timezone.localtime().strftime("%Y-%m-%dT%H")
    services.start(None, kind=JobKind.REMINDERS, key=f"reminders:{hour}", params={"lookback_days": 90})


@shared_task(name="trienkhai.jobs.requeue_stale", ignore_result=True)
def requeue_stale() -> int:
    """Send again the jobs whose run went silent (its worker was killed: with a broker that does not
    redeliver, such as the embedded one) and the queued ones whose message never reached a worker."""
    fresh_connections()
    stale = runner.stale_before()
    lost = list(Job.objects.filter(status=JobStatus.RUNNING, heartbeat_at__lt=stale).values_list("pk", flat=True))
    # Waiting longer than any retry delay: its message was lost (a broker down when it was sent, or a
    # worker killed while it held a delayed retry).
    long_ago = stale - timedelta(seconds=settings.JOBS_RETRY_MAX_SECONDS)
    waiting = list(Job.objects.filter(Q(heartbeat_at__isnull=True, created_at__lt=long_ago)
                                      | Q(heartbeat_at__lt=long_ago), status=JobStatus.QUEUED)
                   .values_list("pk", flat=True))
    for pk in lost + waiting:
        send(pk)
    return len(lost) + len(waiting)


def send(job_id: int) -> None:
    """Put one run of the job on the queue (the setting's queue, read at each call)."""
    run_job.apply_async((job_id,), queue=settings.CELERY_TASK_DEFAULT_QUEUE)


@shared_task(name="trienkhai.jobs.clean", ignore_result=True)
def clean_results() -> int:
    """Remove the files of jobs finished more than JOBS_KEEP_DAYS ago (reports and exports can be made
    again; the job rows stay as the history). Returns the number of files removed."""
    fresh_connections()
    old = Job.objects.filter(finished_at__lt=timezone.now() - timedelta(days=settings.JOBS_KEEP_DAYS)) \
        .exclude(result_file="")
    removed = 0
    for job in old:
        (runner.jobs_dir() / job.result_file).unlink(missing_ok=True)
        Job.objects.filter(pk=job.pk).update(result_file="", result_url="")
        removed += 1
    return removed
