"""What a plan's reports say about who issues and signs them, where the plan's own fields are not enough."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from trienkhai_web.plans.models import Plan


class ReportSettings(models.Model):
    """Overrides for the report header, number and signature block; blank fields fall back to the plan."""

    plan = models.OneToOneField(Plan, on_delete=models.CASCADE, related_name="report_settings")
    superior_body = models.CharField(_("superior body"), max_length=255, blank=True)
    issuing_body = models.CharField(_("issuing body"), max_length=255, blank=True)
    number = models.CharField(_("report number"), max_length=32, blank=True)
    place = models.CharField(_("place"), max_length=128, blank=True)
    signer_on_behalf_of = models.CharField(_("signing on behalf of"), max_length=128, blank=True)
    signer_title = models.CharField(_("signer's title"), max_length=128, blank=True)
    signer_name = models.CharField(_("signer"), max_length=128, blank=True)
    recipients = models.JSONField(_("recipients"), default=list, blank=True)
    version = models.PositiveIntegerField(default=1)  # optimistic locking: bumped on every write

    class Meta:
        verbose_name = _("report settings")
        verbose_name_plural = _("report settings")

    def __str__(self) -> str:
        return f"{self.plan_id}"


class GeneratedReport(models.Model):
    """Every report generated for download: who, when, for which period, from which data (a fingerprint of
    the figures and texts it was written from, and a short summary), and the files themselves."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="generated_reports")
    period = models.ForeignKey("tracking.ReportingPeriod", on_delete=models.CASCADE, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(_("generated at"))
    draft = models.BooleanField(_("draft"), default=False)
    title = models.CharField(_("title"), max_length=500)
    input_hash = models.CharField(max_length=64)
    summary = models.JSONField(default=dict)  # the figures the report states (reports due, received, tasks …)
    docx = models.BinaryField()
    xlsx = models.BinaryField()

    class Meta:
        verbose_name = _("generated report")
        verbose_name_plural = _("generated reports")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["plan", "-created_at"])]

    def __str__(self) -> str:
        return self.title
