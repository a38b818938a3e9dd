"""Placeholder until the extraction lands (issue 4): returns nothing, so parsing works end to end."""

from __future__ import annotations

from trienkhai.documents.model import SourceDocument
from trienkhai.plans.model import Plan, Task


def find_tasks(source: SourceDocument, plan: Plan) -> list[Task]:
    return []
