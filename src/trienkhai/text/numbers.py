"""Vietnamese numbers as officials write them, the one reader for documents and for typed input:
decimal comma ("8,5"), thousands dots ("1.000", "3.400", "1.234,5") or spaces ("1 000"), a bare decimal
dot ("2.5" when the part after it is not three digits), ranges ("8 - 9", "từ 1 đến 2")."""

from __future__ import annotations

import re
from decimal import Decimal

from trienkhai.errors import TrienkhaiError

# One number inside a text: digits with thousands dots ("1.000.000") or a decimal part after a comma or dot.
NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
# A range between two numbers: "8 - 9", "3-5", "2 – 3", "từ 1 đến 2".
RANGE_SEP = r"\s*(?:-|–|—|đến|tới)\s*"

# Thousands grouped by dots or (typed) spaces; a leading zero never opens a group ("0.500" is 0,5).
_THOUSANDS_RE = re.compile(r"^[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?$|^[1-9]\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?$")
_PLAIN_RE = re.compile(r"^\d+(?:[.,]\d+)?$")
_SIGN_RE = re.compile(r"^([-+\u2212]?)\s*(.*?)\s*%?$")


class NumberError(TrienkhaiError):
    """Typed text that is not a number."""


def _canonical(text: str) -> str | None:
    """`text` (unsigned) as "1234.5", or None when it is not a number."""
    if _THOUSANDS_RE.match(text):
        return re.sub(r"[.\s\u00a0\u202f]", "", text).replace(",", ".")
    if _PLAIN_RE.match(text):
        return text.replace(",", ".")
    return None


def parse_number(text: str) -> float:
    """A number found in a document: "1,5" → 1.5, "1.000" → 1000, "2.5" → 2.5, "100" → 100 (an int when
    it is whole). `text` is what `NUMBER` matched."""
    canonical = _canonical(text.strip())
    if canonical is None:
        raise NumberError(_message(text))
    value = float(canonical)
    return int(value) if value.is_integer() else value


def read_number(text: str) -> Decimal | None:
    """A number typed by a user, exactly: "1.000" → 1000, "3.400" → 3400, "1.234,5" → 1234.5,
    "8,5" → 8.5, "-5" → -5, "12%" → 12; None for blank text. Raises `NumberError` (Vietnamese message)
    for anything else ("1,234.5", "abc", "1.2.3")."""
    stripped = text.strip()
    if not stripped:
        return None
    m = _SIGN_RE.match(stripped)
    canonical = _canonical(m.group(2)) if m else None
    if canonical is None:
        raise NumberError(_message(stripped))
    return -Decimal(canonical) if m and m.group(1) in ("-", "\u2212") else Decimal(canonical)


def _message(text: str) -> str:
    return (f"“{text[:40]}” không phải là một số. Hãy viết số như thường lệ: dấu chấm ngăn cách hàng nghìn, "
            f"dấu phẩy trước phần thập phân (ví dụ 1.234,5; 8,5; 12%).")
