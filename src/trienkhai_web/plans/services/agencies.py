"""Deciding what each agency name of a draft denotes: an organisation, or none at all.

New organisations and aliases are made by the organisations app's own services, so their validation
(names, duplicates) and their audit entries are the same as when an administrator makes them there.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from trienkhai_web.audit.actions import Action
from trienkhai_web.audit.services import record
from trienkhai_web.errors import UserError
from trienkhai_web.locking import bump
from trienkhai_web.organisations import services as organisations
from trienkhai_web.organisations.models import Organisation
from trienkhai_web.plans import queries
from trienkhai_web.plans.models import Plan, PlanStatus
from trienkhai_web.plans.services.drafts import check_manage, load_draft, lock_plan


def undecided_names(plan: Plan) -> list[str]:
    """The draft's agency names nobody has decided on yet (publishing needs none left)."""
    if not plan.draft:
        return []
    return [n for n in load_draft(plan).agency_names() if n not in (plan.agency_map or {})]


def map_agency(user: Any, plan: Plan, *, version: int | None, name: str, organisation: Organisation | None) -> Plan:
    """Decide what a name in the draft denotes: an organisation, or (None) no organisation at all."""
    check_manage(user, plan)
    with transaction.atomic():
        locked = lock_plan(plan, version)
        if locked.status != PlanStatus.DRAFT:
            raise UserError(_("Only a draft can be edited this way."))
        if name not in load_draft(locked).agency_names():
            raise UserError(_("This name does not occur in the draft."))
        before = locked.agency_map.get(name, "")
        chosen = organisation.pk if organisation else None
        locked.agency_map = {**locked.agency_map, name: chosen}
        bump(locked)
        locked.save()
        record(user, Action.PLAN_AGENCY_MAP, locked, before={name: before}, after={name: chosen})
    return locked


def create_organisation_for(user: Any, plan: Plan, *, version: int | None, name: str,
                            parent: Organisation | None = None) -> Plan:
    """An unknown agency name becomes a new organisation, mapped at once."""
    check_manage(user, plan)
    name = name.strip()
    if not name:
        raise UserError(_("This field is required: %(field)s.") % {"field": _("name")})
    with transaction.atomic():
        org = organisations.create_organisation(user, name=name, parent=parent)
        return map_agency(user, plan, version=version, name=name, organisation=org)


def add_alias_for(user: Any, plan: Plan, *, version: int | None, name: str, organisation: Organisation) -> Plan:
    """Remember the name as an alias of `organisation` (future imports match it) and map it."""
    check_manage(user, plan)
    with transaction.atomic():
        organisations.add_alias(user, organisation, name)
        return map_agency(user, plan, version=version, name=name, organisation=organisation)


def auto_map(user: Any, plan: Plan, *, create_missing: bool = True) -> Plan:
    """Map every undecided name: exact/alias match, a very close fuzzy match, else a new organisation.

    Only for `trienkhai import --publish` and the demo, where nobody reviews."""
    matcher = queries.agency_matcher()
    for name in undecided_names(plan):
        org = queries.certain_match(name, matcher)
        if org is None:
            fuzzy = [s for s in queries.match_organisations(name, matcher=matcher) if s.score >= 92]
            org = fuzzy[0].organisation if fuzzy else None
        # Names written in lower case ("các sở, ngành", "cơ quan", "chính quyền các cấp") are generic.
        if org is None and create_missing and name[:1].isupper():
            plan = create_organisation_for(user, plan, version=plan.version, name=name)
            matcher = queries.agency_matcher()  # the new organisation must match its other spellings
            continue
        plan = map_agency(user, plan, version=plan.version, name=name, organisation=org)
    return plan
