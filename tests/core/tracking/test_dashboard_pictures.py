"""The dashboard's pictures: stacked bars of statuses and progress toward a target's level, as SVG that
says in words what it shows (never colour only) and needs no inline style (the CSP forbids it)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from trienkhai.tracking.dashboard import STATUS_FILLS, progress_svg, stacked_bar_svg

SEGMENTS = [("hoan_thanh", "Hoàn thành", 6), ("dang_trien_khai", "Đang triển khai", 3),
            ("chua_trien_khai", "Chưa triển khai", 0), ("cham_tien_do", "Chậm tiến độ", 1)]


def test_stacked_bar_widths_follow_the_shares_and_each_segment_is_named():
    svg = stacked_bar_svg(SEGMENTS, width=200, title="I. MỤC TIÊU")
    root = ET.fromstring(svg)
    rects = [e for e in root if e.tag.endswith("rect")]
    assert [float(r.get("width")) for r in rects] == [120.0, 60.0, 20.0]  # 6, 3, 1 of 10; the empty one not drawn
    assert [r.get("fill") for r in rects] == [STATUS_FILLS["hoan_thanh"], STATUS_FILLS["dang_trien_khai"],
                                              STATUS_FILLS["cham_tien_do"]]
    assert rects[0].find("title").text == "Hoàn thành: 6"
    assert root.get("role") == "img"
    assert root.get("aria-label") == "I. MỤC TIÊU: Hoàn thành: 6; Đang triển khai: 3; Chậm tiến độ: 1"
    assert [t.text for t in root if t.tag.endswith("text")][:2] == ["6", "3"]  # counts written where they fit
    assert "style=" not in svg


def test_stacked_bar_of_nothing_is_an_empty_track():
    root = ET.fromstring(stacked_bar_svg([("hoan_thanh", "Hoàn thành", 0)]))
    assert len([e for e in root if e.tag.endswith("rect")]) == 1


def test_progress_toward_the_level_fills_to_the_share_reached_and_stops_at_the_level():
    half = ET.fromstring(progress_svg(50.0, met=False, width=144, title="Tỷ lệ hộ nghèo"))
    track, fill = [e for e in half if e.tag.endswith("rect")]
    assert float(fill.get("width")) == float(track.get("width")) / 2
    assert half.get("aria-label") == "Tỷ lệ hộ nghèo: 50%"
    over = ET.fromstring(progress_svg(130.0, met=True, width=144))
    track, fill = [e for e in over if e.tag.endswith("rect")]
    assert fill.get("width") == f"{float(track.get('width')):.1f}" and over.get("aria-label") == "130%"
    unknown = progress_svg(None, met=False)
    assert "—" in unknown and len(re.findall("<rect", unknown)) == 1
