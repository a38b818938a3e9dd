"""The readable text of `trienkhai parse FILE`: header lines, indented outline, references, warnings."""

from __future__ import annotations

from tests.core.plans.structure_helpers import BODY, CLOSING, PARTY_HEADER, parse_lines
from trienkhai.plans.render import SECTIONS, render_text


def test_render_shows_header_outline_references_and_warnings():
    plan = parse_lines([*PARTY_HEADER, "KẾ HOẠCH", "thực hiện Nghị quyết số 43-NQ/TW ngày 24/11/2023",
                        "Thực hiện Nghị quyết số 43-NQ/TW ngày 24/11/2023 của Ban Chấp hành Trung ương, "
                        "Ban Thường vụ Tỉnh ủy ban hành Kế hoạch như sau:", *BODY, "3. Lặp số", *CLOSING])
    text = render_text(plan)
    lines = text.splitlines()
    assert lines[0] == "Kế hoạch: thực hiện Nghị quyết số 43-NQ/TW ngày 24/11/2023"
    assert "Số, ký hiệu: 55-CTr/TU" in lines[1] and "Ngày: 31/01/2024" in lines[1]
    assert "Người ký: Hoàng Văn Nghiệm (T/M Ban Thường vụ, Phó Bí thư Thường trực)" in text
    assert "I. MỤC ĐÍCH, YÊU CẦU" in lines and "  1. Mục đích" in lines
    assert "      - Quán triệt Nghị quyết." in lines
    assert "  43-NQ/TW — ngày 24/11/2023, Ban Chấp hành Trung ương" in lines
    assert "CẢNH BÁO" in lines and text.endswith("\n")


def test_sections_are_a_list_others_can_extend():
    assert callable(SECTIONS[0]) and len(SECTIONS) >= 4
