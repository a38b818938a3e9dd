"""Document kinds from title words and number symbols."""

from __future__ import annotations

import pytest

from trienkhai.plans.kinds import document_kind, kind_before, kind_from_symbol, kind_from_title
from trienkhai.plans.references import kind_of_number


def test_kind_from_title_words_in_any_case_and_tone_style():
    assert kind_from_title("CHƯƠNG TRÌNH HÀNH ĐỘNG") == "chuong_trinh_hanh_dong"
    assert kind_from_title("KẾ HOẠCH thực hiện") == "ke_hoach"
    assert kind_from_title("QUYẾT ĐỊNH") == "quyet_dinh"
    assert kind_from_title("Nghị quyết") == "nghi_quyet"
    assert kind_from_title("Ủy ban nhân dân") is None


def test_kind_from_symbols_and_words_before_a_number():
    assert kind_from_symbol("CTr") == "chuong_trinh_hanh_dong"
    assert kind_from_symbol("QĐ") == "quyet_dinh"
    assert kind_from_symbol("XYZ") is None
    assert kind_before("theo Quy định số ") == "quy_dinh"
    assert kind_before("và Nghị định ") == "nghi_dinh"
    assert document_kind("nghi_dinh") == "other" and document_kind("ke_hoach") == "ke_hoach"


@pytest.mark.parametrize(("number", "kind"), [
    ("43-NQ/TW", "nghi_quyet"), ("55-CTr/TU", "chuong_trinh_hanh_dong"), ("236/QĐ-TTg", "quyet_dinh"),
    ("2506/KH-UBND", "ke_hoach"), ("05/CT-TTg", "chi_thi"), ("30/2020/NĐ-CP", "nghi_dinh"),
    ("12-QĐi/TW", "quy_dinh"), ("16/2021/QH15", None), ("không số", None),
])
def test_kind_of_a_party_or_state_number(number, kind):
    assert kind_of_number(number) == kind
