"""Turning a word list into a regex alternation (longest first, so "không dưới" wins over "dưới")."""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str], *, escape: bool = True) -> str:
    """"a|b|c" of `words`, escaped and longest first; with `escape=False` the entries are regex
    fragments, kept in the order given (the caller puts the longer words first)."""
    unique = list(dict.fromkeys(words))
    if not escape:
        return "|".join(unique)
    return "|".join(re.escape(w) for w in sorted(unique, key=len, reverse=True))
