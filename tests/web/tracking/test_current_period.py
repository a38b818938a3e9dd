"""The web's current and dashboard periods are the core's rule applied to the stored periods."""

from datetime import date, timedelta

import pytest

from trienkhai.tracking import periods as core
from trienkhai_web.tracking import queries, services
from trienkhai_web.tracking.models import ReportingSchedule

pytestmark = pytest.mark.django_db


def test_stored_periods_follow_the_core_rule_every_day(world):
    schedule = ReportingSchedule.objects.get(plan=world.plan)
    computed = core.periods_between(services.regime_for(schedule), schedule.starts_on, schedule.ends_on)
    day = date(2024, 12, 1)
    while day <= date(2026, 2, 1):
        web, expected = queries.current_period(world.plan, day), core.current_period(computed, day)
        assert (web.code if web else None) == (expected.code if expected else None), day
        web, expected = queries.latest_due_period(world.plan, day), core.latest_due_period(computed, day)
        assert (web.code if web else None) == (expected.code if expected else None), day
        day += timedelta(days=3)


def test_my_reports_lists_the_current_period(world, client):
    from django.utils import timezone

    client.force_login(world.reporter)
    expected = queries.current_period(world.plan, timezone.localdate())
    assert expected is not None  # the plan's data started in December 2024
    page = client.get("/theo-doi/bao-cao-don-vi/").content.decode()
    assert f"/{expected.code}/" in page


def test_overview_and_dashboard_open_on_the_same_period(world, client, settings):
    """The overview names, for each plan, the period its dashboard opens on (periods.latest_due_period)."""
    import datetime as dt
    from unittest import mock

    from trienkhai_web.tracking import queries

    for today in (dt.date(2025, 5, 1), dt.date(2025, 7, 20), dt.date(2025, 10, 25)):
        row = next(r for r in queries.plans_overview([world.plan], today) if r["plan"] == world.plan)
        assert row["period"] == queries.latest_due_period(world.plan, today), today
    client.force_login(world.monitor)
    with mock.patch("trienkhai_web.tracking.views._today", return_value=dt.date(2025, 7, 20)):
        overview = client.get("/theo-doi/").content.decode()
        board = client.get(f"/theo-doi/ke-hoach/{world.plan.pk}/").content.decode()
    title = queries.latest_due_period(world.plan, dt.date(2025, 7, 20)).title
    assert title in overview and title in board
