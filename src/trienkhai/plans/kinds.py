"""Kinds of documents: from a title word ("KẾ HOẠCH") or from a number's symbol ("55-CTr/TU", "2506/KH-UBND").

Matching is on the folded form (no diacritics, lower case), so "KHOÁ"/"khóa" and upper/lower case agree.
"""

from __future__ import annotations

import re

from trienkhai.text.vietnamese import fold
from trienkhai.vocab.kinds import KINDS

# Folded title words (a plan's own kinds) and the words citing a document, longest first so that
# "chương trình hành động" wins over a bare "chương trình"; folded symbols. All from the vocabulary.
TITLE_WORDS: tuple[tuple[str, str], ...] = tuple(sorted(
    ((fold(k.name), k.code) for k in KINDS if k.titles_plan), key=lambda w: -len(w[0])))
CITED_WORDS: tuple[tuple[str, str], ...] = tuple(sorted(
    {fold(name): k.code for k in KINDS for name in (k.name, *k.other_names)}.items(), key=lambda w: -len(w[0])))
# Kind symbols inside a number: 43-NQ/TW (Party: between "-" and "/"), 236/QĐ-TTg (State: before "-").
SYMBOLS: dict[str, str] = {fold(symbol): k.code for k in KINDS for symbol in k.symbols}

_TITLE_RE = re.compile(r"^\s*(" + "|".join(w for w, _ in TITLE_WORDS) + r")\b")
_CITED_RE = re.compile(r"(" + "|".join(w for w, _ in CITED_WORDS) + r")(?:\s+so)?\s*$")


def kind_from_title(text: str) -> str | None:
    """The kind a title line starts with: "KẾ HOẠCH thực hiện…" → "ke_hoach"; None when it names none."""
    m = _TITLE_RE.match(fold(text[:40]))  # the kind word opens the line: fold no more than its start
    return dict(TITLE_WORDS)[m.group(1)] if m else None


def kind_from_symbol(symbol: str) -> str | None:
    """"CTr" → "chuong_trinh_hanh_dong", "QĐ" → "quyet_dinh"; None for a symbol we do not know."""
    return SYMBOLS.get(fold(symbol))


def kind_before(text: str) -> str | None:
    """The cited kind that ends `text`: "… theo Quy định số " → "quy_dinh" (for the word before a number)."""
    m = _CITED_RE.search(fold(text[-40:]))
    return dict(CITED_WORDS)[m.group(1)] if m else None


def document_kind(kind: str | None) -> str:
    """A kind restricted to what a plan document itself may be (`DOCUMENT_KINDS`)."""
    from trienkhai.plans.model import DOCUMENT_KINDS

    return kind if kind in DOCUMENT_KINDS else "other"
