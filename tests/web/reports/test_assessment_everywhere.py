"""The dashboard, the review report and the API assess a target the same way: one table drives all three."""

from __future__ import annotations

from decimal import Decimal

from tests.core.tracking.assessment_table import CASES
from tests.web.api.conftest import client_for
from tests.web.reports.conftest import today
from trienkhai.tracking.assess import Assessment
from trienkhai_web.reports import queries as report_queries
from trienkhai_web.tracking import dashboard
from trienkhai_web.tracking.labels import ASSESSMENT_LABELS
from trienkhai_web.tracking.models import IndicatorValue


def _dec(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def test_one_assessment_on_dashboard_report_and_api(province):
    target, plan, period = province.target, province.plan, province.period
    api = client_for(province.users["monitor"])
    value = IndicatorValue.objects.get(target=target)
    seen = []
    for direction, low, high, reported, _expected in CASES:
        target.direction, target.value_low, target.value_high = direction or "", _dec(low), _dec(high)
        target.save()
        value.value = _dec(reported)
        value.save()
        board = dashboard.build(plan, period, dashboard.Filters(), today())
        [report_row] = report_queries.build_report_data(plan, period).targets
        response = api.get(f"/api/targets/?plan={plan.pk}")
        assert response.status_code == 200
        [api_row] = response.json()["results"]
        seen.append((direction, low, high, reported, board.targets[0]["assessment"], report_row.assessment,
                     api_row["assessment"]))
    assert seen == [(d, lo, hi, r, e, e, e.value) for d, lo, hi, r, e in CASES]
    # Every status has its label on screen (IN_PROGRESS needs a deadline: test_target_due_later_is_under_way).
    assert set(ASSESSMENT_LABELS) == {e for *_, e in CASES} | {Assessment.IN_PROGRESS}


def test_target_due_later_is_under_way_on_dashboard_and_report(province):
    """A 2030 target short of its figure in 2025 is "đang thực hiện" with its progress, not "chưa đạt"."""
    target, plan, period = province.target, province.plan, province.period
    IndicatorValue.objects.filter(target=target).update(value=Decimal("45"))
    target.deadline_year = 2030
    target.save()
    board = dashboard.build(plan, period, dashboard.Filters(), today())
    [row] = report_queries.build_report_data(plan, period).targets
    assert board.targets[0]["assessment"] is row.assessment is Assessment.IN_PROGRESS
    assert row.completion == 50.0
    target.deadline_year = 2025
    target.save()
    [row] = report_queries.build_report_data(plan, period).targets
    assert row.assessment is Assessment.NOT_MET


def test_api_shows_the_latest_accepted_value(province):
    [row] = client_for(province.users["monitor"]).get(f"/api/targets/?plan={province.plan.pk}").json()["results"]
    assert (row["latest_value"], row["assessment"]) == ("95.5", "vuot")  # đạt 90, 95,5 reported
