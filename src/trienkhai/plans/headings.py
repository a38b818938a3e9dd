"""What a numbered heading looks like: Roman parts ("I.", "I-", "II –"), Arabic items ("1.", "2.1.", "1-",
"2.1 "), letter items ("a)"), bullets ("-", "+", "•")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from trienkhai.text.numbering import roman_numeral, roman_value

_UPPER_START = r"[A-ZĐÀ-Ỹ\"“'(«]"
ROMAN_RE = re.compile(rf"^(?P<num>[IVXL]{{1,6}})\s*[.\-–—:)]\s*(?P<rest>{_UPPER_START}.*)$")
ARABIC_RE = re.compile(
    rf"^(?P<num>\d{{1,2}}(?:\.\d{{1,2}}){{0,3}})(?:\s*[.)]|\s*[-–—](?!\d))\s*(?P<rest>{_UPPER_START}.*)$"
    rf"|^(?P<num2>\d{{1,2}}(?:\.\d{{1,2}}){{1,3}})\s+(?P<rest2>{_UPPER_START}.*)$"
)
LETTER_RE = re.compile(r"^(?P<num>[a-zđ])\s*\)\s*(?P<rest>\S.*)$")
# "a. Mục tiêu chung", "b- Nhiệm vụ": the letter with a full stop or a dash, only before a capital.
LETTER_DOT_RE = re.compile(r"^(?P<num>[a-zđ])(?:\.|\s*[-–])\s+(?P<rest>[A-ZĐÀ-Ỹ].*)$")
# Letter items follow the Vietnamese alphabet (a, b, c, d, đ, e, g …) or the Latin one (… d, e, f …).
_LETTER_ORDERS = ("abcdđeghiklmnopqrstuvxy", "abcdefghijklmnopqrstuvwxyz")
BULLET_RE = re.compile(r"^(?P<mark>[-+•–—·∙●○■□▪◦])\s*(?P<rest>\S.*)$")
# "I. MỤC ĐÍCH, YÊU CẦU 1. Mục đích": a part heading in capitals glued to its first item.
GLUED_ITEM_RE = re.compile(r"^(?P<caps>[^a-zđà-ỹ]*[^a-zđà-ỹ\s])\s+(?P<item>\d{1,2}\.\s+[A-ZĐÀ-Ỹ].*)$")

# A Party document number at the line start ("43-NQ/TW", "21 - KH/TU"): what a wrapped "Nghị quyết số" leaves.
_DOCUMENT_NUMBER_RE = re.compile(r"^\d{1,5}\s*[-–]\s*[A-ZĐ][A-Za-zĐđ]{0,4}\s*/\s*[A-ZĐ]")

_ORDINALS = {"nhất": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
             "chín": 9, "mười": 10}
# "Phần I", "PHẦN THỨ NHẤT", "Chương II:", "Phần 3 -": a part named in words; its title may follow on the
# same line or on the next one. It is a Roman part of the outline (path "I", "II", …).
PART_RE = re.compile(
    r"^(?:PHẦN|Phần|CHƯƠNG|Chương)\s+(?:(?P<roman>[IVXL]{1,6})|(?P<arabic>\d{1,2})|(?:THỨ|thứ|Thứ)\s+"
    r"(?P<ordinal>[^\W\d_]+))(?![\w])\s*[.:\-–—)]?\s*(?P<rest>.*)$")


def _part(text: str) -> Heading | None:
    m = PART_RE.match(text)
    if not m:
        return None
    if m.group("roman"):
        value = roman_value(m.group("roman"))
    elif m.group("arabic"):
        value = int(m.group("arabic"))
    else:
        value = _ORDINALS.get(m.group("ordinal").lower())
    rest = m.group("rest").strip()
    if not value or (rest and not re.match(_UPPER_START, rest)):
        return None  # "Phần I của Kế hoạch này …": a mention, not a heading
    return Heading("roman", roman_numeral(value), rest)


@dataclass
class Heading:
    level: str  # roman | arabic
    number: str
    rest: str


def letter_item(text: str) -> tuple[str, str] | None:
    """(letter, rest) of a lettered item "a) …" / "đ) …" / "b. Nội dung…", or None."""
    m = LETTER_RE.match(text)
    if m:
        return m.group("num"), m.group("rest")
    m = LETTER_DOT_RE.match(text)
    if m and m.group("rest")[:1].isupper():
        return m.group("num"), m.group("rest")
    return None


def letter_follows(previous: str | None, letter: str) -> bool:
    """Whether `letter` continues a lettered list whose last item was `previous` (None: a list starts)."""
    if previous is None:
        return letter == "a"
    return any(previous in order and order.index(previous) + 1 < len(order)
               and order[order.index(previous) + 1] == letter for order in _LETTER_ORDERS)


def match_heading(text: str) -> Heading | None:
    """The numbered heading `text` starts with, or None."""
    if text[:1] in "PpCc":
        return _part(text)
    m = ROMAN_RE.match(text)
    if m and roman_value(m.group("num")):
        return Heading("roman", m.group("num"), m.group("rest"))
    m = ARABIC_RE.match(text)
    if m and _DOCUMENT_NUMBER_RE.match(text):
        return None  # "43-NQ/TW ngày …": a document number wrapped to the line start, not item 43
    if m:
        num = m.group("num") or m.group("num2")
        rest = m.group("rest") if m.group("num") else m.group("rest2")
        return Heading("arabic", num, rest)
    return None
