"""Reading the audit trail."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet

from trienkhai_web.audit.models import AuditEntry


def entries_for(obj: Any) -> QuerySet[AuditEntry]:
    """The history of one model instance, newest first."""
    return AuditEntry.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk)).select_related("user")


def search_entries(*, object_type: str = "", object_id: str = "", username: str = "", action: str = "",
                   date_from: dt.date | None = None, date_to: dt.date | None = None) -> QuerySet[AuditEntry]:
    qs = AuditEntry.objects.select_related("user")
    if object_type:
        qs = qs.filter(object_type=object_type)
    if object_id:
        qs = qs.filter(object_id=object_id)
    if username:
        qs = qs.filter(user__username=username)
    if action:
        qs = qs.filter(action__startswith=action)
    if date_from:
        qs = qs.filter(at__date__gte=date_from)
    if date_to:
        qs = qs.filter(at__date__lte=date_to)
    return qs


def object_types() -> list[str]:
    return list(AuditEntry.objects.order_by("object_type").values_list("object_type", flat=True).distinct())


def changes(entry: AuditEntry) -> list[tuple[str, Any, Any]]:
    """(field, before, after) for each value that differs; whole values when they are not objects."""
    before, after = entry.before, entry.after
    if isinstance(before, dict) or isinstance(after, dict):
        before, after = before or {}, after or {}
        keys = list(dict.fromkeys([*before, *after]))
        return [(k, before.get(k), after.get(k)) for k in keys
                if before.get(k) != after.get(k) and k != "version" and (before.get(k) or after.get(k))]
    if before is None and after is None:
        return []
    return [("", before, after)]
