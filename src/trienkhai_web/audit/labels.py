"""What the audit trail shows a user instead of the technical codes stored with each entry."""

from __future__ import annotations

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist


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
