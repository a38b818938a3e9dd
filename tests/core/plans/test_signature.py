"""Signature block (T/M, K/T, TM., KT., title lines, name) and "Nơi nhận"."""

from __future__ import annotations

from tests.core.plans.structure_helpers import BODY, CLOSING, parse_lines


def test_party_signature_and_recipients():
    plan = parse_lines([*BODY, *CLOSING])
    s = plan.document.signer
    assert s is not None
    assert (s.name, s.title, s.on_behalf_of) == ("Hoàng Văn Nghiệm", "Phó Bí thư Thường trực", "Ban Thường vụ")
    assert plan.document.recipients == ["Ban Bí thư Trung ương Đảng", "Lưu Văn phòng Tỉnh ủy"]


def test_on_behalf_and_title_on_one_line():
    plan = parse_lines([*BODY, "T/M TỈNH ỦY PHÓ BÍ THƯ", "Trần Đình Văn"])
    s = plan.document.signer
    assert s is not None and (s.name, s.title, s.on_behalf_of) == ("Trần Đình Văn", "Phó Bí thư", "Tỉnh ủy")


def test_state_signature_with_tm_and_kt():
    plan = parse_lines([*BODY, "Nơi nhận:", "- Như Điều 3;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH",
                        "PHÓ CHỦ TỊCH", "(Đã ký)", "Nguyễn Tiến Nhường"])
    s = plan.document.signer
    assert s is not None
    assert (s.name, s.title, s.on_behalf_of) == ("Nguyễn Tiến Nhường", "Phó Chủ tịch", "Ủy ban nhân dân")
    assert plan.document.recipients == ["Như Điều 3", "Lưu: VT"]


def test_recipient_continued_on_the_next_line():
    plan = parse_lines([*BODY, "Nơi nhận:", "- Các đảng đoàn, Ban cán sự Đảng, BTV Tỉnh đoàn;",
                        "các sở, ban, ngành, MTTQ tỉnh,", "- Lưu Văn phòng Tỉnh ủy.", "T/M TỈNH ỦY", "BÍ THƯ",
                        "Lê Văn Bình"])
    assert plan.document.recipients == [
        "Các đảng đoàn, Ban cán sự Đảng, BTV Tỉnh đoàn; các sở, ban, ngành, MTTQ tỉnh", "Lưu Văn phòng Tỉnh ủy"]


def test_signature_without_authority_mark():
    plan = parse_lines([*BODY, "CHỦ TỊCH", "Nguyễn Văn An"])
    s = plan.document.signer
    assert s is not None and (s.name, s.title, s.on_behalf_of) == ("Nguyễn Văn An", "Chủ tịch", None)
