"""Turning a word list into a regex alternation (longest first, so "không dưới" wins over "dưới")."""

from __future__ import annotations

import re
from collections.abc import Iterable

from trienkhai.text.vietnamese import old_tone_placement


def alternation(words: Iterable[str], *, escape: bool = True, loose_spaces: bool = False) -> str:
    """"a|b|c" of `words`, escaped and longest first; with `escape=False` the entries are regex
    fragments, kept in the order given (the caller puts the longer words first). `loose_spaces` lets
    any run of whitespace stand for a space."""
    unique = list(dict.fromkeys(words))
    if not escape:
        return "|".join(unique)
    escaped = (re.escape(w) for w in sorted(unique, key=len, reverse=True))
    return "|".join(e.replace("\\ ", r"\s+") if loose_spaces else e for e in escaped)


def spellings(words: Iterable[str]) -> list[str]:
    """Each word as written with the new and the old tone placement ("Đảng ủy", "Đảng uỷ")."""
    return list(dict.fromkeys(v for w in words for v in (w, old_tone_placement(w))))


def capitalised(word: str) -> str:
    """"theo kế hoạch" → "Theo kế hoạch" (how a cell starts)."""
    return word[:1].upper() + word[1:]
