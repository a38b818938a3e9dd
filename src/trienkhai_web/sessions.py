"""Sessions that end: with the browser by default, and after a set time without activity.

Django saves a session (and so moves its expiry) only when it changes. `IdleTimeoutMiddleware` touches
the session at most every few minutes while the user is active, so a signed-in user who stops working
is signed out `SESSION_COOKIE_AGE` (the idle limit, `SESSION_IDLE_HOURS`) after the last request,
and an active one is never interrupted.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

_SEEN = "_trienkhai_seen"
# How often activity is written back: a session row update per user every few minutes, not per request.
_TOUCH_EVERY = 300


class IdleTimeoutMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = getattr(request, "session", None)
        if session is not None and request.user.is_authenticated:
            now = int(time.time())
            if now - int(session.get(_SEEN, 0)) >= _TOUCH_EVERY:
                session[_SEEN] = now  # a changed session is saved with a fresh expiry (SESSION_COOKIE_AGE)
        return self.get_response(request)
