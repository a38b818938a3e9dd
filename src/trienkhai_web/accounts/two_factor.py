"""The optional second factor at sign-in: a TOTP code from an authenticator app (django-otp).

Who may turn it on: every user; who must (`TRIENKHAI_2FA_REQUIRED`): administrators and monitoring
bodies, the roles that manage plans, organisations and accounts. Sign-in is then two steps: the password
(throttled by django-axes, see `throttling.py`), and the code, which django-otp throttles itself (each
wrong code doubles the wait). Between the two steps the user is *not* signed in: only the pending user's
id sits in the session, for at most `PENDING_SECONDS`.
"""

from __future__ import annotations

import time
from base64 import b32encode
from typing import Any

import segno
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from trienkhai_web.accounts import permissions
from trienkhai_web.accounts.models import Role
from trienkhai_web.audit.actions import Action
from trienkhai_web.audit.services import record
from trienkhai_web.errors import UserError

DEVICE_NAME = "trienkhai"
PENDING_KEY = "two_factor_pending"
PENDING_SECONDS = 300
MAX_WRONG_CODES = 5


def confirmed_device(user: Any) -> TOTPDevice | None:
    if user is None or not getattr(user, "pk", None):
        return None
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def must_use(user: Any) -> bool:
    """The roles that must sign in with a code when the site requires it."""
    return bool(settings.TWO_FACTOR_REQUIRED) and (
        permissions.is_admin(user) or permissions.has_role(user, Role.MONITOR))


def start_setup(user: Any) -> TOTPDevice:
    """A new, unconfirmed key for the user (a previous unconfirmed one is replaced)."""
    with transaction.atomic():
        if confirmed_device(user) is not None:
            raise UserError(_("Two-step sign-in is already on for this account."))
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        return TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def pending_device(user: Any) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=False).first()


def _clean(code: str) -> str:
    return "".join(ch for ch in (code or "") if ch.isdigit())


def confirm_setup(user: Any, *, code: str) -> TOTPDevice:
    """Turn two-step sign-in on, once the user proves the app shows the right codes."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).first()
        if device is None:
            raise UserError(_("Start again: the key to scan has expired."))
        if not device.verify_token(_clean(code)):
            raise UserError(_("The code is not right. Check the time on the phone and type the code shown now."))
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        record(user, Action.TWO_FACTOR_ENABLE, user)
    return device


def disable(user: Any, *, code: str) -> None:
    """Turn it off; the current code is asked so a forgotten open session cannot do it."""
    with transaction.atomic():
        device = confirmed_device(user)
        if device is None:
            raise UserError(_("Two-step sign-in is not on for this account."))
        if must_use(user):
            raise UserError(_("Your role must sign in in two steps: it cannot be turned off."))
        if not device.verify_token(_clean(code)):
            raise UserError(_("The code is not right."))
        TOTPDevice.objects.filter(user=user).delete()
        record(user, Action.TWO_FACTOR_DISABLE, user)


def reset_for(admin: Any, user: Any) -> None:
    """An administrator removes a user's key (a lost phone); the user sets it up again at next sign-in."""
    permissions.require(admin, permissions.is_admin)
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        record(admin, Action.TWO_FACTOR_RESET, user)


def qr_svg(device: TOTPDevice, user: Any) -> str:
    """The key as a QR code (SVG, no inline style) for the authenticator app to scan."""
    # config_url carries the issuer (OTP_TOTP_ISSUER), so the app lists the key as "trienkhai: <user>".
    return segno.make(device.config_url, error="m").svg_inline(scale=4, border=2)


def secret_text(device: TOTPDevice) -> str:
    """The key for typing by hand: base32 in groups of four."""
    raw = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(raw[i:i + 4] for i in range(0, len(raw), 4))


# --- the sign-in's second step ---------------------------------------------------------------------

def hold(request: HttpRequest, user: Any, next_url: str) -> None:
    """After the right password: remember who is half-way, not signed in."""
    request.session[PENDING_KEY] = {"user": user.pk, "backend": user.backend, "next": next_url,
                                    "since": int(time.time()), "wrong": 0}


def pending_user(request: HttpRequest) -> tuple[Any, dict[str, Any]] | None:
    state = request.session.get(PENDING_KEY)
    if not state or time.time() - state.get("since", 0) > PENDING_SECONDS:
        request.session.pop(PENDING_KEY, None)
        return None
    user = get_user_model().objects.filter(pk=state["user"], is_active=True).first()
    return (user, state) if user is not None else None


def check_code(request: HttpRequest, user: Any, state: dict[str, Any], code: str) -> TOTPDevice | None:
    """The device when the code is right; counts wrong codes and ends the attempt after MAX_WRONG_CODES."""
    device = confirmed_device(user)
    if device is not None and device.verify_token(_clean(code)):
        request.session.pop(PENDING_KEY, None)
        return device
    state["wrong"] = state.get("wrong", 0) + 1
    record(None, Action.LOGIN_SECOND_FACTOR_FAILED, user, after={"wrong": state["wrong"]})
    if state["wrong"] >= MAX_WRONG_CODES:
        request.session.pop(PENDING_KEY, None)
    else:
        request.session[PENDING_KEY] = state
    return None


class SecondFactorRequiredMiddleware:
    """With TRIENKHAI_2FA_REQUIRED, an administrator or monitoring body signed in without a code (no key
    set up yet) reaches only the set-up page and signing out, until the key is confirmed."""

    ALLOWED = ("accounts:two_factor", "logout", "accounts:two_factor_verify")

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (settings.TWO_FACTOR_REQUIRED and user is not None and user.is_authenticated
                and not user.is_verified() and must_use(user)):
            allowed = {reverse(name) for name in self.ALLOWED}
            static = "/" + settings.STATIC_URL.lstrip("/")
            if request.path not in allowed and not request.path.startswith(static):
                return HttpResponseRedirect(reverse("accounts:two_factor"))
        return self.get_response(request)
