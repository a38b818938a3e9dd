"""Small text helpers shared by the target, assignment and task extractors."""

from __future__ import annotations

import re

from trienkhai.plans.model import OutlineNode, Plan
from trienkhai.text.vietnamese import collapse_spaces

_ARTEFACT_RE = re.compile(r"</?\w+\s*/?>|\*+")
# A sentence ends at ". " / "! " / "? " before an upper-case letter, a quote or an opening bracket.
_SENTENCE_RE = re.compile(r"(?<=[.!?…])\s+(?=[\"“(A-ZÀ-ỸĐ])")


def clean(text: str | None) -> str:
    """Drop conversion artefacts (`**`, `*…*`, `<i>…</i>`) and collapse whitespace."""
    return collapse_spaces(_ARTEFACT_RE.sub("", text or ""))


def sentences(text: str) -> list[str]:
    """Split a paragraph into sentences (a dot inside "43-NQ/TW." or "1.000" does not split)."""
    return [s.strip() for s in _SENTENCE_RE.split(text) if s.strip()]


def node_texts(node: OutlineNode, *, title: bool = True) -> list[str]:
    """A node's own texts in reading order: its title (a numbered paragraph is a node whose title is the
    paragraph) and its blocks (not tables nor footnotes). A title that merely repeats the start of the
    first block, or is cut short ("…"), is left out so that nothing is read twice or half."""
    blocks = [clean(b.text) for b in node.blocks if b.kind in ("paragraph", "bullet", "group", "item") and b.text]
    head = clean(node.title)
    if head.endswith("…"):
        head = ""
    elif blocks and blocks[0].startswith(head.rstrip(" .:")):
        head = ""
    if head and blocks and not head.endswith((".", ":", ";", "!", "?")) and (
            len(head) >= 60 or blocks[0][:1].islower()):
        # A numbered paragraph whose first line became the title and the rest the first block.
        blocks[0] = f"{head} {blocks[0]}"
        head = ""
    texts = [head] if title and head else []
    return [t for t in texts + blocks if t]


def walk_with_ancestors(plan: Plan):
    """(node, ancestors from the top) for every outline node, depth first."""
    def walk(node: OutlineNode, ancestors: list[OutlineNode]):
        yield node, ancestors
        for child in node.children:
            yield from walk(child, [*ancestors, node])

    for top in plan.outline:
        yield from walk(top, [])
