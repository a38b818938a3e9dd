"""The .docx and .xlsx writers, opened back with python-docx and openpyxl and checked against the data."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt
from openpyxl import load_workbook

from trienkhai.reports.docx_writer import build_docx
from trienkhai.reports.model import TASK_STATUSES, TimelinessRow, Variant
from trienkhai.reports.numbers import fmt_number
from trienkhai.reports.sample import sample_report
from trienkhai.reports.variant import detect_variant, number_suffix
from trienkhai.reports.xlsx_writer import build_xlsx


@pytest.fixture(scope="module")
def data():
    return sample_report(units=30, tasks=12, indicators=6)


@pytest.fixture(scope="module")
def doc(data):
    return Document(io.BytesIO(build_docx(data)))


def _cell_text(cell) -> list[str]:
    return [p.text for p in cell.paragraphs if p.text]


def test_page_is_a4_with_the_guide_margins(doc):
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = [section.top_margin, section.bottom_margin, section.left_margin, section.right_margin]
    assert [round(m.mm) for m in margins] == [20, 20, 30, 15]


def test_styles_are_times_new_roman_at_the_guide_sizes(doc):
    normal = doc.styles["Normal"]
    fonts = normal.element.rPr.rFonts
    assert {fonts.get(qn(f"w:{a}")) for a in ("ascii", "hAnsi", "cs", "eastAsia")} == {"Times New Roman"}
    assert normal.font.size == Pt(14)
    assert normal.paragraph_format.first_line_indent > 0
    assert normal.paragraph_format.alignment == 3  # justified
    for name in ("Heading 1", "Heading 2"):
        assert doc.styles[name].font.bold and doc.styles[name].font.size == Pt(14)
        assert doc.styles[name].font.name == "Times New Roman"


def test_party_header_table(doc, data):
    header = doc.tables[0]
    left, right = header.rows[0].cells
    assert _cell_text(left) == ["ĐẢNG BỘ TỈNH TUYÊN QUANG", "TỈNH ỦY", "*", "Số\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0-BC/TU"]
    assert left.paragraphs[1].runs[0].bold
    assert _cell_text(right) == ["ĐẢNG CỘNG SẢN VIỆT NAM", "Tuyên Quang, ngày 08 tháng 7 năm 2025"]
    motto = right.paragraphs[0].runs[0]
    assert motto.bold and motto.underline and motto.font.size == Pt(15)
    date_run = right.paragraphs[-1].runs[0]
    assert date_run.italic
    borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    assert all(b.get(qn("w:val")) == "nil" for b in borders)


def test_title_and_numbered_headings(doc, data):
    texts = [p.text for p in doc.paragraphs]
    title = doc.paragraphs[texts.index("BÁO CÁO")]
    assert title.runs[0].bold and title.runs[0].font.size == Pt(16)
    assert doc.paragraphs[texts.index(data.title)].runs[0].font.size == Pt(14)
    level1 = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert level1 == ["TÌNH HÌNH TRIỂN KHAI, QUÁN TRIỆT THỰC HIỆN", "KẾT QUẢ THỰC HIỆN",
                      "HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN", "PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
                      "ĐỀ XUẤT, KIẾN NGHỊ"]
    # Real numbering: the heading style carries a numPr to an upperRoman "%1." level.
    num_pr = doc.styles["Heading 1"].element.pPr.find(qn("w:numPr"))
    num_id = num_pr.find(qn("w:numId")).get(qn("w:val"))
    numbering = doc.part.numbering_part.element
    num = next(n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == num_id)
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(a for a in numbering.findall(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract_id)
    lvl0 = abstract.find(qn("w:lvl"))
    assert lvl0.find(qn("w:numFmt")).get(qn("w:val")) == "upperRoman"
    assert lvl0.find(qn("w:lvlText")).get(qn("w:val")) == "%1."
    bullets = [p for p in doc.paragraphs if p.style.name == "Report Bullet"]
    # The cleaner holds a number to its unit with a non-breaking space.
    assert [p.text.replace("\u00a0", " ") for p in bullets[:len(data.shortcomings)]] == data.shortcomings


def test_results_are_under_their_parts(doc, data):
    level2 = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert level2[:len(data.results)] == [part.title for part in data.results]
    groups = [p.text for p in doc.paragraphs if p.style.name == "Heading 3"]
    assert groups == [g.title for part in data.results for g in part.groups]
    text = "\n".join(p.text for p in doc.paragraphs).replace("\u00a0", " ")
    first_lead = data.results[0].groups[0].leads[0]
    assert f"{first_lead.organisation}: {first_lead.result}" in text


def test_targets_table_and_chart(doc, data):
    table = doc.tables[1]
    assert [c.text for c in table.rows[0].cells] == ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Kết quả", "Đánh giá"]
    assert len(table.rows) == len(data.targets) + 1
    for row, target in zip(table.rows[1:], data.targets, strict=True):
        cells = [c.text for c in row.cells]
        assert cells[1] == target.name and cells[3] == target.plan_value
        assert cells[4] == fmt_number(target.result)
        assert cells[5] == target.assessment.label
    assert table.style.name == "Table Grid"
    assert table.rows[0].cells[0].paragraphs[0].runs[0].bold
    assert table.rows[1].cells[1].paragraphs[0].style.font.size == Pt(12)
    assert len(doc.inline_shapes) == 1  # the chart, a picture: no text boxes
    assert not doc.element.body.findall(".//" + qn("w:txbxContent"))


def test_closing_block(doc, data):
    closing = doc.tables[2]
    left, right = closing.rows[0].cells
    label = left.paragraphs[0].runs[0]
    assert label.text == "Nơi nhận:" and label.bold and label.italic and label.font.size == Pt(12)
    listed = _cell_text(left)[1:]
    assert listed == [f"- {r}," for r in data.recipients] + ["- Lưu Văn phòng."]
    assert left.paragraphs[1].runs[0].font.size == Pt(12)
    signed = _cell_text(right)
    assert signed == ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "Lê Thị Kim Dung"]


def test_appendix_tables_match_the_data(doc, data):
    by_status, not_reported, timeliness = doc.tables[3:6]
    leading = [r for r in data.tasks_by_status if r.total]  # a unit that leads no task has no row
    assert len(by_status.rows) == len(leading) + 2  # header + units + total
    first = leading[0]
    assert [c.text for c in by_status.rows[1].cells] == [
        "1", first.organisation, str(first.total), *(str(first.counts.get(k, 0)) for k, _ in TASK_STATUSES), "0"]
    total = by_status.rows[-1].cells
    assert total[2].text == str(sum(r.total for r in data.tasks_by_status))
    assert [r.cells[1].text for r in not_reported.rows[1:]] == [r.organisation for r in data.not_reported]
    assert len(timeliness.rows) == len(data.timeliness) + 1
    late = next(i for i, r in enumerate(data.timeliness) if r.on_time is False)
    assert timeliness.rows[late + 1].cells[4].text == str(data.timeliness[late].days_late)
    assert timeliness.rows[late + 1].cells[5].text == "Chậm"


def test_state_variant_has_the_national_motto():
    data = sample_report(units=5, tasks=4, indicators=2, variant=Variant.STATE)
    doc = Document(io.BytesIO(build_docx(data)))
    left, right = doc.tables[0].rows[0].cells
    assert _cell_text(left) == ["ỦY BAN NHÂN DÂN", "TỈNH TUYÊN QUANG", "_______", "Số:\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-UBND"]
    assert _cell_text(right)[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert right.paragraphs[1].runs[0].underline
    assert _cell_text(doc.tables[2].rows[0].cells[1])[0] == "TM. ỦY BAN NHÂN DÂN"


def test_workbook_sheets(data):
    wb = load_workbook(io.BytesIO(build_xlsx(data)))
    assert wb.sheetnames == ["Thông tin chung", "Kết quả theo phần", "Chỉ tiêu", "Nhiệm vụ theo đơn vị",
                             "Đơn vị chưa báo cáo", "Tính kịp thời"]
    assert all(len(name) <= 31 for name in wb.sheetnames)
    targets = wb["Chỉ tiêu"]
    assert targets.freeze_panes == "A2" and targets.auto_filter.ref == f"A1:G{len(data.targets) + 1}"
    assert targets["A1"].font.bold and targets["B1"].value == "Chỉ tiêu"
    for i, t in enumerate(data.targets, 2):
        assert targets.cell(i, 2).value == t.name
        assert targets.cell(i, 5).value == pytest.approx(t.result)
        assert targets.cell(i, 6).value == t.assessment.label
        assert targets.cell(i, 7).value == pytest.approx(round(t.completion, 1))
    assert len(targets._charts) == 1
    tasks = wb["Nhiệm vụ theo đơn vị"]
    assert tasks.max_row == len(data.tasks_by_status) + 1
    assert tasks.cell(2, 3).value == data.tasks_by_status[0].total
    assert tasks.column_dimensions["B"].width == 45
    timely = wb["Tính kịp thời"]
    assert timely.cell(2, 3).value.date() == data.timeliness[0].due
    assert timely.cell(2, 3).number_format == "DD/MM/YYYY"
    results = wb["Kết quả theo phần"]
    assert results.max_row == 1 + sum(len(g.leads) for p in data.results for g in p.groups)


@pytest.mark.parametrize(("number", "issuer", "variant", "suffix"), [
    ("55-CTr/TU", "", Variant.PARTY, "-BC/TU"),
    ("12-KH/HU", "", Variant.PARTY, "-BC/HU"),
    ("08-KH/ĐU", "", Variant.PARTY, "-BC/ĐU"),
    ("123/KH-UBND", "", Variant.STATE, "/BC-UBND"),
    ("45/2025/KH-UBND", "", Variant.STATE, "/BC-UBND"),
    ("", "Ủy ban nhân dân tỉnh Tuyên Quang", Variant.STATE, "/BC-UBND"),
    ("", "Ban Thường vụ Tỉnh ủy", Variant.PARTY, "-BC/TU"),
])
def test_variant_from_the_plan_number(number, issuer, variant, suffix):
    assert detect_variant(number, issuer) is variant
    assert number_suffix(number, variant) == suffix


def test_place_date_and_timeliness():
    data = sample_report(units=2, tasks=4, indicators=1)
    data.date = date(2025, 2, 5)
    assert data.place_date_text == "Tuyên Quang, ngày 05 tháng 02 năm 2025"
    data.date = date(2025, 11, 20)
    assert data.place_date_text == "Tuyên Quang, ngày 20 tháng 11 năm 2025"
    row = TimelinessRow("X", date(2025, 7, 3), date(2025, 7, 6))
    assert (row.days_late, row.on_time) == (3, False)


@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftoppm")), reason="LibreOffice missing")
def test_libreoffice_renders_page_one(tmp_path, data):
    from PIL import Image

    (tmp_path / "bao-cao.docx").write_bytes(build_docx(data))
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(tmp_path / "bao-cao.docx")], check=True, timeout=180,
                   capture_output=True)
    pdf = tmp_path / "bao-cao.pdf"
    assert pdf.stat().st_size > 10_000
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")],
                   check=True, timeout=60)
    image = Image.open(next(tmp_path.glob("p*.png"))).convert("L")
    assert image.size[0] < image.size[1]  # portrait A4
    dark = sum(image.histogram()[:128])
    assert dark / (image.size[0] * image.size[1]) > 0.01  # text on the page, not a blank sheet
