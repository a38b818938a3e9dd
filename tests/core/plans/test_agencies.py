"""Agency names: splitting coordinated lists and expanding abbreviations."""

from __future__ import annotations

import pytest

from trienkhai.plans.agencies import canonical_name, expand_abbreviations, split_agencies


@pytest.mark.parametrize("text, names", [
    ("các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy", ["các huyện ủy", "thành ủy", "đảng ủy trực thuộc Tỉnh ủy"]),
    ("các cơ quan, đơn vị liên quan", ["các cơ quan, đơn vị liên quan"]),
    ("Đảng đoàn Mặt trận Tổ quốc, các tổ chức chính trị - xã hội",
     ["Đảng đoàn Mặt trận Tổ quốc", "các tổ chức chính trị - xã hội"]),
    ("Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tỉnh",
     ["Ủy ban Mặt trận Tổ quốc", "các tổ chức chính trị - xã hội tỉnh"]),
    ("các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy và các cơ quan, đơn vị có liên quan",
     ["các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy", "các cơ quan, đơn vị có liên quan"]),
    ("Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]),
    ("Phòng Văn hóa & Thông tin, Công an huyện", ["Phòng Văn hóa & Thông tin", "Công an huyện"]),
    ("", []),
])
def test_split(text, names):
    assert split_agencies(text) == names


@pytest.mark.parametrize("name, canonical", [
    ("Đảng đoàn HĐND tỉnh", "Đảng đoàn Hội đồng nhân dân tỉnh"),
    ("Ban cán sự đảng UBND tỉnh", "Ban cán sự đảng Ủy ban nhân dân tỉnh"),
    ("Đảng đoàn Ủy ban MTTQ tỉnh", "Đảng đoàn Ủy ban Mặt trận Tổ quốc tỉnh"),
    ("BTV Tỉnh đoàn", "Ban Thường vụ Tỉnh đoàn"),
    ("Đảng đoàn Hội LHPN tỉnh", "Đảng đoàn Hội Liên hiệp Phụ nữ tỉnh"),
    ("các ĐUTT Tỉnh ủy", "Đảng ủy trực thuộc Tỉnh ủy"),
    ("các tổ chức CT-XH", "Tổ chức chính trị - xã hội"),
    ("Giao VPTU", "Văn phòng Tỉnh ủy"),
    ("Ban Dân vận Tỉnh uỷ", "Ban Dân vận Tỉnh ủy"),
    ("các HTX", "Hợp tác xã"),
])
def test_canonical(name, canonical):
    assert canonical_name(name) == canonical


def test_abbreviation_inside_a_word_is_left_alone():
    assert expand_abbreviations("TWO TUAN") == "TWO TUAN"
    assert expand_abbreviations("43-NQ/TW") == "43-NQ/TW"
