"""Reading organisations: the tree, what is valid on a date, successors, and matching agency names.

Matching (`match_organisations`, `OrganisationMatcher`) is what the plan import uses to map the names
a document writes ("Ban Dân vận Tỉnh uỷ", "BTV Tinh uy", "UBND tỉnh") to organisations:

- ``exact``: the folded name (`trienkhai.text.vietnamese.fold`: lower case, old/new tone placement
  equal, no diacritics, đ→d) equals the organisation's folded name; score 100;
- ``alias``: it equals the folded short name or an alias; score 100;
- ``fuzzy``: rapidfuzz `token_sort_ratio` on folded names (and aliases) at least `min_score`.

An `OrganisationMatcher` reads the names once (two queries) and then matches any number of names in
memory — build one per draft, not one per name.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet
from rapidfuzz import fuzz, process

from trienkhai.text.vietnamese import fold
from trienkhai_web.organisations.models import Organisation, OrganisationAlias, Succession

EXACT = "exact"
ALIAS = "alias"
FUZZY = "fuzzy"


def valid_on_q(on: dt.date, prefix: str = "") -> Q:
    """Condition: valid on `on` (open dates count as always)."""
    return (Q(**{f"{prefix}valid_from__isnull": True}) | Q(**{f"{prefix}valid_from__lte": on})) & (
        Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gte": on})
    )


def organisations_valid_on(on: dt.date) -> QuerySet[Organisation]:
    return Organisation.objects.filter(valid_on_q(on))


def is_valid_on(org: Organisation, on: dt.date) -> bool:
    return (org.valid_from is None or org.valid_from <= on) and (org.valid_to is None or org.valid_to >= on)


@dataclass
class TreeNode:
    organisation: Organisation
    depth: int
    children: list[TreeNode] = field(default_factory=list)
    successors: list[Organisation] = field(default_factory=list)

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()


def organisation_tree(root: Organisation | None = None, *, on: dt.date | None = None) -> list[TreeNode]:
    """The tree under `root` (or the whole forest), children by name; with `on`, only units valid then.

    Three queries whatever the size: organisations, successions, then built in memory."""
    qs = Organisation.objects.all()
    if on is not None:
        qs = qs.filter(valid_on_q(on))
    orgs = list(qs.order_by("name"))
    by_id = {o.pk: o for o in orgs}
    children: dict[int | None, list[Organisation]] = defaultdict(list)
    for o in orgs:
        parent = o.parent_id if o.parent_id in by_id else None
        children[parent].append(o)
    successors: dict[int, list[Organisation]] = defaultdict(list)
    for s in Succession.objects.select_related("successor").filter(predecessor_id__in=by_id):
        successors[s.predecessor_id].append(s.successor)

    def build(o: Organisation, depth: int, seen: set[int]) -> TreeNode:
        seen.add(o.pk)
        node = TreeNode(o, depth, successors=successors.get(o.pk, []))
        node.children = [build(c, depth + 1, seen) for c in children.get(o.pk, []) if c.pk not in seen]
        return node

    if root is not None:
        if root.pk not in by_id:
            return []
        return [build(by_id[root.pk], 0, set())]
    return [build(o, 0, set()) for o in children.get(None, [])]


def descendants(org: Organisation) -> list[Organisation]:
    """Every unit under `org` (not `org` itself)."""
    trees = organisation_tree(org)
    return [n.organisation for t in trees for n in t.walk() if n.organisation.pk != org.pk]


def successors_on(org: Organisation, on: dt.date) -> list[Organisation]:
    """Where the work of `org` is on `on`: itself while valid, else its successors valid on that date,
    following chains (a district merged into a unit that was later renamed …)."""
    result: list[Organisation] = []
    seen: set[int] = set()

    def follow(o: Organisation) -> None:
        if o.pk in seen:
            return
        seen.add(o.pk)
        if is_valid_on(o, on):
            result.append(o)
            return
        for s in Succession.objects.select_related("successor").filter(predecessor=o, date__lte=on):
            follow(s.successor)

    follow(org)
    return result


def predecessors(org: Organisation) -> list[Succession]:
    return list(Succession.objects.select_related("predecessor").filter(successor=org))


@dataclass(frozen=True)
class Match:
    organisation: Organisation
    score: float
    how: str  # exact | alias | fuzzy

    def __iter__(self):  # so a match unpacks as (organisation, score, how)
        return iter((self.organisation, self.score, self.how))


class OrganisationMatcher:
    """Folded names of the organisations (optionally those valid on a date), loaded once."""

    def __init__(self, *, on: dt.date | None = None, queryset: QuerySet[Organisation] | None = None) -> None:
        qs = queryset if queryset is not None else Organisation.objects.all()
        if on is not None:
            qs = qs.filter(valid_on_q(on))
        self.organisations: dict[int, Organisation] = {o.pk: o for o in qs}
        # key -> [(org id, how)]; the choices list for rapidfuzz is the distinct keys.
        self.keys: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for o in self.organisations.values():
            self.keys[o.match_key or fold(o.name)].append((o.pk, EXACT))
            if o.short_name:
                self.keys[fold(o.short_name)].append((o.pk, ALIAS))
        aliases = OrganisationAlias.objects.filter(organisation_id__in=self.organisations).values_list(
            "organisation_id", "match_key", "name"
        )
        for org_id, key, name in aliases:
            self.keys[key or fold(name)].append((org_id, ALIAS))
        self._choices = list(self.keys)

    def match(self, name: str, *, limit: int = 5, min_score: float = 75) -> list[Match]:
        """Best candidates for `name`, best first; exact and alias matches before fuzzy ones."""
        key = fold(name or "")
        if not key:
            return []
        best: dict[int, Match] = {}

        def offer(org_id: int, score: float, how: str) -> None:
            rank = {EXACT: 2, ALIAS: 1, FUZZY: 0}
            old = best.get(org_id)
            if old is None or (score, rank[how]) > (old.score, rank[old.how]):
                best[org_id] = Match(self.organisations[org_id], round(score, 1), how)

        for org_id, how in self.keys.get(key, []):
            offer(org_id, 100.0, how)
        for choice, score, _ in process.extract(key, self._choices, scorer=fuzz.token_sort_ratio,
                                                 limit=limit * 3, score_cutoff=min_score):
            if choice == key:
                continue
            for org_id, _how in self.keys[choice]:
                offer(org_id, float(score), FUZZY)
        order = {EXACT: 0, ALIAS: 1, FUZZY: 2}
        ranked = sorted(best.values(), key=lambda m: (order[m.how] if m.score == 100 else 3, -m.score,
                                                      m.organisation.valid_to is not None, m.organisation.name))
        return ranked[:limit]


def match_organisations(name: str, *, on: dt.date | None = None, limit: int = 5,
                        min_score: float = 75) -> list[Match]:
    """Candidates for one agency name as [(organisation, score, how)], best first.

    For many names use one `OrganisationMatcher(on=...)` and call `.match(name)` on each."""
    return OrganisationMatcher(on=on).match(name, limit=limit, min_score=min_score)


def search_organisations(text: str, qs: QuerySet[Organisation] | None = None) -> QuerySet[Organisation]:
    """Organisations whose name, short name, code or an alias contains `text` (diacritics ignored)."""
    qs = qs if qs is not None else Organisation.objects.all()
    key = fold(text or "")
    if not key:
        return qs
    return qs.filter(
        Q(match_key__contains=key) | Q(aliases__match_key__contains=key) | Q(code__icontains=text.strip())
        | Q(short_name__icontains=text.strip())
    ).distinct()


def organisation_detail(pk: Any) -> Organisation:
    return Organisation.objects.select_related("parent").prefetch_related("aliases").get(pk=pk)
