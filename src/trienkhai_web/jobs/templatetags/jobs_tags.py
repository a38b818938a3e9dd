"""`{% one_time_key as key %}`: a fresh token for a form that starts a job, so that the same form sent
twice (a double click, a resent request) starts one job."""

from __future__ import annotations

import uuid

from django import template

register = template.Library()


@register.simple_tag
def one_time_key() -> str:
    return uuid.uuid4().hex
