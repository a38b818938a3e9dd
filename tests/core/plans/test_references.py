"""References: Party and State numbers, spelled variously, with date and issuer; deduplicated."""

from __future__ import annotations

from trienkhai.plans.references import find_references, id_key, parse_id, references_in


def ids(text: str) -> list[str]:
    return [r.id for r in find_references([text])]


def test_party_numbers_written_in_every_way():
    text = ("Nghị quyết số 43-NQ/TW, Kết luận số 69 -KL/TU, Kế hoạch số 21-\nKH/TW, Quy định 1877-QĐ/TU, "
            "Đề án 05-ĐA/TU, Chương trình hành động số 55-CTr/TU, Quy định số 20-QĐi/TU.")
    assert ids(text) == ["43-NQ/TW", "69-KL/TU", "21-KH/TW", "1877-QĐ/TU", "5-ĐA/TU", "55-CTr/TU", "20-QĐ/TU"]


def test_state_numbers_with_and_without_year():
    text = "Quyết định số 236/QĐ-TTg, Nghị định số 30/2020/NĐ-CP, Nghị quyết số 16/2021/QH15, 101/QĐ-TTG."
    assert ids(text) == ["236/QĐ-TTg", "30/2020/NĐ-CP", "16/2021/QH15", "101/QĐ-TTg"]


def test_dates_periods_and_quarters_are_not_references():
    assert ids("ngày 24/11/2023, giai đoạn 2017-2024, Quý I/2024, 2 - 3%/năm, tỷ lệ 50/100 hộ") == []


def test_kind_date_and_issuer_written_after_the_number():
    [r] = references_in("theo Nghị quyết số 43-NQ/TW, ngày 24/11/2023 của Ban Chấp hành Trung ương Đảng khoá "
                        "XIII về tiếp tục phát huy")
    assert (r.kind, r.date, r.issuer) == ("nghi_quyet", "2023-11-24", "Ban Chấp hành Trung ương Đảng")
    [r] = references_in("Quy định số 1877-QĐ/TU ngày 05 tháng 7 năm 2019 của Ban Thường vụ Tỉnh ủy.")
    assert (r.kind, r.date, r.issuer) == ("quy_dinh", "2019-07-05", "Ban Thường vụ Tỉnh ủy")


def test_leading_zeros_and_duplicates_collapse_to_one_reference():
    refs = find_references(["Nghị quyết số 02-NQ/TW.", "Nghị quyết 2-NQ/TW ngày 12/6/2021 của Bộ Chính trị."])
    assert [(r.id, r.date) for r in refs] == [("2-NQ/TW", "2021-06-12")]
    assert id_key("02-NQ/TW") == id_key("2-NQ/TW")


def test_parse_id_of_a_header_line():
    assert parse_id("Số: 09-CTr/TU") == "9-CTr/TU"
    assert parse_id("Số: 2506/KH-UBND") == "2506/KH-UBND"
    assert parse_id("không có số") is None


def test_numbers_sharing_one_symbol_are_each_a_reference():
    from trienkhai.plans.references import references_in

    got = [(r.id, r.kind) for r in references_in("thực hiện Quy định số 217, 218-QĐ/TW ngày 12/12/2013 và "
                                                  "Nghị quyết số 10 và 11/2020/NQ-HĐND; tại khoản 2, 43-NQ/TW")]
    assert got == [("217-QĐ/TW", "quy_dinh"), ("218-QĐ/TW", "quy_dinh"), ("10/2020/NQ-HĐND", "nghi_quyet"),
                   ("11/2020/NQ-HĐND", "nghi_quyet"), ("43-NQ/TW", "nghi_quyet")]


def test_the_documents_own_number_in_an_appendix_caption_is_no_citation():
    from tests.core.plans.structure_helpers import BODY, CLOSING, PARTY_HEADER, parse_lines

    plan = parse_lines([*PARTY_HEADER, "KẾ HOẠCH", "thực hiện Nghị quyết số 43-NQ/TW", *BODY, *CLOSING, "PHỤ LỤC",
                        "(Kèm theo Chương trình hành động số 55-CTr/TU ngày 31/01/2024 của Tỉnh ủy)"])
    assert [r.id for r in plan.references] == ["43-NQ/TW"]
