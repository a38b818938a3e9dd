"""The dashboard's tables as .xlsx: one workbook with a sheet per table (title rows naming the plan and
the period, real dates, Vietnamese sheet names), and each table alone as before."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from io import BytesIO
from typing import Any

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from trienkhai.spreadsheet import append_row
from trienkhai_web.plans.models import Plan, Target
from trienkhai_web.tracking import dashboard as dashboards
from trienkhai_web.tracking.export import XLSX, xlsx_response
from trienkhai_web.tracking.labels import (
    ASSESSMENT_LABELS,
    NOT_STARTED_REPORT,
    REPORT_LABELS,
    STATUS_LABELS,
    TIMELINESS_LABELS,
)

EXPORTS = ("parts", "units", "targets", "overdue", "unreported", "timeliness")
WORKBOOK = "all"
DATE_FORMAT = "DD/MM/YYYY"


def level(target: Target) -> str:
    low, high = target.value_low, target.value_high
    if low is not None and high is not None and low != high:
        return f"{low:g}–{high:g}"
    value = low if low is not None else high
    return f"{value:g}" if value is not None else ""


def export(board: dashboards.Dashboard, name: str, plan: Plan) -> HttpResponse:
    order = dashboards.STATUS_ORDER
    status_headers = [str(STATUS_LABELS[s]) for s in order]
    filename = f"ke-hoach-{plan.pk}-{name}"
    if name == "parts":
        return xlsx_response(filename, _("By part"), [_("Part"), _("Tasks"), *status_headers, _("% done")],
                             [[str(r["part"]) if r["part"] else _("Other"), r["total"],
                               *[r["counts"][s] for s in order], r["done_pct"]] for r in board.parts])
    if name == "units":
        return xlsx_response(filename, _("By unit"), [_("Unit"), _("Tasks led"), *status_headers, _("% done")],
                             [[r["organisation"].name, r["total"], *[r["counts"][s] for s in order],
                               r["done_pct"]] for r in board.units])
    if name == "targets":
        return xlsx_response(filename, _("Targets"), [_("Target"), _("Direction"), _("Level"), _("Measure"),
                                                      _("Period"), _("Value"), _("Assessment")],
                             [[r["target"].subject, r["target"].direction, level(r["target"]), r["target"].unit,
                               r["latest_period"].title if r["latest_period"] else "",
                               float(r["latest"]) if r["latest"] is not None else None,
                               str(ASSESSMENT_LABELS[r["assessment"]])] for r in board.targets])
    if name == "overdue":
        return xlsx_response(filename, _("Overdue"), [_("No."), _("Task"), _("Due"), _("Days overdue"), _("Status"),
                                                      _("Lead")],
                             [[r["task"].no, r["task"].content, r["task"].due_date.strftime("%d/%m/%Y"), r["days"],
                               str(STATUS_LABELS[r["status"]]), ", ".join(r["leads"])] for r in board.overdue])
    if name == "unreported":
        return xlsx_response(filename, _("Not reported"), [_("Unit"), _("Deadline"), _("Days late"), _("Status")],
                             [[m.organisation.name, m.deadline.strftime("%d/%m/%Y"), m.days_late,
                               str(REPORT_LABELS.get(m.status, NOT_STARTED_REPORT))] for m in board.unreported])
    return xlsx_response(filename, _("Timeliness"), [_("Unit"), *[p.title for p in board.timeliness_periods]],
                         [[r["organisation"].name, *[str(TIMELINESS_LABELS[c]) for c in r["cells"]]]
                          for r in board.timeliness])


def _tables(board: dashboards.Dashboard) -> list[tuple[str, list[str], list[list[Any]]]]:
    """(sheet name, headers, rows) of every table of the dashboard, dates as dates."""
    order = dashboards.STATUS_ORDER
    status_headers = [str(STATUS_LABELS[s]) for s in order]
    return [
        (_("By part"), [_("Part"), _("Tasks"), *status_headers, _("% done")],
         [[str(r["part"]) if r["part"] else _("Other"), r["total"], *[r["counts"][s] for s in order], r["done_pct"]]
          for r in board.parts]),
        (_("By unit"), [_("Unit"), _("Tasks led"), *status_headers, _("% done")],
         [[r["organisation"].name, r["total"], *[r["counts"][s] for s in order], r["done_pct"]] for r in board.units]),
        (_("Targets"), [_("Target"), _("Direction"), _("Level"), _("Measure"), _("Period"), _("Value"),
                        _("Share of the level (%)"), _("Assessment")],
         [[r["target"].subject, r["target"].direction, level(r["target"]), r["target"].unit,
           r["latest_period"].title if r["latest_period"] else "",
           float(r["latest"]) if r["latest"] is not None else None,
           round(r["completion"], 1) if r["completion"] is not None else None,
           str(ASSESSMENT_LABELS[r["assessment"]])] for r in board.targets]),
        (_("Overdue tasks"), [_("No."), _("Task"), _("Due"), _("Days overdue"), _("Status"), _("Lead")],
         [[r["task"].no, r["task"].content, r["task"].due_date, r["days"], str(STATUS_LABELS[r["status"]]),
           ", ".join(r["leads"])] for r in board.overdue]),
        (_("Not reported"), [_("Unit"), _("Deadline"), _("Days late"), _("Status")],
         [[m.organisation.name, m.deadline, m.days_late, str(REPORT_LABELS.get(m.status, NOT_STARTED_REPORT))]
          for m in board.unreported]),
        (_("Timeliness"), [_("Unit"), *[p.title for p in board.timeliness_periods]],
         [[r["organisation"].name, *[str(TIMELINESS_LABELS[c]) for c in r["cells"]]] for r in board.timeliness]),
    ]


def sheet_name(name: str) -> str:
    """A name a spreadsheet accepts: at most 31 characters, none of : \\ / ? * [ ]."""
    return re.sub(r"[:\\/?*\[\]]", " ", name)[:31].strip()


def _sheet(book: Workbook, name: str, heading: Sequence[str], headers: Sequence[str], rows: list[list[Any]]) -> None:
    sheet = book.create_sheet(sheet_name(name))
    for i, line in enumerate(heading):
        append_row(sheet, [line])
        sheet.cell(row=i + 1, column=1).font = Font(bold=True, size=13 if i == 0 else 11)
    append_row(sheet, [])
    first = len(heading) + 2
    append_row(sheet, headers)
    for cell in sheet[first]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="A31515")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    widths = [len(str(h)) for h in headers]
    for values in rows:
        append_row(sheet, values)
        for i, v in enumerate(values):
            if isinstance(v, date):
                sheet.cell(row=sheet.max_row, column=i + 1).number_format = DATE_FORMAT
            widths[i] = max(widths[i], min(60, 10 if isinstance(v, date) else len(str(v)) if v is not None else 0))
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = max(8, width + 2)
    sheet.freeze_panes = sheet.cell(row=first + 1, column=1)
    sheet.auto_filter.ref = f"A{first}:{get_column_letter(len(headers))}{max(first, sheet.max_row)}"


def heading_lines(board: dashboards.Dashboard, plan: Plan, today: date) -> list[str]:
    """The title rows: the plan, the period with its data window and deadline, the day of the export."""
    lines = [_("Dashboard: %(plan)s") % {"plan": plan.display_name}]
    if plan.title:
        lines.append(plan.title[:250])
    period = board.period
    if period is not None:
        lines.append(_("Period %(period)s: data %(start)s – %(end)s, units' deadline %(deadline)s") % {
            "period": period.title, "start": period.data_from.strftime("%d/%m/%Y"),
            "end": period.cutoff.strftime("%d/%m/%Y"), "deadline": period.unit_deadline.strftime("%d/%m/%Y")})
    lines.append(_("Exported on %(day)s") % {"day": today.strftime("%d/%m/%Y")})
    return lines


def workbook(board: dashboards.Dashboard, plan: Plan, today: date) -> bytes:
    """Every table of the dashboard in one workbook, a sheet each, under the same title rows."""
    book = Workbook()
    book.remove(book.active)
    heading = heading_lines(board, plan, today)
    for name, headers, rows in _tables(board):
        _sheet(book, name, heading, [str(h) for h in headers], rows)
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def workbook_response(board: dashboards.Dashboard, plan: Plan, today: date) -> HttpResponse:
    response = HttpResponse(workbook(board, plan, today), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="bang-dieu-khien-{plan.pk}-{today:%d-%m-%Y}.xlsx"'
    return response
