"""Legacy-font text through the readers: .docx runs by font, pasted text and 8-bit files by content."""

from __future__ import annotations

import io

import docx
import pytest
from docx.oxml.ns import qn

from trienkhai.documents.read import read_document
from trienkhai.text.legacy import encode_legacy, legacy_surface

SAMPLE = ("KẾ HOẠCH\n\nThực hiện Nghị quyết số 43-NQ/TW của Ban Chấp hành Trung ương Đảng khoá XIII.\n\n"
          "I. MỤC ĐÍCH, YÊU CẦU\n\n1. Nâng cao nhận thức của cán bộ, đảng viên về công tác dân vận.\n")


def _font(run, name: str) -> None:
    rpr = run._r.get_or_add_rPr()
    rpr.get_or_add_rFonts().set(qn("w:hAnsi"), name)
    rpr.get_or_add_rFonts().set(qn("w:ascii"), name)


def _docx(paragraphs: list[list[tuple[str, str | None]]], style_font: str | None = None) -> bytes:
    d = docx.Document()
    if style_font:
        d.styles["Normal"].font.name = style_font
    for runs in paragraphs:
        p = d.add_paragraph()
        for text, font in runs:
            r = p.add_run(text)
            if font:
                _font(r, font)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_docx_runs_converted_by_font_mixed_with_unicode() -> None:
    data = _docx([
        [(legacy_surface("CHƯƠNG TRÌNH HÀNH ĐỘNG", "tcvn3"), ".VnTimeH")],
        # Typed without Shift in the capitals font: drawn in capitals all the same.
        [(legacy_surface("i. mục đích, yêu cầu", "tcvn3"), ".VnTimeH")],
        [("Thực hiện Nghị quyết số 43-NQ/TW ", "Times New Roman"),
         (legacy_surface("của Ban Chấp hành Trung ương Đảng", "tcvn3"), ".VnTime")],
        [(legacy_surface("Ủy ban nhân dân tỉnh chủ trì", "vni"), "VNI-Times")],
        [("Hà Nội, ngày 5 tháng 3 năm 2024", "Times New Roman")],
    ])
    doc = read_document("x.docx", data=data)
    assert [b.text for b in doc.blocks] == [
        "CHƯƠNG TRÌNH HÀNH ĐỘNG", "I. MỤC ĐÍCH, YÊU CẦU",
        "Thực hiện Nghị quyết số 43-NQ/TW của Ban Chấp hành Trung ương Đảng",
        "Ủy ban nhân dân tỉnh chủ trì", "Hà Nội, ngày 5 tháng 3 năm 2024"]
    assert len(doc.warnings) == 1 and "TCVN3" in doc.warnings[0] and "VNI" in doc.warnings[0]


def test_docx_font_from_style_and_table_cells() -> None:
    d = docx.Document()
    d.styles["Normal"].font.name = ".VnTime"
    d.add_paragraph(legacy_surface("Ban Tuyên giáo Tỉnh ủy chủ trì", "tcvn3"))
    t = d.add_table(rows=2, cols=2)
    t.style = "Table Grid"
    for i, row in enumerate([["Cơ quan chủ trì", "Thời gian"], ["Sở Nội vụ", "Quý IV năm 2024"]]):
        for j, text in enumerate(row):
            t.cell(i, j).text = legacy_surface(text, "tcvn3")
    buf = io.BytesIO()
    d.save(buf)
    doc = read_document("x.docx", data=buf.getvalue())
    assert doc.blocks[0].text == "Ban Tuyên giáo Tỉnh ủy chủ trì"
    assert doc.blocks[1].rows == [["Cơ quan chủ trì", "Thời gian"], ["Sở Nội vụ", "Quý IV năm 2024"]]


def test_docx_legacy_letters_in_a_unicode_font_found_by_content() -> None:
    data = _docx([[(legacy_surface(line, "tcvn3"), "Times New Roman")] for line in SAMPLE.split("\n\n")])
    doc = read_document("x.docx", data=data)
    assert "Thực hiện Nghị quyết số 43-NQ/TW của Ban Chấp hành Trung ương Đảng khoá XIII." in [b.text for b in doc.blocks]
    assert doc.warnings and "TCVN3" in doc.warnings[0]


@pytest.mark.parametrize(("encoding", "charset"), [("tcvn3", "cp1252"), ("vni", "cp1252"), ("viscii", "cp1252"),
                                                   ("viscii", "latin-1")])
def test_pasted_legacy_text_file(encoding: str, charset: str) -> None:
    doc = read_document("x.txt", data=legacy_surface(SAMPLE, encoding, charset).encode("utf-8"))
    texts = [b.text for b in doc.blocks]
    assert texts[0] == "KẾ HOẠCH" and "I. MỤC ĐÍCH, YÊU CẦU" in texts
    assert doc.encoding == "utf-8" and len(doc.warnings) == 1


def test_viscii_bytes_file() -> None:
    doc = read_document("x.txt", data=encode_legacy(SAMPLE, "viscii"))
    assert doc.encoding == "viscii" and doc.blocks[0].text == "KẾ HOẠCH"
    assert "VISCII" in doc.warnings[0]


def test_tcvn3_bytes_file_keeps_capitals() -> None:
    doc = read_document("x.txt", data=encode_legacy(SAMPLE, "tcvn3"))
    assert doc.encoding == "tcvn3" and [b.text for b in doc.blocks][:1] == ["KẾ HOẠCH"]
    assert "I. MỤC ĐÍCH, YÊU CẦU" in [b.text for b in doc.blocks]
