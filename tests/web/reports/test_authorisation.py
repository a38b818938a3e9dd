"""The report-settings service decides who may write and refuses a write without the version it read."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from trienkhai_web.audit.models import AuditEntry
from trienkhai_web.errors import Conflict
from trienkhai_web.reports import services
from trienkhai_web.reports.models import ReportSettings


def test_service_refuses_a_user_without_permission_even_called_directly(province):
    entries = AuditEntry.objects.count()
    for role in ("leader", "head", "other_monitor"):
        with pytest.raises(PermissionDenied):
            services.save_settings(province.users[role], province.plan, version=0, number="1")
    assert not ReportSettings.objects.exists() and AuditEntry.objects.count() == entries


def test_a_write_without_a_version_is_a_conflict_and_stores_nothing(province):
    monitor = province.users["monitor"]
    with pytest.raises(Conflict):  # not even the first save
        services.save_settings(monitor, province.plan, version=None, number="12")
    assert not ReportSettings.objects.exists()
    services.save_settings(monitor, province.plan, version=0, number="12")
    with pytest.raises(Conflict):
        services.save_settings(monitor, province.plan, version=None, number="99")
    with pytest.raises(Conflict):  # "never saved" is stale once someone saved
        services.save_settings(monitor, province.plan, version=0, number="99")
    saved = ReportSettings.objects.get(plan=province.plan)
    assert (saved.number, saved.version) == ("12", 1)
