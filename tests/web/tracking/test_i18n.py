"""Every label the tracking pages show is a message id: Vietnamese by default, English on request."""

from io import BytesIO, StringIO

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db


def test_dashboard_in_vietnamese_by_default_and_in_english_on_request(world, client):
    client.force_login(world.monitor)
    url = f"/theo-doi/ke-hoach/{world.plan.pk}/?period={world.period.pk}"
    page = client.get(url).content.decode()
    assert "Chưa báo cáo" in page and "Chưa triển khai" in page and "Chưa lập" in page
    assert "Not reported" not in page
    response = client.post("/i18n/setlang/", {"language": "en", "next": url})
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "Not reported" in page and "Not started" in page and "Behind schedule" in page
    assert "Not created" in page and "accepted figures only" in page
    assert "Chưa báo cáo" not in page and "Chưa triển khai" not in page
    sheet = load_workbook(BytesIO(client.get(url + "&export=unreported").content)).active
    assert [c.value for c in sheet[1]] == ["Unit", "Deadline", "Days late", "Status"]
    assert sheet.title == "Not reported" and sheet["D2"].value == "Not created"


def test_xlsx_headers_are_vietnamese_by_default(world, client):
    client.force_login(world.monitor)
    url = f"/theo-doi/ke-hoach/{world.plan.pk}/?period={world.period.pk}&export="
    sheet = load_workbook(BytesIO(client.get(url + "parts").content)).active
    assert [c.value for c in sheet[1]][:3] == ["Phần", "Nhiệm vụ", "Chưa triển khai"]
    sheet = load_workbook(BytesIO(client.get(url + "targets").content)).active
    assert sheet["G1"].value == "Đánh giá" and sheet["G2"].value == "Chưa có số liệu"


def test_send_reminders_speaks_vietnamese(world):
    out = StringIO()
    call_command("send_reminders", "--now", "2025-06-15T08:00:00", stdout=out)
    assert out.getvalue().startswith("Đã gửi ") and "thư điện tử gửi không được" in out.getvalue()


def test_manual_reminder_from_an_english_page_is_sent_in_vietnamese(world, client):
    from trienkhai_web.tracking.models import Notification

    client.force_login(world.monitor)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    client.post(f"/theo-doi/ke-hoach/{world.plan.pk}/nhac/{world.unit.pk}/", {"period": world.period.pk})
    texts = list(Notification.objects.filter(user=world.reporter).values_list("text", flat=True))
    assert len(texts) == 1 and texts[0].startswith(("Nhắc", "Quá hạn", "Báo cáo")), texts
