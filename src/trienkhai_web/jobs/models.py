"""One row per piece of background work: what it is, who asked, how far it got, and what came of it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class JobKind(models.TextChoices):
    IMPORT = "import", _("Document import")
    REPORT = "report", _("Report generation")
    REMINDERS = "reminders", _("Reminders and deadline notices")
    EMAIL = "email", _("Sending an e-mail")
    EXPORT = "export", _("Export")


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting")
    RUNNING = "running", _("Running")
    SUCCEEDED = "succeeded", _("Done")
    FAILED = "failed", _("Failed")
    CANCELLED = "cancelled", _("Cancelled")


FINISHED = (JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.CANCELLED)


class Job(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="jobs", verbose_name=_("started by"))
    kind = models.CharField(_("kind"), max_length=16, choices=JobKind.choices)
    status = models.CharField(_("status"), max_length=16, choices=JobStatus.choices, default=JobStatus.QUEUED)
    # The step's key (runner.STEPS); the page shows its label, never the key.
    step = models.CharField(_("step"), max_length=16, blank=True)
    page = models.PositiveIntegerField(_("page"), default=0)
    total = models.PositiveIntegerField(_("pages"), default=0)
    percent = models.PositiveSmallIntegerField(_("percent"), default=0)
    # What the user reads (in the site's language): "Nhận dạng chữ trang 3/12", "Đã gửi 4 nhắc nhở".
    message = models.CharField(_("progress message"), max_length=300, blank=True)
    title = models.CharField(_("title"), max_length=300, blank=True)
    params = models.JSONField(default=dict, blank=True)
    input_file = models.CharField(max_length=500, blank=True)  # under JOBS_DIR, removed when finished
    result_url = models.CharField(_("result"), max_length=500, blank=True)
    result_file = models.CharField(max_length=500, blank=True)  # under JOBS_DIR/results
    result_name = models.CharField(max_length=200, blank=True)  # the download's file name
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    # The run that holds the job: a later run (after a worker was lost) takes it over, and only the
    # holder may record the result, so a job's work is committed once.
    run_token = models.CharField(max_length=32, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    cancel_requested = models.BooleanField(_("cancel requested"), default=False)
    idempotency_key = models.CharField(max_length=200, unique=True)

    class Meta:
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "heartbeat_at"], name="job_status_heartbeat"),
                   models.Index(fields=["owner", "-created_at"], name="job_owner_created")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"

    @property
    def finished(self) -> bool:
        return self.status in FINISHED
