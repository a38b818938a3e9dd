"""What a document carries out: the heads of its "Thực hiện" clauses; "Căn cứ" only as a fallback."""

from __future__ import annotations

from tests.core.plans.structure_helpers import BODY, parse_lines
from trienkhai.plans.implements import find_implements, issuer_from_preamble


def test_heads_of_thuc_hien_items_not_numbers_in_descriptions_or_parentheses():
    text = ("Thực hiện Nghị quyết số 43-NQ/TW, ngày 24/11/2023 của Ban Chấp hành Trung ương về tiếp tục phát huy "
            "(sau đây viết tắt là Nghị quyết số 43-NQ/TW), Kế hoạch số 21-KH/TW, ngày 28/11/2023 của Bộ Chính "
            "trị về thực hiện Nghị quyết số 11-NQ/TW, Ban Thường vụ Tỉnh uỷ Lạng Sơn xây dựng Kế hoạch như sau:")
    assert find_implements(text) == ["43-NQ/TW", "21-KH/TW"]
    assert issuer_from_preamble(text) == ("Ban Thường vụ Tỉnh uỷ", "Lạng Sơn", "ke_hoach")


def test_a_number_split_at_its_hyphen_over_two_lines():
    plan = parse_lines(["Thực hiện Nghị quyết số 43-NQ/TW; Kế hoạch số 21-", "KH/TW của Bộ Chính trị; Tỉnh ủy ban "
                        "hành Chương trình hành động như sau:", *BODY])
    assert plan.document.implements == ["43-NQ/TW", "21-KH/TW"]
    assert "21-KH/TW" in [r.id for r in plan.references]


def test_can_cu_preamble_of_a_decision_skips_the_issuers_competence():
    text = ("Căn cứ Nghị định số 13/2017/NĐ-CP ngày 10/02/2017 của Chính phủ quy định chức năng, nhiệm vụ, quyền "
            "hạn và cơ cấu tổ chức của Ủy ban Dân tộc;\nCăn cứ Nghị quyết số 16/2021/QH15 ngày 27/7/2021 của "
            "Quốc hội về Kế hoạch phát triển;\nTheo đề nghị của Vụ trưởng Vụ Kế hoạch - Tài chính.")
    assert find_implements(text) == ["16/2021/QH15"]


def test_can_cu_is_not_a_parent_when_the_document_says_what_it_carries_out():
    text = ("Căn cứ Quy định số 24-QĐ/TW ngày 30/7/2021 của Ban Chấp hành Trung ương;\n"
            "Thực hiện Kết luận số 69 -KL/TU ngày 09/4/2021 của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Huyện ủy "
            "ban hành Kế hoạch như sau:")
    assert find_implements(text) == ["69-KL/TU"]


def test_no_preamble_means_no_parents():
    assert find_implements("") == []
    assert parse_lines(BODY).document.implements == []
