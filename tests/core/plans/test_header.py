"""Header: issuing body and motto, number, place and date, kind and title; banners and flattened tables."""

from __future__ import annotations

from tests.core.plans.structure_helpers import BODY, CLOSING, PARTY_HEADER, STATE_HEADER, parse_lines
from trienkhai.text.vietnamese import canonical


def test_party_header_gives_issuer_number_place_date_and_kind():
    plan = parse_lines([*PARTY_HEADER, "CHƯƠNG TRÌNH HÀNH ĐỘNG", "thực hiện Nghị quyết số 43-NQ/TW",
                        "Thực hiện Nghị quyết số 43-NQ/TW, Tỉnh ủy ban hành Chương trình như sau:", *BODY, *CLOSING])
    d = plan.document
    assert (d.number, d.date, d.place) == ("55-CTr/TU", "2024-01-31", "Lạng Sơn")
    assert d.kind == "chuong_trinh_hanh_dong"
    assert d.issuer == "Ban Thường vụ Tỉnh ủy"
    assert d.province == "Lạng Sơn"
    assert d.title == "thực hiện Nghị quyết số 43-NQ/TW"


def test_state_header_with_the_national_motto():
    plan = parse_lines([*STATE_HEADER, "KẾ HOẠCH", "TRIỂN KHAI CÔNG TÁC HỘ TỊCH TRÊN ĐỊA BÀN TỈNH BẮC NINH",
                        *BODY])
    d = plan.document
    assert (d.number, d.date, d.place, d.kind) == ("2506/KH-UBND", "2022-06-09", "Bắc Ninh", "ke_hoach")
    assert d.issuer == "Ủy ban nhân dân tỉnh Bắc Ninh"
    assert d.province == "Bắc Ninh"
    assert d.title == "Triển khai công tác hộ tịch trên địa bàn tỉnh Bắc Ninh"
    # the header's own number is not a citation
    assert [r.id for r in plan.references] == []


def test_old_and_new_tone_placement_in_tinh_uy_read_the_same():
    old = parse_lines(["TỈNH UỶ LẠNG SƠN", "BAN THƯỜNG VỤ", "Số 12-KH/TU", "KẾ HOẠCH", "về công tác dân vận", *BODY])
    new = parse_lines(["TỈNH ỦY LẠNG SƠN", "BAN THƯỜNG VỤ", "Số 12-KH/TU", "KẾ HOẠCH", "về công tác dân vận", *BODY])
    assert old.document.province == new.document.province == "Lạng Sơn"
    assert canonical(old.document.issuer or "") == canonical(new.document.issuer or "") == "ban thường vụ tỉnh ủy"


def test_web_banner_and_metadata_block_are_skipped():
    plan = parse_lines([
        "Kế hoạch 155/KH-UBND năm 2017 triển khai đăng ký hộ tịch tỉnh Bắc Ninh",
        "Số hiệu: 155/KH-UBND Loại văn bản: Văn bản khác",
        "Nơi ban hành: Tỉnh Bắc Ninh Người ký: Nguyễn Tiến Nhường",
        "Ngày ban hành: 26/05/2017 Ngày hiệu lực: Đang cập nhật",
        "ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Số: 155/KH-UBND", "Bắc Ninh, ngày 26 tháng 5 năm 2017", "KẾ HOẠCH", "TRIỂN KHAI ĐĂNG KÝ HỘ TỊCH",
        "Thực hiện Quyết định số 101/QĐ-TTG ngày 23/01/2017 của Thủ tướng Chính phủ; Ủy ban nhân dân tỉnh "
        "ban hành Kế hoạch như sau:", *BODY,
    ])
    d = plan.document
    assert (d.number, d.date, d.place, d.kind) == ("155/KH-UBND", "2017-05-26", "Bắc Ninh", "ke_hoach")
    assert d.title == "Triển khai đăng ký hộ tịch"
    assert d.signer is not None and d.signer.name == "Nguyễn Tiến Nhường"  # only the metadata names the signer
    assert [r.id for r in plan.references] == ["101/QĐ-TTg"]


def test_flattened_header_table_with_cells_and_a_wrapped_date():
    plan = parse_lines([
        "ỦY BAN DÂN TỘC", "-------", "|", "CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "|", "Số: 645/QĐ-UBDT", "|", "Hà Nội, ngày 28", "tháng 9 năm 2021", "|", "QUYẾT ĐỊNH", "BAN",
        "HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG 5 NĂM 2021 - 2025", "BỘ TRƯỞNG, CHỦ NHIỆM ỦY BAN DÂN TỘC",
        "Căn cứ Nghị quyết số 16/2021/QH15 ngày 27/7/2021 của Quốc hội;", "QUYẾT ĐỊNH",
        "Điều 1. Ban hành kèm theo Quyết định này Chương trình hành động.",
    ])
    d = plan.document
    assert (d.number, d.date, d.place, d.kind) == ("645/QĐ-UBDT", "2021-09-28", "Hà Nội", "quyet_dinh")
    assert d.issuer == "Ủy ban Dân tộc"
    assert d.title == "Ban hành chương trình hành động 5 năm 2021 - 2025"


def test_missing_number_and_date_stay_null_with_warnings():
    plan = parse_lines(["KẾ HOẠCH", "thực hiện Kết luận số 69-KL/TU", *BODY])
    assert plan.document.number is None and plan.document.date is None and plan.document.place is None
    assert any("không ghi số" in w for w in plan.warnings)
    assert any("không ghi ngày" in w for w in plan.warnings)


def test_kind_from_the_preamble_when_there_is_no_title():
    plan = parse_lines(["Thực hiện Nghị quyết số 43-NQ/TW, Tỉnh ủy ban hành Chương trình hành động thực hiện "
                        "như sau:", *BODY])
    assert plan.document.kind == "chuong_trinh_hanh_dong"
    assert plan.document.issuer == "Tỉnh ủy"


def test_own_number_from_an_annex_line_when_the_header_has_none():
    plan = parse_lines(["CHƯƠNG TRÌNH HÀNH ĐỘNG", "thực hiện Nghị quyết số 43-NQ/TW", *BODY, *CLOSING,
                        "KẾ HOẠCH THỰC HIỆN",
                        "(Kèm theo Chương trình hành động số 55-CTr/TU ngày 31/01/2024 của Ban Chấp hành)"])
    assert plan.document.number == "55-CTr/TU"
    assert plan.document.date == "2024-01-31"


def test_two_header_columns_interleaved_or_on_one_line():
    interleaved = parse_lines(["ĐẢNG BỘ TỈNH TUYÊN QUANG", "ĐẢNG CỘNG SẢN VIỆT NAM", "BAN CHẤP HÀNH",
                               "Số 55-CTr/TU", "Tuyên Quang, ngày 31 tháng 01 năm 2024", "CHƯƠNG TRÌNH HÀNH ĐỘNG",
                               "về công tác dân vận", *BODY])
    one_line = parse_lines(["ĐẢNG BỘ TỈNH TUYÊN QUANG ĐẢNG CỘNG SẢN VIỆT NAM", "BAN CHẤP HÀNH",
                            "Số 55-CTr/TU Tuyên Quang, ngày 31 tháng 01 năm 2024", "CHƯƠNG TRÌNH HÀNH ĐỘNG",
                            "về công tác dân vận", *BODY])
    for plan in (interleaved, one_line):
        d = plan.document
        assert (d.issuer, d.province, d.number, d.date, d.place) == (
            "Ban Chấp hành Đảng bộ tỉnh", "Tuyên Quang", "55-CTr/TU", "2024-01-31", "Tuyên Quang")


def test_a_department_under_its_peoples_committee_is_the_issuer():
    plan = parse_lines(["UBND TỈNH BẮC NINH", "SỞ TƯ PHÁP", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                        "Số: 12/KH-STP", "Bắc Ninh, ngày 02 tháng 3 năm 2023", "KẾ HOẠCH", "về hộ tịch", *BODY])
    assert (plan.document.issuer, plan.document.province) == ("Sở Tư pháp", "Bắc Ninh")
    assert plan.document.superior == "Ủy ban nhân dân tỉnh Bắc Ninh"


def test_place_after_the_motto_is_not_glued_to_it():
    # A PDF read column by column gives the motto straight before the place-date line.
    plan = parse_lines(["ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH", "Số: 155/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                        "Độc lập - Tự do - Hạnh phúc", "Bắc Ninh, ngày 26 tháng 5 năm 2017", "KẾ HOẠCH",
                        "về công tác hộ tịch", *BODY])
    assert (plan.document.place, plan.document.date) == ("Bắc Ninh", "2017-05-26")


def test_place_date_split_over_two_lines_after_the_motto():
    plan = parse_lines(["ỦY BAN DÂN TỘC", "Số: 645/QĐ-UBDT", "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày 28",
                        "tháng 9 năm 2021", "QUYẾT ĐỊNH", "về chương trình hành động", *BODY])
    assert (plan.document.place, plan.document.date) == ("Hà Nội", "2021-09-28")


def test_web_copy_header_wrapped_place_motto_fragment_and_council_title():
    plan = parse_lines([
        "HỘI ĐỒNG NHÂN DÂN", "TỈNH KIÊN GIANG", "--------", "|", "CỘNG", "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "|", "Số: 75/2022/NQ-HĐND", "|", "Kiên", "Giang, ngày 15 tháng 7 năm 2022",
        "NGHỊ QUYẾT", "QUY ĐỊNH CHÍNH SÁCH HỖ TRỢ NÔNG NGHIỆP TỈNH KIÊN GIANG VÀ HUYỆN PHÚ QUỐC GIAI ĐOẠN 2022 - 2025",
        "HỘI ĐỒNG NHÂN DÂN TỈNH KIÊN GIANG", "KHÓA X, KỲ HỌP THỨ 8",
        "- Căn cứ Nghị định số 83/2018/NĐ-CP ngày 24 tháng 5 năm 2018 của Chính phủ;", "QUYẾT NGHỊ:",
        "Điều 1. Quy định chính sách hỗ trợ.", "I. QUY ĐỊNH CHUNG", "1. Phạm vi"])
    d = plan.document
    assert (d.place, d.issuer, d.number) == ("Kiên Giang", "Hội đồng nhân dân tỉnh Kiên Giang", "75/2022/NQ-HĐND")
    assert d.title == "Quy định chính sách hỗ trợ nông nghiệp tỉnh Kiên Giang và huyện Phú Quốc giai đoạn 2022 - 2025"
    assert d.implements == ["83/2018/NĐ-CP"]


def test_an_official_letter_has_its_v_v_subject_as_title_and_the_ministry_as_issuer():
    plan = parse_lines([
        "BỘ NỘI VỤ", "-------", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 1234/BNV-CCVC",
        "V/v hướng dẫn triển khai Nghị quyết số 27-NQ/TW", "về cải cách tiền lương", "Hà", "Nội, ngày 18 tháng 3 năm 2024",
        "Kính gửi: Ủy ban nhân dân các tỉnh.", "1. Rà soát đối tượng.", "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Trương Hải Long"])
    d = plan.document
    assert (d.title, d.issuer, d.place) == ("Hướng dẫn triển khai Nghị quyết số 27-NQ/TW về cải cách tiền lương",
                                            "Bộ Nội vụ", "Hà Nội")
    assert d.signer is not None
    assert (d.signer.title, d.signer.on_behalf_of) == ("Thứ trưởng", "Bộ trưởng")


def test_upper_case_title_keeps_proper_names_and_the_documents_own_spelling():
    from trienkhai.plans.casing import sentence_case

    assert sentence_case("THỰC HIỆN NGHỊ QUYẾT SỐ 26-NQ/TW CỦA BỘ CHÍNH TRỊ VÙNG BẮC TRUNG BỘ TRÊN ĐỊA BÀN "
                         "TỈNH QUẢNG NAM") == ("Thực hiện Nghị quyết số 26-NQ/TW của Bộ Chính trị vùng Bắc Trung Bộ "
                                                "trên địa bàn tỉnh Quảng Nam")
    assert sentence_case("PHÁT HUY VAI TRÒ CỦA ĐẢNG CỘNG SẢN VIỆT NAM VÀ MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH BÀ RỊA - "
                         "VŨNG TÀU GIAI ĐOẠN 2021 - 2025") == (
        "Phát huy vai trò của Đảng Cộng sản Việt Nam và Mặt trận Tổ quốc Việt Nam tỉnh Bà Rịa - Vũng Tàu giai đoạn "
        "2021 - 2025")
    assert sentence_case("QUẢN LÝ CỤM CÔNG NGHIỆP TỈNH THANH HOÁ", ["Thanh Hoá"]).endswith("tỉnh Thanh Hoá")
    assert sentence_case("về đăng ký hộ tịch") == "về đăng ký hộ tịch"  # not in capitals: as written
