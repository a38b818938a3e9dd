"""The one tree of errors the application's services raise, and how views and the API show them.

Every service refuses bad input or a forbidden state by raising one of these, with a message already
translated for the user. Views catch `UserError` and show it with `views_support.show_error`; the API's
exception handler (`trienkhai_web.api.errors`) answers it; both take the status from `http_status`.
Permission problems raise Django's `PermissionDenied`, never these. A core `trienkhai.errors.TrienkhaiError`
(bad document, bad draft edit) is turned into a `UserError` by `from_core`, so a page never needs to know
which layer refused.
"""

from __future__ import annotations

from typing import Any

from trienkhai.errors import TrienkhaiError


class UserError(Exception):
    """Bad input or a forbidden step; `message` is shown to the user as is (already translated).

    `problems` lists the individual reasons when there are several (e.g. fields missing before submit).
    """

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = str(message)
        self.problems = [str(p) for p in problems or []]


class Conflict(UserError):
    """Someone else saved first: the form was built on an older version, or a race was lost."""


class Duplicate(UserError):
    """The thing exists already (e.g. the same document imported before); `existing` is it."""

    def __init__(self, message: str, existing: Any = None) -> None:
        super().__init__(message)
        self.existing = existing


class NotFound(UserError):
    """The object the request names no longer exists (deleted by someone else)."""


def from_core(error: TrienkhaiError) -> UserError:
    """A core error as the application's error: the core's messages are Vietnamese already."""
    return UserError(error.message)


def http_status(error: UserError) -> int:
    """The one mapping from a refusal to an HTTP status, for pages and the API alike."""
    if isinstance(error, NotFound):
        return 404
    if isinstance(error, Conflict):
        return 409
    return 400
