"""The search index: one row per thing a user can find, in the folded form of `trienkhai.text.search`.

The rows are derived data (rebuilt by `reindex`); the database's own full-text machinery sits on top of
`folded_title` and `folded_body`: an FTS5 table kept in step by triggers on SQLite, a GIN index over their
`tsvector` on PostgreSQL (migration 0002). `SearchTerm` is the vocabulary typos are corrected against.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    PLAN = "plan", _("Plan")
    ITEM = "item", _("Outline item")
    TASK = "task", _("Task")
    TARGET = "target", _("Target")
    REPORT = "report", _("Unit report")
    ORGANISATION = "organisation", _("Organisation")


class SearchDocument(models.Model):
    kind = models.CharField(max_length=16, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField()
    # What permissions and filters look at: the plan a row belongs to, the unit (a report's author, an
    # organisation itself) and the period of a report.
    plan = models.ForeignKey("plans.Plan", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey("organisations.Organisation", null=True, blank=True,
                                     on_delete=models.CASCADE, related_name="+")
    period = models.ForeignKey("tracking.ReportingPeriod", null=True, blank=True, on_delete=models.CASCADE,
                               related_name="+")
    title = models.TextField()
    body = models.TextField(blank=True)
    folded_title = models.TextField()
    folded_body = models.TextField(blank=True)
    url = models.CharField(max_length=255)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="search_document_unique")]
        indexes = [models.Index(fields=["plan", "kind"], name="search_doc_plan_kind"),
                   # the newest report entries first (queries._newest)
                   models.Index(fields=["kind", "id"], name="search_doc_kind_id")]

    def __str__(self) -> str:
        return self.title[:80]


class SearchTerm(models.Model):
    word = models.CharField(max_length=64, unique=True)

    def __str__(self) -> str:
        return self.word
