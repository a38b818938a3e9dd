"""The one table of target assessments: direction word × plan value × reported result → status.

It drives the core's `assess` (tests/core/tracking/test_assess.py) and, in the application, the
dashboard, the review report and the API (tests/web/reports/test_assessment_everywhere.py), so the
three cannot disagree. Every direction the plan reader can report has rows (checked by a test).
"""

from __future__ import annotations

from trienkhai.tracking.assess import Assessment

MET, NOT_MET, EXCEEDED, NO_DATA = Assessment.MET, Assessment.NOT_MET, Assessment.EXCEEDED, Assessment.NO_DATA

# (direction, low, high, reported, expected)
CASES: list[tuple[str | None, float | None, float | None, float | None, Assessment]] = [
    # Floors: the result must reach the figure.
    ("đạt", 95, None, 96, EXCEEDED), ("đạt", 95, None, 95, MET), ("đạt", 95, None, 90, NOT_MET),
    ("đạt", 95, None, None, NO_DATA),
    ("ít nhất", 80, None, 85, EXCEEDED), ("ít nhất", 80, None, 80, MET), ("ít nhất", 80, None, 79, NOT_MET),
    ("tối thiểu", 3, None, 3, MET), ("tối thiểu", 3, None, 2, NOT_MET), ("tối thiểu", 3, None, 4, EXCEEDED),
    ("không dưới", 90, None, 95, EXCEEDED), ("không dưới", 90, None, 90, MET),
    ("không dưới", 90, None, 85, NOT_MET),
    ("trên", 90, None, 92, EXCEEDED), ("trên", 90, None, 80, NOT_MET),
    ("hơn", 50, None, 50, MET), ("hơn", 50, None, 40, NOT_MET),
    ("tăng", 2, 3, 1.5, NOT_MET), ("tăng", 2, 3, 2.5, MET), ("tăng", 2, 3, 3.5, EXCEEDED),
    ("vượt", 10, None, 12, EXCEEDED), ("vượt", 10, None, 9, NOT_MET),
    # "giảm 2 - 3%/năm": the result reported is the reduction achieved, a bigger one is better.
    ("giảm", 2, 3, 2.5, MET), ("giảm", 2, 3, 1.5, NOT_MET), ("giảm", 2, 3, 3.5, EXCEEDED),
    # Ceilings: the result must stay at or under the figure.
    ("dưới", 5, None, 4, EXCEEDED), ("dưới", 5, None, 5, MET), ("dưới", 5, None, 6, NOT_MET),
    ("không quá", 5, None, 5, MET), ("không quá", 5, None, 3, EXCEEDED), ("không quá", 5, None, 7, NOT_MET),
    ("không vượt quá", 5, None, 3, EXCEEDED), ("không vượt quá", 5, None, 6, NOT_MET),
    ("không vượt", 5, None, 3, EXCEEDED), ("tối đa", 10, None, 12, NOT_MET),
    # "không còn": none may be left.
    ("không còn", 0, None, 0, MET), ("không còn", 0, None, 2, NOT_MET), ("không còn", None, None, 0, MET),
    # No direction word: a floor; no figure: nothing to assess against.
    (None, 10, None, 10, MET), (None, 10, None, 9, NOT_MET), ("đạt", None, None, 5, NO_DATA),
]
