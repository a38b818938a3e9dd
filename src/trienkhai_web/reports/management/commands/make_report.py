"""`trienkhai report --plan 55-CTr/TU --period 2025-H1 [--xlsx] [--out FILE]`: the review report as a file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from trienkhai.cli import ProgressBar
from trienkhai.reports.docx_writer import build_docx
from trienkhai.reports.xlsx_writer import build_xlsx
from trienkhai_web.jobs.runner import write_atomically
from trienkhai_web.reports import queries


class Command(BaseCommand):
    help = "Lập báo cáo sơ kết, tổng kết, định kỳ của một kế hoạch (.docx hoặc .xlsx)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--plan", required=True, help="số hiệu (55-CTr/TU) hoặc mã của kế hoạch")
        parser.add_argument("--period", required=True, help="kỳ báo cáo: 2025-Q1, 2025-H1, 2025, so-ket, tong-ket")
        parser.add_argument("--out", help="tệp kết quả")
        parser.add_argument("--xlsx", action="store_true", help="xuất bảng tính .xlsx thay vì .docx")

    def handle(self, *args: Any, **options: Any) -> None:
        plan = queries.find_plan(str(options["plan"]))
        if plan is None:
            raise CommandError(f"Không tìm thấy kế hoạch “{options['plan']}”.")
        period = queries.find_period(plan, options["period"])
        if period is None:
            codes = ", ".join(f"{p.code} ({p.title})" for p in queries.periods_for(plan)) or "chưa có kỳ nào"
            raise CommandError(f"Kế hoạch {plan.number or plan.pk} không có kỳ báo cáo “{options['period']}” "
                               f"(các kỳ: {codes}).")
        bar = ProgressBar(sys.stderr, label="Lập báo cáo", unit="bước")
        bar(0, 3, "Thu thập số liệu")
        data = queries.build_report_data(plan, period)
        suffix = "xlsx" if options.get("xlsx") else "docx"
        bar(1, 3, "Viết tệp")
        content = build_xlsx(data) if suffix == "xlsx" else build_docx(data)
        bar(2, 3, "Ghi tệp")
        default = f"bao-cao-{(plan.number or str(plan.pk)).replace('/', '-')}-{period.code}.{suffix}"
        out = Path(options.get("out") or default)
        if out.is_dir():
            out = out / default
        try:
            write_atomically(out, content)  # a half-written report never stands in for a whole one
        except OSError as error:
            raise CommandError(f"Không ghi được tệp {out}: {error.strerror}") from error
        finally:
            bar(3, 3, "Xong")
            bar.done()
        self.stdout.write(f"Đã lập báo cáo: {out} ({len(content) // 1024} KB)")
