"""The units of coverage: what a plan commits to, each with a stable, readable key.

- a heading with text of its own (its title when that says more than the formal layout, and its
  paragraphs): the outline path, "III.2.1";
- each bullet (or lettered item) directly under a heading: path + "#" + its 1-based position among the
  heading's bullets, "III.2.1#3";
- each target not already written as a bullet (a table row of targets): "target:" + its position;
- each row of a task register: "task:" + its number in the register ("task:12");
- in a text without numbered headings (a directive written as paragraphs), each paragraph: "#" + its
  position ("#2").

A formal heading ("Mục tiêu", "II. NHIỆM VỤ, GIẢI PHÁP") with nothing of its own is not a unit. Every
heading also yields a *section*: its whole text with its descendants', the broader item a specific
unit falls back to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from trienkhai.plans.model import OutlineNode, Plan
from trienkhai.text.vietnamese import collapse_spaces, fold
from trienkhai.vocab.coverage import FORMAL_SYLLABLES

BULLET_KINDS = ("bullet", "item")
_WORD = re.compile(r"[a-z0-9]+")


@dataclass
class Unit:
    key: str
    text: str
    kind: str  # heading | bullet | target | task | section
    section: str  # the outline path this unit belongs to ("" for none)
    label: str = ""  # how the unit is shown: "III.2#3 Xây dựng giai cấp công nhân…"
    context: list[str] = field(default_factory=list)  # titles of the headings above it, nearest last
    # A heading's title and paragraphs one by one, matched singly too: a heading holding several
    # undashed paragraphs is the counterpart of the one that says the same, not of everything.
    # (Sentences as pieces were measured too: more false matches, no more found.)
    pieces: list[str] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)  # the texts `text` is made of (compared without joining)

    def __post_init__(self) -> None:
        if not self.parts:
            self.parts = [self.text]


def _substantive(title: str) -> bool:
    """Whether a heading title says more than the name of a formal part of the layout."""
    words = [w for w in _WORD.findall(fold(title)) if not w.isdigit()]
    return any(w not in FORMAL_SYLLABLES for w in words)


def _own_pieces(node: OutlineNode) -> list[str]:
    """The heading's title and paragraphs; a title the parser repeats as the first paragraph once."""
    paragraphs = [collapse_spaces(b.text) for b in node.blocks if b.kind in ("paragraph", "group")]
    title = node.title if _substantive(node.title) else ""
    if title and paragraphs and fold(paragraphs[0]).startswith(fold(title).rstrip(".… ")[:60]):
        title = ""
    return [p for p in [collapse_spaces(title), *paragraphs] if p]


def _section_parts(node: OutlineNode) -> list[str]:
    parts = []
    for n in node.walk():
        parts.append(collapse_spaces(n.title))
        parts.extend(collapse_spaces(b.text) for b in n.blocks if b.kind != "footnote")
    return [p for p in parts if p]


def _label(key: str, text: str) -> str:
    short = text if len(text) <= 160 else text[:159].rstrip() + "…"
    return f"{key} {short}"


def plan_units(plan: Plan, sections: bool = False) -> list[Unit]:
    """The plan's units in document order (with `sections`, also every heading's whole text)."""
    units: list[Unit] = []

    def visit(node: OutlineNode, context: list[str]) -> None:
        pieces = _own_pieces(node)
        own = " ".join(pieces)
        if own and _substantive(own):
            units.append(Unit(node.path, own, "heading", node.path, _label(node.path, own), list(context),
                              pieces if len(pieces) > 1 else [], pieces))
        inner = [*context, node.title]
        bullets = [b for b in node.blocks if b.kind in BULLET_KINDS]
        for i, b in enumerate(bullets, 1):
            key = f"{node.path}#{i}"
            text = collapse_spaces(b.text)
            units.append(Unit(key, text, "bullet", node.path, _label(key, text), inner))
        if sections and context:  # a top-level part ("III. NHIỆM VỤ") is not an item: it holds everything
            parts = _section_parts(node)
            whole = " ".join(parts)
            if any(_substantive(p) for p in parts):
                units.append(Unit(f"{node.path}*", whole, "section", node.path, _label(node.path, node.title),
                                  list(context), parts=parts))
        for child in node.children:
            visit(child, inner)

    for top in plan.outline:
        visit(top, [])
    if not plan.outline:
        # A directive or conclusion written as paragraphs without numbered headings (its text copied
        # without a header, too): each paragraph is what it commits to, keyed as a bullet at the root.
        for i, text in enumerate((collapse_spaces(p) for p in plan.preamble if _substantive(p)), 1):
            units.append(Unit(f"#{i}", text, "bullet", "", _label(f"#{i}", text)))
    written = [fold(u.text) for u in units]
    for i, t in enumerate(plan.targets, 1):
        text = collapse_spaces(t.text or t.subject)
        folded = fold(text)
        if not text or any(folded in w or w in folded for w in written):
            continue  # the target is written in a heading or bullet already, or is another target's sentence
        written.append(folded)
        key = f"target:{i}"
        units.append(Unit(key, text, "target", t.section or "", _label(key, text)))
    seen: set[str] = set()
    for i, task in enumerate(plan.tasks, 1):
        text = collapse_spaces(task.content)
        if not text:
            continue
        key = f"task:{task.no if task.no not in (None, '') else i}"
        key = key if key not in seen else f"task:{i}"
        seen.add(key)
        units.append(Unit(key, text, "task", task.section or "", _label(key, text)))
    return units


def key_title(key: str) -> str:
    """A unit's key as a reader names it: "task:12" → "nhiệm vụ 12", "III.2.1#3" → "III.2.1 (ý 3)",
    "#2" (a paragraph of a text without headings) → "đoạn 2"; a heading's path as it is."""
    if key.startswith("task:"):
        return f"nhiệm vụ {key[5:]}"
    path, _, bullet = key.partition("#")
    path = path.rstrip("*")
    if not path:
        return f"đoạn {bullet}" if bullet else ""
    return f"{path} (ý {bullet})" if bullet else path
