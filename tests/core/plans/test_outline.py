"""Outline: Roman parts, Arabic items, nesting and paths, glued and split headings, blocks, warnings."""

from __future__ import annotations

from tests.core.plans.structure_helpers import CLOSING, headings, parse_lines
from trienkhai.documents.model import Block


def test_roman_part_with_hyphen_and_dash_and_nested_paths():
    plan = parse_lines(["I- MỤC ĐÍCH", "1. Mục đích chung", "II – NHIỆM VỤ", "1. Nâng cao nhận thức",
                        "2. Cụ thể hóa chính sách", "2.1. Tiếp tục cụ thể hóa", "2.2 Đẩy mạnh nghiên cứu",
                        "3- Xây dựng Đảng"])
    assert headings(plan) == [
        ("I", "MỤC ĐÍCH"), ("I.1", "Mục đích chung"), ("II", "NHIỆM VỤ"), ("II.1", "Nâng cao nhận thức"),
        ("II.2", "Cụ thể hóa chính sách"), ("II.2.1", "Tiếp tục cụ thể hóa"),
        ("II.2.2", "Đẩy mạnh nghiên cứu"), ("II.3", "Xây dựng Đảng"),
    ]
    assert plan.outline[1].children[1].children[0].number == "2.1"
    assert plan.warnings == [w for w in plan.warnings if "Số thứ tự" not in w]


def test_heading_glued_to_its_body_keeps_the_heading_as_title():
    plan = parse_lines(["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích: quán triệt sâu sắc Nghị quyết đến cán bộ."])
    node = plan.outline[0].children[0]
    assert node.title == "Mục đích"
    assert node.blocks[0].text == "quán triệt sâu sắc Nghị quyết đến cán bộ."


def test_part_heading_glued_to_its_first_item_in_bold_residue():
    plan = parse_lines(["I. MỤC ĐÍCH, YÊU CẦU**1. Mục đích**", "- Quán triệt.", "2. Yêu cầu"])
    assert headings(plan) == [("I", "MỤC ĐÍCH, YÊU CẦU"), ("I.1", "Mục đích"), ("I.2", "Yêu cầu")]


def test_heading_split_over_a_page_break_is_one_title():
    plan = parse_lines(["III. NHIỆM VỤ", "2. Tham gia xây dựng chủ trương, chính sách về đại đoàn kết toàn dân",
                        "12", "tộc, khơi dậy ý chí, khát vọng phát triển đất nước", "2.1. Lãnh đạo, chỉ đạo."])
    assert headings(plan)[1] == ("III.2", "Tham gia xây dựng chủ trương, chính sách về đại đoàn kết toàn dân "
                                          "tộc, khơi dậy ý chí, khát vọng phát triển đất nước")
    assert headings(plan)[2][0] == "III.2.1"


def test_group_label_and_inline_label_and_bullets_and_letters():
    plan = parse_lines([
        "I. NHIỆM VỤ", "1. Xây dựng các giai cấp", "*Xây dựng giai cấp công nhân*", "- Phát triển đội ngũ.",
        "- *Xây dựng đội ngũ nông dân* phát triển toàn diện.", "+ Hỗ trợ hợp tác xã.", "a) Đào tạo nghề.",
    ])
    item = plan.outline[0].children[0]
    assert [(b.kind, b.label) for b in item.blocks] == [
        ("group", "Xây dựng giai cấp công nhân"), ("bullet", None), ("bullet", "Xây dựng đội ngũ nông dân"),
        ("bullet", None),
    ]
    assert item.blocks[2].text == "Xây dựng đội ngũ nông dân phát triển toàn diện."
    assert [(c.path, c.title) for c in item.children] == [("I.1.a", "Đào tạo nghề.")]


def test_footnote_between_two_halves_of_a_paragraph():
    plan = parse_lines([
        "I. NHIỆM VỤ", "1. Xây dựng Đảng", "Thực hiện tốt Quy định số 1877-QĐ/TU¹ về trách nhiệm nêu gương của",
        "¹ Quy định số 1877-QĐ/TU, ngày 05/7/2019.", "cán bộ, đảng viên.",
    ])
    blocks = plan.outline[0].children[0].blocks
    assert [b.kind for b in blocks] == ["paragraph", "footnote"]
    assert blocks[0].text.endswith("nêu gương của cán bộ, đảng viên.")
    assert blocks[1].text.startswith("¹ Quy định")


def test_footnote_block_from_the_reader_is_kept_in_place():
    plan = parse_lines([Block(kind="paragraph", text="I. NHIỆM VỤ"), Block(kind="paragraph", text="Nội dung."),
                        Block(kind="footnote", text="Chú thích một.", note_id="1")])
    assert [(b.kind, b.text) for b in plan.outline[0].blocks] == [("paragraph", "Nội dung."),
                                                                  ("footnote", "Chú thích một.")]


def test_numbered_paragraphs_under_to_chuc_thuc_hien_are_nodes_titled_by_their_start():
    long = ("Ban Dân vận Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan thường xuyên theo dõi, kiểm tra, "
            "giám sát, đôn đốc, sơ kết, tổng kết việc triển khai thực hiện Kế hoạch này; định kỳ báo cáo "
            "Ban Thường vụ Tỉnh ủy theo quy định. Các cơ quan phối hợp chặt chẽ.")
    plan = parse_lines(["IV. TỔ CHỨC THỰC HIỆN", f"6. {long}"])
    node = plan.outline[0].children[0]
    assert node.path == "IV.6"
    assert long.startswith(node.title) and len(node.title) < len(long)
    assert node.blocks[0].text == long  # nothing of the text is lost


def test_numbering_jump_and_repeat_give_vietnamese_warnings_not_a_crash():
    plan = parse_lines(["I. MỤC TIÊU", "1. Một", "3. Ba", "III. TỔ CHỨC", "1. Một"])
    assert [p for p, _ in headings(plan)] == ["I", "I.1", "I.3", "III", "III.1"]
    assert any("không liên tục" in w and "I.3" in w for w in plan.warnings)
    assert any("phần III" in w for w in plan.warnings)


def test_a_list_restarting_at_one_inside_an_item_is_not_a_heading():
    long = "Tổ chức quán triệt sâu rộng nội dung Nghị quyết đến toàn thể cán bộ, đảng viên và quần chúng " * 2
    plan = parse_lines(["I. NHIỆM VỤ", "1. Tuyên truyền", "2. Tổ chức học tập", f"1. {long}", f"2. {long}",
                        "3. Kiểm tra, giám sát"])
    assert [p for p, _ in headings(plan)] == ["I", "I.1", "I.2", "I.3"]
    assert [b.label for b in plan.outline[0].children[1].blocks] == ["1", "2"]


def test_headings_inside_recipients_and_signature_are_not_headings():
    plan = parse_lines(["I. MỤC TIÊU", "1. Mục tiêu chung", "Nơi nhận:", "- Như Điều 3;", "2. Lưu VT.",
                        "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn An"])
    assert [p for p, _ in headings(plan)] == ["I", "I.1"]


def test_no_numbered_heading_gives_a_warning():
    plan = parse_lines(["KẾ HOẠCH", "về công tác dân vận", "Nội dung kế hoạch.", *CLOSING])
    assert plan.outline == []
    assert any("dàn ý trống" in w for w in plan.warnings)


def test_lettered_items_are_nodes_in_order_and_a_letter_out_of_order_stays_a_block():
    plan = parse_lines([
        "I. MỤC TIÊU", "a. Mục tiêu chung: nâng cao nhận thức.", "b- Chỉ tiêu cụ thể", "- Có 90% số xã đạt chuẩn.",
        "II. NHIỆM VỤ", "1. Tuyên truyền", "a) Đổi mới hình thức. Tổ chức hội nghị quán triệt.",
        "b) Phát huy vai trò của Mặt trận;", "d) Một chữ nhảy cóc;", "c) Tiếp theo b", "d) Rồi d", "đ) Rồi đ",
        "e) Rồi e", "2. Kiểm tra",
    ])
    assert [(n.path, n.title) for n in plan.nodes()] == [
        ("I", "MỤC TIÊU"), ("I.a", "Mục tiêu chung"), ("I.b", "Chỉ tiêu cụ thể"), ("II", "NHIỆM VỤ"),
        ("II.1", "Tuyên truyền"), ("II.1.a", "Đổi mới hình thức"), ("II.1.b", "Phát huy vai trò của Mặt trận;"),
        ("II.1.c", "Tiếp theo b"), ("II.1.d", "Rồi d"), ("II.1.đ", "Rồi đ"), ("II.1.e", "Rồi e"),
        ("II.2", "Kiểm tra")]
    by_path = {n.path: n for n in plan.nodes()}
    assert [(b.kind, b.label) for b in by_path["II.1.b"].blocks] == [("item", "d")]  # "d)" before "c)"
    assert by_path["II.1.a"].blocks[0].text == "Đổi mới hình thức. Tổ chức hội nghị quán triệt."
    assert [b.kind for b in by_path["I.b"].blocks] == ["bullet"]


def test_a_wrapped_document_number_or_year_continues_the_line_above():
    plan = parse_lines([
        "II. MỤC TIÊU ĐẾN NĂM 2030, TẦM NHÌN ĐẾN NĂM", "2045", "1. Mục tiêu chung",
        "IV. TỔ CHỨC THỰC HIỆN", "1. Các cấp ủy quán triệt Nghị quyết số",
        "43-NQ/TW ngày 24/11/2023 của Ban Chấp hành Trung ương.", "2. Văn phòng Tỉnh ủy theo dõi."])
    assert [(n.path, n.title) for n in plan.nodes()] == [
        ("II", "MỤC TIÊU ĐẾN NĂM 2030, TẦM NHÌN ĐẾN NĂM 2045"), ("II.1", "Mục tiêu chung"),
        ("IV", "TỔ CHỨC THỰC HIỆN"),
        ("IV.1", "Các cấp ủy quán triệt Nghị quyết số 43-NQ/TW ngày 24/11/2023 của Ban Chấp hành Trung ương."),
        ("IV.2", "Văn phòng Tỉnh ủy theo dõi.")]
    assert not plan.warnings or not [w for w in plan.warnings if "43" in w]


def _outline_of(text: str):
    from trienkhai.plans.lines import Line
    from trienkhai.plans.outline import build_outline
    return build_outline([Line(kind="paragraph", text=t) for t in text.strip().splitlines()])


def test_a_part_label_lost_before_its_title_is_given_back_where_the_numbering_misses_it():
    roots, warnings = _outline_of("""
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Nâng cao nhận thức.
_NỘI DUNG
1. Mục tiêu
Vận động Nhân dân.
III. TỔ CHỨC THỰC HIỆN
1. Các chi, đảng bộ trực thuộc
""")
    assert [(n.path, n.title) for n in roots] == [("I", "MỤC ĐÍCH, YÊU CẦU"), ("II", "NỘI DUNG"),
                                                   ("III", "TỔ CHỨC THỰC HIỆN")]
    assert not any("không liên tục" in w for w in warnings)


def test_capitals_are_not_made_a_part_without_a_gap_in_the_numbering():
    roots, _ = _outline_of("""
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
LƯU Ý CHUNG
1. Một danh sách khác
II. NỘI DUNG
""")
    assert [n.path for n in roots] == ["I", "II"]


def test_two_lines_in_capitals_in_the_gap_are_left_alone():
    roots, _ = _outline_of("""
I. MỤC ĐÍCH
1. Mục đích
NỘI DUNG
GHI CHÚ
1. Mục tiêu
III. TỔ CHỨC THỰC HIỆN
""")
    assert [n.path for n in roots] == ["I", "III"]


def test_in_a_scan_a_roman_label_that_lost_a_stroke_is_the_next_part():
    from trienkhai.plans.lines import Line
    from trienkhai.plans.outline import build_outline
    text = ["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "I. NỘI DUNG", "1. Mục tiêu", "II. TỔ CHỨC THỰC HIỆN", "1. Các chi bộ"]
    lines = [Line(kind="paragraph", text=t) for t in text]
    assert [n.path for n in build_outline(lines, ocr=True)[0]] == ["I", "II", "III"]
    # Typed text keeps its numbering, errors included: they are the author's, reported, not guessed.
    roots, warnings = build_outline(lines)
    assert [n.path for n in roots][:2] == ["I", "I"] and any("lặp lại" in w for w in warnings)
