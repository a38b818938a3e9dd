"""When two imports are one document: the same number and issuer, the same text once normalised, or a
near-identical text (a retyped copy, another file format, a stray line changed).

The keys are stored on the plan (`Plan.identity_key`, `Plan.text_fingerprint`) under unique constraints
among live plans, so two imports of one document at the same instant cannot both land; the near-identical
comparison (`SIMILAR_RATIO` on the first and the last `COMPARED_CHARS` normalised characters, lengths
within `LENGTH_SLACK`) runs before the import.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date

from trienkhai.cascade.refs import canonical_ref
from trienkhai.text.vietnamese import fold

SIMILAR_RATIO = 95.0      # rapidfuzz ratio (0-100) from which two texts are one document
COMPARED_CHARS = 8000     # of the normalised text: enough to tell two plans apart, fast to compare
LENGTH_SLACK = 0.05       # normalised texts whose lengths differ more than this are not one document
RAW_LENGTH_SLACK = 0.5    # raw texts (spacing, line ends) whose lengths differ more: not even compared

_NOT_WORD = re.compile(r"[^0-9a-z]+")


def identity_key(number: str | None, issuer: str | None, province: str | None = None,
                 issued_on: date | None = None) -> str:
    """"55-KH/TU|ban thuong vu tinh uy|lai chau|2024": the document's number and issuer as compared, with
    its province and year (a Party number comes back in each province and each term); "" with no number."""
    ref = canonical_ref(number)
    if not ref:
        return ""
    parts = [ref, *(" ".join(fold(t or "").split()) for t in (issuer, province)),
             str(issued_on.year) if issued_on else ""]
    return "|".join(parts)[:320]


def normalised_text(text: str) -> str:
    """The text as compared: folded (no diacritics, lower case), words of letters and digits only."""
    return " ".join(_NOT_WORD.split(fold(text or ""))).strip()


def text_fingerprint(text: str) -> str:
    """The sha256 of the normalised text; "" for a text with no words."""
    norm = normalised_text(text)
    return hashlib.sha256(norm.encode()).hexdigest() if norm else ""
