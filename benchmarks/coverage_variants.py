"""Child plans made from a sample by hand-written rules, for measuring coverage on plans no label was made
on. Each maker returns the variant and a map from the sample's unit keys to the variant's (None: the unit
is gone), so the labels of the sample carry over.

- `shuffled`: the headings of every level and the register rows in another order (keys stay: a heading
  keeps its number). The result must be the same as on the sample.
- `abridged`: what a lower plan does to its parent's wording: about a third of the sentences of every
  paragraph and bullet dropped (the first always kept), the rest reworded as in `reworded`.
- `reworded`: what a drafter changes: synonyms and word order of the formulaic phrases, the full names
  of bodies abbreviated (and the reverse), old tone placement, about a fifth of the words without
  diacritics.
- `thinned`: every third bullet and every fourth register row dropped: parent units whose counterparts
  are all gone become "not covered", which is what the matcher must then say.
"""

from __future__ import annotations

import copy
import random
import re

from trienkhai.cascade.units import BULLET_KINDS
from trienkhai.plans.model import OutlineNode, Plan
from trienkhai.text.vietnamese import fold

SYNONYMS = [
    ("tăng cường", "đẩy mạnh"), ("nâng cao", "tăng cường"), ("tiếp tục", "tích cực"), ("thực hiện", "triển khai"),
    ("xây dựng", "củng cố, xây dựng"), ("chú trọng", "quan tâm"), ("hiệu quả", "thiết thực"),
    ("Mặt trận Tổ quốc", "MTTQ"), ("Ủy ban nhân dân", "UBND"), ("Hội đồng nhân dân", "HĐND"),
    ("chính trị - xã hội", "CT-XH"), ("kinh tế - xã hội", "KT-XH"), ("dân tộc thiểu số", "DTTS"),
    ("hóa", "hoá"), ("ủy", "uỷ"), ("Nhân dân", "người dân"), ("cán bộ, đảng viên", "đảng viên, cán bộ"),
]


def _nodes(plan: Plan) -> list[OutlineNode]:
    return list(plan.nodes())


def shuffled(plan: Plan, seed: int = 1) -> tuple[Plan, dict[str, str | None]]:
    rng = random.Random(seed)
    out = copy.deepcopy(plan)

    def shuffle(nodes: list[OutlineNode]) -> None:
        rng.shuffle(nodes)
        for n in nodes:
            shuffle(n.children)

    shuffle(out.outline)
    rng.shuffle(out.tasks)
    return out, {}


def _reword_text(text: str, rng: random.Random) -> str:
    for a, b in SYNONYMS:
        if rng.random() < 0.7:
            text = text.replace(a, b)
    words = text.split(" ")
    return " ".join(fold(w) if rng.random() < 0.2 else w for w in words)


def reworded(plan: Plan, seed: int = 1) -> tuple[Plan, dict[str, str | None]]:
    rng = random.Random(seed)
    out = copy.deepcopy(plan)
    for n in _nodes(out):
        n.title = _reword_text(n.title, rng)
        for b in n.blocks:
            b.text = _reword_text(b.text, rng)
    for t in out.tasks:
        t.content = _reword_text(t.content, rng)
    for tg in out.targets:
        tg.text = _reword_text(tg.text, rng)
    return out, {}


def abridged(plan: Plan, seed: int = 1) -> tuple[Plan, dict[str, str | None]]:
    rng = random.Random(seed)
    out, _ = reworded(plan, seed)

    def shorten(text: str) -> str:
        parts = re.split(r"(?<=[.;])\s+", text)
        return " ".join([parts[0], *(p for p in parts[1:] if rng.random() >= 0.35)])

    for n in _nodes(out):
        for b in n.blocks:
            b.text = shorten(b.text)
    for t in out.tasks:
        t.content = shorten(t.content)
    return out, {}


def thinned(plan: Plan, seed: int = 1) -> tuple[Plan, dict[str, str | None]]:
    out = copy.deepcopy(plan)
    keymap: dict[str, str | None] = {}
    for n in _nodes(out):
        kept = []
        position = 0
        for b in n.blocks:
            if b.kind not in BULLET_KINDS:
                kept.append(b)
                continue
            position += 1
            if position % 3 == 0:
                keymap[f"{n.path}#{position}"] = None
                continue
            kept.append(b)
            keymap[f"{n.path}#{position}"] = f"{n.path}#{sum(1 for k in kept if k.kind in BULLET_KINDS)}"
        n.blocks = kept
    tasks = []
    for i, t in enumerate(out.tasks, 1):
        key = f"task:{t.no if t.no not in (None, '') else i}"
        if i % 4 == 0:
            keymap[key] = None
        else:
            tasks.append(t)
    out.tasks = tasks
    return out, keymap


VARIANTS = {"shuffled": shuffled, "reworded": reworded, "abridged": abridged, "thinned": thinned}
