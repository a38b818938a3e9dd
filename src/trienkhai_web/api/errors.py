"""The API's one mapping from refusals to responses, and the parsing of what clients send.

`exception_handler` (settings REST_FRAMEWORK["EXCEPTION_HANDLER"]) answers a service's `UserError` with
its Vietnamese message: 400, 409 for a `Conflict`, 404 for `NotFound` (`errors.http_status`, the same as
the pages); Django's `PermissionDenied` is 403 with the service's message when it gave one. Everything
else is DRF's own handling (validation errors, authentication).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler
from rest_framework.views import set_rollback

from trienkhai_web.errors import Conflict, UserError, http_status
from trienkhai_web.locking import parse_version


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, UserError):
        set_rollback()
        data: dict[str, Any] = {"detail": exc.message}
        if exc.problems:
            data["problems"] = exc.problems
        return Response(data, status=http_status(exc))
    if isinstance(exc, DjangoPermissionDenied) and str(exc):
        exc = exceptions.PermissionDenied(str(exc))
    return drf_exception_handler(exc, context)


def required_version(data: Any) -> int:
    """The `version` the client read, parsed once; a write without it is refused as a conflict (409)."""
    value = data.get("version")
    if value in (None, ""):
        raise Conflict(_("Send the version you read (field version)."))
    return parse_version(value)


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
