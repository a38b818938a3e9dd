"""The bridge to the core parser, and what the application reads from a draft (`trienkhai.plan/1`)."""

from __future__ import annotations

import re
from typing import Any

from trienkhai.documents.read import read_document
from trienkhai.plans.agencies import split_agencies
from trienkhai.plans.parse import parse_document

_NAME_SPLIT = re.compile(r"[;\n]+")


def parse_bytes(filename: str, data: bytes, max_bytes: int) -> tuple[dict[str, Any], str]:
    """(plan JSON, source text one paragraph a line) for an uploaded file of at most `max_bytes`;
    TrienkhaiError if unreadable or too large."""
    document = read_document(filename, data=data, filename=filename, max_bytes=max_bytes)
    plan = parse_document(document)
    source_text = "\n".join(b.text for b in document.blocks)
    return plan.to_dict(), source_text


def split_names(value: Any) -> list[str]:
    """Agency names from a list or a cell like "Sở Nội vụ; Sở Tư pháp, UBND các xã".

    Commas also occur inside one name ("Các cơ quan, đơn vị liên quan"), so a cell is split by the
    core's agency splitter, which knows where a body's name starts, not at every comma."""
    if isinstance(value, list):
        parts = value
    else:
        parts = [name for piece in _NAME_SPLIT.split(value or "") for name in split_agencies(piece)]
    return [p.strip(" .") for p in parts if p and p.strip(" .")]


def assignment_leads(assignment: dict[str, Any]) -> list[str]:
    """Who must carry out an assignment: its lead, or else each body it names as responsible
    ("Đảng đoàn HĐND tỉnh lãnh đạo, chỉ đạo …" has no "chủ trì" but is plainly that body's work)."""
    if assignment.get("lead"):
        return [assignment["lead"]]
    partners = set(split_names(assignment.get("partners")))
    return [n for n in split_names(assignment.get("responsible")) if n not in partners]


def agency_names(draft: dict[str, Any]) -> list[str]:
    """Every organisation name the draft assigns work to, in order of first appearance."""
    seen: dict[str, None] = {}
    for a in draft.get("assignments", []):
        for name in [*assignment_leads(a), *split_names(a.get("partners"))]:
            if name:
                seen.setdefault(name.strip(), None)
    for t in draft.get("tasks", []):
        for name in [*split_names(t.get("lead")), *split_names(t.get("partners"))]:
            seen.setdefault(name, None)
    return list(seen)


def outline_nodes(draft: dict[str, Any]) -> list[tuple[dict[str, Any], int, str | None]]:
    """(node, depth, parent path) for every outline node, depth first."""
    out: list[tuple[dict[str, Any], int, str | None]] = []

    def walk(nodes: list[dict[str, Any]], depth: int, parent: str | None) -> None:
        for n in nodes:
            out.append((n, depth, parent))
            walk(n.get("children", []), depth + 1, n["path"])

    walk(draft.get("outline", []), 0, None)
    return out


def node_text(node: dict[str, Any]) -> str:
    return "\n".join(b.get("text", "") for b in node.get("blocks", []))
