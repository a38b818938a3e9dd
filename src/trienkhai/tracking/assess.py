"""The one assessment of a target's reported result against its plan value: đạt, chưa đạt, vượt.

Used by the dashboard, the review report and the API alike. Which way the result must go comes from the
target's direction word (vocab.directions): a floor ("đạt", "tăng", "không dưới", "trên" …) is met from
the lower figure and exceeded above the upper one; a ceiling ("dưới", "không quá" …) is met at or under
the upper figure and exceeded under the lower one; "không còn" is met at 0.
"""

from __future__ import annotations

import re
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache
from typing import NamedTuple

from trienkhai.text.vietnamese import canonical
from trienkhai.vocab.directions import DIRECTIONS, WRITTEN_AS, Bound
from trienkhai.vocab.phrases import alternation
from trienkhai.vocab.units import is_percent

Number = float | Decimal | int


class Assessment(StrEnum):
    """How a target's result compares with the plan value (the values are stable codes)."""

    MET = "dat"
    NOT_MET = "chua_dat"
    EXCEEDED = "vuot"
    NO_DATA = "chua_co_so_lieu"
    IN_PROGRESS = "dang_thuc_hien"  # not met yet, but its deadline is still ahead

    @property
    def label(self) -> str:
        """The Vietnamese word written in reports."""
        return _LABELS[self]


_LABELS = {Assessment.MET: "Đạt", Assessment.NOT_MET: "Chưa đạt", Assessment.EXCEEDED: "Vượt",
           Assessment.NO_DATA: "Chưa có số liệu", Assessment.IN_PROGRESS: "Đang thực hiện"}


class Verdict(NamedTuple):
    status: Assessment
    completion: float | None  # share of the plan value achieved, in percent (None when not computable)


@lru_cache(maxsize=1)
def _bounds() -> tuple[dict[str, Bound], re.Pattern[str]]:
    """Every direction word and sign (canonical form) → its bound, and one regex finding any of them."""
    bounds = {canonical(d.word): d.bound for d in DIRECTIONS}
    bounds.update({canonical(sign): bounds[canonical(word)] for sign, word in WRITTEN_AS.items()})
    return bounds, re.compile(rf"(?<![^\W\d_])(?:{alternation(bounds)})(?![^\W\d_])")


def bound_of(direction: str | None) -> Bound:
    """The bound a direction sets: the word itself when known, else the longest direction word it holds
    ("không dưới mức 90" → floor, not the "dưới" inside it); a floor when it names none."""
    bounds, words = _bounds()
    text = canonical(direction or "")
    if text in bounds:
        return bounds[text]
    m = words.search(text)
    return bounds[m.group(0)] if m else Bound.FLOOR


def _float(value: Number | None) -> float | None:
    return None if value is None else float(value)


def assess(direction: str | None, low: Number | None, high: Number | None, result: Number | None) -> Verdict:
    """The assessment of `result` against the plan value [low, high] (a single figure in `low`)."""
    lo, hi, value = _float(low), _float(high), _float(result)
    bound = bound_of(direction)
    if value is None or (bound is not Bound.NONE_LEFT and lo is None and hi is None):
        return Verdict(Assessment.NO_DATA, None)
    if bound is Bound.FLOOR:
        goal = lo if lo is not None else hi
        assert goal is not None
        upper = hi if hi is not None else goal
        completion = value / goal * 100 if goal else None
        if value < goal:
            return Verdict(Assessment.NOT_MET, completion)
        return Verdict(Assessment.EXCEEDED if value > upper else Assessment.MET, completion)
    ceiling: float | None = 0.0 if bound is Bound.NONE_LEFT else (hi if hi is not None else lo)
    floor = 0.0 if bound is Bound.NONE_LEFT else (lo if lo is not None else ceiling)
    assert ceiling is not None and floor is not None
    if value > ceiling:
        return Verdict(Assessment.NOT_MET, ceiling / value * 100 if value else None)
    if value < floor:
        return Verdict(Assessment.EXCEEDED, 100.0 if ceiling == 0 else ceiling / value * 100 if value > 0 else None)
    return Verdict(Assessment.MET, 100.0)


def assess_by(direction: str | None, low: Number | None, high: Number | None, result: Number | None, *,
              deadline_year: int | None, as_of_year: int) -> Verdict:
    """`assess`, against the target's own deadline: a result short of a target due in a later year than
    `as_of_year` (the end of the period reported on) is "đang thực hiện" with its progress, not "chưa đạt"."""
    verdict = assess(direction, low, high, result)
    if verdict.status is Assessment.NOT_MET and deadline_year is not None and deadline_year > as_of_year:
        return Verdict(Assessment.IN_PROGRESS, verdict.completion)
    return verdict


def implausible(unit: str | None, low: Number | None, high: Number | None, result: Number | None) -> str:
    """Why a reported value cannot be right for its target ("" when it can): a share above 100 %, or a
    negative count or share. The value is still shown; the report says it must be checked."""
    value = _float(result)
    if value is None:
        return ""
    if value < 0:
        return "giá trị âm"
    # The one word list of shares (vocab.units), as the input check `value_problem` reads it.
    if is_percent((unit or "").strip().lower()) and value > 100:
        return "tỷ lệ vượt 100 %"
    return ""


def value_problem(value: Decimal | None, unit: str | None) -> str | None:
    """Whether a value a unit reports can be a figure of this target's unit; a Vietnamese message if not.

    A percentage lies between 0 and 100 (a share, the only percentage a unit reports for a target: "tỷ lệ …
    đạt 90%"); a count of things ("mô hình", "hộ", "người") is a whole number, never negative; a measure ("km",
    "ha") and money are never negative. Other units (or none) accept any number the reader read."""
    from trienkhai.reports.numbers import fmt_number
    from trienkhai.vocab.units import COUNT_UNITS, MEASURE_UNITS, MONEY_UNITS, is_percent

    if value is None:
        return None
    shown = fmt_number(value, 4)
    unit = (unit or "").strip()
    if is_percent(unit):
        if value < 0 or value > 100:
            return f"{shown}% không phải là một tỷ lệ: hãy nhập một số từ 0 đến 100."
        return None
    folded = canonical(unit).lower()

    def among(units: tuple[str, ...]) -> bool:
        return bool(folded) and any(folded == canonical(u).lower() for u in units)

    if among(MEASURE_UNITS):
        return f"Số {unit} không thể âm: {shown}." if value < 0 else None
    if among(COUNT_UNITS):
        if value < 0 or value != value.to_integral_value():
            return f"Số {unit} phải là số nguyên không âm (ví dụ 0, 3, 1.250), không phải {shown}."
        return None
    if among(MONEY_UNITS) and value < 0:
        return f"Số tiền ({unit}) không thể âm: {shown}."
    return None
