"""The tracking services decide who may write, and refuse a write that does not say which version it read,
whoever calls them (a page, the API, a script): nothing is stored when they refuse."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.core.exceptions import PermissionDenied

from trienkhai_web.audit.models import AuditEntry
from trienkhai_web.errors import Conflict
from trienkhai_web.tracking import reminders, services
from trienkhai_web.tracking.models import ReminderKind, ReminderLog, ReportStatus, TaskProgress, UnitReport

NOW = datetime(2025, 6, 16, 9, 0, tzinfo=UTC)
pytestmark = pytest.mark.django_db


def test_services_refuse_users_without_permission_when_called_directly(world):
    entries = AuditEntry.objects.count()
    with pytest.raises(PermissionDenied):  # another unit's reporter cannot open this unit's draft
        services.open_report(world.period, world.unit, user=world.other)
    assert not UnitReport.objects.exists()
    with pytest.raises(PermissionDenied):  # a reporter cannot change the plan's reporting regime
        services.save_schedule(world.reporter, world.plan, starts_on=date(2025, 1, 1), ends_on=date(2025, 6, 30),
                               version=world.plan.reporting_schedule.version, quarterly=False)
    assert world.plan.reporting_periods.filter(code="2025-Q4").exists()
    with pytest.raises(PermissionDenied):  # a reminder by hand needs one who follows every unit
        reminders.send(world.period, world.unit, ReminderKind.OVERDUE, NOW, manual=True, user=world.reporter)
    assert not ReminderLog.objects.exists()
    report = services.open_report(world.period, world.unit, user=world.reporter)
    with pytest.raises(PermissionDenied):  # the leader reads everything and changes nothing
        services.save_field(world.leader, report, version=report.version, kind="progress",
                            object_id=world.tasks[0].pk, field="results", value="Ghi bừa")
    assert not TaskProgress.objects.exists()
    assert AuditEntry.objects.count() == entries + 1  # only the draft the unit's reporter opened


def test_a_write_without_a_version_is_a_conflict_and_changes_nothing(world):
    report = services.open_report(world.period, world.unit)
    with pytest.raises(Conflict):
        services.save_field(world.reporter, report, version=None, kind="progress", object_id=world.tasks[0].pk,
                            field="results", value="Không rõ phiên bản")
    with pytest.raises(Conflict):
        services.submit(world.head, report, version=None, now=NOW)
    with pytest.raises(Conflict):
        services.save_schedule(world.monitor, world.plan, starts_on=date(2025, 1, 1), ends_on=date(2025, 6, 30),
                               version=None, quarterly=True)
    report.refresh_from_db()
    assert (report.version, report.status) == (1, ReportStatus.DRAFT) and not TaskProgress.objects.exists()
    assert world.plan.reporting_periods.filter(code="2025-Q4").exists()
    UnitReport.objects.filter(pk=report.pk).update(status=ReportStatus.SUBMITTED)
    with pytest.raises(Conflict):
        services.accept(world.monitor, report, version=None, now=NOW)
    with pytest.raises(Conflict):  # a bulk acceptance names the version of each report it shows
        services.bulk_accept(world.monitor, [UnitReport.objects.get(pk=report.pk)], versions={}, now=NOW)
    assert UnitReport.objects.get(pk=report.pk).status == ReportStatus.SUBMITTED


def test_pages_answer_a_missing_version_with_the_conflict_message(client, world):
    from tests.web.factories import PASSWORD

    report = services.open_report(world.period, world.unit)
    client.login(username=world.reporter.username, password=PASSWORD)
    response = client.post(f"/theo-doi/bao-cao/{report.pk}/luu/", {
        "kind": "progress", "object": world.tasks[0].pk, "field": "results", "value": "Không rõ phiên bản"})
    assert response.status_code == 409 and "tải lại trang" in response.content.decode()
    bad = client.post(f"/theo-doi/bao-cao/{report.pk}/luu/", {
        "version": "hai", "kind": "progress", "object": world.tasks[0].pk, "field": "results", "value": "x"})
    assert bad.status_code == 400
    assert not TaskProgress.objects.exists()
