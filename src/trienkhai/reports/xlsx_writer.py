"""The review report's tables as an .xlsx workbook: one sheet per table, bold shaded headers, frozen header
row, auto-filters, column widths; the targets sheet carries the chart's data and a native bar chart."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from trienkhai.reports.model import TASK_STATUSES, ReviewReportData
from trienkhai.reports.review import NOT_REPORTED, NOT_REPORTED_LABEL
from trienkhai.spreadsheet import append_row

SHEET_INFO = "Thông tin chung"
SHEET_RESULTS = "Kết quả theo phần"
SHEET_TARGETS = "Chỉ tiêu"
SHEET_TASKS = "Nhiệm vụ theo đơn vị"
SHEET_NOT_REPORTED = "Đơn vị chưa báo cáo"
SHEET_TIMELINESS = "Tính kịp thời"

_HEADER_FONT = Font(name="Times New Roman", bold=True, size=12)
_BODY_FONT = Font(name="Times New Roman", size=12)
_HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="center")
_HEADER_ALIGN = Alignment(wrap_text=True, vertical="center", horizontal="center")


def build_xlsx(data: ReviewReportData) -> bytes:
    workbook = Workbook()
    info = workbook.active
    info.title = SHEET_INFO
    for label, value in (("Cơ quan ban hành", data.issuer.name), ("Báo cáo", data.title),
                         ("Loại báo cáo", data.kind.label), ("Kỳ báo cáo", data.period.label),
                         ("Từ ngày", data.period.start), ("Đến ngày", data.period.end),
                         ("Kế hoạch", f"{data.plan_number} {data.plan_title}".strip()),
                         *_figure_rows(data)):
        append_row(info, [label, value])
    for row in info.iter_rows():
        row[0].font = _HEADER_FONT
        row[1].font = _BODY_FONT
        if hasattr(row[1].value, "year"):
            row[1].number_format = "DD/MM/YYYY"
    info.column_dimensions["A"].width = 22
    info.column_dimensions["B"].width = 90

    _sheet(workbook, SHEET_RESULTS, ["Phần", "Nhóm nhiệm vụ", "Cơ quan chủ trì", "Kết quả", "Tình trạng"],
           [[part.title, group.title, lead.organisation, lead.result, dict(TASK_STATUSES).get(lead.status, "")]
            for part in data.results for group in part.groups for lead in group.leads],
           widths=[30, 40, 30, 70, 18])
    targets = _sheet(workbook, SHEET_TARGETS,
                     ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Kết quả", "Đánh giá", "Tỷ lệ đạt (%)"],
                     [[i, t.name, t.unit, t.plan_value, t.result, t.assessment.label,
                       None if t.completion is None else round(t.completion, 1)]
                      for i, t in enumerate(data.targets, 1)],
                     widths=[6, 50, 12, 14, 12, 12, 14], number_cols={5: "#,##0.##", 7: "0.0"})
    if data.targets:
        chart = BarChart()
        chart.type = "bar"
        chart.title = "Tỷ lệ đạt so với kế hoạch (%)"
        chart.add_data(Reference(targets, min_col=7, min_row=1, max_row=len(data.targets) + 1), titles_from_data=True)
        chart.set_categories(Reference(targets, min_col=2, min_row=2, max_row=len(data.targets) + 1))
        chart.height, chart.width = max(7.5, 0.6 * len(data.targets)), 18
        targets.add_chart(chart, "I2")
    columns = [*TASK_STATUSES, (NOT_REPORTED, NOT_REPORTED_LABEL)]
    _sheet(workbook, SHEET_TASKS, ["STT", "Đơn vị", "Tổng số nhiệm vụ", *(label for _, label in columns)],
           [[i, r.organisation, r.total, *(r.counts.get(k, 0) for k, _ in columns)]
            for i, r in enumerate(data.tasks_by_status, 1)],
           widths=[6, 45, 14, 14, 18, 14, 14, 14])
    _sheet(workbook, SHEET_NOT_REPORTED, ["STT", "Đơn vị", "Hạn báo cáo", "Số nhiệm vụ được giao"],
           [[i, r.organisation, r.due, r.tasks] for i, r in enumerate(data.not_reported, 1)],
           widths=[6, 50, 14, 14])
    _sheet(workbook, SHEET_TIMELINESS, ["STT", "Đơn vị", "Hạn báo cáo", "Ngày gửi", "Số ngày chậm", "Đánh giá"],
           [[i, r.organisation, r.due, r.submitted, r.days_late,
             "Chưa gửi" if r.submitted is None else "Đúng hạn" if r.on_time else "Chậm"]
            for i, r in enumerate(data.timeliness, 1)],
           widths=[6, 50, 14, 14, 12, 12])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _figure_rows(data: ReviewReportData) -> list[tuple[str, object]]:
    """The report's figures (the same the body and appendices state), under the report's description."""
    f = data.figures
    if f is None:
        return []
    status = [(f"Nhiệm vụ {label.lower()}", f.status(key)) for key, label in
              [*TASK_STATUSES, (NOT_REPORTED, NOT_REPORTED_LABEL)]]
    return [("Số cơ quan, đơn vị phải báo cáo", f.units), ("Đã gửi báo cáo", f.reported),
            ("Báo cáo đúng hạn", f.on_time), ("Chưa báo cáo", len(f.not_reported)), ("Số nhiệm vụ", f.tasks),
            *status, ("Đơn vị đã ban hành kế hoạch, văn bản", len(f.units_with_plan)),
            ("Số hội nghị quán triệt, triển khai", f.conferences), ("Lượt người tham dự", f.participants),
            ("Chỉ tiêu có số liệu không hợp lệ", len(f.implausible))]


def write_xlsx(data: ReviewReportData, path: str | Path) -> Path:
    path = Path(path)
    path.write_bytes(build_xlsx(data))
    return path


def _sheet(workbook: Workbook, title: str, headers: Sequence[str], rows: Sequence[Sequence[Any]], *,
           widths: Sequence[float], number_cols: dict[int, str] | None = None) -> Any:
    assert len(title) <= 31  # Excel's limit on sheet names
    sheet = workbook.create_sheet(title)
    append_row(sheet, headers)
    for cell in sheet[1]:
        cell.font, cell.fill, cell.alignment, cell.border = _HEADER_FONT, _HEADER_FILL, _HEADER_ALIGN, _BORDER
    for row in rows:
        append_row(sheet, row)
    number_cols = number_cols or {}
    # Styling cell by cell is the slow part for big sheets; the shared style objects keep it cheap.
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.font, cell.border, cell.alignment = _BODY_FONT, _BORDER, _WRAP
            if hasattr(cell.value, "year"):
                cell.number_format = "DD/MM/YYYY"
            elif cell.column in number_cols:
                cell.number_format = number_cols[cell.column]
    for i, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(1, len(rows) + 1)}"
    sheet.row_dimensions[1].height = 32
    return sheet
