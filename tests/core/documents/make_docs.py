"""Test documents made at test time: a .docx with real numbering definitions (upperRoman parts,
"%1.%2." items, lowerLetter, bullets), a vertically merged table, a footnote, bold and italic by
style and by run; its .pdf through LibreOffice."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

NUMBERING_XML = f"""<w:abstractNum {W_NS} w:abstractNumId="90">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%3."/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%4)"/></w:lvl>
  <w:lvl w:ilvl="4"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>
</w:abstractNum>"""
NUM_XML = f'<w:num {W_NS} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'

EXPECTED_LABELS = ["I.", "1.", "1.1.", "1.2.", "a)", "b)", "-", "2.", "II.", "1.", "2."]


def _numbered(document: docx.document.Document, text: str, ilvl: int, **kw: bool) -> None:
    p = document.add_paragraph()
    run = p.add_run(text)
    run.bold = kw.get("bold")
    run.italic = kw.get("italic")
    ppr = p._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {W_NS}><w:ilvl w:val="{ilvl}"/><w:numId w:val="90"/></w:numPr>'))


def _add_footnote(document: docx.document.Document, paragraph, note_text: str) -> None:
    """Add a real footnote part (python-docx has no API for it) and cite it from the paragraph."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    xml = (f'<w:footnotes {W_NS}>'
           '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
           '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
           f'<w:footnote w:id="1"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
           f'<w:r><w:t xml:space="preserve"> {note_text}</w:t></w:r></w:p></w:footnote></w:footnotes>')
    part = Part(PackURI("/word/footnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                xml.encode("utf-8"), document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)
    paragraph._p.append(parse_xml(
        f'<w:r {W_NS}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'))


def make_docx(path: Path) -> Path:
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(NUMBERING_XML))
    numbering.append(parse_xml(NUM_XML))
    title = document.add_paragraph()
    title.add_run("KẾ HOẠCH").bold = True
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph("Thực hiện Nghị quyết số 43-NQ/TW, ngày 24/11/2023 của Ban Chấp hành Trung ương.")
    _numbered(document, "MỤC ĐÍCH, YÊU CẦU", 0, bold=True)
    _numbered(document, "Mục đích", 1, bold=True)
    _numbered(document, "Nâng cao nhận thức", 2)
    cited = document.add_paragraph("Quán triệt sâu sắc Quy định số 1877-QĐ/TU.")
    _add_footnote(document, cited, "Quy định số 1877-QĐ/TU, ngày 05/7/2019.")
    _numbered(document, "Tăng cường lãnh đạo", 2)
    _numbered(document, "Về công tác tuyên truyền", 3)
    _numbered(document, "Về công tác kiểm tra", 3)
    _numbered(document, "Tổ chức học tập", 4)
    _numbered(document, "Yêu cầu", 1, bold=True)
    label = document.add_paragraph()
    label.add_run("Xây dựng giai cấp công nhân").italic = True
    _numbered(document, "NHIỆM VỤ, GIẢI PHÁP", 0, bold=True)
    _numbered(document, "Nhiệm vụ thứ nhất", 1)
    _numbered(document, "Nhiệm vụ thứ hai", 1)
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([["TT", "Nội dung", "Cơ quan chủ trì"],
                             ["1", "Tuyên truyền Nghị quyết", "Ban Tuyên giáo"],
                             ["2", "Kiểm tra, giám sát", ""]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(1, 2).merge(table.cell(2, 2))  # vertical merge: "Ban Tuyên giáo" spans rows 1-2
    table.cell(1, 2).text = "Ban Tuyên giáo"
    document.add_paragraph("Nơi nhận:")
    document.save(str(path))
    return path


def to_pdf(src: Path, outdir: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("LibreOffice (soffice) is needed to make the PDF test documents")
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{outdir}/lo-profile",
                    "--convert-to", "pdf", "--outdir", str(outdir), str(src)],
                   check=True, capture_output=True, timeout=180)
    return outdir / (src.stem + ".pdf")
