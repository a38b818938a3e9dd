"""The JSON Schema (draft 2020-12) of `trienkhai.plan/1`, shipped in the package as plan.schema.json,
and `validate_plan_dict` which raises `PlanFormatError` (Vietnamese message) on the first violation."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator

from trienkhai.errors import TrienkhaiError


class PlanFormatError(TrienkhaiError):
    """A JSON document that is not valid `trienkhai.plan/1` (an import, or a bug in our own output)."""


@lru_cache(maxsize=1)
def plan_schema() -> dict[str, Any]:
    """The schema as a dict (read once from the package)."""
    text = resources.files("trienkhai.plans").joinpath("plan.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    schema = plan_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def validate_plan_dict(d: Any) -> None:
    """Raise `PlanFormatError` when `d` does not follow `trienkhai.plan/1`."""
    errors = sorted(_validator().iter_errors(d), key=lambda e: list(e.absolute_path))
    if errors:
        e = errors[0]
        where = "/".join(str(p) for p in e.absolute_path) or "(gốc)"
        more = f" (và {len(errors) - 1} lỗi khác)" if len(errors) > 1 else ""
        raise PlanFormatError(
            f"Dữ liệu không đúng định dạng trienkhai.plan/1 tại {where}: {e.message}{more}",
            detail="\n".join(f"{'/'.join(map(str, x.absolute_path))}: {x.message}" for x in errors[:20]),
        )
