from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied
from openpyxl import load_workbook

from trienkhai_web.tracking import services
from trienkhai_web.tracking.models import ReminderLog, ReportStatus, UnitReport

pytestmark = pytest.mark.django_db


def get(client, user, url):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client.get(url)


def test_dashboard_and_overview_by_role(world, client):
    url = f"/theo-doi/ke-hoach/{world.plan.pk}/"
    for user, code in [(world.monitor, 200), (world.leader, 200), (world.reporter, 403), (world.other, 403)]:
        assert get(client, user, url).status_code == code, user
    assert get(client, None, url).status_code == 302
    assert get(client, world.leader, "/theo-doi/").status_code == 200
    assert get(client, None, "/theo-doi/").status_code == 302


def test_every_table_exports_xlsx(world, client):
    client.force_login(world.monitor)
    for name in ("parts", "units", "targets", "overdue", "unreported", "timeliness"):
        response = client.get(f"/theo-doi/ke-hoach/{world.plan.pk}/?period={world.period.pk}&export={name}")
        assert response.status_code == 200
        sheet = load_workbook(BytesIO(response.content)).active
        assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref and sheet["A1"].font.bold
    sheet = load_workbook(BytesIO(client.get(
        f"/theo-doi/ke-hoach/{world.plan.pk}/?period={world.period.pk}&export=unreported").content)).active
    assert {sheet.cell(row=r, column=1).value for r in (2, 3)} == {"Chi bộ ấp 1", "Hội Nông dân xã"}


def test_report_page_roles(world, client):
    report = services.open_report(world.period, world.unit)
    url = f"/theo-doi/bao-cao/{report.pk}/"
    for user, code in [(world.reporter, 200), (world.head, 200), (world.monitor, 200), (world.leader, 200),
                       (world.parent_head, 200), (world.other, 403), (world.partner_reporter, 403)]:
        assert get(client, user, url).status_code == code, user
    assert get(client, None, url).status_code == 302
    entry = f"/theo-doi/ke-hoach/{world.plan.pk}/don-vi/{world.unit.pk}/{world.period.code}/"
    assert get(client, world.reporter, entry).status_code == 302
    assert get(client, world.other, entry).status_code == 403


def test_opening_the_link_of_a_report_not_begun_creates_nothing(world, client):
    entry = f"/theo-doi/ke-hoach/{world.plan.pk}/don-vi/{world.unit.pk}/{world.period.code}/"
    page = get(client, world.reporter, entry)
    assert page.status_code == 200 and "Bắt đầu lập báo cáo" in page.content.decode()
    assert not UnitReport.objects.exists()
    begun = client.post(entry)
    report = UnitReport.objects.get(period=world.period, organisation=world.unit)
    assert begun.status_code == 302 and begun["Location"] == f"/theo-doi/bao-cao/{report.pk}/"


def test_a_unit_the_plan_gives_no_task_cannot_report_on_it(world, client):
    outsider = world.other  # reports for "Đơn vị khác", which no task of the plan names
    unit = outsider.memberships.get().organisation
    entry = f"/theo-doi/ke-hoach/{world.plan.pk}/don-vi/{unit.pk}/{world.period.code}/"
    assert get(client, outsider, entry).status_code == 403
    assert client.post(entry).status_code == 403
    with pytest.raises(PermissionDenied):
        services.open_report(world.period, unit, user=outsider)
    assert not UnitReport.objects.exists()


def test_autosave_view_and_conflict_message(world, client):
    report = services.open_report(world.period, world.unit)
    client.force_login(world.reporter)
    url = f"/theo-doi/bao-cao/{report.pk}/luu/"
    data = {"version": report.version, "kind": "progress", "object": world.tasks[0].pk, "field": "results",
            "value": "Đã họp"}
    response = client.post(url, data)
    assert response.status_code == 200 and 'value="2"' in response.content.decode()
    response = client.post(url, data | {"value": "Ghi đè"})  # stale version 1
    assert response.status_code == 409
    assert "Đã họp" in response.content.decode()
    client.force_login(world.other)
    assert client.post(url, data | {"version": 2}).status_code == 403


def test_submit_review_views(world, client):
    report = services.open_report(world.period, world.unit)
    for task in world.tasks:
        report = services.save_field(world.reporter, report, version=report.version, kind="progress", object_id=task.pk,
                                     field="status", value="hoan_thanh")
    client.force_login(world.reporter)
    client.post(f"/theo-doi/bao-cao/{report.pk}/nop/", {"version": report.version})
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT  # a reporter may not submit
    client.force_login(world.head)
    client.post(f"/theo-doi/bao-cao/{report.pk}/nop/", {"version": report.version, "late_reason": "Chờ số liệu"})
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED
    client.force_login(world.leader)
    assert client.post(f"/theo-doi/bao-cao/{report.pk}/duyet/", {"action": "accept"}).status_code == 403
    client.force_login(world.monitor)
    listing = client.get(f"/theo-doi/ke-hoach/{world.plan.pk}/duyet/?period={world.period.pk}")
    assert "Chi bộ ấp 1" in listing.content.decode()
    client.post(f"/theo-doi/ke-hoach/{world.plan.pk}/duyet/", {"period": world.period.pk, "report": [report.pk],
                                                                 f"version-{report.pk}": report.version})
    report.refresh_from_db()
    assert report.status == ReportStatus.ACCEPTED


def test_remind_button_and_notifications(world, client):
    client.force_login(world.monitor)
    response = client.post(f"/theo-doi/ke-hoach/{world.plan.pk}/nhac/{world.partner.pk}/",
                           {"period": world.period.pk})
    assert response.status_code == 302
    assert ReminderLog.objects.filter(organisation=world.partner, manual=True).exists()
    client.force_login(world.partner_reporter)
    page = client.get("/theo-doi/thong-bao/").content.decode()
    assert world.period.code in page
    home = client.get("/").content.decode()
    assert 'id="unread-count">1<' in home
    client.post("/theo-doi/thong-bao/")
    assert 'id="unread-count"' not in client.get("/").content.decode()
    client.force_login(world.reporter)
    assert client.post(f"/theo-doi/ke-hoach/{world.plan.pk}/nhac/{world.partner.pk}/").status_code == 403


def test_a_leader_reads_the_dashboard_but_sends_no_reminder(world, client):
    client.force_login(world.leader)
    dashboard = client.get(f"/theo-doi/ke-hoach/{world.plan.pk}/?period={world.period.pk}")
    assert dashboard.status_code == 200 and "/nhac/" not in dashboard.content.decode()
    response = client.post(f"/theo-doi/ke-hoach/{world.plan.pk}/nhac/{world.partner.pk}/", {"period": world.period.pk})
    assert response.status_code == 403
    assert not ReminderLog.objects.exists()


def test_organisation_page_and_my_reports(world, client):
    url = f"/theo-doi/don-vi/{world.unit.pk}/"
    for user, code in [(world.reporter, 200), (world.parent_head, 200), (world.leader, 200), (world.other, 403)]:
        assert get(client, user, url).status_code == code, user
    page = get(client, world.reporter, "/theo-doi/bao-cao-don-vi/")
    assert page.status_code == 200


def test_explanation_views(world, client):
    report = services.open_report(world.period, world.unit)
    client.force_login(world.leader)
    response = client.post(f"/theo-doi/bao-cao/{report.pk}/giai-trinh/",
                           {"task": world.tasks[0].pk, "question": "Vì sao chậm?"})
    assert response.status_code == 302
    thread_url = response["Location"]
    client.force_login(world.reporter)
    client.post(thread_url, {"text": "Do mưa bão"})
    assert "Do mưa bão" in client.get(thread_url).content.decode()
    client.force_login(world.other)
    assert client.get(thread_url).status_code == 403


def test_the_review_list_is_searched_by_unit(world, client):
    """Hundreds of units: the reviewer finds a unit by its name (diacritics optional)."""
    from tests.web.tracking.test_dashboard import report_for
    from trienkhai.text.vietnamese import fold

    report_for(world, ["hoan_thanh", "dang_trien_khai", "cham_tien_do"], accept=False)
    client.force_login(world.monitor)
    url = f"/theo-doi/ke-hoach/{world.plan.pk}/duyet/?period={world.period.pk}"
    name = world.unit.name
    found = client.get(url + "&q=" + fold(name).split()[-1]).content.decode()  # typed without diacritics
    assert f'aria-label="{name}"' in found
    missed = client.get(url + "&q=khongcodonvinay").content.decode()
    assert "Không có báo cáo chờ duyệt" in missed, missed[missed.find(f'aria-label="{name}"') - 400:][:600]
