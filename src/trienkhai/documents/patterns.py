"""Patterns shared by the readers: what starts a new numbered item, a bullet, a page number."""

from __future__ import annotations

import re

# Leading markup a converter may leave before a number ("**1. Mục đích**", "<b>II.</b>").
_LEAD = r"(?:\*{1,3}|<[biu]>|<strong>|<em>|_)?\s*"
# Roman parts "I.", "II-", Arabic items "1.", "2.1.", "3)", letters "a)", "đ.", bullets.
HEADING_START_RE = re.compile(
    r"^" + _LEAD + r"(?:"
    r"(?:[IVXLC]+)\s*[.\-–/)]\s*\S"            # I. / II- / III) (upper case Roman)
    r"|\d{1,2}(?:\.\d{1,2}){0,3}\s*[.)]\s*\S"  # 1. 2.1. 3) 1.2.3.
    r"|\d{1,2}\.\d{1,2}(?:\.\d{1,2}){0,2}\s+\S"  # 2.1 Text (no final dot)
    r"|\d{1,2}\s*-\s+\S"                      # 1- Text
    r"|[a-zđ]\s*[)]\s*\S"                      # a) b)
    r"|[a-zđ]\.\s+\S"                          # a. b.
    r"|[-+•–—▪●○◦*]\s+\S"                     # bullets
    r"|(?:Điều|Chương|Mục|Phần)\s+[\dIVXLC]+\b"  # Điều 1., Chương II
    r")"
)
PAGE_NUMBER_RE = re.compile(r"^\s*(?:[-–—]\s*)?(?:Trang\s+)?\d{1,4}(?:\s*/\s*\d{1,4})?(?:\s*[-–—])?\s*$",
                            re.IGNORECASE)
FOOTNOTE_LINE_RE = re.compile(r"^([¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\d{1,3}\]|\(\d{1,3}\))\s+(\S.*)$")
SUPERSCRIPT_DIGITS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
LOWER_START_RE = re.compile(r"^[\"“(]?[a-zđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]")
TERMINAL_RE = re.compile(r"[.!?:;…]['\"”’)*]*$|\./\.$")


def is_heading_start(text: str) -> bool:
    """Does this line start a numbered part/item or a bullet (so it never continues a paragraph)?"""
    return bool(HEADING_START_RE.match(text.lstrip()))


def is_all_caps(text: str) -> bool:
    """A line of upper-case letters (a title or part heading), ignoring digits and punctuation."""
    if text != text.upper():
        return False  # a lower-case letter somewhere: the common case, decided without a scan
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)

# The header's place-date line ("Bắc Ninh, ngày 26 tháng 5 năm 2017") and the motto lines: each its own
# paragraph whatever comes before or after (a PDF read column by column puts them next to each other).
PLACE_DATE_LINE_RE = re.compile(r"^[A-ZĐ][^\d,;:.]{0,40},\s*ngày\s+\d{1,2}(?:\s+tháng|\s*$)")
MOTTO_END_RE = re.compile(r"(?:(?:Độc lập|ĐỘC LẬP)\s*[-–—]\s*(?:Tự do|TỰ DO)\s*[-–—]\s*(?:Hạnh phúc|HẠNH PHÚC)"
                          r"|CỘNG H[OÒ]À XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM)[\s\-–—_]*$")


# The preamble's opening words naming what the document carries out ("Thực hiện Nghị quyết số …",
# "Căn cứ Luật …"): capitalised so only at a sentence start, so never the continuation of a wrapped line
# (a hard-wrapped copy runs the title's last line straight into it).
PREAMBLE_OPENER_RE = re.compile(
    r"^(?:Thực hiện|Căn cứ)\s+(?:các\s+|ý kiến\s+|chỉ đạo\s+(?:của\s+)?)?(?:Nghị quyết|Nghị định|Quyết định|Chỉ thị"
    r"|Kết luận|Luật|Bộ luật|Hiến pháp|Kế hoạch|Chương trình|Công văn|Thông báo|Hướng dẫn|Thông tư|Quy định|Đề án"
    r"|Pháp lệnh)\b")


def is_header_line(a: str, b: str) -> bool:
    """Does a paragraph break fall between a and b because a is a motto line, b a place-date line, or b
    opens the preamble?"""
    if "ngày" in b[:50] and PLACE_DATE_LINE_RE.match(b):
        return True
    if b[:1] in "TC" and PREAMBLE_OPENER_RE.match(b):
        return True
    return a.rstrip(" -–—_").endswith(("phúc", "PHÚC", "NAM")) and bool(MOTTO_END_RE.search(a))
