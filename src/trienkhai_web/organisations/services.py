"""Changing organisations: every write is one transaction, checked, and written to the audit trail.

`match_key` (the folded name used for matching agency names) is computed here, never in `save()`.
Updates carry the `version` the user read; a different version in the database means someone else
changed the organisation meanwhile, and the change is refused rather than silently overwriting theirs.
Each write first asks whether the user may change organisations (`can_manage_organisations`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from trienkhai.text.vietnamese import collapse_spaces, fold, nfc
from trienkhai_web.accounts.permissions import can_manage_organisations, require
from trienkhai_web.audit.actions import Action
from trienkhai_web.audit.services import record
from trienkhai_web.errors import UserError
from trienkhai_web.locking import lock_version
from trienkhai_web.organisations.models import (
    Organisation,
    OrganisationAlias,
    OrganisationKind,
    Succession,
    SuccessionKind,
)

EDITABLE_FIELDS = ("name", "short_name", "kind", "level", "parent", "code", "email", "valid_from", "valid_to")


def snapshot(org: Organisation) -> dict[str, Any]:
    """The organisation's values as JSON for the audit trail."""
    return {
        "name": org.name,
        "short_name": org.short_name,
        "kind": org.kind,
        "level": org.level,
        "parent": org.parent_id,
        "code": org.code,
        "email": org.email,
        "valid_from": org.valid_from.isoformat() if org.valid_from else None,
        "valid_to": org.valid_to.isoformat() if org.valid_to else None,
        "aliases": sorted(a.name for a in org.aliases.all()) if org.pk else [],
        "version": org.version,
    }


def _clean_name(value: str) -> str:
    return collapse_spaces(nfc(value or ""))


def _check_parent(org: Organisation, parent: Organisation | None) -> None:
    """Refuse a parent that is the organisation itself or one of its descendants (a cycle)."""
    if parent is None or org.pk is None:
        return
    seen: set[int] = set()
    node: Organisation | None = parent
    while node is not None:
        if node.pk == org.pk:
            raise UserError(_("An organisation cannot be placed under itself or one of its own units."))
        if node.pk in seen:  # a cycle already in the data: stop rather than loop
            break
        seen.add(node.pk)
        node = Organisation.objects.filter(pk=node.parent_id).first() if node.parent_id else None


def _validate(org: Organisation) -> None:
    if not org.name:
        raise UserError(_("The name of the organisation is required."))
    if org.kind not in OrganisationKind.values:
        raise UserError(_("Unknown kind of organisation: %(kind)s.") % {"kind": org.kind})
    if org.valid_from and org.valid_to and org.valid_to < org.valid_from:
        raise UserError(_("The end date cannot be before the start date."))
    if org.code and Organisation.objects.filter(code=org.code).exclude(pk=org.pk).exists():
        raise UserError(_("The code %(code)s is already used by another organisation.") % {"code": org.code})
    try:
        org.full_clean(exclude=["parent", "code", "match_key", "version"], validate_unique=False)
    except ValidationError as exc:
        raise UserError(" ".join(m for msgs in exc.message_dict.values() for m in msgs)) from exc


def _apply(org: Organisation, fields: dict[str, Any]) -> None:
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise UserError(_("Unknown fields: %(fields)s.") % {"fields": ", ".join(sorted(unknown))})
    for key, value in fields.items():
        if key in ("name", "short_name"):
            value = _clean_name(value)
        if key == "code":
            value = (value or "").strip() or None
        if key == "email":
            value = (value or "").strip()
        setattr(org, key, value)
    org.match_key = fold(org.name)


@transaction.atomic
def create_organisation(user: Any, *, name: str, aliases: Iterable[str] = (), **fields: Any) -> Organisation:
    """A new organisation (fields: see EDITABLE_FIELDS) with its aliases."""
    _require_manager(user)
    org = Organisation()
    _apply(org, {"name": name, **fields})
    _validate(org)
    org.save()
    for alias in aliases:
        _add_alias(org, alias)
    record(user, Action.ORGANISATION_CREATE, org, after=snapshot(org))
    return org


def _require_manager(user: Any) -> None:
    require(user, can_manage_organisations, message=_("You may not change organisations."))


def _locked(org: Organisation | int, version: int | None) -> Organisation:
    return lock_version(Organisation, getattr(org, "pk", org), version, conflict=lambda current: _(
        "%(name)s was changed by someone else after you opened it (version %(yours)s, now %(now)s). "
        "Reload the page to see their changes, then make yours again.")
        % {"name": current.name, "yours": version, "now": current.version})


@transaction.atomic
def update_organisation(user: Any, org: Organisation | int, *, version: int | None, reason: str = "",
                        **fields: Any) -> Organisation:
    """Change some fields; `version` is the one the user read."""
    _require_manager(user)
    current = _locked(org, version)
    before = snapshot(current)
    _apply(current, fields)
    if "parent" in fields:
        _check_parent(current, current.parent)
    _validate(current)
    current.version += 1
    current.save()
    record(user, Action.ORGANISATION_UPDATE, current, before=before, after=snapshot(current), reason=reason)
    return current


@transaction.atomic
def move_organisation(user: Any, org: Organisation | int, parent: Organisation | None, *,
                      version: int | None) -> Organisation:
    """Place the organisation under another one (or at the top); never under its own units."""
    return update_organisation(user, org, version=version, parent=parent)


def _add_alias(org: Organisation, name: str) -> OrganisationAlias | None:
    name = _clean_name(name)
    if not name:
        return None
    key = fold(name)
    existing = org.aliases.filter(match_key=key).first()
    if existing is not None:
        return existing
    return OrganisationAlias.objects.create(organisation=org, name=name, match_key=key)


@transaction.atomic
def add_alias(user: Any, org: Organisation, name: str) -> OrganisationAlias:
    """Another name documents use for the organisation (idempotent up to diacritics and case)."""
    _require_manager(user)
    if not _clean_name(name):
        raise UserError(_("The alias is empty."))
    before = snapshot(org)
    try:
        alias = _add_alias(org, name)
    except IntegrityError as exc:  # a concurrent identical alias
        raise UserError(_("This alias already exists.")) from exc
    assert alias is not None
    record(user, Action.ORGANISATION_ALIAS_ADD, org, before=before, after=snapshot(org))
    return alias


@transaction.atomic
def remove_alias(user: Any, alias: OrganisationAlias) -> None:
    _require_manager(user)
    org = alias.organisation
    before = snapshot(org)
    alias.delete()
    record(user, Action.ORGANISATION_ALIAS_REMOVE, org, before=before, after=snapshot(org))


@transaction.atomic
def end_organisation(
    user: Any,
    org: Organisation | int,
    *,
    on: dt.date,
    successors: Iterable[Organisation],
    kind: str = SuccessionKind.MERGED_INTO,
    version: int | None,
    move_children_to: Organisation | None = None,
    reason: str = "",
) -> Organisation:
    """End the organisation on `on` (its last day) and name where its work goes.

    Nothing is deleted: plans and reports from before keep pointing at it. Its units still open can
    be placed under `move_children_to` (a district's communes under the province)."""
    _require_manager(user)
    current = _locked(org, version)
    successors = list(successors)
    if kind not in SuccessionKind.values:
        raise UserError(_("Unknown kind of succession: %(kind)s.") % {"kind": kind})
    if not successors:
        raise UserError(_("Name at least one successor organisation."))
    if any(s.pk == current.pk for s in successors):
        raise UserError(_("An organisation cannot succeed itself."))
    if kind == SuccessionKind.RENAMED_TO and len(successors) != 1:
        raise UserError(_("A renamed organisation has exactly one successor."))
    if current.valid_from and on < current.valid_from:
        raise UserError(_("The end date cannot be before the start date."))
    for s in successors:
        if s.valid_to and s.valid_to <= on:
            raise UserError(
                _("The successor %(name)s has itself ended on %(date)s.")
                % {"name": s.name, "date": s.valid_to.strftime("%d/%m/%Y")}
            )
    before = snapshot(current)
    before["successors"] = list(current.successions.values_list("successor_id", flat=True))
    current.valid_to = on
    current.version += 1
    current.save()
    current.successions.all().delete()
    for s in successors:
        Succession.objects.create(predecessor=current, successor=s, kind=kind, date=on)
    moved: list[int] = []
    if move_children_to is not None:
        _check_parent(current, move_children_to)
        for child in current.children.filter(valid_to__isnull=True):
            child_before = snapshot(child)
            child.parent = move_children_to
            child.version += 1
            child.save()
            moved.append(child.pk)
            record(user, Action.ORGANISATION_UPDATE, child, before=child_before, after=snapshot(child),
                   reason=_("Moved when %(name)s ended.") % {"name": current.name})
    after = snapshot(current)
    after.update(successors=[s.pk for s in successors], succession=kind, moved_children=moved)
    record(user, Action.ORGANISATION_END, current, before=before, after=after, reason=reason)
    return current
