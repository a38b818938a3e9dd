"""Demo data for plans: every sample document imported, auto-mapped and published (idempotent)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from trienkhai_web.errors import Duplicate, UserError
from trienkhai_web.plans import services
from trienkhai_web.plans.models import Plan, PlanStatus

SUFFIXES = {".txt", ".docx", ".pdf", ".doc"}


def import_and_publish(user: Any, path: Path, monitoring_body: Any = None) -> tuple[Plan, bool]:
    """(plan, newly published?) for one file; a file already imported is not imported again."""
    try:
        plan = services.import_document(user, filename=path.name, data=path.read_bytes())
    except Duplicate as exc:
        plan = exc.existing
    if plan.status == PlanStatus.PUBLISHED:
        return plan, False
    plan = services.auto_map(user, plan)
    # Nobody reviews here: a task left without a lead is published as it is (the page would ask).
    return services.publish(user, plan, version=plan.version, monitoring_body=monitoring_body,
                            allow_leadless=True), True


def load(user: Any, docs: Path, log=print, monitoring_body: Any = None) -> list[Plan]:
    plans = []
    for path in sorted(p for p in docs.iterdir() if p.suffix.lower() in SUFFIXES):
        try:
            plan, new = import_and_publish(user, path, monitoring_body)
        except UserError as exc:
            log(f"  ! {path.name}: {exc.message}")
            continue
        log(f"  {'+' if new else '='} {path.name}: {plan.number or '—'} ({plan.tasks.count()} nhiệm vụ)")
        plans.append(plan)
    return plans
