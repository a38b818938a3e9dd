"""Small template helpers: dictionary look-up, labels, and the unread-notification count for the header."""

from __future__ import annotations

from typing import Any

from django import template

from trienkhai.tracking.assess import Assessment
from trienkhai_web.tracking.labels import (
    ACTION_LABELS,
    ASSESSMENT_LABELS,
    NOT_STARTED_REPORT,
    REPORT_LABELS,
    TIMELINESS_LABELS,
)
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
    """The words for an assessment (the core's enum value); nothing for a row not assessed."""
    try:
        return str(ASSESSMENT_LABELS[Assessment(code)])
    except ValueError:
        return ""


@register.simple_tag
def timeliness(code: str) -> str:
    return str(TIMELINESS_LABELS.get(code, code))


@register.filter
def report_status(code: str) -> str:
    return str(REPORT_LABELS.get(code, NOT_STARTED_REPORT if not code else code))


@register.filter
def review_action(code: str) -> str:
    return str(ACTION_LABELS.get(code, code))


@register.simple_tag(takes_context=True)
def unread_count(context: Any) -> int:
    request = context.get("request")
    return unread_notifications(getattr(request, "user", None))


@register.simple_tag(takes_context=True)
def todo_count(context: Any) -> int:
    """The menu badge of "Việc cần làm" (tracking.inbox.inbox_count)."""
    from django.utils import timezone

    from trienkhai_web.tracking.inbox import inbox_count

    request = context.get("request")
    return inbox_count(getattr(request, "user", None), timezone.localdate())
