"""Importing a document as a draft plan, and the reviewer's corrections to that draft.

The draft is stored as `trienkhai.plan/2` JSON in `Plan.draft`. Every change loads it into the core's
dataclasses, changes it with the core's editing functions (`trienkhai.plans.editing`), stores it back,
bumps the version and writes the audit trail, in one transaction. A core refusal (`DraftEditError`)
reaches the user as a `UserError` with the core's Vietnamese message, and nothing is saved.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import asdict
from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from trienkhai.cascade.refs import canonical_ref
from trienkhai.documents.ocr import Progress
from trienkhai.documents.read import read_document
from trienkhai.errors import TrienkhaiError
from trienkhai.plans import editing
from trienkhai.plans.agencies import split_names
from trienkhai.plans.model import Plan as Draft
from trienkhai.plans.parse import parse_document
from trienkhai_web.accounts.models import Role
from trienkhai_web.accounts.permissions import can_import_plans, can_manage_plan, organisations_for
from trienkhai_web.audit.actions import Action
from trienkhai_web.audit.services import record
from trienkhai_web.errors import Duplicate, UserError, from_core
from trienkhai_web.locking import bump, lock_version
from trienkhai_web.organisations.models import Organisation
from trienkhai_web.plans import queries
from trienkhai_web.plans.identity import identity_key, text_fingerprint
from trienkhai_web.plans.limits import fit
from trienkhai_web.plans.models import DocumentKind, Plan, PlanStatus, Reference

EDITABLE = editing.EDITABLE


def iso_date(value: str | None) -> date | None:
    """A date of the draft (ISO text) as a date; None when absent or malformed."""
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def check_manage(user: Any, plan: Plan) -> None:
    """Only who may manage the plan changes it; `user` None is a system job (command line, demo)."""
    if user is not None and not can_manage_plan(user, plan):
        raise PermissionDenied


def lock_plan(plan: Plan, version: int | None) -> Plan:
    """The plan row locked for update at the version the user read (`Conflict` when it moved on)."""
    return lock_version(Plan, plan.pk, version, conflict=lambda current: _(
        "Someone else changed this plan while you were editing it. Your change was not saved: reload the "
        "page to see the current version."))


def load_draft(plan: Plan) -> Draft:
    """The plan's draft as the core's dataclasses (a `/1` draft saved by an earlier version is read too)."""
    if not plan.draft:
        raise UserError(_("Only a draft can be edited this way."))
    try:
        return Draft.from_dict(plan.draft)
    except TrienkhaiError as exc:
        raise from_core(exc) from exc


def store_draft(plan: Plan, draft: Draft) -> None:
    """Put the draft back into the row, with the header columns read from it (not saved yet)."""
    doc = draft.document
    signer = doc.signer
    plan.draft = draft.to_dict()
    for name, value in fit(
        Plan, number=doc.number, ref_id=canonical_ref(doc.number), title=doc.title, place=doc.place,
        issuer_name=doc.issuer, signer_name=signer.name if signer else None,
        signer_title=signer.title if signer else None, signer_on_behalf_of=signer.on_behalf_of if signer else None,
    ).items():
        setattr(plan, name, value)
    plan.kind = doc.kind if doc.kind in DocumentKind.values else DocumentKind.OTHER
    plan.issued_on = iso_date(doc.date)
    plan.recipients = list(doc.recipients)
    plan.identity_key = identity_key(doc.number, doc.issuer, doc.province, plan.issued_on)


# --- import -----------------------------------------------------------------------------------------

def _parse(filename: str, data: bytes, progress: Progress | None = None) -> tuple[Draft, str]:
    """(the parsed plan, the source text one paragraph a line); `UserError` when unreadable or larger
    than the upload limit (the setting, applied by the core). `progress` is the core's OCR callback,
    and is also called as `progress(0, 0)` once the text is read, before parsing."""
    try:
        document = read_document(filename, data=data, filename=filename,
                                 max_bytes=settings.TRIENKHAI_MAX_UPLOAD_BYTES, progress=progress)
        if progress is not None:
            progress(0, 0)
        draft = parse_document(document)
    except TrienkhaiError as exc:
        raise from_core(exc) from exc
    return draft, "\n".join(b.text for b in document.blocks)


def _remove(name: str) -> None:
    if name:
        default_storage.delete(name)


class SameDocument(Duplicate):
    """The document being imported is a plan already here (`existing`); `why` says by which rule:
    "file" (the same bytes), "number" (the same number and issuer), "text" (the same or nearly the same
    text). The upload page offers to open it, or to replace it when it is still a draft."""

    def __init__(self, message: str, existing: Plan, why: str) -> None:
        super().__init__(message, existing)
        self.why = why


def _same_document_error(found: queries.SameDocument) -> SameDocument:
    plan = found.plan
    if found.why == "file":
        message = _("This file has already been imported.")
    elif found.why == "number":
        message = _("A plan with the number %(number)s from %(issuer)s has already been imported.") % {
            "number": plan.number, "issuer": plan.issuer_name or _("the same issuer")}
    else:
        message = _("A plan with the same text (or nearly the same) has already been imported: %(plan)s.") % {
            "plan": plan.display_name}
    return SameDocument(message, plan, found.why)


def import_document(user: Any, *, filename: str, data: bytes, replace: Plan | None = None,
                    replace_version: int | None = None, progress: Progress | None = None,
                    on_saved: Callable[[Plan], None] | None = None) -> Plan:
    """Parse an uploaded document and store it as a draft plan awaiting review.

    A document that is already here (the same file, the same number and issuer, the same or a
    near-identical text: `queries.same_document`) is refused with `SameDocument`, never stored twice.
    `replace` (a draft, at `replace_version`) is that document's draft, to be read again from this file:
    its row is kept (same id, its agency decisions for names still there) and its content replaced. A
    published plan is never replaced.

    `progress(done, total)` follows the reading (OCR pages; `(0, 0)` when reading is over). `on_saved(plan)`
    runs inside the transaction that stores the draft, after it: a background job records its own
    success there, so the draft and the job's outcome are committed together or not at all."""
    if user is not None and not can_import_plans(user):
        raise PermissionDenied
    if replace is not None:
        check_manage(user, replace)
    if not data.strip():
        raise UserError(_("The file is empty."))
    sha = hashlib.sha256(data).hexdigest()
    existing = queries.duplicate_of(sha)
    if existing is not None and (replace is None or existing.pk != replace.pk):
        raise SameDocument(_("This file has already been imported."), existing, "file")
    draft, source_text = _parse(filename, data, progress)
    doc = draft.document
    identity = identity_key(doc.number, doc.issuer, doc.province, iso_date(doc.date))
    fingerprint = text_fingerprint(source_text)
    found = queries.same_document(sha256=sha, identity=identity, fingerprint=fingerprint, text=source_text,
                                  exclude=replace.pk if replace is not None else None)
    if found is not None:
        raise _same_document_error(found)
    ref_id = canonical_ref(doc.number)
    stored, replaced_file = "", ""
    try:
        with transaction.atomic():
            plan: Plan | None
            if replace is not None:
                plan = lock_plan(replace, replace_version)
                if plan.status != PlanStatus.DRAFT:
                    raise UserError(_("A published plan is never replaced by an import: open it and correct it "
                                      "there."))
                replaced_file = plan.source_file.name
                bump(plan)
            else:
                # A placeholder made when another plan cited this one is filled in rather than duplicated.
                plan = Plan.objects.select_for_update().filter(ref_id=ref_id, status=PlanStatus.PLACEHOLDER) \
                    .first() if ref_id else None
                if plan is None:
                    plan = Plan(created_by=user if getattr(user, "is_authenticated", False) else None)
                else:
                    bump(plan)
            if plan.monitoring_body_id is None:  # the importer's monitoring body follows the plan it brought in
                mine = sorted(organisations_for(user, Role.MONITOR))
                plan.monitoring_body_id = mine[0] if mine else None
            plan.status = PlanStatus.DRAFT
            plan.source_text = source_text
            plan.source_filename = fit(Plan, source_filename=filename)["source_filename"]
            plan.source_sha256 = sha
            plan.text_fingerprint = fingerprint
            store_draft(plan, draft)
            # Certain matches and collective scopes are decided at once (the review shows them, undoably);
            # a replaced draft keeps the decisions on names it still has.
            from trienkhai_web.plans.services.agencies import initial_decisions

            names = set(draft.agency_names())
            kept = {n: o for n, o in (plan.agency_map or {}).items() if n in names}
            kept_scopes = {n: v for n, v in (plan.scope_map or {}).items() if n in names}
            decided, scopes = initial_decisions(plan, draft.agency_names())
            plan.agency_map = {**decided, **kept}
            plan.scope_map = {**scopes, **kept_scopes}
            plan.source_file.save(filename, ContentFile(data), save=False)
            stored = plan.source_file.name
            plan.save()
            after = {"filename": filename, "sha256": sha, "number": plan.number}
            if replace is not None:
                record(user, Action.PLAN_REPLACE, plan, before={"filename": replace.source_filename,
                                                                "sha256": replace.source_sha256}, after=after)
                transaction.on_commit(lambda: _remove(replaced_file))
            else:
                record(user, Action.PLAN_IMPORT, plan, after=after)
            if on_saved is not None:
                on_saved(plan)
    except IntegrityError:
        # The same document imported by someone else in the same instant: theirs is the one kept.
        _remove(stored)
        again = queries.same_document(sha256=sha, identity=identity, fingerprint=fingerprint,
                                      exclude=replace.pk if replace is not None else None)
        if again is None:
            raise
        raise _same_document_error(again) from None
    except BaseException:
        _remove(stored)  # the row was not written: its file must not stay behind either
        raise
    return plan


# --- draft review -----------------------------------------------------------------------------------

def change_draft(user: Any, plan: Plan, version: int | None, action: Action,
                 change: Callable[[Draft], dict[str, Any]], *, map_names: Mapping[str, int] | None = None) -> Plan:
    """Lock the plan at `version`, apply `change` to its draft, store, bump and audit `change`'s result.
    `map_names`: names the change put in the draft for organisations the reviewer picked (name → id)."""
    check_manage(user, plan)
    with transaction.atomic():
        locked = lock_plan(plan, version)
        if locked.status != PlanStatus.DRAFT:
            raise UserError(_("Only a draft can be edited this way."))
        draft = load_draft(locked)
        try:
            detail = change(draft)
        except TrienkhaiError as exc:
            raise from_core(exc) from exc
        if map_names:
            locked.agency_map = {**(locked.agency_map or {}), **map_names}
        store_draft(locked, draft)
        bump(locked)
        locked.save()
        record(user, action, locked, after=detail)
    return locked


def picked_name(plan: Plan, org: Organisation) -> str:
    """The name a picked organisation takes in the draft: its own, or with its parent when the draft
    already uses that name for another organisation."""
    decisions = plan.agency_map or {}
    if org.name not in decisions or decisions[org.name] == org.pk:
        return org.name
    return f"{org.name} ({org.parent.name})" if org.parent is not None else f"{org.name} [{org.pk}]"


def _with_picked(plan: Plan, fields: Mapping[str, Any], picked: Mapping[str, list[Organisation]] | None,
                 ) -> tuple[dict[str, Any], dict[str, int]]:
    """(fields with the picked organisations' names added to the leads or partners kept, name → id)."""
    out = dict(fields)
    map_names: dict[str, int] = {}
    for name, orgs in (picked or {}).items():
        if name not in ("leads", "partners") or not orgs:
            continue
        kept = out.get(name, [])
        kept = split_names(kept) if isinstance(kept, str) else [k for k in kept if str(k).strip()]
        chosen = [picked_name(plan, o) for o in orgs]
        map_names.update({n: o.pk for n, o in zip(chosen, orgs, strict=True)})
        out[name] = list(dict.fromkeys([*kept, *chosen]))
    return out, map_names


def edit_draft_item(user: Any, plan: Plan, *, version: int | None, kind: str, key: str,
                    fields: Mapping[str, Any], picked: Mapping[str, list[Organisation]] | None = None) -> Plan:
    """Change some fields of one item of the draft (`EDITABLE[kind]`). `picked`: organisations chosen
    from the tree for its leads or partners ("leads" → organisations), added to the names kept in
    `fields` and mapped to them at once (no agency decision is left to make for them)."""
    fields, map_names = _with_picked(plan, fields, picked)

    def change(draft: Draft) -> dict[str, Any]:
        editing.edit_item(draft, kind, key, fields)
        return {"kind": kind, "key": key, "fields": fields}

    return change_draft(user, plan, version, Action.PLAN_DRAFT_EDIT, change, map_names=map_names)


def delete_draft_item(user: Any, plan: Plan, *, version: int | None, kind: str, key: str) -> Plan:
    def change(draft: Draft) -> dict[str, Any]:
        removed = editing.delete_item(draft, kind, key)
        return {"kind": kind, "key": key, "removed": asdict(removed)}

    return change_draft(user, plan, version, Action.PLAN_DRAFT_DELETE, change)


def add_draft_item(user: Any, plan: Plan, *, version: int | None, kind: str, fields: Mapping[str, Any],
                   parent: str | None = None, picked: Mapping[str, list[Organisation]] | None = None) -> Plan:
    """Append a new item; an outline heading goes under `parent` (or at the top level). `picked`: as for
    `edit_draft_item`."""
    fields, map_names = _with_picked(plan, fields, picked)

    def change(draft: Draft) -> dict[str, Any]:
        key = editing.add_item(draft, kind, fields, parent=parent)
        return {"kind": kind, "key": key, "fields": fields}

    return change_draft(user, plan, version, Action.PLAN_DRAFT_ADD, change, map_names=map_names)


def split_draft_item(user: Any, plan: Plan, *, version: int | None, kind: str, key: str, at: str,
                     title: str = "") -> Plan:
    """Split an item in two where the text `at` begins (a heading: `editing.split_heading`)."""
    def change(draft: Draft) -> dict[str, Any]:
        new_key = editing.split_item(draft, kind, key, at, title=title)
        return {"kind": kind, "key": key, "at": at, "new_key": new_key}

    return change_draft(user, plan, version, Action.PLAN_DRAFT_SPLIT, change)


def merge_draft_item(user: Any, plan: Plan, *, version: int | None, kind: str, key: str) -> Plan:
    """Merge an item with the next one of the same kind."""
    def change(draft: Draft) -> dict[str, Any]:
        merged = editing.merge_item(draft, kind, key)
        return {"kind": kind, "key": key, "merged": asdict(merged)}

    return change_draft(user, plan, version, Action.PLAN_DRAFT_MERGE, change)


# --- the document's header ---------------------------------------------------------------------------

HEADER_FIELDS = editing.HEADER_FIELDS
PUBLISHED_HEADER_FIELDS = ("number", "date")  # what a published plan may still correct (a misread header)


def _header_taken(pk: int, identity: str) -> Duplicate:
    found = queries.same_document(identity=identity, exclude=pk) if identity else None
    other = found.plan.display_name if found else _("another plan")
    return Duplicate(_("%(plan)s already has this number from this issuer: check the number and the date.")
                     % {"plan": other}, found.plan if found else None)


def edit_header(user: Any, plan: Plan, *, version: int | None, fields: Mapping[str, Any]) -> Plan:
    """Correct the header of a plan: every field of a draft (`HEADER_FIELDS`), the number and the date of a
    published plan (`PUBLISHED_HEADER_FIELDS`: its tasks and reports stay as they are). The core checks the
    values (`editing.edit_header`); a number and issuer another live plan has is refused (`Duplicate`)."""
    check_manage(user, plan)
    attempted = ""
    try:
        with transaction.atomic():
            locked = lock_plan(plan, version)
            if locked.status == PlanStatus.PUBLISHED:
                extra = sorted(set(fields) - set(PUBLISHED_HEADER_FIELDS))
                if extra:
                    raise UserError(_("A published plan can only have its number and date corrected."))
            elif locked.status != PlanStatus.DRAFT:
                raise UserError(_("Only a draft can be edited this way."))
            draft = load_draft(locked)
            before = {"number": locked.number, "date": locked.issued_on.isoformat() if locked.issued_on else None,
                      "title": locked.title, "issuer": locked.issuer_name, "signer_name": locked.signer_name,
                      "signer_title": locked.signer_title, "recipients": list(locked.recipients)}
            try:
                editing.edit_header(draft, fields, today=timezone.localdate())
            except TrienkhaiError as exc:
                raise from_core(exc) from exc
            store_draft(locked, draft)
            attempted = locked.identity_key
            bump(locked)
            locked.save()
            if locked.status == PlanStatus.PUBLISHED and locked.ref_id:
                # Citations of the corrected number made before now point at this plan.
                Reference.objects.filter(ref_id=locked.ref_id, plan__isnull=True).update(plan=locked)
            record(user, Action.PLAN_HEADER_EDIT, locked, before={k: before[k] for k in fields if k in before},
                   after=dict(fields))
    except IntegrityError:
        raise _header_taken(plan.pk, attempted) from None
    return locked


# --- bullets that become tasks -----------------------------------------------------------------------

def bullets_to_tasks(user: Any, plan: Plan, *, version: int | None, path: str, index: int | None = None) -> Plan:
    """Make a bullet (block `index` of heading `path`) or every bullet of a part trackable tasks, under the
    heading they sit in (`editing.bullets_to_tasks`)."""
    def change(draft: Draft) -> dict[str, Any]:
        keys = editing.bullets_to_tasks(draft, path, index)
        return {"path": path, "index": index, "tasks": keys}

    return change_draft(user, plan, version, Action.PLAN_BULLETS_TO_TASKS, change)
