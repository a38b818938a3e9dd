"""Vietnamese numbers as written in plans: decimal comma ("1,5"), thousands dot ("1.000"), ranges."""

from __future__ import annotations

import re

# One number: digits with thousands dots ("1.000.000") or a decimal part after a comma or dot.
NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
# A range between two numbers: "8 - 9", "3-5", "2 – 3", "từ 1 đến 2".
RANGE_SEP = r"\s*(?:-|–|—|đến|tới)\s*"

_THOUSANDS_RE = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")


def parse_number(text: str) -> float:
    """"1,5" → 1.5, "1.000" → 1000, "2.5" → 2.5, "100" → 100 (an int when it is whole)."""
    s = text.strip()
    if _THOUSANDS_RE.match(s):
        s = s.replace(".", "").replace(",", ".")
    else:
        s = s.replace(",", ".")
    value = float(s)
    return int(value) if value.is_integer() else value
