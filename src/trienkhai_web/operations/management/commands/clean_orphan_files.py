"""`manage.py clean_orphan_files [--delete]`: stored files no row points at (left by a crash mid-upload)."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand

from trienkhai_web.operations import stored_files

# A file younger than this may belong to an upload whose row is being written right now.
GRACE_SECONDS = 3600


class Command(BaseCommand):
    help = ("Liệt kê (hoặc xóa với --delete) các tệp đã lưu mà không dòng dữ liệu nào trỏ tới, "
            "bỏ qua tệp mới hơn một giờ.")

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--delete", action="store_true", help="xóa các tệp đó")

    def handle(self, *args: Any, delete: bool, **options: Any) -> None:
        referenced = stored_files.referenced_files()
        cutoff = time.time() - GRACE_SECONDS
        orphans = [f for f in stored_files.walk()
                   if (f.root, f.path) not in referenced and f.absolute.stat().st_mtime < cutoff]
        for orphan in orphans:
            self.stdout.write(f"{orphan.root}/{orphan.path}")
            if delete:
                orphan.absolute.unlink()
        verb = "Đã xóa" if delete else "Tìm thấy"
        self.stdout.write(f"{verb} {len(orphans)} tệp không thuộc dữ liệu nào.")
