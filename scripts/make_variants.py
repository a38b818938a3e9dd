"""Realistic format variants of a plan held as .txt: the .docx an official would type, its .pdf
(LibreOffice), and the "hard-wrapped PDF copies" (.txt extracted from that PDF with `pdftotext -layout`, with plain
`pdftotext`, and with pypdf's `extract_text()`).

The .docx is built from the blocks the .txt reader finds: Times New Roman 14, justified body with a
first-line indent, bold part/item headings, italic group labels, a page number field in the header,
tables (header row repeated on every page, rows split over page breaks re-joined, a vertically merged
lead cell where the lead repeats or is left blank), footnotes. With `auto_numbering` the headings and
dash bullets get real Word automatic numbering (numbering.xml: upperRoman "I." parts, decimal "1."
items, "%2.%3." sub-items, "-" bullets) instead of typed numbers — only where the typed number is the
one Word would show, so the text stays the same.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from trienkhai.documents.model import Block
from trienkhai.documents.read import read_document

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
NUM_ID = 77
BANNER_RE = re.compile(r"^(Số hiệu|Loại văn bản|Nơi ban hành|Người ký|Ngày ban hành|Ngày hiệu lực|"
                       r"Ngày công báo|Số công báo|Lĩnh vực|Tình trạng|Ngày hết hiệu lực)\s*:")
ROMAN_RE = re.compile(r"^([IVXLC]+)\s*([.\-])\s+(\S.*)$")
ARABIC_RE = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,2})\.\s+(\S.*)$")
DASH_RE = re.compile(r"^-\s+(\S.*)$")
SIGNATURE_RE = re.compile(r"^(T/M|TM\.|K/T|KT\.|TL\.|T/L|Q\.|CHỦ TỊCH|PHÓ CHỦ TỊCH|BÍ THƯ|PHÓ BÍ THƯ|BỘ TRƯỞNG)")
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_value(s: str) -> int:
    total = 0
    for a, b in zip(s, s[1:] + " ", strict=True):
        v = ROMAN_VALUES[a]
        total += -v if ROMAN_VALUES.get(b, 0) > v else v
    return total


def _numbering_xml(part_sep: str) -> str:
    return (
        f'<w:abstractNum {W_NS} w:abstractNumId="{NUM_ID}"><w:multiLevelType w:val="multilevel"/>'
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1{part_sep}"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%3."/></w:lvl>'
        '<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%3.%4."/></w:lvl>'
        '<w:lvl w:ilvl="4"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>'
        "</w:abstractNum>"
    )


@dataclass
class Counters:
    """Word's counters for our one multilevel list, to check a typed number is what Word would show."""

    levels: list[int]

    def expect(self, ilvl: int) -> list[int]:
        nxt = list(self.levels)
        nxt[ilvl] += 1
        for deeper in range(ilvl + 1, 4):
            nxt[deeper] = 0
        return nxt


def _merge_tables(blocks: list[Block]) -> list[Block]:
    """Tables the .txt shows page by page (header repeated, a row split over the break) → one table."""
    out: list[Block] = []
    for b in blocks:
        if b.kind == "table" and out and out[-1].kind == "table" and b.rows and out[-1].rows[0] == b.rows[0]:
            rows = b.rows[1:]
            prev = out[-1].rows
            if rows and not rows[0][0].strip() and sum(bool(c.strip()) for c in rows[0]) == 1:
                cont = rows.pop(0)
                for i, c in enumerate(cont):
                    if c.strip():
                        prev[-1][i] = (prev[-1][i].rstrip() + " " + c.strip()).strip()
            prev.extend(rows)
        else:
            out.append(Block(kind=b.kind, text=b.text, bold=b.bold, italic=b.italic,
                             rows=[list(r) for r in b.rows], note_id=b.note_id))
    return out


def _drop_banner(blocks: list[Block]) -> list[Block]:
    """A web copy's title and metadata lines before the document: not in an official's .docx."""
    last = max((i for i, b in enumerate(blocks[:15]) if BANNER_RE.match(b.text)), default=-1)
    return blocks[last + 1:] if last >= 0 else blocks


class DocxWriter:
    def __init__(self, auto_numbering: bool, part_sep: str) -> None:
        self.doc = docx.Document()
        self.auto = auto_numbering
        self.counters = Counters([0, 0, 0, 0])
        self.notes: list[tuple[int, str]] = []
        self.numbered = 0
        self.typed = 0
        self._setup(part_sep)

    def _setup(self, part_sep: str) -> None:
        style = self.doc.styles["Normal"]
        style.font.name = "Times New Roman"
        style.font.size = Pt(14)
        style.element.rPr.rFonts.set(qn("w:eastAsia"), "Times New Roman")
        style.paragraph_format.space_after = Pt(6)
        sec = self.doc.sections[0]
        sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
        sec.left_margin, sec.right_margin, sec.top_margin, sec.bottom_margin = Cm(3), Cm(2), Cm(2), Cm(2)
        # Page number at the top centre, as the official format (Nghị định 30/2020) asks.
        hp = sec.header.paragraphs[0]
        hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = hp.add_run()
        for xml in ('<w:fldChar {} w:fldCharType="begin"/>', '<w:instrText {} xml:space="preserve"> PAGE </w:instrText>',
                    '<w:fldChar {} w:fldCharType="end"/>'):
            run._r.append(parse_xml(xml.format(W_NS)))
        if self.auto:
            numbering = self.doc.part.numbering_part.element
            numbering.insert(0, parse_xml(_numbering_xml(part_sep)))
            numbering.append(parse_xml(f'<w:num {W_NS} w:numId="{NUM_ID}"><w:abstractNumId w:val="{NUM_ID}"/></w:num>'))

    def paragraph(self, text: str, *, bold: bool = False, italic: bool = False, align: str = "justify",
                  indent: bool = True, ilvl: int | None = None) -> None:
        p = self.doc.add_paragraph()
        p.alignment = {"justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "center": WD_ALIGN_PARAGRAPH.CENTER,
                       "left": WD_ALIGN_PARAGRAPH.LEFT}[align]
        if indent and align == "justify":
            p.paragraph_format.first_line_indent = Cm(1)
        run = p.add_run(text)
        run.bold = bold or None
        run.italic = italic or None
        if ilvl is not None:
            p._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {W_NS}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{NUM_ID}"/></w:numPr>'))
        self.last = p

    def heading_or_item(self, b: Block) -> None:
        text = b.text.strip()
        m = ROMAN_RE.match(text)
        if m:
            self._numbered(0, [roman_value(m.group(1)), 0, 0, 0], m.group(3), text, bold=True)
            return
        m = ARABIC_RE.match(text)
        if m:
            nums = [int(x) for x in m.group(1).split(".")]
            ilvl = len(nums)
            want = [self.counters.levels[0], *nums, 0, 0][:4]
            short = len(m.group(2)) < 160
            self._numbered(ilvl, want, m.group(2), text, bold=short and (b.bold or ilvl <= 2), italic=b.italic)
            return
        m = DASH_RE.match(text)
        if m and self.auto:
            self.paragraph(m.group(1), italic=b.italic, ilvl=4, indent=False)
            self.numbered += 1
            return
        self.paragraph(text, bold=b.bold, italic=b.italic)

    def _numbered(self, ilvl: int, want: list[int], rest: str, typed: str, bold: bool, italic: bool = False) -> None:
        if self.auto and self.counters.expect(ilvl) == want:
            self.counters.levels = want
            self.paragraph(rest, bold=bold, italic=italic, ilvl=ilvl, indent=False)
            self.numbered += 1
        else:
            if ilvl == 0:
                self.counters.levels = [want[0], 0, 0, 0]
            self.paragraph(typed, bold=bold, italic=italic)
            self.typed += 1

    def table(self, rows: list[list[str]]) -> None:
        ncols = max(len(r) for r in rows)
        t = self.doc.add_table(rows=len(rows), cols=ncols)
        t.style = "Table Grid"
        lead_col = 2 if ncols >= 4 else None
        for i, row in enumerate(rows):
            for j in range(ncols):
                cell = t.cell(i, j)
                value = row[j] if j < len(row) else ""
                cell.text = value
                for par in cell.paragraphs:
                    for r in par.runs:
                        r.font.size = Pt(12)
                        r.bold = (i == 0) or None
        t.rows[0]._tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader {W_NS}/>'))
        # Column widths as typed: a narrow number column, the content column widest (16 cm in all).
        t.autofit = False
        widths = [1.1, 6.3] + [8.6 / max(1, ncols - 2)] * (ncols - 2) if ncols >= 3 else [16.0 / ncols] * ncols
        for row in t.rows:
            for j, cell in enumerate(row.cells[:ncols]):
                cell.width = Cm(widths[j])
        if lead_col is not None:
            # A lead left blank or repeated in the next row is one vertically merged cell, as typed.
            start = None
            for i in range(1, len(rows)):
                cur = rows[i][lead_col] if lead_col < len(rows[i]) else ""
                prev = rows[i - 1][lead_col] if lead_col < len(rows[i - 1]) else ""
                if i > 1 and prev.strip() and (not cur.strip() or cur.strip() == prev.strip()):
                    start = i - 1 if start is None else start
                    continue
                self._vmerge(t, lead_col, start, i - 1)
                start = None
            self._vmerge(t, lead_col, start, len(rows) - 1)

    @staticmethod
    def _vmerge(t, col: int, start: int | None, end: int) -> None:
        if start is None or end <= start:
            return
        top = t.cell(start, col)
        text = top.text
        for i in range(start + 1, end + 1):
            t.cell(i, col).text = ""
        merged = top.merge(t.cell(end, col))
        for par in merged.paragraphs[1:]:
            par._p.getparent().remove(par._p)
        merged.paragraphs[0].text = text

    def footnote(self, text: str) -> None:
        self.notes.append((len(self.notes) + 1, text))
        run = self.last.add_run()
        run._r.append(parse_xml(f'<w:rPr {W_NS}><w:vertAlign w:val="superscript"/></w:rPr>'))
        run._r.append(parse_xml(f'<w:footnoteReference {W_NS} w:id="{len(self.notes)}"/>'))

    def save(self, path: Path) -> None:
        if self.notes:
            body = "".join(
                f'<w:footnote w:id="{i}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
                f'<w:r><w:rPr><w:sz w:val="20"/></w:rPr><w:t xml:space="preserve"> {_xml_escape(t)}</w:t></w:r></w:p></w:footnote>'
                for i, t in self.notes)
            xml = (f'<w:footnotes {W_NS}>'
                   '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                   '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
                   f"{body}</w:footnotes>")
            part = Part(PackURI("/word/footnotes.xml"),
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                        xml.encode(), self.doc.part.package)
            self.doc.part.relate_to(part, RT.FOOTNOTES)
        self.doc.save(str(path))


def _xml_escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


MOTTO_RE = re.compile(r"^(CỘNG HÒA|CỘNG HOÀ|Độc lập|ĐẢNG CỘNG SẢN)")
DATE_LINE_RE = re.compile(r"^[^\d]{2,40}, ngày \d")
KIND_RE = re.compile(r"^(KẾ HOẠCH|QUYẾT ĐỊNH|CHƯƠNG TRÌNH|NGHỊ QUYẾT|CHỈ THỊ|KẾT LUẬN|HƯỚNG DẪN|ĐỀ ÁN)\b")


def _header_table(w: DocxWriter, lines: list[str]) -> None:
    """The official two-column header (Nghị định 30/2020, Quy định 66-QĐ/TW) as a borderless table:
    issuing body and number on the left, the motto (or the Party's name) and place-date on the right."""
    left = [t for t in lines if not MOTTO_RE.match(t) and not DATE_LINE_RE.match(t) and not t.startswith("Số")]
    number = [t for t in lines if t.startswith("Số")]
    right = [t for t in lines if MOTTO_RE.match(t)]
    date = [t for t in lines if DATE_LINE_RE.match(t)]
    t = w.doc.add_table(rows=2, cols=2)
    t.autofit = False
    cells = ((0, 0, left, True, False), (0, 1, right, True, False), (1, 0, number, False, False),
             (1, 1, date, False, True))
    for r, c, texts, bold, italic in cells:
        cell = t.cell(r, c)
        cell.width = Cm(6.5 if c == 0 else 9.5)
        for k, text in enumerate(texts):
            par = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
            par.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = par.add_run(text)
            run.bold = (bold and (text.isupper() or text.startswith("Độc lập"))) or None
            run.italic = italic or None
            run.font.size = Pt(13)


def _closing_span(blocks: list[Block], start: int) -> tuple[int, int, int] | None:
    """(end of the recipients, end of the signature titles, end after the signer's name) from "Nơi nhận"."""
    i = start + 1
    while i < len(blocks) and blocks[i].kind == "paragraph" and blocks[i].text.strip().startswith("-"):
        i += 1
    j = i
    while j < len(blocks) and blocks[j].kind == "paragraph" and (
            SIGNATURE_RE.match(blocks[j].text.strip()) or blocks[j].text.strip().isupper()):
        j += 1
    if j == i or j >= len(blocks) or blocks[j].kind != "paragraph":
        return None
    return i, j, j + 1


def _closing_table(w: DocxWriter, recipients: list[str], signature: list[str], name: str) -> None:
    """"Nơi nhận" on the left, the signature block on the right, in a borderless table."""
    t = w.doc.add_table(rows=1, cols=2)
    left, right = t.cell(0, 0), t.cell(0, 1)
    for k, text in enumerate(recipients):
        par = left.paragraphs[0] if k == 0 else left.add_paragraph()
        run = par.add_run(text)
        run.font.size = Pt(12 if k == 0 else 11)
        run.bold = run.italic = (k == 0) or None
    for k, text in enumerate([*signature, "", "", name]):
        par = right.paragraphs[0] if k == 0 else right.add_paragraph()
        par.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if text:
            par.add_run(text).bold = True


def make_docx(txt: Path, out: Path, *, auto_numbering: bool) -> dict[str, int]:
    """Write the .docx variant of `txt`; returns counts (numbered / typed headings, tables, notes)."""
    blocks = _merge_tables(_drop_banner(read_document(txt).blocks))
    part_sep = "-" if sum(bool(re.match(r"^[IVX]+-\s", b.text)) for b in blocks) > 1 else "."
    w = DocxWriter(auto_numbering, part_sep)
    in_closing = False
    tables = 0
    body_started = False
    # Header lines before the document kind ("KẾ HOẠCH"): a header table when there is one.
    first_kind = next((i for i, b in enumerate(blocks[:20]) if KIND_RE.match(b.text.strip())), None)
    if first_kind and any(MOTTO_RE.match(b.text.strip()) or b.text.strip().startswith("Số")
                          for b in blocks[:first_kind]):
        _header_table(w, [b.text.strip() for b in blocks[:first_kind] if b.text.strip()])
        blocks = blocks[first_kind:]
    skip_to = -1
    for index, b in enumerate(blocks):
        text = b.text.strip()
        if index < skip_to:
            continue
        if b.kind == "paragraph" and text.startswith("Nơi nhận") and auto_numbering is not None:
            span = _closing_span(blocks, index)
            if span is not None:
                rec_end, sig_end, end = span
                _closing_table(w, [x.text.strip() for x in blocks[index:rec_end]],
                               [x.text.strip() for x in blocks[rec_end:sig_end]], blocks[sig_end].text.strip())
                skip_to = end
                continue
        if b.kind == "table":
            w.table(b.rows)
            tables += 1
            continue
        if b.kind == "footnote":
            w.footnote(text)
            continue
        if not text:
            continue
        if text.startswith("Nơi nhận"):
            in_closing = True
        if not body_started and (ROMAN_RE.match(text) or text.startswith(("Thực hiện", "Căn cứ"))):
            body_started = True
        if not body_started:
            # Header lines and title: centred, the kind and title in bold capitals.
            w.paragraph(text, bold=b.bold or text.isupper(), italic=b.italic, align="center")
        elif in_closing:
            signature = bool(SIGNATURE_RE.match(text)) or (text.isupper() and len(text) < 60)
            w.paragraph(text, bold=signature or text.startswith("Nơi nhận"), italic=text.startswith("Nơi nhận"),
                        align="center" if signature else "left", indent=False)
        else:
            w.heading_or_item(b)
    if not w.notes:
        # One footnote as officials add them, citing the first long body paragraph.
        w.notes.append((1, "Số liệu theo báo cáo tổng kết của các cơ quan, đơn vị."))
        target = next((p for p in w.doc.paragraphs if len(p.text) > 200), None) or max(
            (p for p in w.doc.paragraphs if len(p.text) > 25 and not p.text.isupper()), key=lambda p: len(p.text), default=None)
        if target is not None:
            run = target.add_run()
            run._r.append(parse_xml(f'<w:rPr {W_NS}><w:vertAlign w:val="superscript"/></w:rPr>'))
            run._r.append(parse_xml(f'<w:footnoteReference {W_NS} w:id="1"/>'))
        else:
            w.notes.clear()
    w.save(out)
    return {"numbered": w.numbered, "typed": w.typed, "tables": tables, "notes": len(w.notes)}


def to_pdf(docx_path: Path, outdir: Path) -> Path:
    """Convert with LibreOffice (a private profile so parallel runs do not collide)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("LibreOffice (soffice) is needed to make the .pdf variants")
    with tempfile.TemporaryDirectory(prefix="trienkhai-variants-") as tmp:
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                        "--convert-to", "pdf", "--outdir", str(outdir), str(docx_path)],
                       check=True, capture_output=True, timeout=180)
    return outdir / (docx_path.stem + ".pdf")


EMBEDDED_FONT = "DejaVu Serif"
"""A font with every Vietnamese glyph: the PDF needs no fallback font (as Times New Roman on Windows)."""


def to_pdf_embedded_font(docx_path: Path, outdir: Path, font: str = EMBEDDED_FONT) -> Path:
    """The .pdf of `docx_path` with every run in `font`. With the default fonts here (Liberation Serif
    lacks some Vietnamese letters) LibreOffice draws those letters from a fallback font, and pypdf then
    moves them to the end of each line ("K  HO CHẾ Ạ"); real documents set in Times New Roman do not
    have that, so the pypdf variant is made from this PDF."""
    d = docx.Document(str(docx_path))
    for style in d.styles:
        font_obj = getattr(style, "font", None)
        if font_obj is None:
            continue
        font_obj.name = font
        style.element.get_or_add_rPr().rFonts.set(qn("w:eastAsia"), font)
    parts = [d.part] + [s.header.part for s in d.sections] + [s.footer.part for s in d.sections]
    for part in parts:
        for r in part.element.iter(qn("w:r")):
            rpr = r.find(qn("w:rPr"))
            if rpr is None:
                rpr = parse_xml(f"<w:rPr {W_NS}/>")
                r.insert(0, rpr)
            fonts = rpr.find(qn("w:rFonts"))
            if fonts is None:
                fonts = parse_xml(f"<w:rFonts {W_NS}/>")
                rpr.insert(0, fonts)
            for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
                fonts.set(qn(attr), font)
    with tempfile.TemporaryDirectory(prefix="trienkhai-font-") as tmp:
        src = Path(tmp) / docx_path.name
        d.save(str(src))
        to_pdf(src, outdir)
    return outdir / (docx_path.stem + ".pdf")


def pdf_copy(pdf: Path, out: Path) -> Path:
    """The text a person gets copying the PDF: hard line breaks, page numbers, form feeds as breaks."""
    subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), str(out)], check=True,
                   capture_output=True, timeout=120)
    out.write_text(out.read_text(encoding="utf-8").replace("\f", "\n"), encoding="utf-8")
    return out


def pdf_plain(pdf: Path, out: Path) -> Path:
    """The PDF's text as `pdftotext` gives it without -layout: one column at a time, hard-wrapped."""
    subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), str(out)], check=True, capture_output=True, timeout=120)
    out.write_text(out.read_text(encoding="utf-8").replace("\f", "\n"), encoding="utf-8")
    return out


def pypdf_text(pdf: Path, out: Path) -> Path:
    """The PDF's text as pypdf's `extract_text()` gives it (content-stream order), pages one after another."""
    from pypdf import PdfReader

    pages = [page.extract_text() or "" for page in PdfReader(str(pdf)).pages]
    out.write_text("\n".join(pages), encoding="utf-8")
    return out


def pdf_pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(pdf)).pages)


LEGACY_FONTS = {"tcvn3": (".VnTime", ".VnTimeH"), "vni": ("VNI-Times", "VNI-Times")}


def _set_font(run, font: str) -> None:
    rpr = run._r.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = parse_xml(f"<w:rFonts {W_NS}/>")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), font)


def _legacy_run(run, encoding: str, lower_capitals: bool) -> None:
    """Retype one run in the legacy font: its text as the font's code points (what Word stores)."""
    from trienkhai.text.legacy import legacy_surface

    text = run.text
    regular, capitals = LEGACY_FONTS[encoding]
    caps = encoding == "tcvn3" and any(c.isalpha() for c in text) and text == text.upper()
    if caps and lower_capitals:
        # In a capitals font the typist need not hold Shift: "ch­¬ng tr×nh" is drawn "CHƯƠNG TRÌNH".
        text = text.lower()
    run.text = legacy_surface(text, encoding)
    _set_font(run, capitals if caps else regular)


def make_legacy_docx(src: Path, out: Path, encoding: str, *, lower_capitals: bool = False) -> dict[str, int]:
    """The .docx `src` as typed in a legacy font (.VnTime/.VnTimeH or VNI-Times), mixed with Unicode
    as real documents are: every fourth paragraph stays Unicode (Times New Roman), and in every
    fourth long paragraph the first half of the words is Unicode and the rest legacy (two runs)."""
    d = docx.Document(str(src))
    counts = {"legacy": 0, "unicode": 0, "mixed": 0}
    paragraphs = list(d.paragraphs) + [p for t in d.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    seen: set[int] = set()
    for i, p in enumerate(paragraphs):
        if id(p._p) in seen:
            continue  # a merged cell is listed once per grid cell
        seen.add(id(p._p))
        runs = [r for r in p.runs if r.text]
        if not runs:
            continue
        if i % 4 == 3:
            counts["unicode"] += 1
            continue
        words = runs[0].text.split(" ")
        if i % 4 == 1 and len(runs) == 1 and len(words) >= 8:
            half = len(words) // 2
            runs[0].text = " ".join(words[:half]) + " "
            tail = p.add_run(" ".join(words[half:]))
            tail.bold, tail.italic = runs[0].bold, runs[0].italic
            # Keep the tail before anything that followed the run (a footnote reference).
            runs[0]._r.addnext(tail._r)
            _legacy_run(tail, encoding, lower_capitals)
            counts["mixed"] += 1
            continue
        for r in runs:
            _legacy_run(r, encoding, lower_capitals)
        counts["legacy"] += 1
    d.save(str(out))
    return counts


def make_legacy_text(txt: Path, out: Path, encoding: str, charset: str = "cp1252") -> Path:
    """Text pasted from a legacy-font document: the font's code points as Unicode letters, saved as
    UTF-8 ("Céng hoµ x· héi"); VISCII read as `charset` ("cp1252" or "latin-1")."""
    from trienkhai.text.legacy import legacy_surface

    out.write_text(legacy_surface(txt.read_text(encoding="utf-8"), encoding, charset), encoding="utf-8")
    return out


def make_legacy_bytes(txt: Path, out: Path, encoding: str) -> Path:
    """A .txt saved in the legacy encoding itself (one byte a letter), as old editors wrote them."""
    from trienkhai.text.legacy import legacy_surface

    out.write_bytes(legacy_surface(txt.read_text(encoding="utf-8"), encoding, "latin-1").encode("latin-1"))
    return out


def _scanned_page(img, rng, *, photo: bool):
    """One rendered page as a scanner or a phone camera gives it back: slightly turned, noisy,
    JPEG-compressed; a photo also keystoned, blurred and unevenly lit."""
    import numpy as np
    from PIL import Image, ImageFilter

    img = img.convert("L").rotate(rng.uniform(-1.5, 1.5), resample=Image.Resampling.BICUBIC, expand=True,
                                  fillcolor=255)
    a = np.asarray(img, dtype=np.float32)
    if photo:
        h, w = a.shape
        # Light falling off from one corner, the paper a little grey.
        yy, xx = np.mgrid[0:h, 0:w]
        a = a * (0.78 + 0.2 * (1 - (xx / w + yy / h) / 2))
    a = a + rng.normal(0, 8 if photo else 5, a.shape)
    speckle = rng.random(a.shape)
    a[speckle < 0.002] = 0
    a[speckle > 0.998] = 255
    img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    if photo:
        w, h = img.size
        d = 0.04
        # Camera held a little off-axis: the page's top edge narrower than its bottom.
        quad = (w * d, h * d * 0.5, 0, h, w, h, w * (1 - d), h * d * 0.5)
        img = img.transform((w, h), Image.Transform.QUAD, quad, resample=Image.Resampling.BICUBIC, fillcolor=200)
        img = img.filter(ImageFilter.GaussianBlur(1.1))
    return img


def make_scan(pdf: Path, out: Path, *, dpi: int = 200, seed: int = 0, photo: bool = False) -> Path:
    """A scanned copy of `pdf` (every page an image: .pdf for scans, a multi-page .tif for photos)."""
    import io as _io
    import random

    import numpy as np
    import pypdfium2 as pdfium
    from PIL import Image

    rng = np.random.default_rng(seed)
    random.seed(seed)
    doc = pdfium.PdfDocument(str(pdf))
    pages = []
    for i in range(len(doc)):
        img = _scanned_page(doc[i].render(scale=dpi / 72, grayscale=True).to_pil(), rng, photo=photo)
        buf = _io.BytesIO()
        img.save(buf, format="JPEG", quality=60)
        pages.append(Image.open(_io.BytesIO(buf.getvalue())))
    doc.close()
    if out.suffix == ".pdf":
        pages[0].save(out, save_all=True, append_images=pages[1:], resolution=float(dpi))
    else:
        pages[0].save(out, save_all=True, append_images=pages[1:], dpi=(dpi, dpi), compression="jpeg")
    return out
