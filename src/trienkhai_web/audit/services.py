"""Writing the audit trail. Services call `record` inside their own transaction."""

from __future__ import annotations

from typing import Any

from trienkhai_web.audit.actions import Action
from trienkhai_web.audit.models import AuditEntry


def record(user: Any, action: Action, obj: Any, *, before: Any = None, after: Any = None, reason: str = "") -> AuditEntry:
    """Append one entry for `obj` (any model instance); `user` may be None for system actions."""
    if not isinstance(action, Action):
        raise TypeError(f"audit action must be an Action, not {action!r}")
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
