"""Writing a review from what the units reported: similar statements grouped, counted and attributed.

Plain functions over dataclasses, deterministic and explainable: every `Sentence` keeps the ids of the unit
reports it was written from (`sources`), so a reader of the draft can ask "who said this?".

The rule for "similar": two statements are the same point when their folded words (no diacritics, no
punctuation, lower case) overlap enough — rapidfuzz's token-set ratio, which is 100 when one statement's
words are all in the other ("Kinh phí còn hạn hẹp" / "Nguồn kinh phí bố trí còn hạn hẹp"), and the plain
ratio of the sorted words, whichever is higher. A group's wording is its most central statement (the one
most similar to the others; ties: the more frequent, then the shorter, then the first seen).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from rapidfuzz import fuzz

from trienkhai.text.vietnamese import fold

SIMILAR = 78.0          # token-set / token-sort ratio at or above which two statements are the same point
MIN_SET_WORDS = 3       # a token-set match needs at least this many shared words (not "còn", "hạn chế")
THEME_NAMES = 3         # a theme raised by more units gives their number only
NAMES_SHOWN = 4         # units named in a sentence before "và N đơn vị khác"


@dataclass(frozen=True)
class Statement:
    """One thing one unit said (a line of a field of its report)."""

    text: str
    organisation: str
    source: str  # the id of the unit report it comes from ("BC 123")


@dataclass
class Sentence:
    """A sentence of the review and the reports it was written from (empty for what the plan itself says)."""

    text: str
    sources: tuple[str, ...] = ()


@dataclass
class Group:
    """Statements that make the same point, with the units that made it."""

    text: str
    statements: list[Statement] = field(default_factory=list)

    @property
    def organisations(self) -> list[str]:
        return list(dict.fromkeys(s.organisation for s in self.statements))

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.source for s in self.statements))


_SPLIT = re.compile(r"(?:\n+|;\s+|(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ]))")
_BULLET = re.compile(r"^\s*(?:[-–•+*]|\d+[.)]|[a-zđ][.)])\s*")


def split_statements(text: str, organisation: str, source: str) -> list[Statement]:
    """A unit's field as its separate statements: one a line (or sentence), bullets and final stops removed."""
    out = []
    for piece in _SPLIT.split(text or ""):
        piece = _BULLET.sub("", piece).strip().rstrip(".;,: ").strip()
        if len(piece) > 2:
            out.append(Statement(piece[:1].upper() + piece[1:], organisation, source))
    return out


def folded(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", fold(text).lower()))


def similarity(a: str, b: str) -> float:
    """0–100: how much two folded statements say the same thing (see the module's docstring)."""
    sort = fuzz.token_sort_ratio(a, b)
    shared = len(set(a.split()) & set(b.split()))
    token_set = fuzz.token_set_ratio(a, b) if shared >= MIN_SET_WORDS else 0.0
    return max(sort, token_set * 0.95)


def group(statements: Iterable[Statement], threshold: float = SIMILAR) -> list[Group]:
    """Similar statements together, largest group (most units) first, then in order of first appearance."""
    items = list(statements)
    keys = [folded(s.text) for s in items]
    groups: list[list[int]] = []
    exact: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        if not key:
            continue
        if key in exact:  # the same words: the same group, without comparing
            exact[key].append(i)
            continue
        # Compared with a group's first few distinct wordings (enough to join it; keeps this near-linear).
        for members in groups:
            if any(similarity(key, keys[j]) >= threshold for j in members[:3]):
                members.append(i)
                exact[key] = members
                break
        else:
            groups.append([i])
            exact[key] = groups[-1]
    result = []
    for members in groups:
        result.append(Group(_central([items[i] for i in members], [keys[i] for i in members]),
                            [items[i] for i in members]))
    order = {id(g): n for n, g in enumerate(result)}
    result.sort(key=lambda g: (-len(g.organisations), order[id(g)]))
    return result


def _central(items: Sequence[Statement], keys: Sequence[str]) -> str:
    """The wording most similar to the group's other wordings (each weighed by how often it was used)."""
    if len(items) == 1:
        return items[0].text
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for i, k in enumerate(keys):
        counts[k] = counts.get(k, 0) + 1
        first.setdefault(k, i)
    distinct = list(counts)[:50]

    def score(k: str) -> tuple[float, int, int, int]:
        total = sum(similarity(k, o) * counts[o] for o in distinct if o != k) + 100.0 * (counts[k] - 1)
        return (-total, -counts[k], len(items[first[k]].text), first[k])

    return items[first[min(distinct, key=score)]].text


def names(organisations: Sequence[str], shown: int = NAMES_SHOWN) -> str:
    """"A, B và C"; "A, B, C, D và 5 đơn vị khác"."""
    orgs = list(organisations)
    if len(orgs) <= shown:
        return orgs[0] if len(orgs) == 1 else ", ".join(orgs[:-1]) + " và " + orgs[-1]
    return ", ".join(orgs[:shown]) + f" và {len(orgs) - shown} đơn vị khác"


def _starts_with_verb(text: str) -> bool:
    return folded(text).split(" ", 1)[0] in {"da", "dang", "tiep", "to", "ban", "trien", "xay", "thuc", "chu",
                                              "phoi", "hoan", "kiem", "tuyen", "lanh", "chi", "quan"}


def lower_first(text: str) -> str:
    """The first letter lower-cased, unless the first word is a name or an abbreviation ("Tỉnh ủy", "UBND")."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and (first.isupper() or first[1:].lower() != first[1:]):
        return text
    return text[:1].lower() + text[1:]


def attributed(g: Group) -> Sentence:
    """One sentence for a group of results: "5 cơ quan, đơn vị (A, B …) đã tổ chức …" or "… (A, B)"."""
    orgs = g.organisations
    text = g.text.rstrip(".")
    if _starts_with_verb(text):
        subject = orgs[0] if len(orgs) == 1 else f"{len(orgs)} cơ quan, đơn vị ({names(orgs)})"
        return Sentence(f"{subject} {lower_first(text)}.", g.sources)
    return Sentence(f"{text} ({names(orgs)}).", g.sources)


def themed(g: Group) -> Sentence:
    """One line for a limitation, cause, lesson or proposal: the point, then how many units raised it."""
    orgs = g.organisations
    text = g.text.rstrip(".")
    if len(orgs) == 1:
        return Sentence(f"{text} ({orgs[0]}).", g.sources)
    if len(orgs) <= THEME_NAMES:
        return Sentence(f"{text} ({len(orgs)} đơn vị nêu: {names(orgs)}).", g.sources)
    # Beyond a few, the count is the finding; the names stay traceable through the sources.
    return Sentence(f"{text} ({len(orgs)} đơn vị nêu).", g.sources)


def themed_lines(statements: Iterable[Statement], limit: int | None = None) -> list[Sentence]:
    """Grouped statements as themed lines, most-raised first; beyond `limit`, one line counts the rest."""
    groups = group(statements)
    lines = [themed(g) for g in (groups if limit is None else groups[:limit])]
    if limit is not None and len(groups) > limit:
        rest = groups[limit:]
        sources = tuple(dict.fromkeys(s for g in rest for s in g.sources))
        lines += [Sentence(f"Các đơn vị còn nêu {len(rest)} ý kiến khác (chi tiết trong báo cáo "
                                          "của từng đơn vị).", sources)]
    return lines


_NUMBER = re.compile(r"\d")


def with_figures(statements: Iterable[Statement]) -> list[Statement]:
    """The statements that carry a figure ("12 hội nghị", "3.400 lượt"): the review's named examples."""
    return [s for s in statements if _NUMBER.search(s.text)]


def percent(part: int, whole: int) -> str:
    """"72 %" (Vietnamese decimal comma; "0 %" for an empty base)."""
    if not whole:
        return "0 %"
    value = round(part / whole * 100, 1)
    return (f"{value:.1f}".rstrip("0").rstrip(".").replace(".", ",")) + "\u00a0%"


_OBJECTIVE_WORDS = ("kinh phi", "ngan sach", "nguon luc", "dia ban", "giao thong", "thien tai", "mua lu",
                    "thoi tiet", "dich benh", "sap xep", "sap nhap", "co che", "chinh sach", "quy dinh",
                    "khach quan", "bien dong", "xa xoi", "vung sau", "dieu kien", "co so vat chat")


def is_objective(text: str) -> bool:
    """Whether an unclassified cause is objective (resources, terrain, disasters, changes of organisation or
    rules — REVIEW_REPORTS.md's list); anything else (attention, awareness, coordination, capacity) is
    subjective."""
    key = folded(text)
    return any(word in key for word in _OBJECTIVE_WORDS)


MATCH_SHARE = 0.34   # share of a statement's word pairs found in a part's text for it to speak of that part


@lru_cache(maxsize=512)
def _pairs(text: str) -> frozenset[str]:
    words = folded(text).split()
    return frozenset(f"{a} {b}" for a, b in pairwise(words))


def match_part(text: str, parts: Sequence[str]) -> int | None:
    """The index of the part whose text shares most of the statement's word pairs (syllable bigrams, so
    "cán bộ" matches "cán bộ", not "bộ máy"), when at least MATCH_SHARE of them; None otherwise."""
    mine = _pairs(text)
    if not mine or not parts:
        return None
    scores = [len(mine & _pairs(p)) / len(mine) for p in parts]
    best = max(range(len(parts)), key=lambda i: (scores[i], -i))
    return best if scores[best] >= MATCH_SHARE else None
