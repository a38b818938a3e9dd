"""Kinds of documents: from a title word ("KẾ HOẠCH") or from a number's symbol ("55-CTr/TU", "2506/KH-UBND").

Matching is on the folded form (no diacritics, lower case), so "KHOÁ"/"khóa" and upper/lower case agree.
"""

from __future__ import annotations

import re

from trienkhai.text.vietnamese import fold

# Title words, longest first so "chương trình hành động" wins over a bare "chương trình".
TITLE_WORDS: tuple[tuple[str, str], ...] = (
    ("chuong trinh hanh dong", "chuong_trinh_hanh_dong"),
    ("nghi quyet", "nghi_quyet"),
    ("ke hoach", "ke_hoach"),
    ("ket luan", "ket_luan"),
    ("chi thi", "chi_thi"),
    ("quyet dinh", "quyet_dinh"),
    ("de an", "de_an"),
    ("bao cao", "bao_cao"),
)

# Words that name a cited document (references may be of kinds a plan itself never is).
CITED_WORDS: tuple[tuple[str, str], ...] = (
    *TITLE_WORDS,
    ("chuong trinh", "chuong_trinh_hanh_dong"),
    ("nghi dinh", "nghi_dinh"),
    ("quy dinh", "quy_dinh"),
    ("thong tu", "thong_tu"),
    ("huong dan", "huong_dan"),
    ("thong bao", "thong_bao"),
    ("cong van", "cong_van"),
    ("luat", "luat"),
)

# Kind symbols inside a number: 43-NQ/TW (Party: between "-" and "/"), 236/QĐ-TTg (State: before "-").
SYMBOLS: dict[str, str] = {
    "nq": "nghi_quyet", "kh": "ke_hoach", "ctr": "chuong_trinh_hanh_dong", "kl": "ket_luan",
    "ct": "chi_thi", "qd": "quyet_dinh", "da": "de_an", "bc": "bao_cao", "nd": "nghi_dinh",
    "tt": "thong_tu", "hd": "huong_dan", "tb": "thong_bao", "qdi": "quy_dinh",
}

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
