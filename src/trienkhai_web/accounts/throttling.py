"""Login throttling: repeated wrong passwords lock the account and the address for a while.

django-axes counts failures per user name and per client address (either reaching the limit locks);
a locked attempt is refused by its authentication backend *before* Django's backend hashes the password,
so guessing cannot occupy the workers. This module gives axes what is ours: the client address behind
the reverse proxy, the Vietnamese refusal page, and the audit entry. An administrator unlocks in the
admin ("Access attempts": delete the rows) or with `manage.py axes_reset_username NAME`.
"""

from __future__ import annotations

from typing import Any

from axes.backends import AxesStandaloneBackend
from axes.models import AccessAttempt
from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth import get_user_model
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from trienkhai_web.audit.actions import Action
from trienkhai_web.audit.services import record

LOCKED_STATUS = 429


class LoginThrottleBackend(AxesStandaloneBackend):
    """axes' check, for logins that come with a request (the login page, the admin's).

    `authenticate()` without a request (the test client's `login()`, a script) has no address to count
    and no page to refuse on; axes itself would raise there, so it is passed on to the next backend.
    """

    def authenticate(self, request: Any, username: str | None = None, password: str | None = None,
                     **kwargs: Any) -> Any:
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)


def client_ip(request: HttpRequest) -> str:
    """The address the request came from; behind our nginx (BEHIND_TLS) the last X-Forwarded-For hop.

    nginx appends the address it saw (`$proxy_add_x_forwarded_for`), so the last entry is the one a client
    cannot forge; earlier entries are whatever the client sent.
    """
    if settings.BEHIND_TLS:
        forwarded = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
        if forwarded:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR", "")


def locked_out(request: HttpRequest, original_response: Any = None, credentials: Any = None) -> HttpResponse:
    """The login page again, with the reason and when to try again; 429 so that scripts see it."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    message = _("Too many wrong passwords: logging in is blocked for %(minutes)s minutes for this account and "
                "this computer. Try again later, or ask the administrator to unlock it.") % {"minutes": minutes}
    return render(request, "registration/login.html", {"locked_message": message}, status=LOCKED_STATUS)


@receiver(user_locked_out, dispatch_uid="trienkhai-login-locked")
def _audit_lockout(sender: Any, request: HttpRequest, username: str | None = None,
                   ip_address: str | None = None, **kwargs: Any) -> None:
    user = get_user_model().objects.filter(username=username).first() if username else None
    subject = user or AccessAttempt.objects.filter(username=username, ip_address=ip_address).first()
    if subject is not None:
        record(None, Action.LOGIN_LOCKED_OUT, subject,
               after={"username": username or "", "address": ip_address or ""})
