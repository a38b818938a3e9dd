"""Styles and numbering of the report document: Times New Roman, the sizes of Hướng dẫn 36-HD/VPTW and
NĐ 30/2020, and real multi-level numbering (I., 1.) attached to the heading styles, so the user who
inserts or deletes a section in Word gets the numbers right."""

from __future__ import annotations

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

FONT = "Times New Roman"
BODY_PT = 14
TABLE_PT = 12
HEADINGS_NUM_ID = 901
BULLETS_NUM_ID = 902
STYLE_BULLET = "Report Bullet"
STYLE_TABLE = "Report Table Text"
STYLE_CAPTION = "Report Caption"
FIRST_LINE = Cm(1)
LANG = "vi-VN"


def set_lang(rpr) -> None:  # type: ignore[no-untyped-def]
    """w:lang vi-VN on a run's or style's properties (Word checks spelling in Vietnamese, not English)."""
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    rpr.append(parse_xml(f'<w:lang {nsdecls("w")} w:val="{LANG}" w:eastAsia="{LANG}" w:bidi="{LANG}"/>'))


def set_run_font(rpr_parent, *, size: float | None = None, bold: bool | None = None,
                 italic: bool | None = None, underline: bool | None = None) -> None:
    """Times New Roman for every script (theme fonts removed: they would win over an explicit name)."""
    font = rpr_parent.font
    font.name = FONT
    rpr = rpr_parent.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    font.color.rgb = RGBColor(0, 0, 0)
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    if italic is not None:
        font.italic = italic
    if underline is not None:
        font.underline = underline
    set_lang(rpr)


def _numbering(doc: Document) -> None:
    numbering = doc.part.numbering_part.element
    w = nsdecls("w")

    def level(ilvl: int, fmt: str, text: str, style: str | None) -> str:
        pstyle = f'<w:pStyle w:val="{style}"/>' if style else ""
        return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{pstyle}'
                f'<w:suff w:val="space"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                f'<w:pPr><w:ind w:left="0" w:firstLine="567"/></w:pPr></w:lvl>')

    headings = parse_xml(
        f'<w:abstractNum {w} w:abstractNumId="{HEADINGS_NUM_ID}"><w:multiLevelType w:val="multilevel"/>'
        + level(0, "upperRoman", "%1.", "Heading1") + level(1, "decimal", "%2.", "Heading2")
        + "</w:abstractNum>")
    bullets = parse_xml(
        f'<w:abstractNum {w} w:abstractNumId="{BULLETS_NUM_ID}"><w:multiLevelType w:val="singleLevel"/>'
        + level(0, "bullet", "-", None) + "</w:abstractNum>")
    first_num = numbering.find(qn("w:num"))
    for abstract in (headings, bullets):
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
    for num_id in (HEADINGS_NUM_ID, BULLETS_NUM_ID):
        numbering.append(parse_xml(f'<w:num {w} w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>'))


def _attach_numbering(style, num_id: int, ilvl: int) -> None:
    ppr = style.element.get_or_add_pPr()
    for old in ppr.findall(qn("w:numPr")):
        ppr.remove(old)
    num_pr = parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')
    # numPr comes early in pPr (after keepNext/keepLines/pageBreakBefore/framePr/widowControl).
    anchor = None
    for tag in ("w:pageBreakBefore", "w:keepLines", "w:keepNext", "w:pStyle"):
        anchor = ppr.find(qn(tag))
        if anchor is not None:
            break
    if anchor is not None:
        anchor.addnext(num_pr)
    else:
        ppr.insert(0, num_pr)


def _paragraph_style(style, *, size: float, bold: bool = False, italic: bool = False,
                     align=WD_ALIGN_PARAGRAPH.JUSTIFY, first_line=FIRST_LINE,
                     before: float = 0, after: float = 6, keep_next: bool = False) -> None:
    set_run_font(style, size=size, bold=bold, italic=italic)
    fmt = style.paragraph_format
    fmt.alignment = align
    fmt.first_line_indent = first_line
    fmt.left_indent = 0
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing = 1.15
    fmt.keep_with_next = keep_next
    fmt.widow_control = True


def setup_styles(doc: Document) -> None:
    styles = doc.styles
    # The document's language: in the defaults every style inherits, and the settings' theme language.
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr_default = defaults.find(qn("w:rPrDefault"))
        if rpr_default is not None:
            rpr = rpr_default.find(qn("w:rPr"))
            if rpr is not None:
                set_lang(rpr)
    settings = doc.settings.element
    for old in settings.findall(qn("w:themeFontLang")):
        old.set(qn("w:val"), LANG)
    _paragraph_style(styles["Normal"], size=BODY_PT)
    for name, italic in (("Heading 1", False), ("Heading 2", False), ("Heading 3", True)):
        _paragraph_style(styles[name], size=BODY_PT, bold=True, italic=italic, before=6, after=6, keep_next=True)
    _numbering(doc)
    # Level 3 (a task group) is not numbered: its title carries the task's own number from the plan.
    for name, ilvl in (("Heading 1", 0), ("Heading 2", 1)):
        _attach_numbering(styles[name], HEADINGS_NUM_ID, ilvl)

    bullet = styles.add_style(STYLE_BULLET, WD_STYLE_TYPE.PARAGRAPH)
    bullet.base_style = styles["Normal"]
    _paragraph_style(bullet, size=BODY_PT)
    _attach_numbering(bullet, BULLETS_NUM_ID, 0)

    table = styles.add_style(STYLE_TABLE, WD_STYLE_TYPE.PARAGRAPH)
    table.base_style = styles["Normal"]
    _paragraph_style(table, size=TABLE_PT, align=WD_ALIGN_PARAGRAPH.LEFT, first_line=Cm(0), after=0)
    table.paragraph_format.line_spacing = 1.0

    caption = styles.add_style(STYLE_CAPTION, WD_STYLE_TYPE.PARAGRAPH)
    caption.base_style = styles["Normal"]
    _paragraph_style(caption, size=BODY_PT, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, first_line=Cm(0),
                     before=6, keep_next=True)
