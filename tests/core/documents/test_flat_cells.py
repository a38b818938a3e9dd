"""Text as pypdf's `extract_text()` writes it: side-by-side cells on one line separated by a single space,
cells wrapped on their own, a task register's cells one after another without blank lines."""

from __future__ import annotations

from trienkhai.documents.cell_lines import find_cell_tables
from trienkhai.documents.flat_cells import continues_date, separate_cells, split_number_place
from trienkhai.documents.model import SourceDocument
from trienkhai.documents.txt import text_blocks
from trienkhai.plans.parse import parse_document

BODY = """I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
- Tổ chức quán triệt nghị quyết đến cán bộ, đảng viên và
Nhân dân trên địa bàn huyện một cách nghiêm túc.
2. Yêu cầu
Bảo đảm thiết thực, hiệu quả, tránh hình thức, lãng phí trong
việc thực hiện các nhiệm vụ được giao cho từng cơ quan.
"""


def _parse(text: str):
    blocks = text_blocks(text)
    return parse_document(SourceDocument(filename="t.txt", sha256="0" * 64, format="txt", encoding="utf-8",
                                         blocks=blocks))


def test_number_and_place_date_cells_on_one_line_with_the_year_wrapped() -> None:
    text = ("1\nỦY BAN NHÂN DÂN\nHUYỆN CẨM GIÀNG\nCỘNG HÒA XÃ HỘI CHỦ\nNGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nSố: 88/KH-UBND Cẩm Giàng, ngày 3 tháng 4 năm\n2020\n"
            "KẾ HOẠCH\nTHỰC HIỆN CÔNG TÁC DÂN VẬN NĂM 2020\n" + BODY)
    plan = _parse(text)
    assert plan.document.number == "88/KH-UBND"
    assert (plan.document.place, plan.document.date) == ("Cẩm Giàng", "2020-04-03")
    assert plan.document.kind == "ke_hoach"
    assert plan.document.title is not None and plan.document.title.lower().startswith("thực hiện công tác dân vận")


def test_split_number_place_leaves_other_lines_alone() -> None:
    assert split_number_place("Số: 7/QĐ-UBND Hà Nội, ngày 1 tháng 2 năm 2021") == [
        "Số: 7/QĐ-UBND", "Hà Nội, ngày 1 tháng 2 năm 2021"]
    assert split_number_place("Số: 7/QĐ-UBND") == ["Số: 7/QĐ-UBND"]
    assert split_number_place("Số lượng 12 người, ngày 3 làm việc") == ["Số lượng 12 người, ngày 3 làm việc"]


def test_a_year_after_a_cut_date_is_not_a_page_number() -> None:
    assert continues_date("Hà Nội, ngày 28 tháng 9 năm", "2021")
    assert not continues_date("đoàn kết toàn dân tộc.", "2021")
    assert not continues_date("Hà Nội, ngày 28 tháng 9 năm", "12")


def test_title_running_into_the_preamble_is_split_at_thuc_hien() -> None:
    text = ("KẾ HOẠCH\nThực hiện Nghị quyết số 43-NQ/TW, ngày 24/11/2023 của\nBan Chấp hành Trung ương về tiếp tục\n"
            "phát huy truyền thống đại đoàn kết\nThực hiện Nghị quyết số 43-NQ/TW, ngày 24/11/2023 của Ban\n"
            "Chấp hành Trung ương, Ban Thường vụ Huyện ủy xây dựng Kế hoạch\nthực hiện như sau:\n" + BODY)
    plan = _parse(text)
    assert plan.document.title is not None and plan.document.title.endswith("đại đoàn kết")
    assert plan.document.implements == ["43-NQ/TW"]


HEADER = ("TT Nội dung \nnhiệm vụ\nCơ quan \nchủ trì\nCơ quan \nphối hợp\nThời gian \nhoàn thành\n")


def _rows(text: str) -> list[list[str]]:
    tables = find_cell_tables(separate_cells(text.split("\n")))
    assert len(tables) == 1
    return tables[0].rows


def test_register_without_blank_lines_row_number_glued_to_the_content() -> None:
    rows = _rows(HEADER + "1 Tổ chức quán \ntriệt Nghị \nquyết đến \ncán bộ\nBan Tuyên \ngiáo Huyện \nủy\n"
                 "Các cơ quan, \nđơn vị liên \nquan\nQuý II/2024\n"
                 "2 Kiện toàn \nbộ máy cấp \nhuyện\nVăn phòng \nHuyện ủy\nBan Tổ chức \nHuyện ủy\nThường \nxuyên\n")
    assert rows[0][0] == "TT" and len(rows) == 3
    assert rows[1] == ["1", "Tổ chức quán triệt Nghị quyết đến cán bộ", "Ban Tuyên giáo Huyện ủy",
                       "Các cơ quan, đơn vị liên quan", "Quý II/2024"]
    assert rows[2] == ["2", "Kiện toàn bộ máy cấp huyện", "Văn phòng Huyện ủy", "Ban Tổ chức Huyện ủy",
                       "Thường xuyên"]


def test_a_body_name_cut_by_a_page_break_is_joined_again() -> None:
    # Row 1 ends its page with the start of the lead ("Ban Dân vận Tỉnh") and of the partners ("Đảng
    # đoàn Ủy ban"); after the page number and the repeated header come the rest of both names.
    rows = _rows(HEADER + "1 Giám sát \nviệc giải \nquyết kiến \nnghị cử tri.\nBan Dân \nvận Tỉnh\nĐảng đoàn \n"
                 "Ủy ban\nĐịnh kỳ\n7\n" + HEADER + "ủy\nMTTQ tỉnh; \ncác cơ quan \nliên quan\n"
                 "2 Tổng kết \nthực hiện \nnghị quyết.\nBan Dân \nvận Tỉnh ủy\nNăm 2025\n")
    assert rows[1][1] == "Giám sát việc giải quyết kiến nghị cử tri."
    assert rows[1][2:] == ["Ban Dân vận Tỉnh ủy", "Đảng đoàn Ủy ban MTTQ tỉnh; các cơ quan liên quan", "Định kỳ"]
    assert rows[2][2] == "Ban Dân vận Tỉnh ủy" and rows[2][4] == "Năm 2025"


def test_text_without_a_glued_register_header_is_unchanged() -> None:
    lines = ["TT", "", "Nội dung", "1 Tổ chức", "Ban Dân vận"]
    assert separate_cells(lines) == lines
