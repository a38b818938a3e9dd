"""A text as the terms coverage compares: abbreviations written out, folded syllables and syllable pairs,
formulaic wording and function words dropped, each term with the words it was written in (for "why")."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from trienkhai.text.vietnamese import canonical, fold
from trienkhai.vocab.abbreviations import ABBREVIATIONS as BODY_ABBREVIATIONS
from trienkhai.vocab.abbreviations import SUBJECTS
from trienkhai.vocab.coverage import FORMULAIC_PHRASES, FUNCTION_SYLLABLES

# Every abbreviation a plan may use for what another writes out: bodies' and subjects'.
ABBREVIATIONS = {**BODY_ABBREVIATIONS, **SUBJECTS}

_ABBREVIATION_RE = re.compile(
    r"(?<![\wĐđ])(" + "|".join(re.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True)) + r")(?![\wĐđ])")
_SYLLABLE = re.compile(r"\w+|[^\w\s]")  # words, and punctuation that ends a phrase


@dataclass
class Terms:
    counts: Counter[str]  # term -> occurrences (a syllable "dan", a pair "dan toc")
    surface: dict[str, str]  # term -> as first written ("dân tộc")
    # The kept syllables in reading order, cut where wording was dropped: (folded, as written).
    segments: list[list[tuple[str, str]]] = field(default_factory=list)


def expand_abbreviations(text: str) -> str:
    return _ABBREVIATION_RE.sub(lambda m: ABBREVIATIONS[m.group(1)], text)


# Phrases by their first syllable (longest first), so each position is tried against a handful only.
_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _phrase in FORMULAIC_PHRASES:
    _BY_FIRST.setdefault(_phrase[0], []).append(_phrase)


def _drop_phrases(folded: list[str], keep: list[bool]) -> None:
    for i, first in enumerate(folded):
        if not keep[i]:
            continue
        for phrase in _BY_FIRST.get(first, ()):
            k = len(phrase)
            if tuple(folded[i:i + k]) == phrase and all(keep[i:i + k]):
                for j in range(i, i + k):
                    keep[j] = False
                break


def terms(text: str, ignore: frozenset[str] = frozenset()) -> Terms:
    """The terms of `text`; syllables in `ignore` (folded, e.g. the plan's own province name) are dropped."""
    written = canonical(expand_abbreviations(text))
    words = _SYLLABLE.findall(written)
    # Folding the whole text at once is much faster than word by word; it keeps the word boundaries
    # (each letter folds to one letter), and the word-by-word way remains for anything unusual.
    folded = _SYLLABLE.findall(fold(written))
    if len(folded) != len(words):
        folded = [fold(w) for w in words]
    keep = [True] * len(folded)
    _drop_phrases(folded, keep)
    keep = [k and f.isalnum() and len(f) > 1 and not f.isdigit() and f not in FUNCTION_SYLLABLES and f not in ignore
            for k, f in zip(keep, folded, strict=True)]
    counts: Counter[str] = Counter()
    surface: dict[str, str] = {}
    previous: int | None = None
    segments: list[list[tuple[str, str]]] = []
    for i, ok in enumerate(keep):
        if not ok:
            previous = None  # a pair never spans punctuation or dropped wording
            continue
        if previous is None:
            segments.append([])
        segments[-1].append((folded[i], words[i]))
        counts[folded[i]] += 1
        surface.setdefault(folded[i], words[i])
        if previous is not None:
            pair = f"{folded[previous]} {folded[i]}"
            counts[pair] += 1
            surface.setdefault(pair, f"{words[previous]} {words[i]}")
        previous = i
    return Terms(counts, surface, segments)


class TermCache:
    """Terms of texts already seen (a block is in its unit and in every section above it)."""

    def __init__(self, ignore: frozenset[str] = frozenset()) -> None:
        self.ignore = ignore
        self._seen: dict[str, Terms] = {}

    def of(self, text: str) -> Terms:
        found = self._seen.get(text)
        if found is None:
            found = self._seen[text] = terms(text, self.ignore)
        return found

    def of_parts(self, parts: list[str]) -> Terms:
        """The terms of several texts read as one (no pair spans two of them)."""
        if len(parts) == 1:
            return self.of(parts[0])
        counts: Counter[str] = Counter()
        surface: dict[str, str] = {}
        segments: list[list[tuple[str, str]]] = []
        for part in parts:
            t = self.of(part)
            counts.update(t.counts)
            for k, v in t.surface.items():
                surface.setdefault(k, v)
            segments.extend(t.segments)
        return Terms(counts, surface, segments)
