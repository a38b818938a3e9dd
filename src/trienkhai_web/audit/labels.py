"""What the audit trail shows a user instead of the technical codes stored with each entry."""

from __future__ import annotations

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _

# Every action code passed to `audit.services.record()`; an unknown one is shown as stored.
ACTIONS = {
    "organisation.create": _("organisation created"),
    "organisation.update": _("organisation edited"),
    "organisation.end": _("organisation ended"),
    "organisation.successors": _("successors set"),
    "organisation.alias.add": _("alias added"),
    "organisation.alias_add": _("alias added"),
    "organisation.alias_remove": _("alias removed"),
    "plan.import": _("document imported"),
    "plan.draft.edit": _("draft item edited"),
    "plan.draft.delete": _("draft item deleted"),
    "plan.draft.add": _("draft item added"),
    "plan.draft.split": _("draft item split"),
    "plan.draft.merge": _("draft items merged"),
    "plan.agency.map": _("agency name mapped"),
    "plan.publish": _("plan published"),
    "task.assignment.update": _("assignment changed"),
    "reports.settings.save": _("report settings saved"),
    "tracking.schedule.save": _("reporting schedule saved"),
    "tracking.report.open": _("unit report opened"),
    "tracking.report.edit": _("unit report edited"),
    "tracking.explanation.ask": _("explanation requested"),
    "tracking.explanation.reply": _("explanation given"),
}


def action_label(code: str) -> str:
    return str(ACTIONS.get(code, code))


def type_label(object_type: str) -> str:
    """`plans.plan` → the model's verbose name ("kế hoạch")."""
    try:
        return str(apps.get_model(object_type)._meta.verbose_name)
    except (LookupError, ValueError):
        return object_type


def field_label(name: str, object_type: str) -> str:
    """A changed field by its verbose name when the model has such a field, else as stored."""
    try:
        field = apps.get_model(object_type)._meta.get_field(name)
    except (LookupError, ValueError, FieldDoesNotExist):
        return name
    return str(getattr(field, "verbose_name", name))
