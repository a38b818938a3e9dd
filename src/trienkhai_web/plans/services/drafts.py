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
from django.utils.translation import gettext as _

from trienkhai.cascade.refs import canonical_ref
from trienkhai.documents.ocr import Progress
from trienkhai.documents.read import read_document
from trienkhai.errors import TrienkhaiError
from trienkhai.plans import editing
from trienkhai.plans.model import Plan as Draft
from trienkhai.plans.parse import parse_document
from trienkhai_web.accounts.models import Role
from trienkhai_web.accounts.permissions import can_import_plans, can_manage_plan, organisations_for
from trienkhai_web.audit.actions import Action
from trienkhai_web.audit.services import record
from trienkhai_web.errors import Duplicate, UserError, from_core
from trienkhai_web.locking import bump, lock_version
from trienkhai_web.plans import queries
from trienkhai_web.plans.limits import fit
from trienkhai_web.plans.models import DocumentKind, Plan, PlanStatus

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


def import_document(user: Any, *, filename: str, data: bytes, progress: Progress | None = None,
                    on_saved: Callable[[Plan], None] | None = None) -> Plan:
    """Parse an uploaded document and store it as a draft plan awaiting review.

    `progress(done, total)` follows the reading (OCR pages; `(0, 0)` when reading is over). `on_saved(plan)`
    runs inside the transaction that stores the draft, after it: a background job records its own
    success there, so the draft and the job's outcome are committed together or not at all."""
    if user is not None and not can_import_plans(user):
        raise PermissionDenied
    if not data.strip():
        raise UserError(_("The file is empty."))
    sha = hashlib.sha256(data).hexdigest()
    existing = queries.duplicate_of(sha)
    if existing is not None:
        raise Duplicate(_("This file has already been imported."), existing)
    draft, source_text = _parse(filename, data, progress)
    ref_id = canonical_ref(draft.document.number)
    stored = ""
    try:
        with transaction.atomic():
            # A placeholder made when another plan cited this one is filled in rather than duplicated.
            plan = Plan.objects.select_for_update().filter(ref_id=ref_id, status=PlanStatus.PLACEHOLDER).first() \
                if ref_id else None
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
            store_draft(plan, draft)
            matcher = queries.agency_matcher()
            plan.agency_map = {n: o.pk for n in draft.agency_names() if (o := queries.certain_match(n, matcher))}
            plan.source_file.save(filename, ContentFile(data), save=False)
            stored = plan.source_file.name
            plan.save()
            record(user, Action.PLAN_IMPORT, plan, after={"filename": filename, "sha256": sha, "number": plan.number})
            if on_saved is not None:
                on_saved(plan)
    except IntegrityError:
        # The same file imported by someone else in the same instant: theirs is the one kept.
        _remove(stored)
        raise Duplicate(_("This file has already been imported."), queries.duplicate_of(sha)) from None
    except BaseException:
        _remove(stored)  # the row was not written: its file must not stay behind either
        raise
    return plan


# --- draft review -----------------------------------------------------------------------------------

def change_draft(user: Any, plan: Plan, version: int | None, action: Action,
                 change: Callable[[Draft], dict[str, Any]]) -> Plan:
    """Lock the plan at `version`, apply `change` to its draft, store, bump and audit `change`'s result."""
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
        store_draft(locked, draft)
        bump(locked)
        locked.save()
        record(user, action, locked, after=detail)
    return locked


def edit_draft_item(user: Any, plan: Plan, *, version: int | None, kind: str, key: str,
                    fields: Mapping[str, Any]) -> Plan:
    """Change some fields of one item of the draft (`EDITABLE[kind]`)."""
    def change(draft: Draft) -> dict[str, Any]:
        editing.edit_item(draft, kind, key, fields)
        return {"kind": kind, "key": key, "fields": dict(fields)}

    return change_draft(user, plan, version, Action.PLAN_DRAFT_EDIT, change)


def delete_draft_item(user: Any, plan: Plan, *, version: int | None, kind: str, key: str) -> Plan:
    def change(draft: Draft) -> dict[str, Any]:
        removed = editing.delete_item(draft, kind, key)
        return {"kind": kind, "key": key, "removed": asdict(removed)}

    return change_draft(user, plan, version, Action.PLAN_DRAFT_DELETE, change)


def add_draft_item(user: Any, plan: Plan, *, version: int | None, kind: str, fields: Mapping[str, Any],
                   parent: str | None = None) -> Plan:
    """Append a new item; an outline heading goes under `parent` (or at the top level)."""
    def change(draft: Draft) -> dict[str, Any]:
        key = editing.add_item(draft, kind, fields, parent=parent)
        return {"kind": kind, "key": key, "fields": dict(fields)}

    return change_draft(user, plan, version, Action.PLAN_DRAFT_ADD, change)


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
