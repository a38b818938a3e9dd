"""Cron: `python manage.py send_reminders` — due-soon, overdue and escalation reminders, idempotent."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from trienkhai_web.tracking import reminders


class Command(BaseCommand):
    # argparse formats a lazy help text; the stubs declare `help` as str only.
    help = gettext_lazy("Send report reminders (due soon, overdue, escalation to the parent body); "  # type: ignore[assignment]
                        "running it again sends nothing twice.")

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--now", help=gettext_lazy("the moment taken as now, ISO 8601 (for a dry run)"))
        parser.add_argument("--lookback-days", type=int, default=90, help=gettext_lazy("consider periods whose deadline lies within this many days"))

    def handle(self, *args: Any, **options: Any) -> None:
        # Cron has no request: the e-mails and the log speak the site's language.
        with translation.override(settings.LANGUAGE_CODE):
            self._run(options)

    def _run(self, options: dict[str, Any]) -> None:
        now = timezone.now()
        if options["now"]:
            try:
                now = datetime.fromisoformat(options["now"])
            except ValueError as error:
                raise CommandError(_("Invalid moment: %(value)s") % {"value": options["now"]}) from error
            if timezone.is_naive(now):
                now = timezone.make_aware(now)
        outcome = reminders.run(now, options["lookback_days"])
        self.stdout.write(_("Sent %(sent)d reminders; %(failed)d e-mails failed (retried on a later run until "
                            "the attempts run out); skipped %(skipped)d already sent or not yet due for "
                            "a retry.") % {"sent": outcome.sent, "failed": outcome.failed, "skipped": outcome.skipped})
