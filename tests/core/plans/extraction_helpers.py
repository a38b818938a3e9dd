"""Small plans and source documents built by hand for the extractor tests."""

from __future__ import annotations

from trienkhai.documents.model import Block, SourceDocument
from trienkhai.plans.model import OutlineBlock, OutlineNode, Plan, Source


def plan_with(*nodes: OutlineNode) -> Plan:
    return Plan(source=Source(filename="t.txt", sha256="0", format="txt"), outline=list(nodes))


def node(path: str, title: str, *texts: str, children: list[OutlineNode] | None = None) -> OutlineNode:
    return OutlineNode(path=path, number=path.rsplit(".", 1)[-1], title=title,
                       blocks=[OutlineBlock(kind="paragraph", text=t) for t in texts], children=children or [])


def source_with(*blocks: Block) -> SourceDocument:
    return SourceDocument(filename="t.txt", sha256="0", format="txt", encoding="utf-8", blocks=list(blocks))


def tab_lines(*lines: str) -> list[Block]:
    return [Block(kind="paragraph", text=line) for line in lines]
