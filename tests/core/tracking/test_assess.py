from decimal import Decimal

import pytest

from tests.core.tracking.assessment_table import CASES
from trienkhai.tracking.assess import Assessment, assess, bound_of
from trienkhai.vocab.directions import REPORTED, Bound


@pytest.mark.parametrize(("direction", "low", "high", "reported", "expected"), CASES)
def test_assessment_table(direction, low, high, reported, expected):
    assert assess(direction, low, high, reported).status is expected
    # The application passes Decimals (database values): the same answer.
    dec = [None if v is None else Decimal(str(v)) for v in (low, high, reported)]
    assert assess(direction, *dec).status is expected


def test_the_table_covers_every_direction_the_reader_reports():
    assert set(REPORTED) <= {c[0] for c in CASES}


@pytest.mark.parametrize(("text", "bound"), [
    ("không dưới", Bound.FLOOR), ("Không dưới mức", Bound.FLOOR), ("không  vượt quá", Bound.CEILING),
    ("dưới", Bound.CEILING), ("≤", Bound.CEILING), ("≥", Bound.FLOOR), ("KHÔNG CÒN", Bound.NONE_LEFT),
    ("phấn đấu đạt", Bound.FLOOR), ("giữ ổn định", Bound.FLOOR), ("", Bound.FLOOR),
])
def test_bound_of_typed_directions(text, bound):
    assert bound_of(text) is bound


def test_completion_share():
    assert assess("đạt", 80, None, 60).completion == 75.0
    assert assess("dưới", 5, None, 10).completion == 50.0
    assert assess("không còn", 0, None, 0).completion == 100.0
    assert assess("đạt", 0, None, 3).completion is None  # nothing to divide by
    assert assess("đạt", 80, None, None).completion is None


def test_labels_are_vietnamese():
    assert [a.label for a in Assessment] == ["Đạt", "Chưa đạt", "Vượt", "Chưa có số liệu", "Đang thực hiện"]


@pytest.mark.parametrize(("value", "unit", "refused"), [
    ("-5", "%", True), ("120", "%", True), ("0", "%", False), ("100", "%", False), ("92,5", "phần trăm", False),
    ("2,5", "mô hình", True), ("-1", "hộ", True), ("1.250", "hộ", False), ("-3", "tỷ đồng", True),
    ("-3", "", False), ("2,5", "km", False), ("-2,5", "ha", True),
])
def test_value_problem_checks_the_unit(value, unit, refused):
    from trienkhai.text.numbers import read_number
    from trienkhai.tracking.assess import value_problem

    problem = value_problem(read_number(value), unit)
    assert (problem is not None) == refused
    if refused:
        assert value.lstrip("-") in problem  # the message shows the number as the user wrote it
