"""Report settings per plan: saved with a version check, used in the header, number and signature block."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from docx import Document

from tests.web.factories import PASSWORD
from trienkhai_web.audit.models import AuditEntry
from trienkhai_web.errors import Conflict
from trienkhai_web.reports import queries, services
from trienkhai_web.reports.models import ReportSettings


def test_settings_override_the_plan(province):
    monitor = province.users["monitor"]
    services.save_settings(monitor, province.plan, version=0, number="12", signer_name="Nguyễn Văn Sơn",
                           recipients=["Thường trực Tỉnh ủy", "  ", "Lưu"], issuing_body="TỈNH ỦY TUYÊN QUANG")
    data = queries.build_report_data(province.plan, province.period)
    assert data.number_text == "Số\u00a012-BC/TU"  # non-breaking: the number never breaks across lines
    assert data.signer.name == "Nguyễn Văn Sơn" and data.signer.title == "PHÓ BÍ THƯ THƯỜNG TRỰC"
    assert data.recipients == ["Thường trực Tỉnh ủy", "Lưu"]
    assert data.issuer.name == "TỈNH ỦY TUYÊN QUANG"
    assert AuditEntry.objects.filter(action="reports.settings.save").count() == 1


def test_stale_version_is_refused_and_changes_nothing(province):
    monitor = province.users["monitor"]
    services.save_settings(monitor, province.plan, version=0, number="12")
    with pytest.raises(Conflict):
        services.save_settings(monitor, province.plan, version=0, number="99")
    assert ReportSettings.objects.get(plan=province.plan).number == "12"


def test_only_the_plan_managers_may_change_settings(province):
    for role in ("leader", "reporter", "other_monitor"):
        with pytest.raises(PermissionDenied):
            services.save_settings(province.users[role], province.plan, version=0, number="1")
    assert not ReportSettings.objects.exists()


def test_settings_form(client, province):
    url = reverse("reports:settings", args=[province.plan.pk])
    form = {"number": "07", "signer_name": "Hoàng Văn Bình", "recipients": "Ban Bí thư\nCác sở, ngành",
            "version": "0"}
    client.login(username=province.users["leader"].username, password=PASSWORD)
    assert client.post(url, form).status_code == 403
    client.login(username="ban_dan_van", password=PASSWORD)
    response = client.post(url, form)
    assert response.status_code == 302
    page = client.get(reverse("reports:build", args=[province.plan.pk])).content.decode()
    assert "Hoàng Văn Bình" in page
    docx = client.post(reverse("reports:download", args=[province.plan.pk, "docx"]), {"ky": "2025-Q2"})
    doc = Document(io.BytesIO(docx.content))
    left, _right = doc.tables[0].rows[0].cells
    assert left.paragraphs[-1].text == "Số\u00a007-BC/TU"
    closing = doc.tables[2].rows[0].cells
    assert [p.text for p in closing[0].paragraphs][1:] == ["- Ban Bí thư,", "- Các sở, ngành,", "- Lưu Văn phòng Tỉnh ủy."]
    assert closing[1].paragraphs[-1].text == "Hoàng Văn Bình"
    # The same form again, built from version 0, is now stale.
    stale = client.post(url, {**form, "number": "08"})
    assert stale.status_code == 409
    assert "Người khác vừa thay đổi thiết lập báo cáo" in stale.content.decode()
    assert ReportSettings.objects.get(plan=province.plan).number == "07"
