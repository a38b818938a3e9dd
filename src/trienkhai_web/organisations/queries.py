"""Reading organisations: the tree, what is valid on a date, successors, and matching agency names.

Matching (`match_organisations`, `OrganisationMatcher`) is what the plan import uses to map the names
a document writes ("Ban Dân vận Tỉnh uỷ", "BTV Tinh uy", "UBND tỉnh") to organisations:

- ``exact``: the folded name (`trienkhai.text.vietnamese.fold`: lower case, old/new tone placement
  equal, no diacritics, đ→d) equals the organisation's folded name; score 100;
- ``alias``: it equals the folded short name or an alias; score 100;
- ``registry``: the registry (`trienkhai.plans.bodies.identify`) reads both as one body: "Đảng đoàn Ủy ban
  MTTQ tỉnh" = "Đảng đoàn Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "UBND tỉnh tỉnh" = "Ủy ban nhân dân tỉnh";
  a name without its level ("Ban Dân vận") is read at the matcher's `level` (the issuer's); score 100;
- ``fuzzy``: rapidfuzz `token_sort_ratio` on folded names (and aliases) at least `min_score`, never across
  kinds or levels (`trienkhai.plans.bodies.compatible`: "Các ban đảng" is no "Ban cán sự đảng", "thành ủy" no
  "Tỉnh ủy"), and never for a collective scope ("các huyện ủy"), which is no organisation.

Exact, alias and registry matches are *certain*: the import applies them without a click.

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

from trienkhai.plans.bodies import BodyIdentity, ScopeIdentity, compatible, identify, qualify
from trienkhai.text.vietnamese import fold
from trienkhai_web.organisations.models import Organisation, OrganisationAlias, OrganisationKind, Succession

EXACT = "exact"
ALIAS = "alias"
REGISTRY = "registry"
FUZZY = "fuzzy"
CERTAIN = (EXACT, ALIAS, REGISTRY)
# Kinds of organisation that are places (a locality): what a body's level and locality are read from.
LOCALITY_KINDS = (OrganisationKind.PROVINCE, OrganisationKind.DISTRICT, OrganisationKind.COMMUNE)


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


def _same_place(ident: BodyIdentity, places: set[str]) -> bool:
    """Whether a body named with its place ("Ban Tuyên giáo Tỉnh ủy Lai Châu") is of one of `places` (folded)."""
    node: BodyIdentity | None = ident
    while node is not None:
        if node.locality and fold(node.locality) not in places:
            return False
        node = node.of
    return True


@dataclass(frozen=True)
class Match:
    organisation: Organisation
    score: float
    how: str  # exact | alias | registry | fuzzy

    @property
    def certain(self) -> bool:
        """Exact, alias or registry: the same body for sure (applied at import, undoable)."""
        return self.how in CERTAIN

    def __iter__(self):  # so a match unpacks as (organisation, score, how)
        return iter((self.organisation, self.score, self.how))


class OrganisationMatcher:
    """Folded names of the organisations (optionally those valid on a date), loaded once."""

    def __init__(self, *, on: dt.date | None = None, queryset: QuerySet[Organisation] | None = None,
                 level: str | None = None, places: list[str] | None = None) -> None:
        qs = queryset if queryset is not None else Organisation.objects.all()
        if on is not None:
            qs = qs.filter(valid_on_q(on))
        self.level = level or None  # the level of the issuer: names that do not say one are read at it
        # The issuer's places ("Mường Tè", "Lai Châu"): a body whose name says another place is never offered.
        self.places = {fold(p) for p in places or []}
        self.organisations: dict[int, Organisation] = {o.pk: o for o in qs}
        # key -> [(org id, how)]; the choices list for rapidfuzz is the distinct keys.
        self.keys: dict[str, list[tuple[int, str]]] = defaultdict(list)
        # The registry's identities: identity key -> org ids; org id -> its identities (name, aliases).
        self.identities: dict[str, set[int]] = defaultdict(set)
        self._identity_of: dict[int, list[BodyIdentity]] = defaultdict(list)
        names: list[tuple[int, str]] = []
        self._elsewhere: set[int] = set()  # bodies of another place than the issuer's
        for o in self.organisations.values():
            self.keys[o.match_key or fold(o.name)].append((o.pk, EXACT))
            names.append((o.pk, o.name))
            if o.short_name:
                self.keys[fold(o.short_name)].append((o.pk, ALIAS))
        aliases = OrganisationAlias.objects.filter(organisation_id__in=self.organisations).values_list(
            "organisation_id", "match_key", "name"
        )
        for org_id, key, name in aliases:
            self.keys[key or fold(name)].append((org_id, ALIAS))
            names.append((org_id, name))
        for org_id, name in names:
            ident = identify(name)
            if isinstance(ident, BodyIdentity):
                if self.places and not _same_place(ident, self.places):
                    self._elsewhere.add(org_id)
                    continue
                ident = qualify(ident, self.organisations[org_id].level or self.level)
                self.identities[ident.key].add(org_id)
                self._identity_of[org_id].append(ident)
        self._choices = list(self.keys)

    def _compatible(self, ident: BodyIdentity | None, org_id: int) -> bool:
        if org_id in self._elsewhere:
            return False
        known = self._identity_of.get(org_id)
        return any(compatible(ident, k) for k in known) if known else compatible(ident, None)

    def match(self, name: str, *, limit: int = 5, min_score: float = 75) -> list[Match]:
        """Best candidates for `name`, best first; exact and alias matches before fuzzy ones."""
        key = fold(name or "")
        if not key:
            return []
        found = identify(name)
        if isinstance(found, ScopeIdentity):
            return []  # a collective scope is no organisation: it resolves to several (`resolve_scope`)
        ident = qualify(found, self.level) if isinstance(found, BodyIdentity) else None
        best: dict[int, Match] = {}

        def offer(org_id: int, score: float, how: str) -> None:
            rank = {EXACT: 3, ALIAS: 2, REGISTRY: 1, FUZZY: 0}
            old = best.get(org_id)
            if old is None or (score, rank[how]) > (old.score, rank[old.how]):
                best[org_id] = Match(self.organisations[org_id], round(score, 1), how)

        for org_id, how in self.keys.get(key, []):
            offer(org_id, 100.0, how)
        if ident is not None:
            for org_id in self.identities.get(ident.key, ()):
                offer(org_id, 100.0, REGISTRY)
        for choice, score, _ in process.extract(key, self._choices, scorer=fuzz.token_sort_ratio,
                                                 limit=limit * 3, score_cutoff=min_score):
            if choice == key:
                continue
            for org_id, _how in self.keys[choice]:
                if self._compatible(ident, org_id):
                    offer(org_id, float(score), FUZZY)
        order = {EXACT: 0, ALIAS: 1, REGISTRY: 2, FUZZY: 3}
        ranked = sorted(best.values(), key=lambda m: (order[m.how] if m.score == 100 else 4, -m.score,
                                                      m.organisation.valid_to is not None, m.organisation.name))
        return ranked[:limit]


def match_organisations(name: str, *, on: dt.date | None = None, limit: int = 5,
                        min_score: float = 75) -> list[Match]:
    """Candidates for one agency name as [(organisation, score, how)], best first.

    For many names use one `OrganisationMatcher(on=...)` and call `.match(name)` on each."""
    return OrganisationMatcher(on=on).match(name, limit=limit, min_score=min_score)


def locality_of(org: Organisation | None, parents: dict[int, Organisation] | None = None) -> Organisation | None:
    """The place a body belongs to: itself or its nearest ancestor that is a province, district or commune."""
    seen: set[int] = set()
    while org is not None and org.pk not in seen:
        if org.kind in LOCALITY_KINDS:
            return org
        seen.add(org.pk)
        if org.parent_id is None:
            return None
        org = parents[org.parent_id] if parents is not None and org.parent_id in parents else org.parent
    return None


def localities_above(locality: Organisation | None) -> list[Organisation]:
    """The locality and the localities it stands under, nearest first (a district, then its province)."""
    chain: list[Organisation] = []
    org = locality
    while org is not None and org.pk not in {o.pk for o in chain}:
        if org.kind in LOCALITY_KINDS:
            chain.append(org)
        org = org.parent
    return chain


def organisations_for_locality(locality: Organisation | None, *, strict: bool = False) -> QuerySet[Organisation]:
    """The bodies a plan of `locality` may name: those of the locality, of the localities above it, and the
    bodies of no locality (central ones); never the bodies of another province or a sibling district.
    Without a locality, every organisation (`strict`: only the central ones)."""
    if locality is None and not strict:
        return Organisation.objects.all()
    orgs = {o.pk: o for o in Organisation.objects.only("pk", "parent_id", "kind")}
    allowed = {o.pk for o in localities_above(locality)}
    ids = []
    for o in orgs.values():
        place = locality_of(o, orgs)
        if place is None or place.pk in allowed:
            ids.append(o.pk)
    return Organisation.objects.filter(pk__in=ids)


def bodies_under(locality: Organisation, *, on: dt.date | None = None) -> list[Organisation]:
    """Every body in the locality's subtree (its own and those of the localities under it), valid on `on`."""
    return [n.organisation for t in organisation_tree(locality, on=on) for n in t.walk()
            if n.organisation.pk != locality.pk]


def own_bodies(locality: Organisation) -> list[Organisation]:
    """The bodies of the locality itself (not those of the districts or communes under it), aliases loaded."""
    out: list[Organisation] = []

    def walk(node: TreeNode) -> None:
        for child in node.children:
            if child.organisation.kind in LOCALITY_KINDS:
                continue
            out.append(child.organisation)
            walk(child)

    for tree in organisation_tree(locality):
        walk(tree)
    aliases: dict[int, list[OrganisationAlias]] = defaultdict(list)
    for a in OrganisationAlias.objects.filter(organisation_id__in=[o.pk for o in out]):
        aliases[a.organisation_id].append(a)
    for o in out:
        o._prefetched_objects_cache = {"aliases": aliases.get(o.pk, [])}  # type: ignore[attr-defined]
    return out


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
