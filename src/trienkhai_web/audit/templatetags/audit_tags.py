"""`{% include "audit/_history.html" with object=obj %}` shows the history of any model instance."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext as _

from trienkhai_web.audit import actions, labels, queries

register = template.Library()


@register.filter
def audit_entries(obj: Any, limit: int = 50) -> list[Any]:
    if obj is None or getattr(obj, "pk", None) is None:
        return []
    return labels.describe(queries.entries_for(obj)[: int(limit)])


@register.filter
def audit_changes(entry: Any) -> list[tuple[str, Any, Any]]:
    return queries.changes(entry)


@register.filter
def audit_value(value: Any) -> str:
    """A before/after value in a readable form."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool) or value in ("True", "False"):  # some services store str(bool)
        return _("yes") if value in (True, "True") else _("no")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    return str(value)


@register.filter
def audit_action(code: str) -> str:
    return actions.action_label(code)


@register.filter
def audit_type(object_type: str) -> str:
    return labels.type_label(object_type)


@register.filter
def audit_field(name: str, object_type: str) -> str:
    return labels.field_label(name, object_type)
