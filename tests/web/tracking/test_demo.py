from datetime import date

import pytest

from trienkhai_web.tracking import dashboard, demo
from trienkhai_web.tracking.models import ReportStatus, UnitReport

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent_and_gives_realistic_figures(world):
    from tests.web.factories import OrganisationFactory, TaskFactory, assign

    for _ in range(20):
        assign(TaskFactory(plan=world.plan, item=world.tasks[0].item, due_date=date(2025, 3, 1)),
               OrganisationFactory())
    today = date(2025, 11, 1)
    created = demo.load(today)
    assert created > 0 and demo.load(today) == 0
    codes = set(UnitReport.objects.values_list("period__code", flat=True))
    assert codes == {"2025-Q2", "2025-Q3"}
    statuses = set(UnitReport.objects.values_list("status", flat=True))
    assert {ReportStatus.ACCEPTED, ReportStatus.RETURNED} <= statuses
    q3 = world.plan.reporting_periods.get(code="2025-Q3")
    board = dashboard.build(world.plan, q3, dashboard.Filters(), today)
    assert board.unreported and sum(board.totals.values()) == 23
    assert board.targets[0]["latest"] is not None
