"""The review report as a Word document (.docx), in the format of Hướng dẫn 36-HD/VPTW (Party bodies) or
Nghị định 30/2020/NĐ-CP (State bodies): A4, margins 20/20/30/15 mm, Times New Roman, a borderless header
table, real heading styles with real numbering, real tables, the targets chart as a picture."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document as open_document
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm, Mm, Pt

from trienkhai.reports.chart import targets_chart_png
from trienkhai.reports.clean import clean
from trienkhai.reports.docx_styles import (
    STYLE_BULLET,
    STYLE_CAPTION,
    STYLE_TABLE,
    set_run_font,
    setup_styles,
)
from trienkhai.reports.model import TASK_STATUSES, Assessment, ReviewReportData, Variant
from trienkhai.reports.numbers import fmt_date, fmt_number
from trienkhai.reports.review import NOT_REPORTED, NOT_REPORTED_LABEL, Block

NB_HYPHEN = "\u2011"
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
TEXT_WIDTH_MM = 210 - MARGINS_MM["left"] - MARGINS_MM["right"]


def build_docx(data: ReviewReportData, *, chart: bool = True) -> bytes:
    """The .docx file's bytes."""
    doc = open_document()
    setup_styles(doc)
    _page(doc)
    _header(doc, data)
    _title(doc, data)
    _body(doc, data, chart=chart)
    _closing(doc, data)
    _appendix(doc, data)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def write_docx(data: ReviewReportData, path: str | Path) -> Path:
    path = Path(path)
    path.write_bytes(build_docx(data))
    return path


# --- page ------------------------------------------------------------------------------------------

def _page(doc: Document) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    section.header_distance = section.footer_distance = Mm(10)
    # Page numbers at the top centre, from the second page on (both guides).
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.first_line_indent = Cm(0)
    paragraph._p.append(parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:rPr><w:rFonts w:ascii="Times New Roman" '
        f'w:hAnsi="Times New Roman"/><w:sz w:val="28"/></w:rPr><w:t>2</w:t></w:r></w:fldSimple>'))


def _widths(table, widths_mm: Sequence[float]) -> None:
    """Column widths in the grid and in every cell (Word reads the cells, LibreOffice the grid)."""
    table.autofit = False
    for col, width in zip(table._tbl.tblGrid.gridCol_lst, widths_mm, strict=True):
        col.w = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)


def _no_borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    tbl_pr.append(parse_xml(
        f'<w:tblBorders {nsdecls("w")}>' + "".join(
            f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
        + "</w:tblBorders>"))


def _line(cell, text: str, *, size: float, bold: bool = False, italic: bool = False,
          underline: bool = False, first: bool = False, align=WD_ALIGN_PARAGRAPH.CENTER) -> None:
    paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
    paragraph.alignment = align
    fmt = paragraph.paragraph_format
    fmt.first_line_indent = Cm(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0
    run = paragraph.add_run(text)
    set_run_font(run, size=size, bold=bold, italic=italic, underline=underline)


def _header(doc: Document, data: ReviewReportData) -> None:
    """Left: superior body, issuing body (bold), "*" or a rule, number. Right: "ĐẢNG CỘNG SẢN VIỆT NAM"
    or the national motto, then place and date in italics."""
    party = data.variant is Variant.PARTY
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(table)
    _widths(table, (78, TEXT_WIDTH_MM - 78 + 10) if party else (72, TEXT_WIDTH_MM - 72 + 10))
    left, right = table.rows[0].cells
    size = 14 if party else 13
    first = True
    if data.issuer.superior:
        _line(left, data.issuer.superior.upper(), size=size, first=True)
        first = False
    _line(left, data.issuer.name.upper(), size=size, bold=True, first=first)
    _line(left, "*" if party else "_______", size=size)
    _line(left, data.number_text, size=size)
    if party:
        _line(right, "ĐẢNG CỘNG SẢN VIỆT NAM", size=15, bold=True, underline=True, first=True)
    else:
        _line(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=13, bold=True, first=True)
        _line(right, "Độc lập - Tự do - Hạnh phúc", size=14, bold=True, underline=True)
    _line(right, "", size=size)
    _line(right, data.place_date_text, size=14, italic=True)


def _title(doc: Document, data: ReviewReportData) -> None:
    if data.draft:
        mark = doc.add_paragraph()
        mark.alignment = WD_ALIGN_PARAGRAPH.CENTER
        mark.paragraph_format.first_line_indent = Cm(0)
        mark.paragraph_format.left_indent = Mm(TEXT_WIDTH_MM - 36)  # a small box at the right margin
        mark.paragraph_format.space_before = Pt(6)
        mark.paragraph_format.space_after = Pt(0)
        mark._p.get_or_add_pPr().append(parse_xml(
            f'<w:pBdr {nsdecls("w")}><w:top w:val="single" w:sz="6" w:space="1" w:color="auto"/>'
            '<w:left w:val="single" w:sz="6" w:space="4" w:color="auto"/>'
            '<w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/>'
            '<w:right w:val="single" w:sz="6" w:space="4" w:color="auto"/></w:pBdr>'))
        set_run_font(mark.add_run("DỰ THẢO"), size=14, bold=True)
    for text, size, before in (("BÁO CÁO", 16, 18), (clean(data.title, data.tone), 14, 0)):
        paragraph = doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.first_line_indent = Cm(0)
        paragraph.paragraph_format.space_before = Pt(before)
        paragraph.paragraph_format.space_after = Pt(0)
        _text(paragraph, text)
        for run in paragraph.runs:
            set_run_font(run, size=size, bold=True)
    rule = doc.add_paragraph()
    rule.alignment = WD_ALIGN_PARAGRAPH.CENTER
    rule.paragraph_format.first_line_indent = Cm(0)
    set_run_font(rule.add_run("-----"), size=14)


# --- body -------------------------------------------------------------------------------------------

def _text(paragraph, text: str):  # type: ignore[no-untyped-def]
    """The text as runs; a non-breaking hyphen (U+2011, set by the cleaner inside document numbers such as
    "55‑CTr/TU") becomes Word's own <w:noBreakHyphen/>, which every font draws."""
    if NB_HYPHEN not in text:
        if text:
            paragraph.add_run(text)
        return paragraph
    for i, piece in enumerate(text.split(NB_HYPHEN)):
        if i:
            paragraph.add_run()._r.append(parse_xml(f'<w:noBreakHyphen {nsdecls("w")}/>'))
        if piece:
            paragraph.add_run(piece)
    return paragraph


def _para(doc: Document, text: str, style: str | None = None):  # type: ignore[no-untyped-def]
    paragraph = doc.add_paragraph()
    if style:
        paragraph._p.style = style.replace(" ", "")
    return _text(paragraph, text)


def _styled(doc: Document, text: str, style: str):  # type: ignore[no-untyped-def]
    """A paragraph in a style given by name, set by id: python-docx's lookup by name scans every style
    and costs ~2 ms a paragraph, which adds up to seconds in a province's report."""
    return _para(doc, text, style)


def _heading(doc: Document, text: str, level: int) -> None:
    _styled(doc, text, f"Heading {level}")


def _bullets(doc: Document, items: Sequence[str], empty: str) -> None:
    for item in items or [empty]:
        _styled(doc, item, STYLE_BULLET)


def _body(doc: Document, data: ReviewReportData, *, chart: bool) -> None:
    tone = data.tone
    voice = data.voice or (data.issuer.name[:1].upper() + data.issuer.name[1:].lower()
                           if data.issuer.name.isupper() else data.issuer.name)
    intro = (f"Thực hiện {data.plan_number} {data.plan_title}".strip() if data.plan_number or data.plan_title
             else "Thực hiện kế hoạch")
    _para(doc, clean(f"{intro}, {voice} báo cáo {data.kind.label} {data.period.label} (từ ngày "
                            f"{fmt_date(data.period.start)} đến ngày {fmt_date(data.period.end)}) như sau:", tone))
    for block in data.body or legacy_blocks(data):
        _block(doc, data, block, chart=chart)


def _block(doc: Document, data: ReviewReportData, block: Block, *, chart: bool) -> None:
    tone = data.tone
    if block.kind == "heading":
        _heading(doc, clean(block.text, tone), block.level)
    elif block.kind == "paragraph":
        if block.sentences:
            _para(doc, clean(" ".join(s.text for s in block.sentences), tone))
    elif block.kind == "bullets":
        for sentence in block.sentences:
            _styled(doc, clean(sentence.text, tone), STYLE_BULLET)
    elif block.kind == "targets":
        _targets(doc, data, chart=chart, summary=False)


def legacy_blocks(data: ReviewReportData) -> list[Block]:
    """The body of a report filled field by field (no synthesis: the sample and older callers)."""
    from trienkhai.reports.review import bullets, heading, paragraph
    from trienkhai.reports.synthesis import Sentence

    def lines(items: Sequence[str]) -> list[Sentence]:
        return [Sentence(t) for t in items]

    blocks = [heading("TÌNH HÌNH TRIỂN KHAI, QUÁN TRIỆT THỰC HIỆN", 1), paragraph(*lines(data.situation)),
              heading("KẾT QUẢ THỰC HIỆN", 1)]
    for part in data.results:
        blocks.append(heading(part.title, 2))
        for group in part.groups:
            blocks.append(heading(group.title, 3))
            blocks += [paragraph(Sentence(f"{lead.organisation}: {lead.result}")) for lead in group.leads]
    blocks += [heading("Kết quả thực hiện các chỉ tiêu", 2), Block("targets"),
               heading("HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN", 1), heading("Hạn chế, khuyết điểm", 2),
               bullets(lines(data.shortcomings)), heading("Nguyên nhân", 2), bullets(lines(data.causes)),
               heading("PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", 1), bullets(lines(data.directions)),
               heading("ĐỀ XUẤT, KIẾN NGHỊ", 1), bullets(lines(data.proposals))]
    return blocks


def _targets(doc: Document, data: ReviewReportData, *, chart: bool, summary: bool = True) -> None:
    rows = data.targets
    if not rows:
        if summary:
            doc.add_paragraph("Kế hoạch không có chỉ tiêu định lượng.")
        return
    counts = {a: sum(1 for r in rows if r.assessment is a) for a in Assessment}
    if summary:
        doc.add_paragraph(
            f"Trong tổng số {len(rows)} chỉ tiêu: {counts[Assessment.EXCEEDED]} chỉ tiêu vượt, "
            f"{counts[Assessment.MET]} chỉ tiêu đạt, {counts[Assessment.NOT_MET]} chỉ tiêu chưa đạt"
            f"{', ' + str(counts[Assessment.NO_DATA]) + ' chỉ tiêu chưa có số liệu' if counts[Assessment.NO_DATA] else ''}"
            " (chi tiết tại bảng dưới đây).")
    _styled(doc, "Bảng 1. Kết quả thực hiện các chỉ tiêu", STYLE_CAPTION)
    add_table(doc, ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Kết quả", "Đánh giá"],
              [[str(i), clean(r.name, data.tone), r.unit, r.plan_value,
                fmt_number(r.result) + (" (*)" if r.problem else ""), r.assessment.label]
               for i, r in enumerate(rows, 1)],
              widths_mm=[13, 69, 20, 22, 20, 21], center=(0, 2, 3, 4, 5))
    if any(r.problem for r in rows):
        note = _para(doc, "(*) Số liệu không hợp lệ so với đơn vị tính của chỉ tiêu, cần được kiểm tra lại.")
        note.paragraph_format.first_line_indent = Cm(0)
        for run in note.runs:
            set_run_font(run, size=12, italic=True)
    png = targets_chart_png(rows) if chart else None
    if png:
        paragraph = doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.first_line_indent = Cm(0)
        paragraph.paragraph_format.space_before = Pt(6)
        paragraph.add_run().add_picture(io.BytesIO(png), width=Mm(TEXT_WIDTH_MM - 5))
        _styled(doc, "Biểu đồ 1. Tỷ lệ đạt so với kế hoạch của các chỉ tiêu", STYLE_CAPTION)


# --- tables -----------------------------------------------------------------------------------------

def add_table(doc: Document, headers: Sequence[str], rows: Sequence[Sequence[str]], *,
              widths_mm: Sequence[float], center: Sequence[int] = ()) -> None:
    """A bordered table (style "Table Grid") with a repeated bold header row.

    Built as one piece of XML: python-docx's cell-by-cell API takes seconds for the thousand rows of a
    province's appendix.
    """
    twips = [int(w * 56.7) for w in widths_mm]
    style = f'<w:pStyle w:val="{doc.styles[STYLE_TABLE].style_id}"/>'

    def cell(text: str, width: int, index: int, header: bool) -> str:
        jc = '<w:jc w:val="center"/>' if header or index in center else ""
        bold = "<w:b/>" if header else ""
        shade = '<w:shd w:val="clear" w:color="auto" w:fill="E7E6E6"/>' if header else ""
        return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shade}<w:vAlign w:val="center"/></w:tcPr>'
                f'<w:p><w:pPr>{style}{jc}</w:pPr><w:r><w:rPr>{bold}<w:lang w:val="vi-VN"/></w:rPr>'
                f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p></w:tc>')

    header_xml = ('<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>'
                  + "".join(cell(h, twips[i], i, True) for i, h in enumerate(headers)) + "</w:tr>")
    body_xml = "".join(
        "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
        + "".join(cell(str(v), twips[i], i, False) for i, v in enumerate(row)) + "</w:tr>" for row in rows)
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in twips)
    table_style = doc.styles["Table Grid"].style_id
    tbl = parse_xml(
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="{table_style}"/><w:tblW w:w="{sum(twips)}" w:type="dxa"/>'
        f'<w:jc w:val="center"/><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
        f'{header_xml}{body_xml}</w:tbl>')
    body = doc.element.body
    body.sectPr.addprevious(tbl) if body.sectPr is not None else body.append(tbl)


# --- closing -----------------------------------------------------------------------------------------

def _closing(doc: Document, data: ReviewReportData) -> None:
    """"Nơi nhận:" bottom left (bold italic label, 12pt list), signature block right."""
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    _widths(table, (80, TEXT_WIDTH_MM - 80))
    # The recipients and the signature stay on one page, together.
    table.rows[0]._tr.get_or_add_trPr().append(parse_xml(f'<w:cantSplit {nsdecls("w")}/>'))
    left, right = table.rows[0].cells
    _line(left, "Nơi nhận:", size=12, bold=True, italic=True, first=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    recipients = list(data.recipients)
    if not any(r.strip().lstrip("- ").lower().startswith("lưu") for r in recipients):  # the chosen list may end with it
        recipients.append(data.archive or "Lưu Văn phòng")
    for i, name in enumerate(recipients):
        end = "." if i == len(recipients) - 1 else ","
        _line(left, clean(f"- {name.strip().lstrip('-').strip().rstrip('.,;')}{end}", data.tone),
              size=12 if data.variant is Variant.PARTY else 11, align=WD_ALIGN_PARAGRAPH.LEFT)
    signer = data.signer
    first = True
    for text in (signer.on_behalf_of, signer.title):
        if text:
            _line(right, clean(text.upper(), data.tone), size=14, bold=True, first=first)
            first = False
    for _ in range(4):  # room for the signature and seal
        _line(right, "", size=14, first=first)
        first = False
    _line(right, signer.name, size=14, bold=True)


def _appendix(doc: Document, data: ReviewReportData) -> None:
    # The appendix starts a page by its own heading (a page-break paragraph could leave a blank page when
    # the signature block ends at the bottom of one).
    _styled(doc, "PHỤ LỤC", STYLE_CAPTION).paragraph_format.page_break_before = True
    number = data.number_text.replace("Số:", "số").replace("Số", "số")
    doc.add_paragraph(f"(Kèm theo Báo cáo {number}, {data.place_date_text.split(', ', 1)[-1]} của {data.voice})"
                      if data.voice else f"(Kèm theo Báo cáo {number})", style=STYLE_CAPTION).runs[0].font.bold = False
    _styled(doc, "Phụ lục 1. Tình hình thực hiện nhiệm vụ theo đơn vị", STYLE_CAPTION)
    columns = [*TASK_STATUSES, (NOT_REPORTED, NOT_REPORTED_LABEL)]
    rows = [r for r in data.tasks_by_status if r.total]
    add_table(doc, ["STT", "Cơ quan, đơn vị chủ trì", "Số nhiệm vụ chủ trì", *(label for _, label in columns)],
              [[str(i), clean(r.organisation, data.tone), str(r.total), *(str(r.counts.get(k, 0)) for k, _ in columns)]
               for i, r in enumerate(rows, 1)]
              + ([["", "Tổng cộng (lượt giao chủ trì)", str(sum(r.total for r in rows)),
                   *(str(sum(r.counts.get(k, 0) for r in rows)) for k, _ in columns)]] if rows else []),
              widths_mm=[12, 45, 19, 18, 19, 17, 17, 18], center=(0, 2, 3, 4, 5, 6, 7))
    _styled(doc, "Phụ lục 2. Các đơn vị chưa gửi báo cáo", STYLE_CAPTION)
    add_table(doc, ["STT", "Đơn vị", "Hạn báo cáo", "Số nhiệm vụ được giao"],
              [[str(i), clean(r.organisation, data.tone), fmt_date(r.due), str(r.tasks)]
               for i, r in enumerate(data.not_reported, 1)]
              or [["", "Tất cả các đơn vị đã gửi báo cáo.", "", ""]],
              widths_mm=[13, 97, 27, 28], center=(0, 2, 3))
    _styled(doc, "Phụ lục 3. Tính kịp thời của báo cáo", STYLE_CAPTION)
    add_table(doc, ["STT", "Đơn vị", "Hạn báo cáo", "Ngày gửi", "Số ngày chậm", "Đánh giá"],
              [[str(i), clean(r.organisation, data.tone), fmt_date(r.due), fmt_date(r.submitted),
                "" if r.days_late is None else str(r.days_late),
                {True: "Đúng hạn", False: "Chậm", None: "Chưa gửi"}[r.on_time if r.submitted else None]]
               for i, r in enumerate(data.timeliness, 1)],
              widths_mm=[13, 56, 27, 27, 18, 24], center=(0, 2, 3, 4, 5))
