"""Plans and what they contain: outline items, targets, tasks with their lead and partner organisations.

A plan is a placeholder (cited, not loaded), a draft (parsed, under review) or published. The parsed
document is kept as `trienkhai.plan/2` JSON in `draft`; publishing turns it into the rows below, which
are what tracking and reports work from.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from trienkhai_web.organisations.models import Organisation


class PlanStatus(models.TextChoices):
    PLACEHOLDER = "placeholder", _("Placeholder")
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class DocumentKind(models.TextChoices):
    NGHI_QUYET = "nghi_quyet", _("Resolution")
    KE_HOACH = "ke_hoach", _("Plan")
    CHUONG_TRINH = "chuong_trinh_hanh_dong", _("Action programme")
    KET_LUAN = "ket_luan", _("Conclusion")
    CHI_THI = "chi_thi", _("Directive")
    QUYET_DINH = "quyet_dinh", _("Decision")
    DE_AN = "de_an", _("Scheme")
    BAO_CAO = "bao_cao", _("Report")
    OTHER = "other", _("Other")


class Plan(models.Model):
    status = models.CharField(_("status"), max_length=16, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    kind = models.CharField(_("kind"), max_length=32, choices=DocumentKind.choices, default=DocumentKind.OTHER)
    number = models.CharField(_("number"), max_length=64, blank=True)
    # Canonical id of the number ("43-NQ/TW"), used to link citations to loaded plans.
    ref_id = models.CharField(max_length=64, blank=True, db_index=True)
    title = models.TextField(_("title"), blank=True)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=128, blank=True)
    issuer_name = models.CharField(_("issuing body"), max_length=255, blank=True)
    issuer = models.ForeignKey(
        Organisation, verbose_name=_("issuing body"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="issued_plans",
    )
    monitoring_body = models.ForeignKey(
        Organisation, verbose_name=_("monitoring body"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="monitored_plans",
    )
    signer_name = models.CharField(_("signer"), max_length=128, blank=True)
    signer_title = models.CharField(_("signer's title"), max_length=128, blank=True)
    signer_on_behalf_of = models.CharField(_("on behalf of"), max_length=128, blank=True)
    recipients = models.JSONField(_("recipients"), default=list, blank=True)
    parents: models.ManyToManyField[Plan, PlanLink] = models.ManyToManyField(
        "self", symmetrical=False, through="PlanLink", through_fields=("child", "parent"),
        related_name="children", blank=True,
    )  # through_fields: without them Django reads PlanLink's first FK as the source and swaps the two
    source_file = models.FileField(_("source file"), upload_to="plans/%Y/%m/", blank=True)
    source_filename = models.CharField(max_length=255, blank=True)
    source_sha256 = models.CharField(max_length=64, blank=True, db_index=True)
    source_text = models.TextField(blank=True)
    # What makes two imports the same document (`trienkhai_web.plans.identity`): its number and issuer
    # ("55-KH/TU|ban thuong vu tinh uy"), and its text once normalised; "" when unknown.
    identity_key = models.CharField(max_length=320, blank=True, default="", db_index=True)
    text_fingerprint = models.CharField(max_length=64, blank=True, default="", db_index=True)
    draft = models.JSONField(_("parsed draft"), null=True, blank=True)
    # Review decisions for the draft's agency names: name -> organisation id, or None for "not an
    # organisation" (e.g. "các cơ quan liên quan"). Publishing requires a decision for every name.
    agency_map = models.JSONField(default=dict, blank=True)
    # How the draft's collective scopes resolve: name -> [organisation ids] ("các huyện ủy, thành ủy" → the
    # district committees of the issuer's province). A scope mapped here is decided (its `agency_map` entry is
    # None: it is no organisation itself); publishing assigns its work to each of these bodies.
    scope_map = models.JSONField(default=dict, blank=True)
    version = models.PositiveIntegerField(default=1)  # optimistic locking: bumped on every write
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["-issued_on", "number"]
        # One live copy of a document: two imports of the same file at the same instant cannot both land.
        constraints = [models.UniqueConstraint(
            fields=["source_sha256"], name="plan_unique_live_source",
            condition=models.Q(status__in=["draft", "published"]) & ~models.Q(source_sha256="")),
            # … nor two copies of one document as two files (same number and issuer, or the same text).
            models.UniqueConstraint(
                fields=["identity_key"], name="plan_unique_live_identity",
                condition=models.Q(status__in=["draft", "published"]) & ~models.Q(identity_key="")),
            models.UniqueConstraint(
                fields=["text_fingerprint"], name="plan_unique_live_text",
                condition=models.Q(status__in=["draft", "published"]) & ~models.Q(text_fingerprint="")),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title[:60]}".strip() or self.display_name

    @property
    def display_name(self) -> str:
        """What a person calls the plan: its number, else its title, else its kind and file name.

        Copies of plans taken from the web often lack the header with the number (the demo's 001-003)."""
        if self.number:
            return f"{self.get_kind_display()} {self.number}"
        if self.title:
            return self.title[:120]
        return f"{self.get_kind_display()} ({self.source_filename or self.pk})"


class PlanLink(models.Model):
    """`child` carries out `parent` (the cascade: resolution → province → commune/agency → unit)."""

    parent = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="child_links")
    child = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="parent_links")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["parent", "child"], name="planlink_unique"),
            models.CheckConstraint(condition=~models.Q(parent=models.F("child")), name="planlink_not_self"),
        ]

    def __str__(self) -> str:
        return f"{self.child_id} → {self.parent_id}"


class Reference(models.Model):
    """A document the plan cites; `plan` is set when that document is loaded (or a placeholder)."""

    citing = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="references")
    ref_id = models.CharField(max_length=64, db_index=True)
    kind = models.CharField(max_length=32, blank=True)
    issued_on = models.DateField(null=True, blank=True)
    issuer_name = models.CharField(max_length=255, blank=True)
    plan = models.ForeignKey(Plan, null=True, blank=True, on_delete=models.SET_NULL, related_name="citations")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["citing", "ref_id"], name="reference_unique")]

    def __str__(self) -> str:
        return self.ref_id


class PlanItem(models.Model):
    """A heading of the outline ("III.2" …) with its text."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="items")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    path = models.CharField(max_length=64)
    number = models.CharField(max_length=32, blank=True)
    title = models.TextField()
    text = models.TextField(blank=True)
    order = models.PositiveIntegerField(default=0)
    depth = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["plan", "order"]
        constraints = [models.UniqueConstraint(fields=["plan", "path"], name="planitem_unique_path")]

    def __str__(self) -> str:
        return f"{self.path}. {self.title[:80]}"


class Recurrence(models.TextChoices):
    NONE = "", _("None")
    ONGOING = "thuong_xuyen", _("Ongoing")
    YEARLY = "hang_nam", _("Yearly")
    QUARTERLY = "hang_quy", _("Quarterly")
    MONTHLY = "hang_thang", _("Monthly")
    PERIODIC = "dinh_ky", _("Periodic")
    TERM = "theo_nhiem_ky", _("Each term")


class Target(models.Model):
    """A chỉ tiêu: a quantified objective, and the indicator units report values for."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="targets")
    item = models.ForeignKey(PlanItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="targets")
    subject = models.TextField(_("subject"))
    text = models.TextField(_("source sentence"), blank=True)
    direction = models.CharField(_("direction"), max_length=32, blank=True)
    value_low = models.DecimalField(max_digits=18, decimal_places=4, null=True, blank=True)
    value_high = models.DecimalField(max_digits=18, decimal_places=4, null=True, blank=True)
    unit = models.CharField(_("unit"), max_length=64, blank=True)
    recurrence = models.CharField(_("recurrence"), max_length=32, blank=True)
    deadline_year = models.PositiveSmallIntegerField(_("deadline"), null=True, blank=True)
    baseline = models.CharField(_("baseline"), max_length=128, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["plan", "order"]

    def __str__(self) -> str:
        return self.subject[:80]


class Task(models.Model):
    """A unit of work to be carried out and reported on.

    Rows of a task register, and each assignment of an outline item ("Tổ chức thực hiện", a paragraph
    that assigns work), become tasks; their organisations are in `TaskAssignment`.
    """

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="tasks")
    item = models.ForeignKey(PlanItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="tasks")
    no = models.CharField(_("no."), max_length=16, blank=True)
    content = models.TextField(_("content"))
    timeframe = models.CharField(_("timeframe"), max_length=128, blank=True)
    recurrence = models.CharField(_("recurrence"), max_length=32, choices=Recurrence.choices, blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    product = models.TextField(_("product"), blank=True)
    targets = models.ManyToManyField(Target, blank=True, related_name="tasks")
    order = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["plan", "order"]

    def __str__(self) -> str:
        return f"{self.no} {self.content[:80]}".strip()


class AssignmentRole(models.TextChoices):
    LEAD = "lead", _("Lead")
    PARTNER = "partner", _("Partner")


class TaskScope(models.Model):
    """A collective scope a task names, as the document writes it ("các huyện ủy, thành ủy", "các cơ quan,
    đơn vị liên quan"). The bodies it resolved to are `TaskAssignment` rows pointing at it (they report); an
    `unnamed` scope ("… liên quan") names partners no one reports for, and has none."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="scopes")
    role = models.CharField(_("role"), max_length=8, choices=AssignmentRole.choices)
    name_in_document = models.CharField(max_length=255)
    unnamed = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["task", "role", "name_in_document"], name="taskscope_unique")]

    def __str__(self) -> str:
        return self.name_in_document


class TaskAssignment(models.Model):
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="assignments")
    # The scope this assignment comes from, when the document named the body only as one of many.
    scope = models.ForeignKey(TaskScope, null=True, blank=True, on_delete=models.CASCADE, related_name="assignments")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="task_assignments")
    role = models.CharField(_("role"), max_length=8, choices=AssignmentRole.choices)
    name_in_document = models.CharField(max_length=255, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["task", "organisation", "role"], name="taskassignment_unique")
        ]
        indexes = [models.Index(fields=["organisation", "role"])]

    def __str__(self) -> str:
        return f"{self.organisation_id} ({self.role})"
