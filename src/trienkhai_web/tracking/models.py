"""The reporting cycle: a plan's schedule and periods, unit reports with their items, review history,
explanation threads, notifications and the reminder log."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from trienkhai.tracking import periods
from trienkhai_web.organisations.models import Organisation
from trienkhai_web.plans.models import Plan, Target, Task
from trienkhai_web.tracking.evidence import EVIDENCE_MAX_BYTES, evidence_storage


def validate_evidence_size(file) -> None:  # type: ignore[no-untyped-def]
    if file.size > EVIDENCE_MAX_BYTES:
        raise ValidationError(_("The evidence file is larger than 10 MB."))


class ReportingSchedule(models.Model):
    """The plan's reporting regime (Nghị định 09/2019/NĐ-CP); periods are computed from it."""

    plan = models.OneToOneField(Plan, on_delete=models.CASCADE, related_name="reporting_schedule")
    quarterly = models.BooleanField(_("quarterly reports"), default=False)
    half_yearly = models.BooleanField(_("6-monthly reports"), default=True)
    yearly = models.BooleanField(_("yearly reports"), default=True)
    starts_on = models.DateField(_("reporting starts on"))
    ends_on = models.DateField(_("reporting ends on"))
    midterm_on = models.DateField(_("mid-term review up to"), null=True, blank=True)
    final_on = models.DateField(_("final review up to"), null=True, blank=True)
    cutoff_day = models.PositiveSmallIntegerField(_("data cut-off day"), default=14)
    unit_deadline_days = models.PositiveSmallIntegerField(_("units' deadline (working days after cut-off)"), default=2)
    compile_deadline_days = models.PositiveSmallIntegerField(
        _("monitoring body's deadline (working days after cut-off)"), default=5)
    remind_days_before = models.PositiveSmallIntegerField(_("remind days before the deadline"), default=3)
    escalate_after_days = models.PositiveSmallIntegerField(_("escalate days after the deadline"), default=3)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("reporting schedule")
        verbose_name_plural = _("reporting schedules")

    def __str__(self) -> str:
        return f"{self.plan_id}"


class ScheduleDay(models.Model):
    """A day the plan's own calendar treats differently from the national one: a day off, or a make-up
    working day (ngày làm bù). Deadlines are counted with them (trienkhai.tracking.workdays)."""

    schedule = models.ForeignKey(ReportingSchedule, on_delete=models.CASCADE, related_name="days")
    day = models.DateField(_("day"))
    working = models.BooleanField(_("make-up working day"), default=False)  # False: a day off

    class Meta:
        verbose_name = _("plan calendar day")
        verbose_name_plural = _("plan calendar days")
        ordering = ["day"]
        constraints = [models.UniqueConstraint(fields=["schedule", "day"], name="scheduleday_unique")]

    def __str__(self) -> str:
        return self.day.isoformat()


class ReportingPeriod(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="reporting_periods")
    code = models.CharField(_("code"), max_length=16)
    kind = models.CharField(_("kind"), max_length=16)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    data_from = models.DateField(_("data from"))
    cutoff = models.DateField(_("data cut-off"))
    unit_deadline = models.DateField(_("units' deadline"))
    compile_deadline = models.DateField(_("monitoring body's deadline"))

    class Meta:
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        ordering = ["plan", "unit_deadline", "code"]
        constraints = [models.UniqueConstraint(fields=["plan", "code"], name="reportingperiod_unique")]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        """What users read ("Quý III/2026"); the code stays internal (URLs, keys)."""
        return periods.period_title(self.code, self.start, self.end)

    # The names the core's period rules read (trienkhai.tracking.periods.Dated).
    @property
    def first_deadline(self) -> date:
        return self.unit_deadline

    @property
    def last_deadline(self) -> date:
        return self.compile_deadline


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned")
    ACCEPTED = "accepted", _("Accepted")
    REOPENED = "reopened", _("Reopened")


EDITABLE_STATUSES = (ReportStatus.DRAFT, ReportStatus.RETURNED, ReportStatus.REOPENED)
REPORTED_STATUSES = (ReportStatus.SUBMITTED, ReportStatus.ACCEPTED)


class UnitReport(models.Model):
    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="reports")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="unit_reports")
    status = models.CharField(_("status"), max_length=16, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    version = models.PositiveIntegerField(default=1)  # optimistic locking: bumped on every write
    content_hash = models.CharField(max_length=64, blank=True)
    accepted_hash = models.CharField(max_length=64, blank=True)
    first_submitted_at = models.DateTimeField(null=True, blank=True)  # timeliness counts the first submission
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    review_comment = models.TextField(_("review comment"), blank=True)
    last_edited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                       related_name="+")
    last_edited_at = models.DateTimeField(null=True, blank=True)
    last_change = models.TextField(blank=True)  # shown to whoever hits a version conflict
    created_at = models.DateTimeField(auto_now_add=True)
    # The reporter prepares, then hands the report to the unit head, who submits it.
    handed_off_at = models.DateTimeField(null=True, blank=True)
    handed_off_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="+")
    late_reason = models.TextField(_("reason for the late submission"), blank=True)
    resubmitted = models.BooleanField(default=False)  # submitted again after a return or a reopening
    # What the report said when it was returned (services.snapshot), to show what changed since.
    returned_snapshot = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("unit report")
        verbose_name_plural = _("unit reports")
        constraints = [models.UniqueConstraint(fields=["period", "organisation"], name="unitreport_unique")]
        indexes = [models.Index(fields=["period", "status"])]

    def __str__(self) -> str:
        return f"{self.organisation_id}/{self.period_id}"

    @property
    def changed_since_accepted(self) -> bool:
        return bool(self.accepted_hash) and self.content_hash != self.accepted_hash

    @property
    def editable(self) -> bool:
        return self.status in EDITABLE_STATUSES


class ProgressStatus(models.TextChoices):
    NOT_STARTED = "chua_trien_khai", _("Not started")
    IN_PROGRESS = "dang_trien_khai", _("In progress")
    DONE = "hoan_thanh", _("Done")
    LATE = "cham_tien_do", _("Behind schedule")


class TaskProgress(models.Model):
    report = models.ForeignKey(UnitReport, on_delete=models.CASCADE, related_name="progress")
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="progress")
    status = models.CharField(_("status"), max_length=16, choices=ProgressStatus.choices, blank=True)
    results = models.TextField(_("results"), blank=True)
    difficulties = models.TextField(_("difficulties"), blank=True)
    causes = models.TextField(_("causes"), blank=True)
    proposals = models.TextField(_("proposals"), blank=True)
    explanation = models.TextField(_("explanation"), blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["report", "task"], name="taskprogress_unique")]

    def __str__(self) -> str:
        return f"{self.report_id}/{self.task_id}"


class PartnerContribution(models.Model):
    """What a partner organisation did on the lead's task in the period (in the partner's report)."""

    report = models.ForeignKey(UnitReport, on_delete=models.CASCADE, related_name="contributions")
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="contributions")
    text = models.TextField(_("contribution"), blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["report", "task"], name="partnercontribution_unique")]

    def __str__(self) -> str:
        return f"{self.report_id}/{self.task_id}"


class IndicatorValue(models.Model):
    report = models.ForeignKey(UnitReport, on_delete=models.CASCADE, related_name="indicator_values")
    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="values")
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=4, null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    # Superseded by Evidence (several private files per value); kept for files uploaded before.
    evidence = models.FileField(_("evidence"), upload_to="evidence/%Y/%m/", blank=True,
                                validators=[validate_evidence_size])

    class Meta:
        constraints = [models.UniqueConstraint(fields=["report", "target"], name="indicatorvalue_unique")]

    def __str__(self) -> str:
        return f"{self.report_id}/{self.target_id}"


class Evidence(models.Model):
    """One evidence file of a report: for an indicator value (`value`, a target) or for a task (`task`);
    served only through the permission-checking view."""

    report = models.ForeignKey(UnitReport, on_delete=models.CASCADE, related_name="evidence_files")
    value = models.ForeignKey(IndicatorValue, null=True, blank=True, on_delete=models.CASCADE, related_name="files")
    task = models.ForeignKey(Task, null=True, blank=True, on_delete=models.CASCADE, related_name="evidence_files")
    file = models.FileField(_("file"), upload_to="%Y/%m/", storage=evidence_storage, max_length=255)
    original_name = models.CharField(_("original name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded at"))

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        ordering = ["uploaded_at", "pk"]
        constraints = [models.CheckConstraint(
            condition=models.Q(value__isnull=False, task__isnull=True) | models.Q(value__isnull=True, task__isnull=False),
            name="evidence_of_a_target_or_a_task")]

    def __str__(self) -> str:
        return self.original_name


class UnitSettings(models.Model):
    """How a unit works: whether its reporter may submit (by default only the unit head submits)."""

    organisation = models.OneToOneField(Organisation, on_delete=models.CASCADE, related_name="report_settings")
    reporter_submits = models.BooleanField(_("the reporter may submit the unit's reports"), default=False)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("unit reporting settings")
        verbose_name_plural = _("unit reporting settings")

    def __str__(self) -> str:
        return f"{self.organisation_id}"


class ReportOpening(models.Model):
    """A reviewer opened a report (the page tells the server so with a POST); bulk review acts without an
    explicit tick only on reports the reviewer opened after their last submission."""

    report = models.ForeignKey(UnitReport, on_delete=models.CASCADE, related_name="openings")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["report", "user"], name="reportopening_unique")]

    def __str__(self) -> str:
        return f"{self.report_id}/{self.user_id}"


class ReviewEvent(models.Model):
    """One step in a report's life (saved, submitted, returned, accepted, reopened) — its timeline."""

    report = models.ForeignKey(UnitReport, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=16)
    from_status = models.CharField(max_length=16, blank=True)
    to_status = models.CharField(max_length=16)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
    actor_organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.SET_NULL,
                                           related_name="+")
    at = models.DateTimeField()
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.report_id} {self.action}"


class ExplanationRequest(models.Model):
    """A leader asks a unit to explain an off-track task; the thread stays with (task, organisation)."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="explanation_requests")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="explanation_requests")
    period = models.ForeignKey(ReportingPeriod, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    question = models.TextField(_("question"))
    closed = models.BooleanField(default=False)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.question[:80]


class ExplanationMessage(models.Model):
    request = models.ForeignKey(ExplanationRequest, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField(_("message"))
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:80]


class Notification(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    text = models.TextField()
    url = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField()
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return self.text[:80]


class ReminderKind(models.TextChoices):
    DUE_SOON = "due_soon", _("Due soon")
    OVERDUE = "overdue", _("Overdue")
    ESCALATION = "escalation", _("Escalated")


class Delivery(models.TextChoices):
    """Where a reminder's e-mail stands."""

    PENDING = "pending", _("E-mail waiting to be sent again")
    SENT = "sent", _("E-mail sent")
    NO_ADDRESS = "no_address", _("No e-mail address; in-app notice only")
    FAILED = "failed", _("E-mail failed; no more attempts")


class ReminderLog(models.Model):
    """What was sent to whom, when and why; one row per (period, organisation, kind) makes it idempotent.
    The in-app notices go out with the row; its e-mail counts as sent (`sent_at`) only once the mail
    relay took it, and a failed one is retried by later runs (`attempts`, `next_attempt_at`)."""

    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="reminders")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=16, choices=ReminderKind.choices)
    manual = models.BooleanField(default=False)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+")  # who sent a reminder by hand
    recipients = models.JSONField(default=list)
    emails = models.JSONField(default=list)  # the addresses the e-mail goes to (retries reuse them)
    reason = models.TextField(blank=True)
    link = models.CharField(max_length=255, blank=True)  # site-relative; e-mails prefix SITE_URL
    created_at = models.DateTimeField()
    delivery = models.CharField(max_length=16, choices=Delivery.choices, default=Delivery.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["period", "organisation", "kind"], condition=models.Q(manual=False),
                                    name="reminderlog_once")
        ]
        indexes = [models.Index(fields=["delivery", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.organisation_id}/{self.period_id}"


# --- What a review needs from each unit (sơ kết, tổng kết, periodic report) ---------------------------

REVIEW_FIELDS = ("strengths", "limitations", "causes_objective", "causes_subjective", "lessons", "proposals",
                 "directions")


class UnitReview(models.Model):
    """A unit's own assessment of the period, in the terms of the review it feeds (the parts of a sơ kết's
    outline): ưu điểm, hạn chế, nguyên nhân khách quan / chủ quan, bài học kinh nghiệm, đề xuất, phương hướng.
    One statement a line; the review groups the statements of all units by theme."""

    report = models.OneToOneField(UnitReport, on_delete=models.CASCADE, related_name="review")
    strengths = models.TextField(_("strengths"), blank=True)
    limitations = models.TextField(_("limitations"), blank=True)
    causes_objective = models.TextField(_("objective causes"), blank=True)
    causes_subjective = models.TextField(_("subjective causes"), blank=True)
    lessons = models.TextField(_("lessons learnt"), blank=True)
    proposals = models.TextField(_("proposals and recommendations"), blank=True)
    directions = models.TextField(_("tasks for the next period"), blank=True)

    class Meta:
        verbose_name = _("unit's assessment")
        verbose_name_plural = _("units' assessments")

    def __str__(self) -> str:
        return f"{self.report_id}"


class ActivityKind(models.TextChoices):
    CONFERENCE = "hoi_nghi", _("Conference to disseminate (quán triệt)")
    DOCUMENT = "van_ban", _("Implementing document issued")
    PROPAGANDA = "tuyen_truyen", _("Propaganda")
    INSPECTION = "kiem_tra", _("Inspection or supervision")


class ReviewActivity(models.Model):
    """One leadership or dissemination activity of a unit in a period: a conference held (date, participants),
    an implementing plan issued (number, date), propaganda, an inspection. The monitoring body enters its own
    (the review's section I) the same way, for its own organisation."""

    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="activities")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="review_activities")
    kind = models.CharField(_("kind"), max_length=16, choices=ActivityKind.choices)
    held_on = models.DateField(_("date"), null=True, blank=True)
    title = models.CharField(_("content"), max_length=500)
    document_number = models.CharField(_("document number"), max_length=64, blank=True)
    participants = models.PositiveIntegerField(_("participants"), null=True, blank=True)
    count = models.PositiveIntegerField(_("how many (conferences, items, inspections)"), default=1)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    class Meta:
        verbose_name = _("leadership activity")
        verbose_name_plural = _("leadership activities")
        ordering = ["period", "organisation", "held_on", "pk"]
        indexes = [models.Index(fields=["period", "organisation"])]

    def __str__(self) -> str:
        return self.title[:80]
