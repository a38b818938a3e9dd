"""`trienkhai search QUERY [--json]`: the search of the results page from the command line.

Without --user it searches as the system (everything); with --user, as that person (what they may open)."""

from __future__ import annotations

import json
import re
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from trienkhai_web.search import queries
from trienkhai_web.search.models import Kind

_TAG_RE = re.compile(r"</?mark>")


class Command(BaseCommand):
    help = "Tìm trong kế hoạch, nhiệm vụ, chỉ tiêu, báo cáo của đơn vị, tổ chức"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("query", help="từ cần tìm (không cần dấu)")
        parser.add_argument("--json", action="store_true", help="kết quả dạng JSON")
        parser.add_argument("--user", help="tìm với quyền của người dùng này")
        parser.add_argument("--plan", type=int, help="chỉ trong kế hoạch này (mã số)")
        parser.add_argument("--kind", choices=list(Kind.values), help="chỉ loại kết quả này")
        parser.add_argument("--limit", type=int, default=20, help="số kết quả mỗi trang (mặc định 20)")
        parser.add_argument("--page", type=int, default=1)

    def handle(self, *args: Any, **options: Any) -> None:
        user = None
        if options.get("user"):
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"không có người dùng {options['user']}")
        results = queries.search(user, options["query"], plan=options.get("plan"), kind=options.get("kind"),
                                 page=options["page"], page_size=max(1, min(options["limit"], 200)))
        if options["json"]:
            self.stdout.write(json.dumps(results.as_dict(), ensure_ascii=False, indent=2))
            return
        if results.corrected:
            self.stdout.write(f"Kết quả cho “{results.corrected_query}”")
        self.stdout.write(f"{'hơn ' if results.more else ''}{results.total} kết quả (trang {results.page}/{max(results.pages, 1)})")
        for hit in results.hits:
            where = " · ".join(p for p in (hit.plan if hit.kind != Kind.PLAN else "", hit.unit, hit.period) if p)
            self.stdout.write(f"\n[{hit.kind_label}] {hit.text[:160]}" + (f"\n  {where}" if where else ""))
            if hit.snippet:
                self.stdout.write("  " + _TAG_RE.sub("", _unescape(str(hit.snippet))))
            self.stdout.write(f"  {hit.url}")


def _unescape(text: str) -> str:
    import html

    return html.unescape(text)
