"""How a page shows a refused change: the one place views turn a `UserError` into what the user sees.

A view calls the service inside `try`, catches `UserError` and hands it to `show_error`, which puts the
message on the form (when the page re-renders one) or in the messages shown after a redirect, and returns
the HTTP status the page should answer with (`errors.http_status`). HTMX fragments use `error_text` and
the same status. Permission problems are not caught here: Django answers PermissionDenied with 403.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest

from trienkhai_web.errors import UserError, http_status
from trienkhai_web.locking import parse_version


def error_text(error: UserError) -> str:
    """The message and, when there are several reasons, each of them."""
    return " ".join([error.message, *error.problems])


def show_error(request: HttpRequest, error: UserError, form: forms.Form | None = None) -> int:
    """Show the refusal on `form` (as an error of the whole form) or as a message; the status to answer."""
    if form is not None:
        form.add_error(None, error_text(error))
    else:
        messages.error(request, error_text(error))
    return http_status(error)


def posted_version(data: Any, name: str = "version") -> int | None:
    """The version a plain (non-Django) form or an HTMX request sent, parsed once; None when it sent none,
    which the service refuses as a conflict."""
    value = data.get(name)
    return None if value in (None, "") else parse_version(value)
