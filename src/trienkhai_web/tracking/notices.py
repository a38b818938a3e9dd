"""E-mail copies of the in-app notices (submitted, resubmitted, returned, accepted, handed off,
explanations): a plain function, called after the transaction that made the notice commits. A relay that
fails loses only the e-mail (the notice is in the app); reminders have their own retried delivery
(reminders.py)."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.utils import translation
from django.utils.translation import gettext as _

log = logging.getLogger(__name__)


def send_email(emails: list[str], text: str, link: str) -> bool:
    """Send one notice to `emails` in the site's language; False (and a log line) when the relay failed."""
    if not emails:
        return True
    try:
        with translation.override(settings.LANGUAGE_CODE):
            send_mail(_("[trienkhai] %(text)s") % {"text": " ".join(text.split())[:70]}, f"{text}\n\n{settings.SITE_URL}{link}", None,
                      emails, fail_silently=False)
    except Exception as error:  # any relay failure (SMTP, socket, timeout): the in-app notice stands
        log.warning("notice e-mail to %d addresses failed: %s", len(emails), error)
        return False
    return True
