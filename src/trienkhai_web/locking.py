"""The one optimistic-locking helper: read the row for update, compare versions, bump on save.

Every editable model has a `version` (PositiveIntegerField, default 1). A form carries the version the
user read (`VersionField`, parsed once, in the form); the service locks the row with `lock_version`,
which raises `Conflict` when someone saved in between, changes it, then calls `bump` before saving.
A missing version is a `Conflict` too: a write that does not say what it read would overwrite silently.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from trienkhai_web.errors import Conflict, NotFound, UserError

M = TypeVar("M", bound=models.Model)


def parse_version(value: Any) -> int:
    """A version as sent by a form or the API; refuses what is not a whole number."""
    if isinstance(value, bool):
        raise UserError(_("The form is incomplete: reload the page."))
    if isinstance(value, int):
        return value
    text = str(value or "").strip()
    if not text.isdigit():
        raise UserError(_("The form is incomplete: reload the page."))
    return int(text)


def lock_version(queryset: models.QuerySet[M] | type[M], pk: Any, expected: int | None, *,
                 conflict: Callable[[M], str] | None = None, of: tuple[str, ...] = ()) -> M:
    """The row `pk` locked for update, after checking it is still at version `expected`.

    `conflict(current)` builds the message when it is not (e.g. naming who changed it and when); the
    default says it in general terms. Call inside `transaction.atomic()`.
    """
    qs = queryset._default_manager.all() if isinstance(queryset, type) else queryset
    current = (qs.select_for_update(of=of) if of else qs.select_for_update()).filter(pk=pk).first()
    if current is None:
        raise NotFound(_("This item no longer exists: someone else deleted it. Reload the page."))
    _check(current, expected, conflict)
    return current


def lock_first(queryset: models.QuerySet[M], expected: int | None, *,
               conflict: Callable[[M], str] | None = None) -> M | None:
    """The one row of `queryset` (e.g. a plan's settings, made on its first save) locked and checked, or
    None when there is none yet: then `expected` must be 0, the version a form shows for "never saved"."""
    current = queryset.select_for_update().first()
    if current is None:
        if expected is None or expected != 0:
            _check(None, expected, conflict)
        return None
    _check(current, expected, conflict)
    return current


def _check(current: M | None, expected: int | None, conflict: Callable[[M], str] | None) -> None:
    if expected is None:
        raise Conflict(_("The form did not say which version it was built on: reload the page and make "
                         "your change again."))
    if current is None or current.version != expected:  # type: ignore[attr-defined]
        raise Conflict(conflict(current) if conflict and current is not None else _(
            "Someone else changed this while you were editing it. Your change was not saved: reload the "
            "page to see the current version, then make your change again."))


def bump(obj: models.Model) -> None:
    """Mark a locked object as changed: the next form must carry the new version."""
    obj.version += 1  # type: ignore[attr-defined]


class VersionField(forms.IntegerField):
    """The hidden field every editing form carries: the version the user read, required."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.HiddenInput)
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("error_messages", {
            "required": gettext_lazy("The form is incomplete: reload the page."),
            "invalid": gettext_lazy("The form is incomplete: reload the page."),
        })
        super().__init__(**kwargs)
