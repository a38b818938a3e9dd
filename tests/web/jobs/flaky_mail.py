"""An e-mail back-end for the worker of the tests: the file back-end, except that a message whose
subject starts with "[flaky N]" is refused N times (as a relay that drops the connection would be),
counted in a file beside the mails, so that the job's retries with backoff can be watched."""

from __future__ import annotations

import re
import smtplib
from pathlib import Path

from django.conf import settings
from django.core.mail.backends.filebased import EmailBackend


class FlakyBackend(EmailBackend):
    def send_messages(self, email_messages):  # type: ignore[no-untyped-def]
        for message in email_messages:
            found = re.match(r"\[flaky (\d+)\]", message.subject)
            if found:
                counter = Path(settings.EMAIL_FILE_PATH) / "refusals.count"
                refused = int(counter.read_text()) if counter.exists() else 0
                if refused < int(found.group(1)):
                    counter.write_text(str(refused + 1))
                    raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(email_messages)
