"""Readable tables of a plan's targets, assignments and tasks, for `trienkhai parse FILE` (no --json).

Each is a renderer of `render.SECTIONS` (plan → lines), printed right after the outline.
"""

from __future__ import annotations

from trienkhai.plans.model import Plan

_WIDTH = 60


def _short(text: str | None, width: int = _WIDTH) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _value(value: float | list[float] | None) -> str:
    def num(x: float) -> str:
        return (f"{x:g}").replace(".", ",")

    if value is None:
        return "—"
    if isinstance(value, list):
        return " - ".join(num(v) for v in value)
    return num(value)


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(header)]
    line = lambda cells: " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()  # noqa: E731
    return ["  " + line(header), "  " + "-+-".join("-" * w for w in widths)] + ["  " + line(r) for r in rows]


def render_targets(plan: Plan) -> list[str]:
    """The targets as a table: section, subject, direction, value, unit, recurrence, deadline."""
    if not plan.targets:
        return ["", "CHỈ TIÊU: (không có)"]
    rows = [[t.section or "", _short(t.subject, 50), t.direction or "", _value(t.value), t.unit or "",
             t.recurrence or "", str(t.deadline or ""), _short(t.baseline or t.scope or "", 24)]
            for t in plan.targets]
    header = ["Mục", "Chỉ tiêu", "Hướng", "Giá trị", "Đơn vị", "Lặp lại", "Đến năm", "Ghi chú"]
    return ["", f"CHỈ TIÊU ({len(plan.targets)})", *_table(header, rows)]


def render_assignments(plan: Plan) -> list[str]:
    """The assignments as a table: item, responsible bodies, lead, partners, reporting."""
    if not plan.assignments:
        return ["", "PHÂN CÔNG: (không có)"]
    rows = [[a.item or "", _short("; ".join(a.responsible), 50), _short("; ".join(a.leads), 30),
             _short("; ".join(a.partners), 40), _short(a.reporting or "", 40)] for a in plan.assignments]
    header = ["Mục", "Chịu trách nhiệm", "Chủ trì", "Phối hợp", "Báo cáo"]
    return ["", f"PHÂN CÔNG ({len(plan.assignments)})", *_table(header, rows)]


def render_tasks(plan: Plan) -> list[str]:
    """The task register as a table: number, content, lead, partners, timeframe (with its due date)."""
    if not plan.tasks:
        return ["", "NHIỆM VỤ: (không có)"]
    rows = []
    for t in plan.tasks:
        due = t.due.split("-") if t.due else None
        when = _short(t.timeframe or "", 24) + (f" (hạn {due[2]}/{due[1]}/{due[0]})" if due else "")
        rows.append([str(t.no if t.no is not None else ""), _short(t.content, 50), _short("; ".join(t.leads), 30),
                     _short("; ".join(t.partners), 30), when])
    header = ["TT", "Nội dung nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian"]
    return ["", f"NHIỆM VỤ ({len(plan.tasks)})", *_table(header, rows)]
