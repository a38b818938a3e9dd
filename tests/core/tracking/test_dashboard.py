from trienkhai.tracking.dashboard import ratio, trend_svg


def test_ratio_and_svg():
    assert ratio(1, 3) == 33.3 and ratio(0, 0) == 0.0
    svg = trend_svg(["Q1", "Q2", "Q3"], [1.0, None, 3.0], target=2.0, title="<x>")
    assert svg.startswith("<svg") and svg.count("<circle") == 2 and "stroke-dasharray" in svg
    assert "&lt;x&gt;" in svg
    assert "—" in trend_svg(["Q1"], [None])
