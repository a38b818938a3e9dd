"""Writing the audit trail. Services call `record` inside their own transaction."""

from __future__ import annotations

from typing import Any

from trienkhai_web.audit.models import AuditEntry


def record(user: Any, action: str, obj: Any, *, before: Any = None, after: Any = None, reason: str = "") -> AuditEntry:
    """Append one entry for `obj` (any model instance); `user` may be None for system actions."""
    return AuditEntry.objects.create(
        user=user if getattr(user, "is_authenticated", False) else None,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:255],
        before=before,
        after=after,
        reason=reason,
    )
