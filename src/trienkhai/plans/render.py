"""`render_text(plan)`: the readable outline `trienkhai parse FILE` prints (without --json).

The text is a list of sections, each rendered by one function of `SECTIONS`; the extraction (targets,
assignments, tasks) adds its own renderers to that list.
"""

from __future__ import annotations

from collections.abc import Callable

from trienkhai.plans.model import OutlineNode, Plan
from trienkhai.plans.render_tables import render_assignments, render_targets, render_tasks
from trienkhai.vocab.kinds import KINDS

Renderer = Callable[[Plan], list[str]]

_KIND_NAMES = {**{k.code: k.name for k in KINDS}, "other": "Văn bản khác"}


def _date(iso: str | None) -> str:
    if not iso:
        return "(không ghi)"
    y, m, d = iso.split("-")
    return f"{d}/{m}/{y}"


def render_header(plan: Plan) -> list[str]:
    d = plan.document
    out = [f"{_KIND_NAMES.get(d.kind, d.kind)}: {d.title or '(không có trích yếu)'}",
           f"  Số, ký hiệu: {d.number or '(không ghi)'}    Ngày: {_date(d.date)}    Nơi ban hành: "
           f"{d.place or '(không ghi)'}"]
    if d.issuer or d.province:
        out.append(f"  Cơ quan ban hành: {d.issuer or '(không rõ)'}    Địa phương: {d.province or '(không rõ)'}")
    if d.implements:
        out.append(f"  Thực hiện: {', '.join(d.implements)}")
    if d.signer:
        s = d.signer
        behalf = f"T/M {s.on_behalf_of}, " if s.on_behalf_of else ""
        out.append(f"  Người ký: {s.name or '(không rõ)'} ({behalf}{s.title or 'chức vụ không rõ'})")
    if d.recipients:
        out.append(f"  Nơi nhận: {len(d.recipients)} nơi")
    return out


def _node_lines(node: OutlineNode, depth: int) -> list[str]:
    pad = "  " * depth
    out = [f"{pad}{node.number}. {node.title}"]
    for b in node.blocks:
        mark = {"bullet": "- ", "item": f"{b.label}) ", "group": "* ", "footnote": "[chú thích] ",
                "table": "[bảng] "}.get(b.kind, "")
        text = b.text if len(b.text) <= 100 else b.text[:99] + "…"
        out.append(f"{pad}    {mark}{text}".replace("\n", " / "))
    for c in node.children:
        out.extend(_node_lines(c, depth + 1))
    return out


def render_outline(plan: Plan) -> list[str]:
    out = ["", "DÀN Ý"]
    for n in plan.outline:
        out.extend(_node_lines(n, 0))
    return out if plan.outline else ["", "DÀN Ý: (không có đề mục)"]


def render_references(plan: Plan) -> list[str]:
    if not plan.references:
        return []
    out = ["", f"VĂN BẢN ĐƯỢC DẪN ({len(plan.references)})"]
    for r in plan.references:
        extra = ", ".join(x for x in (f"ngày {_date(r.date)}" if r.date else None, r.issuer) if x)
        out.append(f"  {r.id}" + (f" — {extra}" if extra else ""))
    return out


def render_warnings(plan: Plan) -> list[str]:
    return ["", "CẢNH BÁO"] + [f"  ! {w}" for w in plan.warnings] if plan.warnings else []


# The sections in print order.
SECTIONS: list[Renderer] = [render_header, render_outline, render_references, render_warnings]
# Targets, assignments and task registers (issue 4) right after the outline.
SECTIONS[SECTIONS.index(render_outline) + 1:SECTIONS.index(render_outline) + 1] = [
    render_targets, render_assignments, render_tasks]


def render_text(plan: Plan) -> str:
    """The whole readable text, ending with a newline."""
    lines: list[str] = []
    for section in SECTIONS:
        lines.extend(section(plan))
    return "\n".join(lines) + "\n"
