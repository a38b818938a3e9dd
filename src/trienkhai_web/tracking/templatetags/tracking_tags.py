"""Small template helpers: dictionary look-up, labels, and the unread-notification count for the header."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext as _

from trienkhai_web.tracking.queries import unread_notifications

register = template.Library()


@register.filter
def get(mapping: Any, key: Any) -> Any:
    try:
        return mapping.get(key, "")
    except AttributeError:
        return ""


@register.simple_tag
def assessment(code: str) -> str:
    return {"dat": _("met"), "chua_dat": _("not met"), "vuot": _("exceeded"),
            "chua_co_so_lieu": _("no data")}.get(code, code)


@register.simple_tag
def timeliness(code: str) -> str:
    return {"on_time": _("on time"), "late": _("late"), "missing": _("missing"),
            "pending": _("not due yet")}.get(code, code)


@register.simple_tag(takes_context=True)
def unread_count(context: Any) -> int:
    request = context.get("request")
    return unread_notifications(getattr(request, "user", None))
