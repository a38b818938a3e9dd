"""Document kinds from title words and number symbols."""

from __future__ import annotations

from trienkhai.plans.kinds import document_kind, kind_before, kind_from_symbol, kind_from_title


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
