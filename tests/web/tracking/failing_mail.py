"""An e-mail backend whose relay is down: every send raises, as smtplib does when the relay refuses."""

from __future__ import annotations

import smtplib

from django.core.mail.backends.base import BaseEmailBackend


class EmailBackend(BaseEmailBackend):
    attempts = 0

    def send_messages(self, email_messages):  # type: ignore[no-untyped-def]
        type(self).attempts += len(list(email_messages))
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
