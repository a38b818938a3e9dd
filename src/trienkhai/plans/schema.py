"""The JSON Schemas (draft 2020-12) of `trienkhai.plan/2` and `/1`, shipped in the package as
plan.schema.json and plan-1.schema.json, and `validate_plan_dict` which raises `PlanFormatError`
(Vietnamese message) on the first violation of the version the document names."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator

from trienkhai.errors import PlanFormatError
from trienkhai.plans.model import SCHEMA_ID, SCHEMA_V1

__all__ = ["PlanFormatError", "plan_schema", "validate_plan_dict"]

_FILES = {SCHEMA_ID: "plan.schema.json", SCHEMA_V1: "plan-1.schema.json"}


@lru_cache(maxsize=2)
def plan_schema(schema_id: str = SCHEMA_ID) -> dict[str, Any]:
    """The schema of one version as a dict (read once from the package)."""
    text = resources.files("trienkhai.plans").joinpath(_FILES[schema_id]).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@lru_cache(maxsize=2)
def _validator(schema_id: str) -> Draft202012Validator:
    schema = plan_schema(schema_id)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def validate_plan_dict(d: Any) -> None:
    """Raise `PlanFormatError` when `d` does not follow the version it names (`/2` when it names none)."""
    schema_id = d.get("schema") if isinstance(d, dict) and d.get("schema") in _FILES else SCHEMA_ID
    errors = sorted(_validator(schema_id).iter_errors(d), key=lambda e: list(e.absolute_path))
    if errors:
        e = errors[0]
        where = "/".join(str(p) for p in e.absolute_path) or "(gốc)"
        more = f" (và {len(errors) - 1} lỗi khác)" if len(errors) > 1 else ""
        raise PlanFormatError(
            f"Dữ liệu không đúng định dạng {schema_id} tại {where}: {e.message}{more}",
            detail="\n".join(f"{'/'.join(map(str, x.absolute_path))}: {x.message}" for x in errors[:20]),
        )
