"""Targets: each phenomenon with a small input of our own, then the sample documents when they parse."""

from __future__ import annotations

from tests.core.plans.extraction_helpers import node, plan_with
from trienkhai.plans.targets import find_targets, targets_in_clause
from trienkhai.text.numbers import parse_number


def one(clause: str, deadline: int | None = None):
    found = targets_in_clause(clause, clause, "II.2", deadline)
    assert len(found) == 1, found
    return found[0]


def test_range_with_per_year_rate():
    t = one("Tỷ lệ hộ nghèo giảm từ 2 - 3%/năm")
    assert (t.value, t.unit, t.direction, t.recurrence) == ([2, 3], "%", "giảm", "năm")
    assert t.subject == "Tỷ lệ hộ nghèo"


def test_yearly_average_before_the_figure():
    t = one("Tốc độ tăng trưởng GRDP bình quân hằng năm đạt 7,5%")
    assert (t.value, t.direction, t.recurrence) == (7.5, "đạt", "năm")
    assert "tăng trưởng" in t.subject


def test_decimal_comma_and_thousands_dot():
    assert parse_number("1,5") == 1.5
    assert parse_number("1.000") == 1000
    assert parse_number("2.500,5") == 2500.5
    t = one("Thu nhập bình quân đầu người đạt khoảng 1.200 triệu đồng")
    assert (t.value, t.unit) == (1200, "triệu đồng")


def test_count_with_multiword_unit_and_at_least():
    t = one("có ít nhất 3 đơn vị cấp huyện đạt chuẩn nông thôn mới")
    assert (t.value, t.unit, t.direction) == (3, "đơn vị cấp huyện", "ít nhất")
    assert t.subject.startswith("đơn vị cấp huyện")


def test_two_figures_in_one_sentence_and_direction_after_the_figure():
    found = targets_in_clause("Khoảng 70% số xã đạt chuẩn, trong đó khoảng 20% số xã đạt chuẩn nâng cao",
                              "s", "II.2", None)
    assert [(t.value, t.direction) for t in found] == [(70, "đạt"), (20, "đạt")]
    assert found[1].subject == "số xã đạt chuẩn nâng cao"


def test_above_is_a_direction_only_right_before_the_figure():
    assert one("Hằng năm có trên 85% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ").direction == "trên"
    t = one("Tỷ lệ lao động trên địa bàn qua đào tạo đạt 60%")
    assert t.direction == "đạt"


def test_scope_and_range_of_counts():
    t = one("Phấn đấu mỗi lĩnh vực có từ 2-4 mô hình điểm")
    assert (t.value, t.unit, t.scope) == ([2, 4], "mô hình", "mỗi lĩnh vực")


def test_baseline_and_comparison_without_a_figure():
    t = one("giảm số vụ cháy rừng so với năm 2019")
    assert (t.value, t.direction, t.baseline) == (None, "giảm", "so với năm 2019")


def test_nothing_left_is_zero_but_no_longer_suitable_is_not_a_target():
    t = one("Đến năm 2030 cơ bản không còn xã đặc biệt khó khăn")
    assert (t.value, t.direction, t.deadline) == (0, "không còn", 2030)
    assert targets_in_clause("sửa đổi các quy định không còn phù hợp", "s", "III.1", None) == []


def test_qualitative_goal_dates_numbers_and_ordinals_are_not_targets():
    for text in ("Phấn đấu đưa tỉnh trở thành tỉnh phát triển khá của cả nước",
                 "Thực hiện Nghị quyết số 43-NQ/TW ngày 24/11/2023 của Ban Chấp hành Trung ương khóa XIII",
                 "Hội nghị lần thứ 8 Ban Chấp hành Trung ương, giai đoạn 2021 - 2030",
                 "trong nhóm 5 tỉnh dẫn đầu của vùng"):
        assert targets_in_clause(text, text, "II", None) == [], text


def test_shared_deadline_from_the_list_intro_and_from_the_section_title():
    plan = plan_with(node("II", "MỤC TIÊU", children=[
        node("II.2", "Mục tiêu cụ thể", "Một số chỉ tiêu cụ thể đến năm 2030:", "- 95% thôn có nhà văn hóa."),
        node("II.3", "Mục tiêu đến năm 2025", "100% xã có đài truyền thanh."),
    ]))
    found = find_targets(plan)
    assert [(t.section, t.value, t.deadline) for t in found] == [("II.2", 95, 2030), ("II.3", 100, 2025)]


def test_deadline_in_the_clause_wins_over_the_list_intro():
    plan = plan_with(node("II", "Mục tiêu đến năm 2030", "Đến năm 2025, 100% hộ dùng nước sạch."))
    assert [t.deadline for t in find_targets(plan)] == [2025]


def test_figure_in_a_task_paragraph_keeps_its_section():
    plan = plan_with(node("III", "NHIỆM VỤ", children=[
        node("III.1", "Tăng cường tuyên truyền", "Phấn đấu hằng năm 100% chi bộ tổ chức học tập Nghị quyết.")]))
    (t,) = find_targets(plan)
    assert (t.section, t.value, t.recurrence) == ("III.1", 100, "năm")


def test_sample_documents_targets_match_the_gold(corpus_docs):
    import json

    from tests.conftest import CORPUS_GOLD
    from trienkhai.plans.parse import parse_file
    from trienkhai.text.vietnamese import canonical

    def overlap(subject, text):
        words = set(canonical(subject).split())
        return len(words & set(canonical(text).split())) / len(words)

    def key(value, unit):
        lo, hi = (value, value) if not isinstance(value, list) else (value[0], value[-1])
        return (lo, hi, unit)

    for stem in ("001_c9ca5d0d8e180833", "003_70c23ef7c9a34c4f"):
        gold = json.loads((CORPUS_GOLD / f"{stem}.json").read_text())["targets"]
        found = parse_file(corpus_docs / f"{stem}.txt").targets
        expected = sorted(key(g["value"], g["unit"]) for g in gold if not g["optional"])
        got = sorted(key(t.value, t.unit) for t in found if t.value is not None and t.unit is not None)
        assert got == expected, stem
        for g in gold:
            if g["optional"]:
                continue
            candidates = [t for t in found if key(t.value, t.unit) == key(g["value"], g["unit"])
                          and t.section == g["section"] and overlap(g["subject"], t.text) >= 0.5]
            t = max(candidates, key=lambda t: overlap(g["subject"], t.subject))
            assert (t.deadline, t.recurrence) == (g["deadline"], g["recurrence"]), g["subject"]
            if g["direction"]:
                assert t.direction == g["direction"], g["subject"]


def test_numbered_paragraph_repeated_in_its_title_is_read_once():
    text = "Quản lý 100% số điểm nhóm tôn giáo."
    plan = plan_with(node("II", "NỘI DUNG", children=[node("II.1", text, text), node("II.2", "Giữ vững 95%…", "Giữ vững 95% số xã an toàn.")]))
    assert [(t.section, t.value) for t in find_targets(plan)] == [("II.1", 100), ("II.2", 95)]


def test_figures_of_the_results_part_and_done_clauses_are_achievements_not_targets():
    from tests.core.plans.structure_helpers import parse_lines

    plan = parse_lines([
        "I. KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT", "1. Kết quả đạt được",
        "Toàn tỉnh đã huy động trên 10.950 tỷ đồng; có 83,2%/50% tổng số xã đạt chuẩn nông thôn mới.",
        "II. MỤC TIÊU ĐẾN NĂM 2030", "1. Chỉ tiêu",
        "Tỷ lệ hộ nghèo giảm 1,5%/năm; năm 2022 đã có 60% số xã đạt chuẩn, phấn đấu đạt 90% số xã đạt chuẩn."])
    assert [(t.section, t.value, t.unit) for t in plan.targets] == [("II.1", 1.5, "%"), ("II.1", 90, "%")]
