"""Task registers in text copied from a PDF without its layout: one cell per line (plain pdftotext)."""

from __future__ import annotations

from trienkhai.documents.cell_lines import find_cell_tables
from trienkhai.documents.txt import text_blocks

HEADER = """TT

Nội dung
nhiệm vụ

Cơ quan
chủ trì

Cơ quan phối
hợp

Thời gian
hoàn thành
"""


def _rows(text: str, warnings: list[str] | None = None) -> list[list[str]]:
    tables = find_cell_tables(text.split("\n"), warnings)
    assert len(tables) == 1
    return tables[0].rows


def test_wrapped_content_cell_is_joined_and_columns_follow_the_header() -> None:
    rows = _rows(HEADER + """
1

Tổ chức quán
triệt Nghị quyết
đến cán bộ

Ban Tuyên
giáo Tỉnh ủy

Ban Dân vận
Tỉnh ủy

Quý I/2024
""")
    assert rows[0] == ["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]
    assert rows[1] == ["1", "Tổ chức quán triệt Nghị quyết đến cán bộ", "Ban Tuyên giáo Tỉnh ủy",
                       "Ban Dân vận Tỉnh ủy", "Quý I/2024"]


def test_repeated_header_after_page_number_and_row_split_by_page_break() -> None:
    rows = _rows(HEADER + """
1

Rà soát các
cơ chế, chính

Sở Nội vụ

Các cơ quan,
đơn vị liên quan

Năm 2025


7
""" + HEADER + """
sách hiện hành.
2

Hướng dẫn
xây dựng mô hình

Sở Tư pháp

Thường xuyên
""")
    assert [r[0] for r in rows[1:]] == ["1", "2"]  # "7" is the page number before the repeated header
    assert rows[1][1] == "Rà soát các cơ chế, chính sách hiện hành."
    assert rows[1][2:] == ["Sở Nội vụ", "Các cơ quan, đơn vị liên quan", "Năm 2025"]
    assert rows[2][1:] == ["Hướng dẫn xây dựng mô hình", "Sở Tư pháp", "", "Thường xuyên"]


def test_empty_lead_cell_merged_with_the_row_above_leaves_lead_empty() -> None:
    rows = _rows(HEADER + """
1

Giám sát việc
giải quyết kiến nghị

Đảng đoàn
HĐND tỉnh

Ban Dân vận
Tỉnh ủy

Định kỳ

2

Tiếp xúc cử tri
theo chuyên đề.

Các cơ quan,
đơn vị liên quan

Hàng năm
""")
    # Row 2 has one agency cell, the generic partner: its lead is the merged cell above (left empty).
    assert rows[2][2:] == ["", "Các cơ quan, đơn vị liên quan", "Hàng năm"]


def test_cells_sharing_a_line_and_a_wrapped_theo_timeframe() -> None:
    rows = _rows(HEADER + """
1

Rà soát, sửa đổi Đảng đoàn
ban hành một
HĐND tỉnh
số cơ chế.

Đảng đoàn Ủy Theo chương
ban MTTQ tỉnh; trình, đề án
các cơ quan,
đơn vị liên quan
""")
    assert rows[1] == ["1", "Rà soát, sửa đổi ban hành một số cơ chế.", "Đảng đoàn HĐND tỉnh",
                       "Đảng đoàn Ủy ban MTTQ tỉnh; các cơ quan, đơn vị liên quan", "Theo chương trình, đề án"]


def test_row_without_content_is_warned_about_in_vietnamese() -> None:
    warnings: list[str] = []
    _rows(HEADER + """
1

Thường xuyên
""", warnings)
    assert warnings and "không tách chắc chắn" in warnings[0]


def test_register_in_text_blocks_becomes_a_table_block_and_text_after_stays() -> None:
    body = ("Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy, tổ chức đảng triển khai thực hiện nghiêm túc "
            "Kế hoạch này và định kỳ báo cáo kết quả.")
    blocks = text_blocks(HEADER + "\n1\n\nTổ chức học tập\n\nSở Giáo dục\n\nNăm 2024\n\n" + body + "\n")
    tables = [b for b in blocks if b.kind == "table"]
    assert len(tables) == 1 and tables[0].rows[1][:3] == ["1", "Tổ chức học tập", "Sở Giáo dục"]
    assert blocks[-1].kind == "paragraph" and blocks[-1].text == body


def test_plain_text_without_a_register_is_untouched() -> None:
    lines = ["TT", "", "Một đoạn văn bản thường.", "", "1", "", "Không có bảng nào."]
    assert find_cell_tables(lines) == []


def test_text_scrambled_by_a_fallback_font_is_warned_about() -> None:
    from pathlib import Path

    from trienkhai.documents.txt import SCRAMBLED_WARNING

    scrambled = "\n".join([
        "K  HO CHẾ Ạ",
        "Th c hi n Ngh  quy t s  43-NQ/TW, ngày 24/11/2023 c a Ban Ch pự ệ ị ế ố ủ ấ",
        "hành Trung ng Đ ng khoá XIII v  ti p t c phát huy truy n th ng, s cươ ả ề ế ụ ề ố ứ",
        "m nh đ i đoàn k t toàn dân t c, xây d ng đ t n c ta ngày càng ph n vinh,ạ ạ ế ộ ự ấ ướ ồ",
        "h nh phúc (sau đây vi t t t là Ngh  quy t s  43-NQ/TW), K  ho ch s  21-ạ ế ắ ị ế ố ế ạ ố",
        "I. M C ĐÍCH, YÊU C UỤ Ầ",
    ])
    warnings: list[str] = []
    text_blocks(scrambled, warnings)
    assert warnings == [SCRAMBLED_WARNING]
    clean: list[str] = []
    corpus = Path(__file__).resolve().parents[3].parent / "shared" / "corpus" / "dev" / "docs"
    for doc in sorted(corpus.glob("*.txt")):
        text_blocks(doc.read_text(encoding="utf-8"), clean)
    assert SCRAMBLED_WARNING not in clean


def test_hyphen_dropped_at_a_cell_line_end_is_restored_in_compounds() -> None:
    # pdftotext joins "chính trị -" / "xã hội" into "chính trị xã hội".
    rows = _rows(HEADER + """
1

Tổ chức hội nghị
phát triển kinh tế xã hội

Các cấp ủy, tổ chức
chính trị xã hội

Ban Dân vận
Tỉnh ủy

Quý I/2025
""")
    assert rows[1][1:3] == ["Tổ chức hội nghị phát triển kinh tế - xã hội", "Các cấp ủy, tổ chức chính trị - xã hội"]
