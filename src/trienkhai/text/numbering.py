"""Roman numerals, the one implementation every part uses (outline parts "I.", "Quý III", Word's
upperRoman numbering, the next number of a new draft item, "quý IV năm 2025" in a report)."""

from __future__ import annotations

_NUMERALS = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
             (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def roman_numeral(value: int) -> str:
    """14 → "XIV"; "" for 0 or less."""
    out, n = "", value
    for v, s in _NUMERALS:
        while n >= v:
            out, n = out + s, n - v
    return out


def roman_value(numeral: str) -> int | None:
    """"XIV" → 14, "iv" → 4; None for what is not a numeral ("IIII" is accepted, as some documents
    write it)."""
    total, prev = 0, 0
    for ch in reversed(numeral.upper()):
        v = _VALUES.get(ch)
        if v is None:
            return None
        total += -v if v < prev else v
        prev = max(prev, v)
    return total or None
