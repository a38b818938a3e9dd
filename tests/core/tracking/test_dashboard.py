from decimal import Decimal as D

from trienkhai.tracking.dashboard import EXCEEDED, MET, NO_DATA, NOT_MET, assess, ratio, trend_svg


def test_assess_increasing_and_range():
    assert assess("tăng", D(2), D(3), D("1.5")) == NOT_MET
    assert assess("giảm", D(2), D(3), D("2.5")) == MET
    assert assess("giảm", D(2), D(3), D("3.5")) == EXCEEDED
    assert assess("đạt", D(95), None, D(95)) == MET
    assert assess("ít nhất", D(95), None, D(96)) == EXCEEDED
    assert assess("đạt", D(95), None, None) == NO_DATA


def test_assess_ceilings():
    assert assess("không còn", None, None, D(0)) == MET
    assert assess("không còn", None, None, D(2)) == NOT_MET
    assert assess("dưới", D(5), None, D(4)) == EXCEEDED
    assert assess("không quá", D(5), None, D(5)) == MET


def test_ratio_and_svg():
    assert ratio(1, 3) == 33.3 and ratio(0, 0) == 0.0
    svg = trend_svg(["Q1", "Q2", "Q3"], [1.0, None, 3.0], target=2.0, title="<x>")
    assert svg.startswith("<svg") and svg.count("<circle") == 2 and "stroke-dasharray" in svg
    assert "&lt;x&gt;" in svg
    assert "—" in trend_svg(["Q1"], [None])
