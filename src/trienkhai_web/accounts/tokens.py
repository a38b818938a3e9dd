"""API keys: issued with an expiry, stored hashed, checked on every API request.

A key reads `<prefix>.<secret>`; only SHA-256(key) is kept, so a copy of the database (or a backup) does
not hand out working keys. `TokenAuthentication` accepts `Authorization: Token <key>` as DRF's own did.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import authentication, exceptions

from trienkhai_web.accounts.models import ApiToken

# Writing last_used_at on every request would make each API read a write; once a minute is enough.
_USE_RESOLUTION = dt.timedelta(minutes=1)


def digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


@transaction.atomic
def issue(user: Any, *, days: int | None = None, revoke_others: bool = False) -> tuple[ApiToken, str]:
    """A new key for `user`, valid `days` (default API_TOKEN_DAYS); returns the row and the key, shown once."""
    now = timezone.now()
    if revoke_others:
        ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=now)
    prefix = secrets.token_hex(4)
    key = f"{prefix}.{secrets.token_urlsafe(32)}"
    token = ApiToken.objects.create(user=user, prefix=prefix, key_hash=digest(key),
                                    expires_at=now + dt.timedelta(days=days or settings.API_TOKEN_DAYS))
    return token, key


class TokenAuthentication(authentication.TokenAuthentication):
    """DRF's header format, our storage: look the key up by its hash, refuse expired or revoked keys."""

    def authenticate_credentials(self, key: str) -> tuple[Any, ApiToken]:
        token = ApiToken.objects.select_related("user").filter(key_hash=digest(key)).first()
        now = timezone.now()
        if token is None or token.revoked_at is not None or not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("The API key is not valid."))
        if token.expires_at <= now:
            raise exceptions.AuthenticationFailed(_("The API key has expired: ask for a new one."))
        if token.last_used_at is None or now - token.last_used_at >= _USE_RESOLUTION:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        return token.user, token
