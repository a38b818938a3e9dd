"""Cron: `python manage.py send_reminders` — due-soon, overdue and escalation reminders, idempotent."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from trienkhai_web.tracking import reminders


class Command(BaseCommand):
    help = "Gửi nhắc nhở báo cáo (sắp đến hạn, quá hạn, báo cáo lên cấp trên); chạy lại không gửi trùng."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--now", help="thời điểm coi là hiện tại, ISO 8601 (để chạy thử)")
        parser.add_argument("--lookback-days", type=int, default=90, help="xét các kỳ có hạn nộp trong số ngày này")

    def handle(self, *args: Any, **options: Any) -> None:
        now = timezone.now()
        if options["now"]:
            try:
                now = datetime.fromisoformat(options["now"])
            except ValueError as error:
                raise CommandError(f"Thời điểm không hợp lệ: {options['now']}") from error
            if timezone.is_naive(now):
                now = timezone.make_aware(now)
        outcome = reminders.run(now, options["lookback_days"])
        self.stdout.write(f"Đã gửi {outcome.sent} nhắc nhở; bỏ qua {outcome.skipped} đã gửi trước đó.")
