"""Normal forms of Vietnamese text.

Output keeps the document's own spelling (only NFC and whitespace are normalised). For *matching*,
`canonical` makes old and new tone placement equal ("hoá" = "hóa", "uỷ" = "ủy") and `fold` also drops
every diacritic and đ→d, for matching names typed without accents.
"""

from __future__ import annotations

import re
import unicodedata

# Old-style tone placement on the first vowel of oa/oe/uy, and its new-style (on the second vowel) form.
_OLD_TO_NEW = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
# Only at the end of a syllable: "hoàng" keeps its tone on "à" ("oàng" is not old-style anything).
_OLD_TONE_RE = re.compile("(" + "|".join(_OLD_TO_NEW) + r")(?![\w])", re.IGNORECASE)
_SPACE_RE = re.compile(r"\s+")


def nfc(text: str) -> str:
    """Unicode NFC (composed) form: what every value trienkhai outputs is in."""
    return unicodedata.normalize("NFC", text)


def collapse_spaces(text: str) -> str:
    """Whitespace runs (including non-breaking spaces and line breaks) to one space, trimmed."""
    return _SPACE_RE.sub(" ", text.replace("\u00a0", " ")).strip()


def _new_tone(match: re.Match[str]) -> str:
    old = match.group(0)
    new = _OLD_TO_NEW[old.lower()]
    return new.upper() if old.isupper() else (new[0].upper() + new[1:] if old[0].isupper() else new)


def new_tone_placement(text: str) -> str:
    """"hoá" → "hóa", "Uỷ" → "Ủy": the new-style placement, keeping case."""
    return _OLD_TONE_RE.sub(_new_tone, nfc(text))


def canonical(text: str) -> str:
    """The form used to compare texts: NFC, lower case, new tone placement, single spaces."""
    return collapse_spaces(new_tone_placement(nfc(text).lower()))


def fold(text: str) -> str:
    """`canonical` without any diacritic, đ→d: "Ủy ban" → "uy ban"."""
    decomposed = unicodedata.normalize("NFD", canonical(text).replace("đ", "d"))
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
