"""Comparing a target's result with its plan value: đạt, chưa đạt or vượt, and the share achieved."""

from __future__ import annotations

from trienkhai.reports.model import Assessment

# Directions whose goal is a ceiling: lower results are better. "giảm 2 - 3%/năm" is not one: its value is
# the size of the reduction, so a bigger reduction is better (the indicator reports the reduction).
_DOWNWARD = {"dưới", "không quá", "tối đa", "không vượt quá", "còn dưới", "xuống dưới", "không còn"}
# A result within this relative margin above the target counts as met, not exceeded.
_EXCEED_MARGIN = 0.0


def assess(direction: str | None, low: float | None, high: float | None,
           result: float | None) -> tuple[Assessment | None, float | None]:
    """(assessment, completion %) of `result` against the plan value [low, high].

    For upward targets ("đạt", "tăng", "trên", "ít nhất" …) the goal is `low` (the lower bound of a range
    is enough); for downward ones ("giảm", "dưới" …) the goal is `high` when given. "không còn" means 0.
    """
    if result is None or (low is None and high is None):
        return None, None
    direction = (direction or "").strip().lower()
    if direction in _DOWNWARD:
        goal = 0.0 if direction == "không còn" else (high if high is not None else low)
        assert goal is not None
        if result > goal:
            completion = (goal / result * 100) if result else None
            return Assessment.NOT_MET, completion
        if result < goal:
            return Assessment.EXCEEDED, 100.0 if goal == 0 else goal / result * 100 if result else 100.0
        return Assessment.MET, 100.0
    goal = low if low is not None else high
    assert goal is not None
    completion = result / goal * 100 if goal else None
    if result < goal:
        return Assessment.NOT_MET, completion
    upper = high if high is not None else goal
    if result > upper * (1 + _EXCEED_MARGIN):
        return Assessment.EXCEEDED, completion
    return Assessment.MET, completion
