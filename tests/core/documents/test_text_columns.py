"""Two columns side by side in a text file (`pdftotext -layout`): the header and the closing ("Nơi nhận"
beside the signature block) are read left column then right column; ordinary text, indented numbering,
tables laid out by spaces and tab-separated tables are left alone."""

from __future__ import annotations

from trienkhai.documents.columns import split_columns
from trienkhai.documents.read import read_document
from trienkhai.documents.txt import text_blocks
from trienkhai.plans.parse import parse_document

BODY = """\
    Thực hiện Nghị quyết số 43-NQ/TW ngày 24/11/2023 của Ban Chấp hành Trung
ương Đảng, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch thực hiện như sau:
I.      MỤC ĐÍCH, YÊU CẦU
1.      Mục đích
    Quán triệt sâu rộng Nghị quyết đến cán bộ, đảng viên và các tầng lớp
nhân dân trên địa bàn tỉnh, tạo sự thống nhất về nhận thức và hành động.
II.     TỔ CHỨC THỰC HIỆN
    Ban Dân vận Tỉnh ủy chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch,
định kỳ báo cáo Ban Thường vụ Tỉnh ủy.
"""

HEADER = """\
          ỦY BAN NHÂN DÂN                                CỘNG HÒA XÃ HỘI CHỦ NGHĨA
             TỈNH BẮC NINH                                       VIỆT NAM
                                                             Độc lập - Tự do - Hạnh phúc
             Số: 155/KH-UBND                               Bắc Ninh, ngày 26 tháng 5 năm 2017
                                            KẾ HOẠCH
TRIỂN KHAI CÔNG TÁC ĐĂNG KÝ VÀ THỐNG KÊ HỘ TỊCH GIAI ĐOẠN
                       2017 - 2024 TRÊN ĐỊA BÀN TỈNH
"""

# The closing as pdftotext -layout gives it, with a page break (form feed, page number) inside.
CLOSING = """\
Nơi nhận:                                           T/M BAN THƯỜNG VỤ
- Ban Bí thư Trung ương Đảng (báo cáo),            PHÓ BÍ THƯ THƯỜNG TRỰC
- Thường trực Tỉnh ủy,
- Các đảng đoàn, Ban cán sự Đảng, BTV Tỉnh
đoàn; các sở, ban, ngành, MTTQ,
\f
                                              12
- Các huyện ủy, thành ủy,                          Hoàng Văn Nghiệm
- Lưu Văn phòng Tỉnh ủy.
"""


def _paragraphs(text: str) -> list[str]:
    return [b.text for b in text_blocks(text) if b.kind == "paragraph"]


def test_side_by_side_closing_reads_recipients_then_signature() -> None:
    paras = _paragraphs(BODY + CLOSING)
    at = paras.index("Nơi nhận:")
    assert paras[at:] == [
        "Nơi nhận:", "- Ban Bí thư Trung ương Đảng (báo cáo),", "- Thường trực Tỉnh ủy,",
        "- Các đảng đoàn, Ban cán sự Đảng, BTV Tỉnh đoàn; các sở, ban, ngành, MTTQ,",
        "- Các huyện ủy, thành ủy,", "- Lưu Văn phòng Tỉnh ủy.",
        "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "Hoàng Văn Nghiệm",
    ]


def test_side_by_side_closing_gives_the_signer(tmp_path) -> None:
    path = tmp_path / "copy.txt"
    path.write_text(HEADER + BODY + CLOSING, encoding="utf-8")
    plan = parse_document(read_document(path))
    s = plan.document.signer
    assert s is not None
    assert (s.name, s.title, s.on_behalf_of) == ("Hoàng Văn Nghiệm", "Phó Bí thư Thường trực", "Ban Thường vụ")
    assert plan.document.recipients[-1] == "Lưu Văn phòng Tỉnh ủy"
    assert (plan.document.place, plan.document.date, plan.document.number) == (
        "Bắc Ninh", "2017-05-26", "155/KH-UBND")


def test_side_by_side_header_ends_at_the_centred_title() -> None:
    paras = _paragraphs(HEADER + BODY)
    assert paras[:8] == [
        "ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH", "Số: 155/KH-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA", "VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Bắc Ninh, ngày 26 tháng 5 năm 2017",
        "KẾ HOẠCH",
    ]


def test_ordinary_text_and_indented_numbering_are_not_columns() -> None:
    lines = BODY.split("\n")
    assert split_columns(lines) is None
    # one line with a wide gap is not a layout of two columns
    assert split_columns(["Nơi nhận:                                   T/M BAN THƯỜNG VỤ", *lines]) is None


def test_tables_are_not_columns() -> None:
    spaced = [
        "TT     Nội dung                         Chủ trì              Thời gian",
        "1      Quán triệt Nghị quyết            Ban Tuyên giáo       Quý I/2024",
        "2      Kiểm tra việc thực hiện          Ban Dân vận          Hằng năm",
    ]
    tabbed = ["Nội dung\tChủ trì", "Quán triệt            \tBan Tuyên giáo", "Kiểm tra        \tBan Dân vận"]
    assert split_columns(spaced) is None
    assert split_columns(tabbed) is None
    blocks = text_blocks("\n".join(spaced) + "\n")
    assert blocks[0].kind == "table" and blocks[0].rows[1][1] == "Quán triệt Nghị quyết"


def test_two_narrow_columns_of_prose_lines_need_a_wide_gap() -> None:
    # Justified text may leave four spaces between two words: two such lines are still one column.
    lines = ["Các cấp ủy, tổ chức đảng    quán triệt sâu rộng Nghị quyết đến cán bộ,",
             "đảng viên và nhân dân;    xây dựng kế hoạch cụ thể để triển khai thực hiện."]
    assert split_columns(lines) is None


def test_reflow_keeps_motto_and_place_date_apart() -> None:
    # Hard-wrapped text (a PDF copy read column by column): nothing ends the motto line but the phrase.
    text = ("ỦY BAN NHÂN DÂN TỈNH BẮC NINH\nSố: 155/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nBắc Ninh, ngày 26 tháng 5 năm 2017\nKẾ HOẠCH\n" + BODY)
    paras = _paragraphs(text)
    assert "Độc lập - Tự do - Hạnh phúc" in paras
    assert "Bắc Ninh, ngày 26 tháng 5 năm 2017" in paras


# Plain `pdftotext` (no -layout) of a .docx with Word automatic numbering: the label on a line of its
# own, and a document number cut at its hyphen re-joined without it.
PLAIN = """\
KẾ HOẠCH
Thực hiện Nghị quyết số 43-NQ/TW của Ban Chấp hành Trung ương và Kế hoạch số 21KH/TW, ngày 28/11/2023 của Bộ Chính trị về thực hiện Nghị quyết số 43NQ/TW, Ban Thường vụ Tỉnh uỷ xây dựng Kế hoạch thực
hiện như sau:
I.

MỤC ĐÍCH, YÊU CẦU

1.

Mục đích

Quán triệt và triển khai thực hiện có hiệu quả Nghị quyết số
43-NQ/TW, nâng cao nhận thức về vị trí, vai trò của việc phát huy
truyền thống, sức mạnh đại đoàn kết toàn dân tộc.
2.1.

Tổ chức học tập, quán triệt Nghị quyết
"""


def test_plain_pdftotext_labels_and_numbers() -> None:
    paras = _paragraphs(PLAIN)
    assert "I. MỤC ĐÍCH, YÊU CẦU" in paras
    assert "1. Mục đích" in paras
    assert "2.1. Tổ chức học tập, quán triệt Nghị quyết" in paras
    assert "21-KH/TW" in paras[1] and "43-NQ/TW" in paras[1]


def test_lone_label_rules_keep_page_numbers_and_state_numbers() -> None:
    text = PLAIN.replace("2.1.\n", "12\n") + "Căn cứ Nghị định số 30/2020/NĐ-CP, Quyết định 236/QĐ-TTg.\n"
    paras = _paragraphs(text)
    assert "Tổ chức học tập, quán triệt Nghị quyết" in paras  # "12" is a page number, not a label
    assert any("30/2020/NĐ-CP" in p and "236/QĐ-TTg" in p for p in paras)
