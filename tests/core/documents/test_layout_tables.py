"""A table in a PDF copied with its layout (`pdftotext -layout`): columns set by spaces, the header
wrapped and repeated on the next page, a row split by the page break, a page number between."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from trienkhai.documents.read import read_document
from trienkhai.documents.txt import text_blocks

COPY = """\
II. NHIỆM VỤ CỤ THỂ
TT   Nội dung nhiệm vụ          Cơ quan chủ       Cơ quan phối    Thời gian
                                trì               hợp
1    Tổ chức quán triệt Nghị    Ban Tuyên giáo    Các cơ quan     Quý I/2024
     quyết số 43-NQ/TW đến cán  Tỉnh ủy           liên quan
     bộ, đảng viên
2    Rà soát, sửa đổi cơ chế,   Ban cán sự đảng   Sở Tài chính    Thường xuyên
     chính sách về hỗ trợ       UBND tỉnh

                                     7
TT   Nội dung nhiệm vụ          Cơ quan chủ       Cơ quan phối    Thời gian
                                trì               hợp
     doanh nghiệp theo Kế
     hoạch số 21-
     KH/TW
3    Kiểm tra, giám sát việc    Ủy ban Kiểm tra   Các cấp ủy      Hằng năm
     thực hiện                  Tỉnh ủy
III. TỔ CHỨC THỰC HIỆN
Các cấp ủy, tổ chức đảng xây dựng kế hoạch thực hiện Chương trình này và báo cáo kết quả
"""


def test_layout_table_rows_rejoined_over_page_break() -> None:
    blocks = text_blocks(COPY)
    tables = [b for b in blocks if b.kind == "table"]
    assert len(tables) == 1
    assert tables[0].rows == [
        ["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"],
        ["1", "Tổ chức quán triệt Nghị quyết số 43-NQ/TW đến cán bộ, đảng viên", "Ban Tuyên giáo Tỉnh ủy",
         "Các cơ quan liên quan", "Quý I/2024"],
        ["2", "Rà soát, sửa đổi cơ chế, chính sách về hỗ trợ doanh nghiệp theo Kế hoạch số 21-KH/TW",
         "Ban cán sự đảng UBND tỉnh", "Sở Tài chính", "Thường xuyên"],
        ["3", "Kiểm tra, giám sát việc thực hiện", "Ủy ban Kiểm tra Tỉnh ủy", "Các cấp ủy", "Hằng năm"],
    ]
    texts = [b.text for b in blocks if b.kind == "paragraph"]
    assert texts[0] == "II. NHIỆM VỤ CỤ THỂ"
    assert texts[1] == "III. TỔ CHỨC THỰC HIỆN"
    assert not any(t.strip() == "7" for t in texts)


def test_text_in_columns_without_a_numbered_header_stays_text() -> None:
    text = ("ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "TỈNH BẮC NINH                 Độc lập - Tự do - Hạnh phúc\n\nI. MỤC TIÊU\n")
    assert not any(b.kind == "table" for b in text_blocks(text))


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_pdftotext_layout_copy_of_a_real_pdf(tmp_path: Path) -> None:
    from tests.core.documents.make_docs import to_pdf
    from tests.core.documents.test_pdf_layout import ROWS, _make

    pdf = to_pdf(_make(tmp_path / "layout.docx"), tmp_path)
    copy = tmp_path / "copy.txt"
    subprocess.run(["pdftotext", "-layout", str(pdf), str(copy)], check=True, timeout=120)
    tables = [b for b in read_document(copy).blocks if b.kind == "table"]
    assert len(tables) == 1
    assert [r[0] for r in tables[0].rows[1:]] == [str(i) for i in range(1, ROWS + 1)]
    assert all(r[2] == "Ban Dân vận Tỉnh ủy" for r in tables[0].rows[1:])


def test_words_cut_after_their_onset_are_rejoined_in_a_copy() -> None:
    copy = ("1. Các chi, đảng bộ tr ực thu ộc, MTTQ và các đoàn thể chính tr ị xã h ội t ổ chức\n"
            "quán triệt, tuyên truyền sâu rộng đến cán bộ, đảng viên và Nhân dân trên địa\n"
            "bàn; Đảng ủy các xã th ị tr ấn, MTTQ ủng hộ và triển khai thực hiện nghiêm túc\n"
            "các nội dung của Kế hoạch này.\n")
    text = " ".join(b.text for b in text_blocks(copy))
    assert "đảng bộ trực thu ộc" in text  # "thu" is a word: that cut cannot be told from the text
    assert "chính trị xã hội tổ chức" in text and "các xã thị trấn" in text
    assert "MTTQ ủng hộ" in text  # an abbreviation followed by a word stays as it is


def test_a_stray_split_in_ordinary_text_is_left_alone() -> None:
    text = "Các cấp ủy c ó trách nhiệm\nxây dựng kế hoạch thực hiện\nvà báo cáo kết quả\nđịnh kỳ hằng năm.\n"
    assert "c ó" in " ".join(b.text for b in text_blocks(text))
