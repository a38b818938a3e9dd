"""How much of a parent plan a child plan covers.

Each parent item (an outline heading with its text, or a task) is aligned to the child item whose
wording is closest. Scoring combines a BM25-like weighted recall of the parent's words in the child item
(rare words count more: "đồng bào dân tộc thiểu số" matters, "tiếp tục" does not) with rapidfuzz's
token-set ratio on folded text (robust to word order). Texts are compared `fold`ed, so old and new tone
placement and missing diacritics do not matter.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from trienkhai.text.vietnamese import fold

# Words that carry no subject matter in directive texts.
STOPWORDS = frozenset(fold(w) for w in """
và của các cho với trong theo về để là được có những một này đó khi thì từ trên tại đến như
tiếp tục đẩy mạnh tăng cường nâng cao thực hiện triển khai công tác việc chỉ đạo tổ chức đối
với nhằm bảo đảm đảm bảo hiệu quả gắn phù hợp cấp ngành địa phương cơ quan đơn vị liên quan
""".split())

_WORD = re.compile(r"[a-z0-9]+")
# Calibrated on the dev corpus: plans carrying out the same resolution align at 0.55-0.82, plans on
# another subject at 0.17-0.52.
DEFAULT_THRESHOLD = 0.55


@dataclass
class CoverageItem:
    """One unit to align: `key` identifies it to the caller (a path, a task id), `text` is its wording."""

    key: str
    text: str
    label: str = ""


@dataclass
class Match:
    parent: CoverageItem
    child: CoverageItem | None
    score: float

    @property
    def covered(self) -> bool:
        return self.child is not None


@dataclass
class Coverage:
    covered: list[Match] = field(default_factory=list)
    uncovered: list[Match] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        total = len(self.covered) + len(self.uncovered)
        return len(self.covered) / total if total else 0.0


def tokens(text: str) -> list[str]:
    """Folded content words of `text` (syllables; stopwords and one-letter tokens dropped)."""
    return [w for w in _WORD.findall(fold(text)) if w not in STOPWORDS and len(w) > 1]


def _bigrams(words: list[str]) -> list[str]:
    # Vietnamese words are mostly two syllables: bigrams approximate words ("dan toc", "thieu so").
    return [f"{a} {b}" for a, b in itertools.pairwise(words)]


def _features(text: str) -> Counter[str]:
    words = tokens(text)
    return Counter(words + _bigrams(words))


def _idf(docs: list[Counter[str]]) -> dict[str, float]:
    n = len(docs)
    df: Counter[str] = Counter()
    for d in docs:
        df.update(d.keys())
    return {t: math.log(1 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}


def similarity(parent: Counter[str], child: Counter[str], idf: dict[str, float], default_idf: float,
               parent_text: str, child_text: str) -> float:
    """0..1: weighted share of the parent's features found in the child, blended with fuzzy ratio."""
    if not parent or not child:
        return 0.0
    weight = {t: idf.get(t, default_idf) for t in parent}
    total = sum(weight.values())
    found = sum(w for t, w in weight.items() if t in child)
    recall = found / total if total else 0.0
    ratio = fuzz.token_set_ratio(" ".join(tokens(parent_text)), " ".join(tokens(child_text))) / 100
    return 0.65 * recall + 0.35 * ratio


def align(parent_items: list[CoverageItem], child_items: list[CoverageItem],
          threshold: float = DEFAULT_THRESHOLD) -> Coverage:
    """For each parent item, the best child item and its score; covered when score ≥ threshold."""
    child_feats = [_features(c.text) for c in child_items]
    idf = _idf(child_feats) if child_feats else {}
    default_idf = math.log(1 + (len(child_feats) + 0.5) / 0.5)  # a word the child never uses
    result = Coverage()
    for p in parent_items:
        pf = _features(p.text)
        best, best_score = None, 0.0
        for c, cf in zip(child_items, child_feats, strict=False):
            s = similarity(pf, cf, idf, default_idf, p.text, c.text)
            if s > best_score:
                best, best_score = c, s
        if best is not None and best_score >= threshold:
            result.covered.append(Match(p, best, round(best_score, 3)))
        else:
            result.uncovered.append(Match(p, None, round(best_score, 3)))
    return result
