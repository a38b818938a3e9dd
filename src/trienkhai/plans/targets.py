"""Placeholder until the extraction lands (issue 4): returns nothing, so parsing works end to end."""

from __future__ import annotations

from trienkhai.plans.model import Target, Plan


def find_targets(plan: Plan) -> list[Target]:
    return []
