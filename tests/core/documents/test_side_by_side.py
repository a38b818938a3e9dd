"""Text set side by side, as official documents lay out their header and signature: in a .docx a
borderless table (read as paragraphs, cell by cell), in its PDF two columns of lines (read column
by column, each line its own paragraph). A bordered data table stays a table."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from docx.shared import Pt

from tests.core.documents.make_docs import to_pdf
from trienkhai.documents.read import read_document

LEFT = ["ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH", "Số: 155/KH-UBND"]
RIGHT = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Bắc Ninh, ngày 26 tháng 5 năm 2017"]
RECIPIENTS = ["Nơi nhận:", "- Thường trực Tỉnh ủy,", "- Lưu."]
SIGNATURE = ["T/M ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn A"]


def _two_cells(document: docx.document.Document, left: list[str], right: list[str]) -> None:
    table = document.add_table(rows=1, cols=2)  # python-docx's default table style draws no borders
    for cell, texts in ((table.cell(0, 0), left), (table.cell(0, 1), right)):
        for k, text in enumerate(texts):
            par = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
            run = par.add_run(text)
            run.font.size = Pt(12)
            run.bold = text.isupper() or None


@pytest.fixture(scope="module")
def side_by_side(tmp_path_factory: pytest.TempPathFactory) -> Path:
    document = docx.Document()
    _two_cells(document, LEFT, RIGHT)
    document.add_paragraph().add_run("KẾ HOẠCH").bold = True
    document.add_paragraph("Thực hiện Nghị định số 123/2015/NĐ-CP, Ủy ban nhân dân tỉnh ban hành Kế hoạch.")
    data = document.add_table(rows=2, cols=2)
    data.style = "Table Grid"
    for c, (a, b) in enumerate([("TT", "1"), ("Nội dung", "Tuyên truyền")]):
        data.cell(0, c).text, data.cell(1, c).text = a, b
    _two_cells(document, RECIPIENTS, SIGNATURE)
    path = tmp_path_factory.mktemp("side") / "side.docx"
    document.save(str(path))
    return path


def test_docx_layout_tables_read_as_paragraphs(side_by_side: Path) -> None:
    blocks = read_document(side_by_side).blocks
    texts = [b.text for b in blocks if b.kind == "paragraph"]
    assert texts[:6] == LEFT + RIGHT
    assert texts[-6:] == RECIPIENTS + SIGNATURE
    tables = [b for b in blocks if b.kind == "table"]
    assert [t.rows for t in tables] == [[["TT", "Nội dung"], ["1", "Tuyên truyền"]]]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_pdf_columns_read_column_by_column(side_by_side: Path) -> None:
    pdf = to_pdf(side_by_side, side_by_side.parent)
    blocks = read_document(pdf).blocks
    texts = [b.text for b in blocks if b.kind == "paragraph"]
    title = texts.index("KẾ HOẠCH")
    # Column by column; a line the narrow cell wrapped ("… CHỦ" / "NGHĨA VIỆT NAM") stays two lines.
    assert texts[:3] == LEFT
    assert " ".join(texts[3:title]) == " ".join(RIGHT)
    assert texts[-6:] == RECIPIENTS + SIGNATURE
    assert [b.rows for b in blocks if b.kind == "table"] == [[["TT", "Nội dung"], ["1", "Tuyên truyền"]]]
