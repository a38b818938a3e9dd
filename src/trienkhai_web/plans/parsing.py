"""The bridge to the core parser, and what the application reads from a draft (`trienkhai.plan/1`)."""

from __future__ import annotations

import re
from typing import Any

from trienkhai.errors import TrienkhaiError

_NAME_SPLIT = re.compile(r"[;,\n]+")


def parse_bytes(filename: str, data: bytes) -> tuple[dict[str, Any], str]:
    """(plan JSON, source text one paragraph a line) for an uploaded file; TrienkhaiError if unreadable."""
    try:
        from trienkhai.plans.parse import parse_document
    except ImportError as exc:  # the parser module is written by another engineer
        raise TrienkhaiError("Bộ đọc văn bản chưa sẵn sàng trên máy chủ này.") from exc
    from trienkhai.documents.read import read_document

    document = read_document(filename, data=data, filename=filename)
    plan = parse_document(document)
    source_text = "\n".join(b.text for b in document.blocks)
    return plan.to_dict(), source_text


def split_names(value: Any) -> list[str]:
    """Agency names from a list or a cell like "Sở Nội vụ; Sở Tư pháp, UBND các xã"."""
    parts = value if isinstance(value, list) else _NAME_SPLIT.split(value or "")
    return [p.strip(" .") for p in parts if p and p.strip(" .")]


def agency_names(draft: dict[str, Any]) -> list[str]:
    """Every organisation name the draft assigns work to, in order of first appearance."""
    seen: dict[str, None] = {}
    for a in draft.get("assignments", []):
        for name in [a.get("lead"), *split_names(a.get("partners"))]:
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
