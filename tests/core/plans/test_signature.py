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


def test_signature_block_broken_by_a_page_among_the_recipients():
    # A PDF's signature table split over a page: the T/M line lands before the rest of the recipients,
    # the title and the name after them.
    plan = parse_lines([*BODY, "Nơi nhận:", "T/M TỈNH ỦY", "- Ban Bí thư Trung ương Đảng (báo cáo),",
                        "- Các đảng đoàn, Ban cán sự Đảng, BTV Tỉnh đoàn; các sở, ban, ngành, MTTQ, các tổ chức",
                        "CT-XH tỉnh,", "- Thành ủy, huyện ủy, đảng ủy trực thuộc", "Tỉnh ủy,",
                        "- Lưu Văn phòng Tỉnh ủy.", "PHÓ BÍ THƯ", "Trần Đình Văn"])
    s = plan.document.signer
    assert s is not None and (s.name, s.title, s.on_behalf_of) == ("Trần Đình Văn", "Phó Bí thư", "Tỉnh ủy")
    assert plan.document.recipients == [
        "Ban Bí thư Trung ương Đảng (báo cáo)",
        "Các đảng đoàn, Ban cán sự Đảng, BTV Tỉnh đoàn; các sở, ban, ngành, MTTQ, các tổ chức CT-XH tỉnh",
        "Thành ủy, huyện ủy, đảng ủy trực thuộc Tỉnh ủy", "Lưu Văn phòng Tỉnh ủy"]


def test_signature_block_with_the_recipients_inside_it():
    plan = parse_lines([*BODY, "T/M BAN THƯỜNG VỤ", "Nơi nhận:", "- Thường trực Tỉnh ủy,", "BÍ THƯ",
                        "- Lưu.", "Tản Thị Quế"])
    s = plan.document.signer
    assert s is not None and (s.name, s.title, s.on_behalf_of) == ("Tản Thị Quế", "Bí thư", "Ban Thường vụ")
    assert plan.document.recipients == ["Thường trực Tỉnh ủy", "Lưu"]


def test_unsigned_block_does_not_swallow_what_follows():
    plan = parse_lines([*BODY, "Nơi nhận:", "- Lưu VT", "T/M TỈNH ỦY", "BÍ THƯ",
                        "PHỤ LỤC DANH MỤC NHIỆM VỤ TRỌNG TÂM NĂM 2024 CỦA CÁC CƠ QUAN, ĐƠN VỊ"])
    s = plan.document.signer
    assert s is not None and (s.name, s.title) == (None, "Bí thư")
    assert plan.document.recipients == ["Lưu VT"]


def test_title_wrapped_at_the_cell_edge_and_name_with_a_recipient_tail() -> None:
    # pypdf: the signature table's cells one after another; "Nơi nhận" broken by a page break, so the
    # rest of its last item comes after the signer's name and is joined to it.
    plan = parse_lines([*BODY, "Nơi nhận:", "- Ban Bí thư Trung ương Đảng,", "- Các ban, ngành, đoàn thể, cơ quan",
                        "T/M TỈNH ỦY", "PHÓ BÍ THƯ THƯỜNG", "TRỰC", "Lê Thị Kim Dung cấp tỉnh,"])
    s = plan.document.signer
    assert s is not None
    assert (s.name, s.title, s.on_behalf_of) == ("Lê Thị Kim Dung", "Phó Bí thư Thường trực", "Tỉnh ủy")
    assert plan.document.recipients[-1] == "Các ban, ngành, đoàn thể, cơ quan cấp tỉnh"


def test_an_authority_body_wrapped_at_the_cells_edge_is_joined():
    from tests.core.plans.structure_helpers import BODY, PARTY_HEADER, parse_lines

    plan = parse_lines([*PARTY_HEADER, "KẾ HOẠCH", "thực hiện Nghị quyết", *BODY, "Nơi nhận:", "- Lưu VPTU.",
                        "T/M BAN THƯỜNG", "VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "(đã ký)", "Hoàng Văn Nghiệm"])
    s = plan.document.signer
    assert s is not None
    assert (s.name, s.title, s.on_behalf_of) == ("Hoàng Văn Nghiệm", "Phó Bí thư Thường trực", "Ban Thường vụ")


def test_a_closing_laid_out_as_a_table_is_read_column_by_column():
    from tests.core.plans.structure_helpers import BODY, PARTY_HEADER, parse_lines
    from trienkhai.documents.model import Block

    closing = Block(kind="table", rows=[
        ["Nơi nhận:", "T/M BAN THƯỜNG VỤ"], ["- Ban Bí thư Trung ương Đảng,", "PHÓ BÍ THƯ THƯỜNG TRỰC"],
        ["- Lưu Văn phòng Tỉnh ủy.", ""], ["", "Hoàng Văn Nghiệm"]])
    plan = parse_lines([*PARTY_HEADER, "KẾ HOẠCH", "thực hiện Nghị quyết", *BODY, closing])
    s = plan.document.signer
    assert s is not None
    assert (s.name, s.title, s.on_behalf_of) == ("Hoàng Văn Nghiệm", "Phó Bí thư Thường trực", "Ban Thường vụ")
    assert plan.document.recipients == ["Ban Bí thư Trung ương Đảng", "Lưu Văn phòng Tỉnh ủy"]
    assert not [b for n in plan.nodes() for b in n.blocks if b.kind == "table"]


def test_signature_parts_glued_to_recipients_by_side_by_side_columns():
    from tests.core.plans.structure_helpers import BODY, PARTY_HEADER, parse_lines

    plan = parse_lines([*PARTY_HEADER, "KẾ HOẠCH", "thực hiện Nghị quyết", *BODY,
                        "Nơi nhận: T/M BAN THƯỜNG VỤ", "- Ban Bí thư Trung ương Đảng (b/c), PHÓ BÍ THƯ THƯỜNG TRỰC",
                        "- Ban Dân vận Trung ương,", "- Lưu Văn phòng Tỉnh ủy. (đã ký)", "Lê Kim Toàn"])
    s = plan.document.signer
    assert s is not None
    assert (s.name, s.title, s.on_behalf_of) == ("Lê Kim Toàn", "Phó Bí thư Thường trực", "Ban Thường vụ")
    assert plan.document.recipients == ["Ban Bí thư Trung ương Đảng (b/c)", "Ban Dân vận Trung ương",
                                        "Lưu Văn phòng Tỉnh ủy"]


def test_a_name_read_before_its_signature_block():
    from tests.core.plans.structure_helpers import BODY, PARTY_HEADER, parse_lines

    plan = parse_lines([*PARTY_HEADER, "KẾ HOẠCH", "thực hiện Nghị quyết", *BODY, "Nơi nhận:", "- Lưu VPTU.",
                        "Lò Văn Phương", "T/M HUYỆN ỦY", "BÍ THƯ", "(đã ký)"])
    s = plan.document.signer
    assert s is not None
    assert (s.name, s.title, s.on_behalf_of) == ("Lò Văn Phương", "Bí thư", "Huyện ủy")
