from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand

from trienkhai_web.operations.backup import make_backup


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu và tệp đính kèm vào một tệp .zip."

    def add_arguments(self, parser):
        parser.add_argument("--out", help="thư mục hoặc tệp .zip đích")

    def handle(self, *args, out: str | None = None, **options):
        path = make_backup(Path(out) if out else None)
        self.stdout.write(f"Đã sao lưu: {path}")
