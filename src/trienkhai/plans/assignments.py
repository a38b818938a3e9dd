"""Placeholder until the extraction lands (issue 4): returns nothing, so parsing works end to end."""

from __future__ import annotations

from trienkhai.plans.model import Assignment, Plan


def find_assignments(plan: Plan) -> list[Assignment]:
    return []
