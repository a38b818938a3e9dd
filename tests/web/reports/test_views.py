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
        return reverse("reports:download", args=[pk, page]) + "?ky=2025-Q2"
    return reverse(f"reports:{page}", args=[pk]) + "?ky=2025-Q2"


@pytest.mark.parametrize("role", list(ALLOWED))
def test_every_page_as_every_role(client, province, role):
    client.login(username=province.users[role].username, password=PASSWORD)
    assert [client.get(_url(province, page)).status_code for page in PAGES] == ALLOWED[role]


def test_anonymous_goes_to_login(client, province):
    for page in PAGES:
        response = client.get(_url(province, page))
        assert response.status_code == 302 and response["Location"].startswith("/dang-nhap/")


def test_preview_and_downloads(client, province):
    client.login(username="ban_dan_van", password=PASSWORD)
    page = client.get(reverse("reports:build", args=[province.plan.pk]))
    assert "2025-Q2" in page.content.decode()
    preview = client.get(_url(province, "preview")).content.decode()
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in preview and "Đảng ủy xã Minh Quang" in preview
    assert "Đã tổ chức 12 hội nghị với 3.400 lượt đảng viên" in preview
    docx = client.get(_url(province, "docx"))
    # The period by its name in the file name (UTF-8, RFC 6266), never its code.
    assert docx["Content-Disposition"] == ("attachment; filename*=utf-8''B%C3%A1o%20c%C3%A1o%2055-CTr-TU%20"
                                           "Qu%C3%BD%20II-2025.docx")
    doc = Document(io.BytesIO(docx.content))
    assert doc.tables[1].rows[1].cells[4].text == "95,5"
    xlsx = client.get(_url(province, "xlsx"))
    wb = load_workbook(io.BytesIO(xlsx.content))
    assert wb["Tính kịp thời"].max_row == 4


def test_unknown_period_or_format(client, province):
    client.login(username="ban_dan_van", password=PASSWORD)
    assert client.get(reverse("reports:preview", args=[province.plan.pk]) + "?ky=2099").status_code == 404
    assert client.get(reverse("reports:download", args=[province.plan.pk, "pdf"]) + "?ky=2025-Q2").status_code == 404
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
