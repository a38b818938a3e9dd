"""Normal forms of Vietnamese text.

Output keeps the document's own spelling (only NFC and whitespace are normalised). For *matching*,
`canonical` makes old and new tone placement equal ("hoá" = "hóa", "uỷ" = "ủy") and `fold` also drops
every diacritic and đ→d, for matching names typed without accents.
"""

from __future__ import annotations

import functools
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


def nfc(text: str) -> str:
    """Unicode NFC (composed) form: what every value trienkhai outputs is in."""
    return unicodedata.normalize("NFC", text)


def collapse_spaces(text: str) -> str:
    """Whitespace runs (including non-breaking spaces and line breaks) to one space, trimmed."""
    # str.split() splits on the same Unicode whitespace as `\s` (non-breaking space included), and is
    # several times faster than a regex substitution on long paragraphs.
    return " ".join(text.split())


def _new_tone(match: re.Match[str]) -> str:
    old = match.group(0)
    new = _OLD_TO_NEW[old.lower()]
    return new.upper() if old.isupper() else (new[0].upper() + new[1:] if old[0].isupper() else new)


def new_tone_placement(text: str) -> str:
    """"hoá" → "hóa", "Uỷ" → "Ủy": the new-style placement, keeping case."""
    return _OLD_TONE_RE.sub(_new_tone, nfc(text))


_NEW_TO_OLD = {new: old for old, new in _OLD_TO_NEW.items()}
_NEW_TONE_RE = re.compile("(" + "|".join(_NEW_TO_OLD) + r")(?![\w])", re.IGNORECASE)


def _old_tone(match: re.Match[str]) -> str:
    new = match.group(0)
    old = _NEW_TO_OLD[new.lower()]
    return old.upper() if new.isupper() else (old[0].upper() + old[1:] if new[0].isupper() else old)


def old_tone_placement(text: str) -> str:
    """"hóa" → "hoá", "Ủy" → "Uỷ": the old-style placement, keeping case (for matching text as written)."""
    return _NEW_TONE_RE.sub(_old_tone, nfc(text))


@functools.lru_cache(maxsize=4096)
def _canonical_cached(text: str) -> str:
    return collapse_spaces(new_tone_placement(nfc(text).lower()))


def canonical(text: str) -> str:
    """The form used to compare texts: NFC, lower case, new tone placement, single spaces."""
    # Short strings (names, headings, cells) recur a lot; long paragraphs would only churn the cache.
    if len(text) <= _CACHED_LEN:
        return _canonical_cached(text)
    return collapse_spaces(new_tone_placement(nfc(text).lower()))


def _fold_table() -> dict[int, str | None]:
    """Each character whose NFD form carries combining marks → its base letters; marks → nothing.
    Built once over the planes Vietnamese (and Latin-script) text uses; equivalent to NFD + drop "Mn"."""
    table: dict[int, str | None] = {ord("đ"): "d"}
    for code in range(0x80, 0x3000):
        c = chr(code)
        if unicodedata.category(c) == "Mn":
            table[code] = None
            continue
        decomposed = unicodedata.normalize("NFD", c)
        if decomposed != c:
            table[code] = "".join(d for d in decomposed if unicodedata.category(d) != "Mn")
    return table


_FOLD = _fold_table()
_CACHED_LEN = 200


def _fold_uncached(text: str) -> str:
    # Tone placement is irrelevant once every mark is dropped, so `canonical` is not needed here.
    return collapse_spaces(nfc(text).lower()).translate(_FOLD)


_fold_cached = functools.lru_cache(maxsize=8192)(_fold_uncached)


def fold(text: str) -> str:
    """`canonical` without any diacritic, đ→d: "Ủy ban" → "uy ban"."""
    if len(text) <= _CACHED_LEN:
        return _fold_cached(text)
    return _fold_uncached(text)


def fold_in_place(text: str) -> str | None:
    """`fold` character for character (spaces kept as they are), so that position i of the result is
    position i of `text`; None when that cannot be (a character folding to several, or to none)."""
    folded = text.lower().translate(_FOLD)
    return folded if len(folded) == len(text) else None
