"""Service errors as API responses: the user's Vietnamese message, 409 for a version conflict."""

from __future__ import annotations

import datetime as dt

from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.exceptions import APIException, ValidationError


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


def required_version(data: dict) -> int:
    """The `version` the client read; refusing writes without it keeps concurrent edits safe."""
    value = data.get("version")
    if isinstance(value, int | str) and not isinstance(value, bool):
        try:
            return int(value)
        except ValueError:
            pass
    raise ValidationError({"version": [_("Send the version you read (field version).")]})


def date_param(value: str | None, name: str) -> dt.date | None:
    if not value:
        return None
    parsed = None
    try:
        parsed = parse_date(value)
    except ValueError:
        parsed = None
    if parsed is None:
        raise ValidationError({name: [_("Not a date (expected YYYY-MM-DD): %(value)s") % {"value": value}]})
    return parsed
