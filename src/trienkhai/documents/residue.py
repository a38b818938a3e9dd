"""Conversion residue in text copied from web pages and PDFs: markdown emphasis, HTML tags, rules,
`|` cell separators of flattened header tables. Stripped from the text; emphasis of a whole
paragraph is kept as a flag."""

from __future__ import annotations

import html
import re

from trienkhai.vocab.kinds import KINDS, OTHER_SYMBOLS
from trienkhai.vocab.phrases import alternation

_SPACES_RE = re.compile(r"[ \t\u00a0]+")
_RULE_RE = re.compile(r"^\s*(?:[-_=~]{3,}|(?:\*\s*){3,}|\|+)\s*$")
_TAG_RE = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
_BR_RE = re.compile(r"<br\s*/?>", re.IGNORECASE)
# "YÊU CẦU**1. Mục đích**": emphasis marker or tag glued between a text and a numbered heading.
_GLUED_HEADING_RE = re.compile(
    r"(?<=\S)(?=(?:\*\*|<b>|<strong>)\s*(?:[IVX]+|\d{1,2}(?:\.\d{1,2})*|[a-zđ])\s*[.)\-]\s)"
)
_STAR_PAIR_RE = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])")
_WHOLE_PATTERNS = (
    (re.compile(r"^\*\*\*(.+)\*\*\*$", re.S), True, True),
    (re.compile(r"^\*\*(.+)\*\*$", re.S), True, False),
    (re.compile(r"^\*([^*].*)\*$", re.S), False, True),
    (re.compile(r"^<(?:b|strong)>(.+)</(?:b|strong)>$", re.S | re.I), True, False),
    (re.compile(r"^<(?:i|em)>(.+)</(?:i|em)>$", re.S | re.I), False, True),
)


def is_rule(line: str) -> bool:
    """A horizontal rule or a lone cell separator: a boundary, not text."""
    return bool(_RULE_RE.match(line))


def split_cells(line: str) -> list[str]:
    """`A | B` (a flattened header table row) → cells; any other line → [line]."""
    if "|" not in line:
        return [line]
    cells = [c.strip() for c in line.split("|")]
    return [c for c in cells if c] or [""]


def split_glued_headings(line: str) -> list[str]:
    """"I. MỤC ĐÍCH, YÊU CẦU**1. Mục đích**" → ["I. MỤC ĐÍCH, YÊU CẦU", "**1. Mục đích**"]."""
    return [p for p in _GLUED_HEADING_RE.split(line) if p.strip()] or [line]


def whole_emphasis(text: str) -> tuple[bool, bool]:
    """(bold, italic) when the whole text is wrapped in emphasis markup."""
    t = text.strip()
    bold = italic = False
    changed = True
    while changed:
        changed = False
        for pattern, b, i in _WHOLE_PATTERNS:
            m = pattern.match(t)
            inner = m.group(1) if m else ""
            marker = "**" if b and not i else ("*" if i and not b else "***")
            if m and marker not in inner and not (marker == "*" and "*" in inner):
                bold, italic, t, changed = bold or b, italic or i, inner.strip(), True
                break
    return bold, italic


def strip_markup(text: str) -> str:
    """Text without emphasis markers, tags and HTML entities; spaces collapsed."""
    t = text
    # Most paragraphs carry no markup: skip the regular expressions that cannot match (speed).
    if "<" in t:
        t = _BR_RE.sub(" ", t)
        t = _TAG_RE.sub("", t)
    if "*" in t:
        t = t.replace("**", "")
        t = _STAR_PAIR_RE.sub(r"\1", t)
    if "&" in t:
        t = html.unescape(t)
    t = t.strip()
    if "*" in t:
        t = re.sub(r"^\*(?=\S)|(?<=\S)\*$", "", t)
    if "  " in t or "\t" in t or "\u00a0" in t:
        t = _SPACES_RE.sub(" ", t).strip()
    return t


# pdftotext on justified lines sometimes cuts a word before a letter drawn from another font:
# "tr ực thu ộc T ỉnh" — a lone onset ("tr", "th", "T") can never be a Vietnamese word by itself.
_ONSETS = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|q|r|s|t|v|x"
_VOWEL_START = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ"
_BROKEN_WORD_RE = re.compile(
    rf"(?<![\w/.])((?i:{_ONSETS})) (?=[{_VOWEL_START}{_VOWEL_START.upper()}])",
)


def join_broken_words(text: str) -> tuple[str, int]:
    """Re-join words split after their onset; returns the text and how many joins were made."""
    return _BROKEN_WORD_RE.subn(r"\1", text)


# pdftotext (without -layout) drops a hyphen that ends a line and joins the word: "Kế hoạch số 21-" +
# "KH/TW" becomes "21KH/TW". A number glued to a Party document symbol before "/" always had its hyphen.
_PARTY_SYMBOLS = alternation([*(s for k in KINDS for s in k.symbols), *OTHER_SYMBOLS])
_DEHYPHENATED_RE = re.compile(rf"(?<![\w/.-])(\d{{1,5}})({_PARTY_SYMBOLS})(?=/[A-ZĐ])")
_DEHYPHENATED_PROBE = re.compile(rf"\d(?:{_PARTY_SYMBOLS})/")  # 4x cheaper: most texts have none


def restore_number_hyphens(text: str) -> str:
    """"21KH/TW" → "21-KH/TW" (a document number whose hyphen a PDF extractor took for a line-end one)."""
    if "/" not in text or not _DEHYPHENATED_PROBE.search(text):
        return text
    return _DEHYPHENATED_RE.sub(r"\1-\2", text)


# A numbering label alone on its line: Word's automatic numbering set apart from its text by a tab,
# which a PDF text extractor puts on a line of its own ("I." / "" / "MỤC ĐÍCH, YÊU CẦU").
LONE_LABEL_RE = re.compile(r"^(?:[IVXLC]{1,6}\s*[.\-–]|\d{1,2}(?:\.\d{1,2}){0,3}\.|\d{1,2}\)|[a-zđ]\)|[-+•–])$")
