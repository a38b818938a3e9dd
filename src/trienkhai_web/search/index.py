"""Keeping the index current: `reindex(obj)` after a change, `remove(obj)` after a delete, `rebuild()`.

Every write of an indexed model reaches here through `signals` (saves and deletes, cascades included), so
services need not call anything; a background job may call `reindex(obj)` (or `rebuild()`) itself.
The database's full-text structures follow the table by themselves (migration 0002).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from trienkhai_web.organisations.models import Organisation, OrganisationAlias
from trienkhai_web.plans.models import Task
from trienkhai_web.search.documents import all_documents, documents_for
from trienkhai_web.search.models import Kind, SearchDocument, SearchTerm

_FIELDS = ["plan_id", "organisation_id", "period_id", "title", "body", "folded_title", "folded_body", "url"]
MAX_TERM_LEN = 64


def _remember_terms(docs: Iterable[SearchDocument]) -> None:
    words = set()
    for doc in docs:
        words.update(doc.folded_title.split())
        words.update(doc.folded_body.split())
    new = [SearchTerm(word=w) for w in words if len(w) <= MAX_TERM_LEN]
    if new:
        SearchTerm.objects.bulk_create(new, ignore_conflicts=True, batch_size=2000)


def reindex(obj: Any) -> None:
    """Bring the index row(s) of `obj` up to date (an alias: its organisation's row)."""
    if isinstance(obj, OrganisationAlias):
        org = Organisation.objects.filter(pk=obj.organisation_id).first()
        if org is not None:
            reindex(org)
        return
    (kind, pk), doc = documents_for(obj)
    with transaction.atomic():
        if doc is None:
            SearchDocument.objects.filter(kind=kind, object_id=pk).delete()
            return
        existing = SearchDocument.objects.filter(kind=kind, object_id=pk).first()
        if existing is None:
            doc.save()
        elif any(getattr(existing, f) != getattr(doc, f) for f in _FIELDS):
            doc.pk = existing.pk
            doc.save(update_fields=[f.removesuffix("_id") for f in _FIELDS])
        else:
            return
        _remember_terms([doc])


def remove(obj: Any) -> None:
    """Drop the index row of a deleted `obj` (an alias: reindex its organisation)."""
    if isinstance(obj, OrganisationAlias):
        reindex(obj)
        return
    (kind, pk), _ = _key(obj)
    SearchDocument.objects.filter(kind=kind, object_id=pk).delete()


def _key(obj: Any) -> tuple[tuple[str, int], None]:
    from trienkhai_web.plans.models import Plan, PlanItem, Target
    from trienkhai_web.tracking.models import TaskProgress

    kinds = {Plan: Kind.PLAN, PlanItem: Kind.ITEM, Task: Kind.TASK, Target: Kind.TARGET,
             TaskProgress: Kind.REPORT, Organisation: Kind.ORGANISATION}
    return (kinds[type(obj)], obj.pk), None


def rebuild(batch: int = 2000) -> int:
    """Throw the index away and build it again from every row; the number of rows indexed."""
    count = 0
    with transaction.atomic():
        SearchDocument.objects.all().delete()
        SearchTerm.objects.all().delete()
        chunk: list[SearchDocument] = []
        for doc in all_documents(batch):
            chunk.append(doc)
            if len(chunk) >= batch:
                SearchDocument.objects.bulk_create(chunk)
                _remember_terms(chunk)
                count += len(chunk)
                chunk = []
        SearchDocument.objects.bulk_create(chunk)
        _remember_terms(chunk)
        count += len(chunk)
    return count
