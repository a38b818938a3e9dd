"""`python -m django reindex`: rebuild the search index from every plan, item, task, target, unit report
entry and organisation (after a restore, a bulk load, or to repair it)."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand

from trienkhai_web.search.index import rebuild


class Command(BaseCommand):
    help = "Xây dựng lại chỉ mục tìm kiếm"

    def handle(self, *args: Any, **options: Any) -> None:
        start = time.perf_counter()
        count = rebuild()
        self.stdout.write(f"Đã lập chỉ mục {count} mục trong {time.perf_counter() - start:.1f} giây.")
