"""Which characters Vietnamese text is made of, and how much a text reads as Vietnamese.

Used to choose between decodings (a text file's encoding, a legacy font's table): the right one
gives Vietnamese letters; a wrong one gives symbols and words with two tone marks ("Viờũt").
"""

from __future__ import annotations

import re
import unicodedata

TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
VIETNAMESE_LETTERS = frozenset(
    unicodedata.normalize("NFC", b + m)
    for b in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
    for m in ("", *TONE_MARKS)
) | frozenset("đĐ")
"""Every non-ASCII letter of Vietnamese (NFC), plus the plain vowels."""

COMMON_SYMBOLS = frozenset("“”‘’–—…•°§№\u00a0\u00ad«»·×÷±²³¹⁰⁴⁵⁶⁷⁸⁹€")
"""Non-ASCII characters ordinary Vietnamese documents carry besides letters."""

_WORD_RE = re.compile(r"[^\W\d_]+")


def tones(ch: str) -> int:
    return sum(1 for c in unicodedata.normalize("NFD", ch) if c in TONE_MARKS)


def vietnamese_score(text: str) -> float:
    """How much `text` reads as Vietnamese: Vietnamese letters minus junk, per non-ASCII char.

    Junk is any non-ASCII character that is neither a Vietnamese letter nor a common symbol, and
    every word carrying two tone marks (what a wrong legacy table produces: "Viờũt").
    """
    sample = text[:200_000]
    good = bad = 0
    for ch in sample:
        if ord(ch) < 128:
            continue
        if ch in VIETNAMESE_LETTERS:
            good += 1
        elif ch not in COMMON_SYMBOLS:
            bad += 1
    for word in _WORD_RE.findall(sample):
        if not word.isascii() and sum(tones(c) for c in word) > 1:
            bad += 3
    total = good + bad
    return 1.0 if total == 0 else (good - bad) / total


_NUCLEI = ("a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi ua uâ uê ui uô uơ uy "
           "ưa ưi ươ ưu iêu yê yêu oai oay oao oeo uây uôi ươi ươu uya uyê uyu uă").split()
# "nh" and "ch" close only a syllable whose vowel ends in a, ê, i or y ("anh", "ếch", "tình", "huỳnh").
_SYLLABLE_RE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
    "(?:(?:" + "|".join(sorted(_NUCLEI, key=len, reverse=True)) + ")(?:ng|[cmnpt])?"
    "|(?:" + "|".join(sorted((n for n in _NUCLEI if n[-1] in "aêiy"), key=len, reverse=True)) + ")(?:ch|nh))$")
_VOWEL_RE = re.compile("[aeiouy" + "".join(sorted(c for c in VIETNAMESE_LETTERS if c != "đ" and c != "Đ")) + "]",
                       re.IGNORECASE)
_STRIP_TONES = {ord(m): None for m in TONE_MARKS}


def is_syllable(word: str) -> bool:
    """Whether a word (letters only) is spelt as a Vietnamese syllable, with at most one tone."""
    nfd = unicodedata.normalize("NFD", word.lower())
    if sum(1 for c in nfd if c in TONE_MARKS) > 1:
        return False
    base = unicodedata.normalize("NFC", nfd.translate(_STRIP_TONES))
    return bool(_SYLLABLE_RE.match(base)) or base in ("gi", "gin", "gì")


def syllable_rate(text: str) -> float:
    """Share of the words with a non-ASCII letter that are spelt as Vietnamese syllables (1.0 when
    there is none)."""
    # Words without a vowel are abbreviations ("QĐ", "HĐND"), not syllables.
    words = [w for w in _WORD_RE.findall(text) if not w.isascii() and _VOWEL_RE.search(w)]
    return 1.0 if not words else sum(map(is_syllable, words)) / len(words)
