"""The hand-made variants in `variants/` (other provinces' wording, State documents copied from the web with
their residue, upper-case titles with place names, lettered sub-items, wraps at other places), each with its
gold in the scorer's format (../shared/eval/score.py): the fields the gold states must come out as stated."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from trienkhai.plans.parse import parse_file
from trienkhai.plans.references import id_key

VARIANTS = Path(__file__).parent / "variants"
GOLDS = sorted((VARIANTS / "gold").glob("*.json"))


def _gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=GOLDS, ids=[g.stem for g in GOLDS])
def case(request):
    gold = _gold(request.param)
    return gold, parse_file(VARIANTS / "docs" / gold["file"])


def test_header_fields(case):
    gold, plan = case
    doc, want = plan.document, gold["document"]
    for field in ("kind", "number", "date", "place"):
        assert getattr(doc, field) == want[field], field
    assert doc.implements == want["implements"]
    assert doc.signer is not None
    assert (doc.signer.name, doc.signer.title) == (want["signer"]["name"], want["signer"]["title"])


def test_headings_and_references(case):
    gold, plan = case
    got = [(n.path, n.title) for n in plan.nodes()]
    want = gold.get("headings", [])
    assert [p for p, _ in got] == [p for p, _ in want]
    for (_, title), (_, expected) in zip(got, want, strict=True):
        assert title.startswith(expected) or expected.startswith(title.rstrip(" .;:")), (title, expected)
    assert {id_key(r.id) for r in plan.references} == {id_key(r) for r in gold["references"]}


def test_targets_are_the_objectives_only(case):
    gold, plan = case
    want = gold.get("targets", [])
    got = [(t.section, t.value, t.unit, t.deadline) for t in plan.targets]
    assert got == [(t["section"], t["value"], t["unit"], t["deadline"]) for t in want]
