"""Importing stays whole: one live copy per document even in a race, no file left by a failed import."""

from __future__ import annotations

import io
import os
import time
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command

from trienkhai_web.errors import Duplicate
from trienkhai_web.plans import services
from trienkhai_web.plans.models import Plan

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _own_file_roots(settings, tmp_path):
    """Files of these tests only: the clean-up command must not see (or delete) anyone else's."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.EVIDENCE_ROOT = str(tmp_path / "evidence")


def _files() -> set[str]:
    root = Path(settings.MEDIA_ROOT) / "plans"
    return {str(p) for p in root.rglob("*") if p.is_file()} if root.exists() else set()


def test_two_imports_of_one_file_at_the_same_instant_keep_one_draft(bob, corpus_docs):
    data = (corpus_docs / "003_70c23ef7c9a34c4f.txt").read_bytes()
    first = services.import_document(bob, filename="kh.txt", data=data)
    before = _files()
    # The second import passed its duplicate check before the first had committed (the race).
    with mock.patch("trienkhai_web.plans.queries.duplicate_of", side_effect=[None, first]), \
            pytest.raises(Duplicate) as refused:
        services.import_document(bob, filename="kh.txt", data=data)
    assert refused.value.existing == first
    assert Plan.objects.filter(source_sha256=first.source_sha256).count() == 1
    assert _files() == before  # the loser's file was removed


def test_a_crash_inside_an_import_leaves_no_row_and_no_file(bob, corpus_docs):
    data = (corpus_docs / "003_70c23ef7c9a34c4f.txt").read_bytes()
    before = _files()
    with mock.patch("trienkhai_web.plans.services.drafts.record", side_effect=RuntimeError("mất điện")), \
            pytest.raises(RuntimeError):
        services.import_document(bob, filename="kh.txt", data=data)
    assert not Plan.objects.exists() and _files() == before


def test_clean_orphan_files_removes_only_old_files_no_row_points_at(bob, corpus_docs):
    plan = services.import_document(bob, filename="kh.txt",
                                    data=(corpus_docs / "003_70c23ef7c9a34c4f.txt").read_bytes())
    orphan = default_storage.save("plans/2025/01/mo-coi.txt", ContentFile(b"x"))
    fresh = default_storage.save("plans/2025/01/dang-tai-len.txt", ContentFile(b"y"))
    old = time.time() - 2 * 3600
    for name in (orphan, plan.source_file.name):
        os.utime(default_storage.path(name), (old, old))
    out = io.StringIO()
    call_command("clean_orphan_files", "--delete", stdout=out)
    assert "mo-coi.txt" in out.getvalue() and "Đã xóa 1 tệp" in out.getvalue()
    assert not default_storage.exists(orphan)
    assert default_storage.exists(plan.source_file.name) and default_storage.exists(fresh)
    default_storage.delete(fresh)


@pytest.mark.skipif(not os.environ.get("DATABASE_URL", "").startswith("postgres"),
                    reason="runs on PostgreSQL: SQLite lets one writer at a time, so there is no race to lose")
@pytest.mark.django_db(transaction=True)
def test_two_copies_of_one_text_imported_in_the_same_instant_make_one_draft(bob, corpus_docs):
    """Two files of one document (other bytes, the same text once normalised), in two threads that both
    pass the duplicate check before either commits: the database's rule keeps one, the other is told."""
    import threading

    from django.db import connection

    data = (corpus_docs / "003_70c23ef7c9a34c4f.txt").read_bytes()
    copies = [data, data.decode("utf-8").replace("\n", "\r\n").encode("utf-8")]
    real = queries_same_document()
    barrier = threading.Barrier(2, timeout=20)
    waited: set[int] = set()

    def checked_then_wait(**kwargs):
        found = real(**kwargs)
        if threading.get_ident() not in waited:  # the first check of each import: both pass it together
            waited.add(threading.get_ident())
            barrier.wait()
        return found

    results: list[object] = []

    def run(payload: bytes, name: str) -> None:
        try:
            results.append(services.import_document(bob, filename=name, data=payload))
        except Duplicate as exc:
            results.append(exc)
        finally:
            connection.close()

    with mock.patch("trienkhai_web.plans.queries.same_document", side_effect=checked_then_wait):
        threads = [threading.Thread(target=run, args=(c, f"kh-{i}.txt")) for i, c in enumerate(copies)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
    kept = [r for r in results if isinstance(r, Plan)]
    refused = [r for r in results if isinstance(r, Duplicate)]
    assert len(kept) == 1 and len(refused) == 1, results
    assert refused[0].existing == kept[0]
    assert Plan.objects.filter(text_fingerprint=kept[0].text_fingerprint).count() == 1


def queries_same_document():
    from trienkhai_web.plans import queries

    return queries.same_document
