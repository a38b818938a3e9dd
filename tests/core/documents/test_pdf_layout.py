"""Real multi-page PDFs made by LibreOffice from a .docx: words drawn partly from a fallback font,
a ruled table over a page break with its header row repeated, a footnote under the footnote rule,
page numbers in the header; and .doc through LibreOffice (and the message when it is missing)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.shared import Pt

from tests.core.documents.make_docs import W_NS, _add_footnote, to_pdf
from trienkhai.documents.read import read_document
from trienkhai.errors import DocumentError

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")

ROWS = 30
FILLER = ("Tăng cường công tác tuyên truyền, quán triệt sâu rộng trong cán bộ, đảng viên và Nhân dân về "
          "vị trí, vai trò, tầm quan trọng của khối đại đoàn kết toàn dân tộc trong giai đoạn mới. ")


def _make(path: Path) -> Path:
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"  # not installed here: Vietnamese letters come from a fallback font
    style.font.size = Pt(14)
    header = document.sections[0].header.paragraphs[0]
    run = header.add_run()
    for xml in ('<w:fldChar {} w:fldCharType="begin"/>', '<w:instrText {} xml:space="preserve"> PAGE </w:instrText>',
                '<w:fldChar {} w:fldCharType="end"/>'):
        run._r.append(parse_xml(xml.format(W_NS)))
    document.add_paragraph().add_run("I. MỤC ĐÍCH, YÊU CẦU").bold = True
    cited = document.add_paragraph(FILLER * 3)
    _add_footnote(document, cited, "Theo báo cáo tổng kết năm 2023.")
    document.add_paragraph().add_run("II. NHIỆM VỤ CỤ THỂ").bold = True
    table = document.add_table(rows=ROWS + 1, cols=4)
    table.style = "Table Grid"
    for c, head in enumerate(["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian"]):
        table.cell(0, c).text = head
    table.rows[0]._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {W_NS}/>"))
    for r in range(1, ROWS + 1):
        for c, value in enumerate([str(r), f"Nhiệm vụ số {r}: " + FILLER, "Ban Dân vận Tỉnh ủy", "Quý I/2024"]):
            table.cell(r, c).text = value
    document.add_paragraph().add_run("III. TỔ CHỨC THỰC HIỆN").bold = True
    document.add_paragraph(FILLER)
    document.save(str(path))
    return path


@pytest.fixture(scope="module")
def layout_docs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("layout")
    dx = _make(d / "layout.docx")
    return {"docx": dx, "pdf": to_pdf(dx, d), "dir": d}


def test_words_with_fallback_font_letters_stay_whole(layout_docs: dict[str, Path]) -> None:
    source = read_document(layout_docs["pdf"])
    texts = [b.text for b in source.blocks if b.kind == "paragraph"]
    assert "I. MỤC ĐÍCH, YÊU CẦU" in texts
    assert "III. TỔ CHỨC THỰC HIỆN" in texts
    assert not any(re.search(r"\b(?:M Ụ|Ụ C|Y Ê)\b", t) for t in texts)
    heading = next(b for b in source.blocks if b.text == "II. NHIỆM VỤ CỤ THỂ")
    assert heading.bold


def test_table_over_page_breaks_is_one_table_block(layout_docs: dict[str, Path]) -> None:
    source = read_document(layout_docs["pdf"])
    assert source.pages is not None and source.pages >= 3
    tables = [b for b in source.blocks if b.kind == "table"]
    assert len(tables) == 1
    rows = tables[0].rows
    assert rows[0] == ["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian"]  # the repeated header once
    assert [r[0] for r in rows[1:]] == [str(i) for i in range(1, ROWS + 1)]
    assert all(r[1].startswith(f"Nhiệm vụ số {r[0]}:") and r[1].endswith("giai đoạn mới.") for r in rows[1:])
    # No cell text leaked out as paragraphs.
    assert not any("Nhiệm vụ số" in b.text for b in source.blocks if b.kind == "paragraph")


def test_footnote_and_page_numbers_kept_out_of_paragraphs(layout_docs: dict[str, Path]) -> None:
    source = read_document(layout_docs["pdf"])
    notes = [b for b in source.blocks if b.kind == "footnote"]
    assert [n.text for n in notes] == ["Theo báo cáo tổng kết năm 2023."]
    # Placed after the citing paragraph and before the table that ran over the page break.
    index = source.blocks.index(notes[0])
    cited = next(i for i, b in enumerate(source.blocks) if b.text.startswith("Tăng cường công tác tuyên truyền"))
    table = next(i for i, b in enumerate(source.blocks) if b.kind == "table")
    assert cited < index < table
    paragraphs = [b.text for b in source.blocks if b.kind == "paragraph"]
    assert not any("Theo báo cáo tổng kết" in t for t in paragraphs)
    assert not any(re.fullmatch(r"\d{1,2}", t.strip()) for t in paragraphs)  # running page numbers gone


def test_doc_read_through_libreoffice(layout_docs: dict[str, Path]) -> None:
    d = layout_docs["dir"]
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{d}/lo-doc", "--convert-to", "doc",
                    "--outdir", str(d), str(layout_docs["docx"])], check=True, capture_output=True, timeout=180)
    source = read_document(d / "layout.doc")
    assert source.format == "doc"
    assert [b.text for b in source.blocks if b.kind == "paragraph"][:1] == ["I. MỤC ĐÍCH, YÊU CẦU"]
    table = next(b for b in source.blocks if b.kind == "table")
    assert len(table.rows) == ROWS + 1
    assert [b.text for b in source.blocks if b.kind == "footnote"] == ["Theo báo cáo tổng kết năm 2023."]


def test_doc_without_libreoffice_says_so(layout_docs: dict[str, Path], tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    d = layout_docs["dir"]
    doc = d / "layout.doc"
    if not doc.exists():
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{d}/lo-doc2", "--convert-to", "doc",
                        "--outdir", str(d), str(layout_docs["docx"])], check=True, capture_output=True, timeout=180)
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH with no soffice on it
    with pytest.raises(DocumentError) as err:
        read_document(doc)
    assert "cần LibreOffice nhưng máy chưa cài" in err.value.message
