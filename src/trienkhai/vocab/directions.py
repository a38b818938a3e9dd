"""Target directions: the words before a figure that say which way the result must go.

`bound` is what a reported result is assessed against (trienkhai.tracking.assess): FLOOR — the result
must reach the figure ("đạt 95%", "không dưới 90%", "tăng 10%"; for "giảm 2 - 3%/năm" the result
reported is the size of the reduction, so a bigger one is better); CEILING — it must stay at or under
it ("dưới 5%", "không quá 5%"); NONE_LEFT — "không còn …": it must be 0.

Where the plan reader looks for each word in a clause: `anywhere` words (verbs and fixed phrases) count
wherever they stand before the figure; `near` words only right before it ("trên 90%", not "trên địa
bàn"); `in_table` words are read in the value cells of a table of targets.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Bound(StrEnum):
    FLOOR = "floor"
    CEILING = "ceiling"
    NONE_LEFT = "none_left"


@dataclass(frozen=True)
class Direction:
    word: str
    bound: Bound
    anywhere: bool = False
    near: bool = False
    in_table: bool = False
    not_before: tuple[str, ...] = ()  # words that make it another word: "tăng trưởng", "tăng cường"


DIRECTIONS: tuple[Direction, ...] = (
    Direction("không còn", Bound.NONE_LEFT, anywhere=True),
    Direction("ít nhất", Bound.FLOOR, anywhere=True, near=True, in_table=True),
    Direction("tối thiểu", Bound.FLOOR, anywhere=True, near=True, in_table=True),
    Direction("không dưới", Bound.FLOOR, anywhere=True, near=True, in_table=True),
    Direction("không quá", Bound.CEILING, anywhere=True, near=True, in_table=True),
    Direction("không vượt quá", Bound.CEILING, anywhere=True, near=True),
    Direction("giảm", Bound.FLOOR, anywhere=True),
    Direction("tăng", Bound.FLOOR, anywhere=True, not_before=("trưởng", "cường")),
    Direction("đạt", Bound.FLOOR, anywhere=True),
    Direction("vượt", Bound.FLOOR, anywhere=True),
    Direction("trên", Bound.FLOOR, near=True, in_table=True),
    Direction("dưới", Bound.CEILING, near=True, in_table=True),
    Direction("hơn", Bound.FLOOR, near=True),
    # Typed by users or written in other plans; the reader reports them under the word they mean.
    Direction("tối đa", Bound.CEILING, in_table=True),
    Direction("không vượt", Bound.CEILING),
    Direction("còn dưới", Bound.CEILING),
    Direction("xuống dưới", Bound.CEILING),
)

# Signs and synonyms written in place of a direction word, and the word the reader reports for them.
WRITTEN_AS: dict[str, str] = {
    "≥": "ít nhất", ">=": "ít nhất", ">": "trên", "≤": "không quá", "<=": "không quá", "<": "dưới",
    "tối đa": "không quá",
}

# Verbs of a comparison without a figure ("giảm số vụ vi phạm so với năm 2020").
COMPARATIVE = ("tăng", "giảm")

BY_WORD: dict[str, Direction] = {d.word: d for d in DIRECTIONS}

# Every direction the plan reader can report (what an assessment must know).
REPORTED: tuple[str, ...] = tuple(dict.fromkeys(
    [d.word for d in DIRECTIONS if d.anywhere or d.near]
    + [WRITTEN_AS.get(d.word, d.word) for d in DIRECTIONS if d.in_table] + list(WRITTEN_AS.values())))
