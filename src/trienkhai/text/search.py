"""Search over Vietnamese text: the one form text is indexed and queried in, and highlighted snippets.

Everything matches in `vietnamese.fold`'s form (no diacritics, đ→d, so old and new tone placement are
equal too): "người có uy tín", "nguoi co uy tin" and "NGƯỜI CÓ UY TÍN" are the same words. The index and
the query both go through `words`, so whatever a database's own tokenizer does, it only ever sees plain
words separated by single spaces ("55-KH/TU" → "55 kh tu").
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

from trienkhai.text.vietnamese import fold, fold_in_place

_WORD_RE = re.compile(r"[^\W_]+")
# Typo correction is tried only on words long enough to have a likely neighbour, and never on numbers.
TYPO_MIN_LEN = 3
MAX_QUERY_WORDS = 12
_WINDOW_TRIES = 200  # a long source text: look for the best window among the first matches only


def words(text: str) -> list[str]:
    """The folded words of `text`, in order: "Người có uy tín (NCUT)" → ["nguoi", "co", "uy", "tin", "ncut"]."""
    return _WORD_RE.findall(fold(text))


def search_form(text: str) -> str:
    """What is stored in the index: the folded words joined by single spaces."""
    return " ".join(words(text))


def query_words(query: str) -> list[str]:
    """The words of a query (at most MAX_QUERY_WORDS, each once, in order)."""
    seen: list[str] = []
    for word in words(query):
        if word not in seen:
            seen.append(word)
    return seen[:MAX_QUERY_WORDS]


def may_be_typo(word: str) -> bool:
    """Whether an unknown query word is worth correcting (a word of letters, long enough)."""
    return len(word) >= TYPO_MIN_LEN and not any(c.isdigit() for c in word)


def max_edits(word: str) -> int:
    """How many edits a correction may make: one in a short syllable, two in a longer word."""
    return 1 if len(word) <= 6 else 2


def _folded_with_offsets(text: str) -> tuple[str, list[int]]:
    """`text` folded character by character, and for each folded character the index it came from.
    (`fold` itself also collapses spaces; here each position must map back into the original.)"""
    fast = fold_in_place(text)
    if fast is not None:  # nearly always: every Vietnamese letter folds to one letter
        return fast, list(range(len(text)))
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        folded = fold(ch) if not ch.isspace() else " "
        for f in folded or "":
            out.append(f)
            offsets.append(i)
    return "".join(out), offsets


def _matches(folded: str, terms: Sequence[str]) -> list[tuple[int, int]]:
    if not terms:
        return []
    alternatives = "|".join(re.escape(t) for t in sorted(set(terms), key=len, reverse=True))
    pattern = re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])")
    return [(m.start(), m.end()) for m in pattern.finditer(folded)]


def contains_phrase(text: str, terms: Sequence[str]) -> bool:
    """Whether the words `terms` occur in `text` next to each other, in order (in the folded form)."""
    return bool(terms) and f" {' '.join(terms)} " in f" {search_form(text)} "


def _phrase_spans(folded: str, phrase: Sequence[str]) -> list[tuple[int, int]]:
    if len(phrase) < 2:
        return []
    pattern = re.compile(r"(?<![^\W_])" + r"[\W_]+".join(re.escape(w) for w in phrase) + r"(?![^\W_])")
    return [(m.start(), m.end()) for m in pattern.finditer(folded)]


def highlight(text: str, terms: Iterable[str], *, length: int = 240, phrase: Sequence[str] = (),
              phrase_only: bool = False) -> str:
    """An HTML snippet of `text` (escaped) about `length` characters long around the best match of
    `terms` (folded words), each occurrence in <mark>…</mark>; "…" where the text was cut. Where the
    words of `phrase` stand together in order, the snippet shows that place and marks them as one
    (`phrase_only`: nothing else is marked, for a hit found as a phrase somewhere else)."""
    terms = [t for t in terms if t]
    text = " ".join(text.split())
    if not text:
        return ""
    folded, offsets = _folded_with_offsets(text)
    together = _phrase_spans(folded, phrase)
    # Where the phrase occurs, only it is marked (its single words are everywhere: "có", "cơ", "cố").
    spans = together or ([] if phrase_only else _matches(folded, terms))
    # Back to the original's positions (a folded character always comes from one original one).
    orig = [(offsets[s], offsets[e - 1] + 1) for s, e in spans]
    start = 0
    if together and len(text) > length:
        start = max(0, offsets[together[0][0]] - length // 4)
        space = text.rfind(" ", 0, start + 1)
        start = space + 1 if space > 0 and start - space < 20 else start
    elif orig and len(text) > length:
        # The window holding the most distinct terms; the earliest one on a tie.
        best, best_count = orig[0][0], 0
        for i, (s, _) in enumerate(orig[:_WINDOW_TRIES]):
            seen = {folded[a:b] for a, b in spans[i:i + _WINDOW_TRIES] if offsets[a] < s + length}
            if len(seen) > best_count:
                best, best_count = s, len(seen)
        start = max(0, best - length // 4)
        space = text.rfind(" ", 0, start + 1)
        start = space + 1 if space > 0 and start - space < 20 else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + length // 2 else end
    parts = ["…"] if start > 0 else []
    pos = start
    for s, e in orig:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        parts.append(html.escape(text[pos:s]))
        parts.append(f"<mark>{html.escape(text[s:e])}</mark>")
        pos = e
    parts.append(html.escape(text[pos:end]))
    if end < len(text):
        parts.append("…")
    return "".join(parts)
