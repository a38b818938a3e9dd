"""Plan styles absent from the dev corpus, written here as small documents: a commune Party committee plan,
a UBND decision with "Căn cứ" and "Điều 1", parts written "Phần I" / "Phần thứ nhất" / "Chương I", letter
items and "+" bullets, targets in a table, task registers with other column names and a group row, old
tone placement and abbreviations in agency names, dates in every usual spelling."""

from __future__ import annotations

from tests.core.plans.extraction_helpers import plan_with, source_with, tab_lines
from tests.core.plans.structure_helpers import CLOSING, PARTY_HEADER, parse_lines
from trienkhai.documents.model import Block
from trienkhai.plans.agencies import canonical_name, split_agencies
from trienkhai.plans.headings import match_heading
from trienkhai.plans.tasks import find_tasks
from trienkhai.plans.timeframes import parse_timeframe

COMMUNE = """ĐẢNG BỘ HUYỆN TIÊN DU
ĐẢNG ỦY XÃ LIÊN BÃO
*
Số 12-KH/ĐU
ĐẢNG CỘNG SẢN VIỆT NAM
Liên Bão, ngày 05 tháng 3 năm 2024
KẾ HOẠCH
thực hiện Kế hoạch số 21-KH/HU của Ban Thường vụ Huyện ủy về phát triển kinh tế tập thể
-----
Thực hiện Kế hoạch số 21-KH/HU ngày 20/02/2024 của Ban Thường vụ Huyện ủy về phát triển kinh tế tập thể, Đảng ủy xã Liên Bão xây dựng Kế hoạch thực hiện như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Nâng cao nhận thức của cán bộ, đảng viên và Nhân dân về kinh tế tập thể.
2. Yêu cầu
Bám sát tình hình thực tế của địa phương.
II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Công tác tuyên truyền
a) Đổi mới nội dung, hình thức tuyên truyền;
b) Phấn đấu đến năm 2025 có ít nhất 2 hợp tác xã hoạt động hiệu quả, tỷ lệ hộ nghèo giảm 1,5%/năm.
+ Tổ chức hội nghị quán triệt trong tháng 3/2024.
+ Hoàn thành trước ngày 5/6/2024.
2. Phát triển sản xuất
Thu nhập bình quân đầu người đạt 65 triệu đồng vào năm 2025.
III. TỔ CHỨC THỰC HIỆN
1. Uỷ ban MTTQ VN xã và các đoàn thể (Hội LHPN, ĐTN, CCB, Hội Nông dân) tuyên truyền, vận động đoàn viên, hội viên tham gia.
2. Giao UBND xã chủ trì, phối hợp với các ban, ngành, đoàn thể xã xây dựng kế hoạch cụ thể hoá; định kỳ 6 tháng báo cáo Ban Thường vụ Đảng ủy.
3. Văn phòng Đảng ủy theo dõi, đôn đốc việc thực hiện Kế hoạch.
T/M ĐẢNG ỦY
BÍ THƯ
(đã ký)
Nguyễn Văn An
Nơi nhận:
- Ban Thường vụ Huyện ủy (b/c),
- Các chi bộ trực thuộc,
- Lưu Văn phòng Đảng ủy.
"""

DECISION = """ỦY BAN NHÂN DÂN
TỈNH HÀ NAM
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 345/QĐ-UBND
Hà Nam, ngày 05 tháng 3 năm 2024
QUYẾT ĐỊNH
Phê duyệt Kế hoạch thực hiện Nghị quyết số 43-NQ/TW của Ban Chấp hành Trung ương Đảng
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ NAM
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Căn cứ Nghị quyết số 43-NQ/TW ngày 24/11/2023 của Ban Chấp hành Trung ương Đảng về tiếp tục phát huy truyền thống;
Căn cứ Quyết định số 236/QĐ-TTg ngày 5/3/2024 của Thủ tướng Chính phủ;
Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 12/TTr-SNV ngày 01/3/2024.
QUYẾT ĐỊNH:
Điều 1. Phê duyệt Kế hoạch thực hiện Nghị quyết số 43-NQ/TW kèm theo Quyết định này.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ, Chủ tịch UBND các huyện, thành phố chịu trách nhiệm thi hành Quyết định này./.
Nơi nhận:
- Như Điều 3;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Bình
"""

PARTS = """UBND HUYỆN KIM BẢNG
PHÒNG GIÁO DỤC VÀ ĐÀO TẠO
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 88/KH-PGDĐT
Kim Bảng, ngày 10 tháng 01 năm 2025
KẾ HOẠCH
Chuyển đổi số ngành giáo dục năm 2025
Căn cứ Kế hoạch số 15/KH-UBND ngày 03/01/2025 của UBND huyện Kim Bảng;
Phòng Giáo dục và Đào tạo xây dựng Kế hoạch như sau:
Phần I
MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Đẩy mạnh chuyển đổi số.
Phần II
NHIỆM VỤ CỤ THỂ
1. Hạ tầng
Đến năm 2025, 100% trường học có kết nối Internet cáp quang.
2. Nhân lực
Bồi dưỡng cán bộ quản lý.
Phần III
TỔ CHỨC THỰC HIỆN
1. Các trường học chủ động xây dựng kế hoạch của đơn vị.
Nơi nhận:
- UBND huyện;
- Lưu: VT.
TRƯỞNG PHÒNG
Lê Thị Hoa
"""


def _lines(text: str) -> list[str]:
    return text.strip().splitlines()


def test_commune_party_committee_plan_header_signature_and_implements():
    plan = parse_lines(_lines(COMMUNE))
    doc = plan.document
    assert (doc.kind, doc.number, doc.date, doc.place) == ("ke_hoach", "12-KH/ĐU", "2024-03-05", "Liên Bão")
    assert doc.issuer == "Đảng ủy xã Liên Bão"  # the superior "ĐẢNG BỘ HUYỆN TIÊN DU" is not the issuer
    assert doc.implements == ["21-KH/HU"]
    assert doc.signer is not None
    assert (doc.signer.name, doc.signer.title, doc.signer.on_behalf_of) == ("Nguyễn Văn An", "Bí thư", "Đảng ủy")
    assert "Các chi bộ trực thuộc" in doc.recipients


def test_letter_items_and_plus_bullets_do_not_glue_onto_a_heading_and_carry_targets():
    plan = parse_lines(_lines(COMMUNE))
    titles = {n.path: n.title for n in plan.nodes()}
    assert titles["II.1"] == "Công tác tuyên truyền"
    letters = plan.outline[1].children[0].children
    assert [(n.path, n.title[:20]) for n in letters] == [("II.1.a", "Đổi mới nội dung, hì"),
                                                          ("II.1.b", "Phấn đấu đến năm 202")]
    assert [b.kind for b in letters[1].blocks] == ["bullet", "bullet"]
    targets = {(t.subject, t.direction, t.value, t.unit, t.recurrence, t.deadline) for t in plan.targets}
    assert ("hợp tác xã hoạt động hiệu quả", "ít nhất", 2, "hợp tác xã", None, 2025) in targets
    assert ("tỷ lệ hộ nghèo", "giảm", 1.5, "%", "năm", 2025) in targets
    assert ("Thu nhập bình quân đầu người", "đạt", 65, "triệu đồng", None, 2025) in targets


def test_abbreviations_old_tone_and_bracketed_lists_in_assignments():
    plan = parse_lines(_lines(COMMUNE))
    by_item = {a.item: a for a in plan.assignments}
    first = by_item["III.1"]
    assert first.responsible == ["Uỷ ban MTTQ VN xã", "các đoàn thể (Hội LHPN, ĐTN, CCB, Hội Nông dân)"]
    assert first.canonical["Uỷ ban MTTQ VN xã"] == "Ủy ban Mặt trận Tổ quốc Việt Nam xã"
    assert "Hội Liên hiệp Phụ nữ, Đoàn Thanh niên, Cựu chiến binh" in first.canonical[first.responsible[1]]
    second = by_item["III.2"]
    assert (second.leads, second.partners) == (["UBND xã"], ["các ban, ngành, đoàn thể xã"])
    assert second.reporting == "định kỳ 6 tháng báo cáo Ban Thường vụ Đảng ủy"


def test_agency_abbreviations_expand_and_lists_split():
    assert canonical_name("UBND các xã, phường") == "Ủy ban nhân dân các xã, phường"
    assert canonical_name("MTTQ VN tỉnh") == "Mặt trận Tổ quốc Việt Nam tỉnh"
    assert canonical_name("Hội LHPN tỉnh") == "Hội Liên hiệp Phụ nữ tỉnh"
    assert canonical_name("Uỷ ban nhân dân huyện") == canonical_name("Ủy ban nhân dân huyện")
    assert split_agencies("Sở Văn hoá, Thể thao và Du lịch, ĐTN, CCB và Hội LHPN") == [
        "Sở Văn hoá, Thể thao và Du lịch", "ĐTN", "CCB", "Hội LHPN"]


def test_state_decision_with_legal_bases_and_articles():
    plan = parse_lines(_lines(DECISION))
    doc = plan.document
    assert (doc.kind, doc.number, doc.date, doc.place) == ("quyet_dinh", "345/QĐ-UBND", "2024-03-05", "Hà Nam")
    assert doc.issuer == "Ủy ban nhân dân tỉnh Hà Nam"
    assert doc.implements == ["43-NQ/TW", "236/QĐ-TTg"]  # "Căn cứ" bases; the submission is not a parent
    assert doc.signer is not None
    assert (doc.signer.name, doc.signer.title) == ("Trần Văn Bình", "Phó Chủ tịch")
    refs = {r.id: r for r in plan.references}
    assert refs["236/QĐ-TTg"].date == "2024-03-05"  # "ngày 5/3/2024"
    assert refs["43-NQ/TW"].date == "2023-11-24"


def test_parts_written_in_words_are_roman_parts():
    plan = parse_lines(_lines(PARTS))
    assert [(n.path, n.title) for n in plan.nodes()] == [
        ("I", "MỤC ĐÍCH, YÊU CẦU"), ("I.1", "Mục đích"), ("II", "NHIỆM VỤ CỤ THỂ"), ("II.1", "Hạ tầng"),
        ("II.2", "Nhân lực"), ("III", "TỔ CHỨC THỰC HIỆN"),
        ("III.1", "Các trường học chủ động xây dựng kế hoạch của đơn vị.")]
    assert plan.document.issuer == "Phòng Giáo dục và Đào tạo"
    assert plan.document.implements == ["15/KH-UBND"]
    assert not [w for w in plan.warnings if "Số thứ tự" in w]


def test_part_heading_spellings():
    assert (match_heading("PHẦN THỨ NHẤT").number, match_heading("Phần thứ hai: NHIỆM VỤ").rest) == ("I", "NHIỆM VỤ")
    assert match_heading("Chương III. TỔ CHỨC THỰC HIỆN").number == "III"
    assert match_heading("Phần 2 - GIẢI PHÁP").number == "II"
    assert match_heading("Phần lớn các xã đã hoàn thành.") is None
    assert match_heading("Phần I của Kế hoạch này") is None


def test_targets_in_a_table_with_unit_and_year_columns():
    table = Block(kind="table", rows=[
        ["TT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện 2020", "Năm 2025", "Năm 2030"],
        ["1", "Tỷ lệ hộ nghèo", "%", "5,2", "3", "1 - 2"],
        ["2", "Số xã đạt chuẩn nông thôn mới", "xã", "8", "10", "≥ 15"],
        ["3", "Thu nhập bình quân đầu người", "triệu đồng", "40", "65", ""],
    ])
    plan = parse_lines([*PARTY_HEADER, "KẾ HOẠCH", "thực hiện Nghị quyết", "I. MỤC TIÊU", "1. Chỉ tiêu cụ thể",
                        table, "II. NHIỆM VỤ", "1. Tuyên truyền.", *CLOSING])
    got = [(t.subject, t.direction, t.value, t.unit, t.deadline, t.section) for t in plan.targets]
    assert got == [
        ("Tỷ lệ hộ nghèo", None, 3, "%", 2025, "I.1"), ("Tỷ lệ hộ nghèo", None, [1, 2], "%", 2030, "I.1"),
        ("Số xã đạt chuẩn nông thôn mới", None, 10, "xã", 2025, "I.1"),
        ("Số xã đạt chuẩn nông thôn mới", "ít nhất", 15, "xã", 2030, "I.1"),
        ("Thu nhập bình quân đầu người", None, 65, "triệu đồng", 2025, "I.1"),
    ]  # the "Thực hiện 2020" column is a baseline, an empty cell no target


def test_task_register_with_other_column_names_group_row_and_dates():
    tasks = find_tasks(source_with(*tab_lines(
        "STT\tNội dung công việc\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời hạn\tKết quả/sản phẩm",
        "A\tNHIỆM VỤ CHUNG\t\t\t\t",
        "1\tTuyên truyền Nghị quyết\tUỷ ban MTTQ VN tỉnh\tHội LHPN tỉnh, Tỉnh đoàn\tngày 05 tháng 3 năm 2024\tBáo cáo",
        "2\tRà soát quy hoạch\tSở Nội vụ\tUBND các xã, phường\t03/2024\tQuyết định",
        "3\tKiểm tra\t\t\tngày 5/3/2024\t",
    )), plan_with())
    assert [t.no for t in tasks] == [1, 2, 3]
    assert tasks[0].section == "A. NHIỆM VỤ CHUNG"
    assert (tasks[0].leads, tasks[0].partners, tasks[0].product) == (["Uỷ ban MTTQ VN tỉnh"],
                                                                   ["Hội LHPN tỉnh", "Tỉnh đoàn"], "Báo cáo")
    assert [t.due for t in tasks] == ["2024-03-05", "2024-03-31", "2024-03-05"]
    assert (tasks[2].leads, tasks[2].partners) == (["Sở Nội vụ"], ["UBND các xã, phường"])  # merged cells


def test_timeframes_in_every_usual_spelling():
    due = {t: parse_timeframe(t).due for t in [
        "ngày 05 tháng 3 năm 2024", "ngày 5/3/2024", "03/2024", "Tháng 6/2024", "Quý I/2024", "Năm 2025"]}
    assert due == {"ngày 05 tháng 3 năm 2024": "2024-03-05", "ngày 5/3/2024": "2024-03-05",
                   "03/2024": "2024-03-31", "Tháng 6/2024": "2024-06-30", "Quý I/2024": "2024-03-31",
                   "Năm 2025": "2025-12-31"}
    assert parse_timeframe("Theo nhiệm kỳ").recurrence == "theo_nhiem_ky"
