"""“Lập báo cáo”: every page as every role, the preview and the downloads."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from tests.web.factories import PASSWORD

PAGES = ["build", "preview", "docx", "xlsx"]
# role → expected status per page (leaders preview but do not download).
ALLOWED = {
    "admin": [200, 200, 200, 200],
    "monitor": [200, 200, 200, 200],
    "leader": [200, 200, 403, 403],
    "reporter": [403, 403, 403, 403],
    "head": [403, 403, 403, 403],
    "other_monitor": [403, 403, 403, 403],
}


def _url(province, page: str) -> str:
    pk = province.plan.pk
    if page in ("docx", "xlsx"):
        return reverse("reports:download", args=[pk, page])
    return reverse(f"reports:{page}", args=[pk]) + "?ky=2025-Q2"


def _open(client, province, page: str):  # type: ignore[no-untyped-def]
    """Pages are read with GET; a download generates and keeps a report, so it is a POST."""
    if page in ("docx", "xlsx"):
        return client.post(_url(province, page), {"ky": "2025-Q2"})
    return client.get(_url(province, page))


@pytest.mark.parametrize("role", list(ALLOWED))
def test_every_page_as_every_role(client, province, role):
    client.login(username=province.users[role].username, password=PASSWORD)
    assert [_open(client, province, page).status_code for page in PAGES] == ALLOWED[role]


def test_anonymous_goes_to_login(client, province):
    for page in PAGES:
        response = _open(client, province, page)
        assert response.status_code == 302 and response["Location"].startswith("/dang-nhap/")


def test_a_download_is_not_a_get(client, province):
    client.login(username="ban_dan_van", password=PASSWORD)
    assert client.get(_url(province, "docx") + "?ky=2025-Q2").status_code == 405


def test_preview_and_downloads(client, province):
    client.login(username="ban_dan_van", password=PASSWORD)
    page = client.get(reverse("reports:build", args=[province.plan.pk]))
    assert "2025-Q2" in page.content.decode()
    preview = client.get(_url(province, "preview")).content.decode().replace("\u00a0", " ")
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in preview and "Đảng ủy xã Minh Quang" in preview
    # The unit's result, written with its name, and traceable to its report (shown on hover).
    assert "Ban Tuyên giáo Tỉnh ủy đã tổ chức 12 hội nghị với 3.400 lượt đảng viên" in preview
    assert f"BC-{province.on_time.unit_reports.get().pk}" in preview
    docx = _open(client, province, "docx")
    # The period by its name in the file name (UTF-8, RFC 6266), never its code.
    assert docx["Content-Disposition"] == ("attachment; filename*=utf-8''B%C3%A1o%20c%C3%A1o%2055-CTr-TU%20"
                                           "Qu%C3%BD%20II-2025.docx")
    doc = Document(io.BytesIO(docx.content))
    assert doc.tables[1].rows[1].cells[4].text == "95,5"
    xlsx = _open(client, province, "xlsx")
    wb = load_workbook(io.BytesIO(xlsx.content))
    assert wb["Tính kịp thời"].max_row == 4


def test_unknown_period_or_format(client, province):
    client.login(username="ban_dan_van", password=PASSWORD)
    assert client.get(reverse("reports:preview", args=[province.plan.pk]) + "?ky=2099").status_code == 404
    assert client.post(reverse("reports:download", args=[province.plan.pk, "pdf"]), {"ky": "2025-Q2"}).status_code == 404
    assert client.post(reverse("reports:download", args=[province.plan.pk, "docx"]), {"ky": "2099"}).status_code == 404
    assert client.get(reverse("reports:build", args=[99999])).status_code == 404


@pytest.mark.browser
def test_choosing_a_period_shows_the_preview(page, province):
    from tests.web.conftest import login

    login(page, "ban_dan_van", PASSWORD)
    page.goto(reverse("reports:build", args=[province.plan.pk]))
    page.select_option("#id_ky", "2025-Q2")
    page.wait_for_selector(".report-preview")
    assert "Sở Nội vụ" in page.inner_text("#preview")
    with page.expect_download() as info:
        page.click("text=.docx")
    assert info.value.suggested_filename.endswith(".docx")


def test_each_generated_report_is_kept_and_can_be_downloaded_again(client, province):
    from trienkhai_web.audit.models import AuditEntry
    from trienkhai_web.reports.models import GeneratedReport

    client.login(username="ban_dan_van", password=PASSWORD)
    first = _open(client, province, "docx").content
    kept = GeneratedReport.objects.get()
    assert kept.created_by.username == "ban_dan_van" and kept.period == province.period and not kept.draft
    assert len(kept.input_hash) == 64 and kept.summary["reported"] == 2 and kept.summary["units"] == 3
    assert AuditEntry.objects.filter(action="reports.review.generate").count() == 1
    page = client.get(reverse("reports:build", args=[province.plan.pk])).content.decode()
    assert kept.input_hash[:10] in page
    again = client.get(reverse("reports:history_file", args=[province.plan.pk, kept.pk, "docx"]))
    assert again.status_code == 200 and again.content == first
    # The same data gives the same fingerprint; new data a new one.
    _open(client, province, "docx")
    second = GeneratedReport.objects.order_by("-pk").first()
    assert second.input_hash == kept.input_hash
    client.login(username=province.users["leader"].username, password=PASSWORD)
    assert client.get(reverse("reports:history_file", args=[province.plan.pk, kept.pk, "docx"])).status_code == 403


def test_a_report_before_the_cut_off_is_a_draft(client, province):
    from trienkhai_web.reports import queries

    period = province.plan.reporting_periods.get(code="2025-Q2")
    data = queries.build_report_data(province.plan, period, today=period.cutoff)
    assert data.draft
    assert not queries.build_report_data(province.plan, period, today=period.unit_deadline.replace(year=2026)).draft
    assert queries.build_report_data(province.plan, period, draft=True).draft


def test_the_monitoring_body_enters_its_own_section_i(client, province):
    from trienkhai_web.reports import queries
    from trienkhai_web.tracking.models import ReviewActivity

    url = reverse("reports:own_activity", args=[province.plan.pk])
    form = {"ky": "2025-Q2", "kind": "hoi_nghi", "title": "Hội nghị triển khai chương trình", "held_on": "2025-04-10",
            "participants": "250"}
    client.login(username=province.users["leader"].username, password=PASSWORD)
    assert client.post(url, form).status_code == 403
    client.login(username="ban_dan_van", password=PASSWORD)
    assert client.post(url, form).status_code == 302
    activity = ReviewActivity.objects.get()
    assert activity.organisation == province.plan.monitoring_body
    data = queries.build_report_data(province.plan, province.period)
    text = " ".join(b.plain for b in data.body)
    assert (f"Ngày 10/04/2025, {province.plan.monitoring_body.name} tổ chức hội nghị triển khai chương trình với "
            "250 người tham dự.") in text
    assert client.post(url, {"ky": "2025-Q2", "remove": str(activity.pk)}).status_code == 302
    assert not ReviewActivity.objects.exists()
