"""The shipped JSON Schema: every sample's output validates; violations raise in Vietnamese."""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from trienkhai.plans.parse import parse_file
from trienkhai.plans.schema import PlanFormatError, plan_schema, validate_plan_dict

EXE = shutil.which("trienkhai", path=str(Path(sys.executable).parent)) or "trienkhai"


def test_the_schema_is_valid_draft_2020_12():
    Draft202012Validator.check_schema(plan_schema())
    assert plan_schema()["$schema"].endswith("2020-12/schema")


def test_every_sample_document_validates(corpus_docs):
    files = sorted(corpus_docs.iterdir())
    assert files
    for f in files:
        d = json.loads(json.dumps(parse_file(f).to_dict()))
        validate_plan_dict(d)


def test_a_violation_names_its_place_in_vietnamese(corpus_docs):
    good = json.loads(json.dumps(parse_file(sorted(corpus_docs.iterdir())[0]).to_dict()))
    bad = copy.deepcopy(good)
    bad["document"]["kind"] = "tiểu thuyết"
    with pytest.raises(PlanFormatError) as err:
        validate_plan_dict(bad)
    assert "document/kind" in err.value.message and "không đúng định dạng" in err.value.message
    bad = copy.deepcopy(good)
    bad["document"]["date"] = "31/01/2024"
    with pytest.raises(PlanFormatError):
        validate_plan_dict(bad)
    bad = copy.deepcopy(good)
    del bad["schema"]
    with pytest.raises(PlanFormatError):
        validate_plan_dict(bad)


def test_cli_json_output_validates(corpus_docs):
    f = sorted(corpus_docs.iterdir())[-1]
    result = subprocess.run([EXE, "parse", str(f), "--json"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    validate_plan_dict(json.loads(result.stdout))


def test_cli_prints_v1_by_default_and_v2_when_asked(corpus_docs):
    f = corpus_docs / "004_e02ef3f550a5da59.txt"  # has a task register: leads and partners per row
    docs = {}
    for version in ("1", "2"):
        result = subprocess.run([EXE, "parse", str(f), "--json", "--format-version", version],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        docs[version] = json.loads(result.stdout)
        validate_plan_dict(docs[version])
    v1, v2 = docs["1"], docs["2"]
    assert (v1["schema"], v2["schema"]) == ("trienkhai.plan/1", "trienkhai.plan/2")
    assert all(isinstance(t["lead"], str | None) for t in v1["tasks"])
    assert all(isinstance(t["leads"], list) and "lead" not in t for t in v2["tasks"])
    assert [t["lead"] for t in v1["tasks"]] == ["; ".join(t["leads"]) or None for t in v2["tasks"]]
    with_default = subprocess.run([EXE, "parse", str(f), "--json"], capture_output=True, text=True)
    assert json.loads(with_default.stdout) == v1


def test_a_v1_document_validates_against_v1_and_not_v2(corpus_docs):
    from trienkhai.plans.parse import parse_file

    v1 = json.loads(json.dumps(parse_file(corpus_docs / "004_e02ef3f550a5da59.txt").to_dict(version=1)))
    validate_plan_dict(v1)
    v1["schema"] = "trienkhai.plan/2"  # the same content claiming /2: its name strings are refused
    with pytest.raises(PlanFormatError):
        validate_plan_dict(v1)
