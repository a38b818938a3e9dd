"""The request a view receives behind `@login_required`, for the type checker: its user is an account,
never the anonymous user (Django builds plain `HttpRequest`s; this class only narrows `user`)."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.http import HttpRequest


class AuthenticatedHttpRequest(HttpRequest):
    user: User
