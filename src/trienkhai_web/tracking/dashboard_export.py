"""The dashboard's tables as .xlsx files, with translated headers and labels."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils.translation import gettext as _

from trienkhai_web.plans.models import Plan, Target
from trienkhai_web.tracking import dashboard as dashboards
from trienkhai_web.tracking.export import xlsx_response
from trienkhai_web.tracking.labels import (
    ASSESSMENT_LABELS,
    NOT_STARTED_REPORT,
    REPORT_LABELS,
    STATUS_LABELS,
    TIMELINESS_LABELS,
)

EXPORTS = ("parts", "units", "targets", "overdue", "unreported", "timeliness")


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
