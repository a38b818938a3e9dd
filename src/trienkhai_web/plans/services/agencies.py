"""Deciding what each agency name of a draft denotes: an organisation, a collective scope, or none at all.

Names are read by the core's registry (`trienkhai.plans.bodies.identify`) in the plan's locality (the
issuer's province, district or commune: a plan's "Ban Dân vận Tỉnh ủy" is that province's):

- a body: mapped to the organisation the registry or an exact/alias match says is the same body (applied
  at import, shown on the review page and undoable), else chosen by the reviewer among suggestions that
  never cross kinds or levels, else created with its kind, level and parent (`create_organisation_for`);
- a collective scope ("các huyện ủy, thành ủy", "MTTQ và các tổ chức chính trị - xã hội"): no organisation
  itself (`agency_map` None) but the bodies it resolves to (`scope_map`), whose work it becomes;
- an unnamed scope ("các cơ quan, đơn vị liên quan"): no organisation, no report.

New organisations and aliases are made by the organisations app's own services, so their validation
(names, duplicates) and their audit entries are the same as when an administrator makes them there.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from trienkhai.plans.bodies import BodyIdentity, ScopeIdentity, identify, qualify, resolve_scope
from trienkhai.text.vietnamese import fold
from trienkhai.vocab.bodies import CENTRAL_CITIES, WRITTEN_HEADS
from trienkhai_web.audit.actions import Action
from trienkhai_web.audit.services import record
from trienkhai_web.errors import UserError
from trienkhai_web.locking import bump
from trienkhai_web.organisations import queries as org_queries
from trienkhai_web.organisations import services as organisations
from trienkhai_web.organisations.models import Organisation, OrganisationLevel
from trienkhai_web.organisations.models import OrganisationKind as K
from trienkhai_web.plans import queries
from trienkhai_web.plans.models import Plan, PlanStatus
from trienkhai_web.plans.services.drafts import check_manage, load_draft, lock_plan

# The end of the districts (Nghị quyết 202/2025/QH15): a district made for an older plan ends then.
DISTRICT_END = "2025-06-30"
NATIONAL_CODE = "trung-uong"
NATIONAL_NAME = "Trung ương"
# How a body of each level names its place ("Sở Nội vụ tỉnh Lạng Sơn", "Ban Dân vận Huyện ủy Mường Tè").
_PLACE_WORD = {"province": "tỉnh", "district": "huyện", "commune": "xã"}
_PLACE_PREFIXES = ("Tỉnh ", "Thành phố ", "Huyện ", "Quận ", "Thị xã ", "Xã ", "Phường ", "Thị trấn ", "Đặc khu ")
# The body a kind of body stands under when its name does not say (the registry's default parents).
_COMMITTEE_NAME = {"central": "Ban Chấp hành Trung ương Đảng", "province": "Tỉnh ủy", "district": "Huyện ủy",
                   "commune": "Đảng ủy"}
_LOCALITY_KIND = {"province": K.PROVINCE, "district": K.DISTRICT, "commune": K.COMMUNE}


def undecided_names(plan: Plan) -> list[str]:
    """The draft's agency names nobody has decided on yet (publishing needs none left)."""
    if not plan.draft:
        return []
    return [n for n in load_draft(plan).agency_names() if n not in (plan.agency_map or {})]


# --- the plan's locality ---------------------------------------------------------------------------------


def place_name(locality: Organisation) -> str:
    """"Tỉnh Lạng Sơn" → "Lạng Sơn"."""
    for prefix in _PLACE_PREFIXES:
        if locality.name.startswith(prefix):
            return locality.name[len(prefix):]
    return locality.name


def national_root(user: Any = None, *, create: bool = False) -> Organisation | None:
    root = Organisation.objects.filter(code=NATIONAL_CODE).first()
    if root is None and create:
        root = organisations.create_organisation(user, name=NATIONAL_NAME, kind=K.CENTRAL,
                                                 level=OrganisationLevel.CENTRAL, code=NATIONAL_CODE)
    return root


def _named_locality(kind: str, place: str, parent: Organisation | None) -> Organisation | None:
    key = fold(place)
    qs = Organisation.objects.filter(kind=kind)
    if parent is not None:
        qs = qs.filter(parent=parent)
    for org in qs.prefetch_related("aliases"):
        names = [org.name, place_name(org), *(a.name for a in org.aliases.all())]
        if key in {fold(n) for n in names} | {fold(place_name(org))}:
            return org
    return None


def find_locality(province: str | None, *, issuer: str | None = None, user: Any = None,
                  create: bool = False) -> Organisation | None:
    """The place a plan is of: its province (from the header), or the district or commune under it when
    the issuer is of that level ("Ban Thường vụ Huyện ủy" of a Lai Châu plan). With `create`, the places
    missing are made under the national tree (Trung ương → tỉnh → huyện/xã)."""
    if not province:
        return None
    ident = identify(issuer or "")
    level = ident.level if isinstance(ident, BodyIdentity) else None
    while isinstance(ident, BodyIdentity) and ident.of is not None and ident.locality is None:
        ident = ident.of
    root = national_root(user, create=create)
    city = fold(province) in CENTRAL_CITIES
    prov = _named_locality(K.PROVINCE, province, None)
    if prov is None and create:
        prov = organisations.create_organisation(
            user, name=f"{'Thành phố' if city else 'Tỉnh'} {province}", kind=K.PROVINCE,
            level=OrganisationLevel.PROVINCE, parent=root, aliases=[province])
    if prov is None or level not in ("district", "commune"):
        return prov
    name = ident.locality if isinstance(ident, BodyIdentity) and ident.locality else None
    found = _named_locality(_LOCALITY_KIND[level], name, prov) if name else (
        Organisation.objects.filter(kind=_LOCALITY_KIND[level], parent=prov, code__startswith="unnamed-")
        .order_by("pk").first())
    if found is None and create:
        word = "Huyện" if level == "district" else "Xã"
        label = f"{word} {name}" if name else f"{word} (văn bản không ghi tên) – {prov.name}"
        found = organisations.create_organisation(
            user, name=label, kind=_LOCALITY_KIND[level], level=level, parent=prov,
            code=None if name else f"unnamed-{level}-{prov.pk}",
            valid_to=dt.date.fromisoformat(DISTRICT_END) if level == "district" else None)
    return found


def plan_locality(plan: Plan, *, user: Any = None, create: bool = False) -> Organisation | None:
    """The plan's place: the issuer's, else the one its header names (the province, and the district or
    commune of an issuer of that level)."""
    if plan.issuer_id is not None:
        place = org_queries.locality_of(plan.issuer)
        if place is not None:
            return place
    if not plan.draft:
        return None
    doc = load_draft(plan).document
    return find_locality(doc.province, issuer=plan.issuer_name or doc.issuer, user=user, create=create)


def matcher_for(plan: Plan | None) -> org_queries.OrganisationMatcher:
    """A matcher over the bodies the plan may name (its locality's, those above it, central ones), reading
    names without a level at the level of the plan's locality."""
    locality = plan_locality(plan) if plan is not None else None
    if locality is None:
        province = load_draft(plan).document.province if plan is not None and plan.draft else None
        if province:
            # A plan of a province not (yet) in the tree may name only central bodies, never another
            # province's: its own bodies are made, or chosen, in its province.
            return org_queries.OrganisationMatcher(queryset=org_queries.organisations_for_locality(None, strict=True),
                                                   level="province", places=[province])
        return queries.agency_matcher()
    places = [place_name(p) for p in org_queries.localities_above(locality)]
    return org_queries.OrganisationMatcher(queryset=org_queries.organisations_for_locality(locality),
                                           level=locality.level or None, places=places)


# --- bodies and scopes -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScopeResolution:
    """How a collective scope of the draft resolved: the bodies it names (none for an unnamed scope)."""

    name: str
    scope: ScopeIdentity
    organisations: list[Organisation]


def resolve_scope_in(plan: Plan, name: str, *, locality: Organisation | None = None) -> ScopeResolution | None:
    """The bodies of the plan's locality a collective scope names ("các huyện ủy, thành ủy" → every
    district committee of the province); None when `name` is no scope."""
    scope = identify(name)
    if not isinstance(scope, ScopeIdentity):
        return None
    locality = locality or plan_locality(plan)
    if locality is None or scope.unnamed:
        return ScopeResolution(name, scope, [])
    bodies = [o for o in org_queries.bodies_under(locality, on=timezone.localdate())
              if o.pk != plan.issuer_id and o.kind not in org_queries.LOCALITY_KINDS]
    found = resolve_scope(scope, bodies, issuer_level=locality.level or None, kind=lambda o: o.kind,
                          level=lambda o: o.level or None)
    return ScopeResolution(name, scope, sorted(found, key=lambda o: o.name))


def _target_locality(identity: BodyIdentity, locality: Organisation) -> Organisation:
    """Where a body of the plan stands: the locality of its level among the plan's and those above."""
    if identity.level is None or identity.level == locality.level:
        return locality
    if identity.level == "central":
        return national_root(create=True) or locality
    for place in org_queries.localities_above(locality):
        if place.level == identity.level:
            return place
    return locality


def _display_name(identity: BodyIdentity, written: str, place: Organisation) -> str:
    """The name of a new body, with its place so that two provinces' bodies are told apart."""
    if identity.kind == "party_committee" and identity.head == "cap uy":
        base = _COMMITTEE_NAME.get(place.level or "", "Đảng ủy")
        return base if place.level == "central" else f"{base} {place_name(place)}"
    name = identity.name or written or WRITTEN_HEADS.get(identity.head, identity.head.capitalize())
    if identity.locality or place.level in (None, "", "central"):
        return name
    ident_place = place_name(place)
    if name.endswith(("Tỉnh ủy", "Huyện ủy", "Thành ủy", "Đảng ủy", "Tỉnh đoàn", "Huyện đoàn")):
        return f"{name} {ident_place}"
    word = _PLACE_WORD.get(place.level or "", "")
    if fold(name).endswith(f" {fold(word)}"):
        return f"{name} {ident_place}"
    return f"{name} {word} {ident_place}".replace("  ", " ")


class BodyPlacer:
    """Finds or makes the organisation a body identity denotes in a locality, with its parents (a body is
    never parentless: "Ban Dân vận Tỉnh ủy" of Lạng Sơn stands under "Tỉnh ủy Lạng Sơn", under "Tỉnh Lạng
    Sơn", under "Trung ương"). Indexes each locality's bodies by identity once."""

    def __init__(self, user: Any) -> None:
        self.user = user
        self._index: dict[int, dict[str, Organisation]] = {}

    def _bodies(self, place: Organisation) -> dict[str, Organisation]:
        if place.pk not in self._index:
            index: dict[str, Organisation] = {}
            for org in org_queries.own_bodies(place):
                for n in [org.name, *(a.name for a in org.aliases.all())]:
                    ident = identify(n)
                    if isinstance(ident, BodyIdentity):
                        index.setdefault(qualify(ident, org.level or place.level or None).key, org)
            self._index[place.pk] = index
        return self._index[place.pk]

    def find(self, identity: BodyIdentity, locality: Organisation) -> Organisation | None:
        place = _target_locality(identity, locality)
        return self._bodies(place).get(qualify(identity, place.level or None).key)

    def place(self, identity: BodyIdentity, locality: Organisation, *, written: str = "") -> Organisation:
        place = _target_locality(identity, locality)
        ident = qualify(identity, place.level or None)
        found = self._bodies(place).get(ident.key)
        if found is not None:
            return found
        parent = self._parent(ident, place)
        name = _display_name(ident, written or ident.name, place)
        aliases = [a for a in dict.fromkeys([written, ident.name]) if a and fold(a) != fold(name)]
        kind = ident.kind if ident.kind in K.values else K.OTHER
        org = organisations.create_organisation(self.user, name=name, kind=kind, level=place.level or "",
                                                parent=parent, aliases=aliases)
        self._index[place.pk][ident.key] = org
        return org

    def _parent(self, ident: BodyIdentity, place: Organisation) -> Organisation:
        if ident.of is not None:
            return self.place(ident.of, place)
        level = place.level or None
        committee = BodyIdentity("party_committee", "cap uy", level)
        if ident.kind == "party_committee" and ident.head == "cap uy":
            return place
        if ident.kind in ("party_commission", "standing_committee", "party_delegation", "party_cell",
                          "party_committee"):
            return self.place(committee, place)
        if ident.kind == "department" and level != "central":
            return self.place(BodyIdentity("peoples_committee", "uy ban nhan dan", level), place)
        if ident.kind == "mass_organisation" and level != "central":
            return self.place(BodyIdentity("front", "mat tran to quoc", level), place)
        return place


# --- decisions ------------------------------------------------------------------------------------------


def certain_matches(plan: Plan, names: list[str], matcher: org_queries.OrganisationMatcher | None = None
                    ) -> dict[str, org_queries.Match]:
    """The names whose organisation is certain (exact, alias or the registry's same body, one candidate)."""
    matcher = matcher or matcher_for(plan)
    out: dict[str, org_queries.Match] = {}
    for name in names:
        certain = [m for m in matcher.match(name) if m.certain]
        if len({m.organisation.pk for m in certain}) == 1:
            out[name] = certain[0]
    return out


def initial_decisions(plan: Plan, names: list[str]) -> tuple[dict[str, int | None], dict[str, list[int]]]:
    """What the import decides at once (the reviewer sees and may undo each): certain matches, unnamed
    scopes (no organisation) and scopes resolved in the plan's locality."""
    locality = plan_locality(plan)
    agency_map: dict[str, int | None] = {}
    scope_map: dict[str, list[int]] = {}
    for name in names:
        resolution = resolve_scope_in(plan, name, locality=locality)
        if resolution is None:
            continue
        agency_map[name] = None
        if resolution.organisations:
            scope_map[name] = [o.pk for o in resolution.organisations]
    matcher = matcher_for(plan)
    for name, match in certain_matches(plan, [n for n in names if n not in agency_map], matcher).items():
        agency_map[name] = match.organisation.pk
    return agency_map, scope_map


def _decide(user: Any, plan: Plan, *, version: int | None, name: str, organisation: Organisation | None,
            scope: list[Organisation] | None = None, undo: bool = False) -> Plan:
    check_manage(user, plan)
    with transaction.atomic():
        locked = lock_plan(plan, version)
        if locked.status != PlanStatus.DRAFT:
            raise UserError(_("Only a draft can be edited this way."))
        if name not in load_draft(locked).agency_names():
            raise UserError(_("This name does not occur in the draft."))
        before = {"organisation": locked.agency_map.get(name, ""), "scope": locked.scope_map.get(name, [])}
        agency_map = dict(locked.agency_map)
        scope_map = dict(locked.scope_map or {})
        scope_map.pop(name, None)
        if undo:
            agency_map.pop(name, None)
            after: dict[str, Any] = {"undone": True}
        else:
            agency_map[name] = organisation.pk if organisation else None
            if scope:
                scope_map[name] = sorted({o.pk for o in scope})
            after = {"organisation": agency_map[name], "scope": scope_map.get(name, [])}
        locked.agency_map, locked.scope_map = agency_map, scope_map
        bump(locked)
        locked.save()
        record(user, Action.PLAN_AGENCY_MAP, locked, before={name: before}, after={name: after})
    return locked


def map_agency(user: Any, plan: Plan, *, version: int | None, name: str, organisation: Organisation | None) -> Plan:
    """Decide what a name in the draft denotes: an organisation, or (None) no organisation at all."""
    return _decide(user, plan, version=version, name=name, organisation=organisation)


def undo_decision(user: Any, plan: Plan, *, version: int | None, name: str) -> Plan:
    """Take back what was decided for a name (an automatic match too): it is undecided again."""
    return _decide(user, plan, version=version, name=name, organisation=None, undo=True)


def map_scope(user: Any, plan: Plan, *, version: int | None, name: str, organisations: list[Organisation]) -> Plan:
    """A collective scope names these bodies (none: partners no one reports for); it is no organisation."""
    if not isinstance(identify(name), ScopeIdentity) and organisations:
        raise UserError(_("Only a collective name can stand for several organisations."))
    return _decide(user, plan, version=version, name=name, organisation=None, scope=organisations)


def accept_suggestions(user: Any, plan: Plan, *, version: int | None, min_score: int) -> Plan:
    """Map every undecided name to its best suggestion when that scores at least `min_score` (and is the
    same kind and level of body: the matcher offers no other)."""
    if not 50 <= min_score <= 100:
        raise UserError(_("Choose a confidence between 50% and 100%."))
    matcher = matcher_for(plan)
    chosen: dict[str, Organisation] = {}
    for name in undecided_names(plan):
        best = matcher.match(name, limit=1, min_score=min_score)
        if best and best[0].score >= min_score:
            chosen[name] = best[0].organisation
    if not chosen:
        raise UserError(_("No suggestion reaches %(score)s%%.") % {"score": min_score})
    with transaction.atomic():
        for name, org in chosen.items():
            plan = _decide(user, plan, version=version, name=name, organisation=org)
            version = plan.version
    return plan


def create_organisation_for(user: Any, plan: Plan, *, version: int | None, name: str,
                            parent: Organisation | None = None, kind: str = "", level: str = "") -> Plan:
    """An unknown agency name becomes a new organisation, mapped at once. Its kind, level and parent are
    the registry's (in the plan's locality) unless the reviewer chose them: a new body is never parentless."""
    check_manage(user, plan)
    name = name.strip()
    if not name:
        raise UserError(_("This field is required: %(field)s.") % {"field": _("name")})
    ident = identify(name)
    if isinstance(ident, ScopeIdentity):
        raise UserError(_("“%(name)s” names several bodies, not one: resolve it as a group instead.")
                        % {"name": name})
    with transaction.atomic():
        locality = plan_locality(plan, user=user, create=True)
        if parent is None and isinstance(ident, BodyIdentity) and locality is not None:
            org = BodyPlacer(user).place(ident, locality, written=name)
            changes = {k: v for k, v in (("kind", kind), ("level", level)) if v and getattr(org, k) != v}
            if changes:
                org = organisations.update_organisation(user, org, version=org.version, **changes)
        else:
            if parent is None:
                parent = locality
            if parent is None:
                raise UserError(_("Choose the organisation the new one belongs to."))
            guessed = ident if isinstance(ident, BodyIdentity) else None
            org = organisations.create_organisation(
                user, name=name, parent=parent,
                kind=kind or (guessed.kind if guessed and guessed.kind in K.values else K.OTHER),
                level=level or (guessed.level if guessed and guessed.level else parent.level or ""))
        return map_agency(user, plan, version=version, name=name, organisation=org)


def new_body_defaults(plan: Plan, name: str) -> dict[str, Any]:
    """What the registry proposes for a new organisation named `name`: kind, level and parent."""
    ident = identify(name)
    locality = plan_locality(plan)
    out: dict[str, Any] = {"kind": K.OTHER, "level": "", "parent": locality}
    if isinstance(ident, BodyIdentity):
        place = _target_locality(ident, locality) if locality is not None else None
        ident = qualify(ident, place.level if place is not None else None)
        out["kind"] = ident.kind if ident.kind in K.values else K.OTHER
        out["level"] = ident.level or ""
        if place is not None:
            placer = BodyPlacer(None)
            parent_ident = ident.of
            # Preselected only when it exists; else the registry makes it (and its own parents) on creation.
            out["parent"] = placer.find(parent_ident, place) if parent_ident is not None else None
    return out


def add_alias_for(user: Any, plan: Plan, *, version: int | None, name: str, organisation: Organisation) -> Plan:
    """Remember the name as an alias of `organisation` (future imports match it) and map it."""
    check_manage(user, plan)
    with transaction.atomic():
        organisations.add_alias(user, organisation, name)
        return map_agency(user, plan, version=version, name=name, organisation=organisation)


def auto_map(user: Any, plan: Plan, *, create_missing: bool = True) -> Plan:
    """Decide every undecided name without a reviewer (`trienkhai import --publish`, the demo): certain
    matches; scopes resolved in the plan's locality; with `create_missing`, the missing bodies made in
    their place with their parents; a name that is no body is no organisation."""
    locality = plan_locality(plan, user=user, create=create_missing)
    placer = BodyPlacer(user)
    if plan.issuer_id is None and locality is not None:
        issuer = identify(plan.issuer_name or "")
        if isinstance(issuer, BodyIdentity):
            org = placer.place(issuer, locality, written=plan.issuer_name) if create_missing \
                else placer.find(issuer, locality)
            if org is not None:
                Plan.objects.filter(pk=plan.pk).update(issuer=org)
                plan.issuer = org
    # Scopes the import could not resolve (the plan's place was not in the tree yet) are resolved now.
    unresolved = [n for n in load_draft(plan).agency_names() if n in plan.agency_map and n not in plan.scope_map
                  and isinstance(i := identify(n), ScopeIdentity) and not i.unnamed] if plan.draft else []
    for name in [*undecided_names(plan), *unresolved]:
        resolution = resolve_scope_in(plan, name, locality=locality)
        if resolution is not None:
            plan = map_scope(user, plan, version=plan.version, name=name, organisations=resolution.organisations)
            continue
        ident = identify(name)
        matcher = matcher_for(plan)
        certain = certain_matches(plan, [name], matcher).get(name)
        org = certain.organisation if certain else None
        if org is None and isinstance(ident, BodyIdentity) and locality is not None and create_missing:
            org = placer.place(ident, locality, written=name)
        if org is None:
            fuzzy = [s for s in matcher.match(name) if s.score >= 92]
            org = fuzzy[0].organisation if fuzzy else None
        if org is None and create_missing and ident is not None and name[:1].isupper():
            parent = locality or national_root(user, create=True)
            org = organisations.create_organisation(user, name=name, parent=parent, level=getattr(parent, "level", ""))
        plan = map_agency(user, plan, version=plan.version, name=name, organisation=org)
    return plan


# --- what the review page shows (a read) ------------------------------------------------------------------

ACCEPT_DEFAULT = 90  # the confidence "accept all" offers first


@dataclass
class AgencyRow:
    """One agency name on the review page: what was decided and how (`how`: exact / alias / registry when
    applied automatically, `chosen` when a person chose, `scope`, `none`), or the suggestions to choose from
    (best first, with how each was found and its confidence; a fuzzy one is never preselected)."""

    name: str
    decided: bool
    how: str = ""
    organisation: Organisation | None = None
    scope: ScopeIdentity | None = None
    scope_bodies: list[Organisation] | None = None  # what the scope resolved to (none for an unnamed one)
    scope_choices: list[Organisation] | None = None  # the bodies it may be resolved to instead
    suggestions: list[queries.Suggestion] | None = None
    new_kind: str = ""
    new_level: str = ""
    new_parent: Organisation | None = None

    @property
    def preselected(self) -> Organisation | None:
        """The suggestion chosen in the list when the page opens: only a certain one."""
        first = self.suggestions[0] if self.suggestions else None
        return first.organisation if first is not None and first.how in org_queries.CERTAIN else None


def agency_review(plan: Plan) -> list[AgencyRow]:
    """The rows of the review page's agency names section, in the draft's order."""
    names = load_draft(plan).agency_names()
    locality = plan_locality(plan)
    matcher = matcher_for(plan)
    orgs = Organisation.objects.in_bulk([*(i for i in plan.agency_map.values() if i),
                                         *(i for ids in (plan.scope_map or {}).values() for i in ids)])
    rows: list[AgencyRow] = []
    candidates = org_queries.bodies_under(locality, on=timezone.localdate()) if locality is not None else []
    for name in names:
        ident = identify(name)
        decided = name in plan.agency_map
        row = AgencyRow(name=name, decided=decided)
        if isinstance(ident, ScopeIdentity):
            row.scope = ident
            row.how = "scope"
            row.scope_bodies = [orgs[i] for i in (plan.scope_map or {}).get(name, []) if i in orgs]
            row.scope_choices = [o for o in candidates if not ident.kinds or o.kind in ident.kinds] or candidates
            rows.append(row)
            continue
        org_id = plan.agency_map.get(name)
        if decided:
            row.organisation = orgs.get(org_id) if org_id else None
            best = [m for m in matcher.match(name, limit=3) if m.certain]
            row.how = (best[0].how if row.organisation is not None and best and best[0].organisation.pk == org_id
                       else "chosen" if row.organisation is not None else "none")
        else:
            row.suggestions = [queries.Suggestion(m.organisation, m.how, round(m.score))
                               for m in matcher.match(name, min_score=queries.FUZZY_MIN)]
            defaults = new_body_defaults(plan, name)
            row.new_kind, row.new_level, row.new_parent = defaults["kind"], defaults["level"], defaults["parent"]
        rows.append(row)
    return rows
