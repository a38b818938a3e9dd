"""Per-field optimistic locking: different fields edited at once both save; the same field does not."""

import pytest

from trienkhai_web.errors import Conflict
from trienkhai_web.tracking import services
from trienkhai_web.tracking.models import IndicatorValue, PartnerContribution, TaskProgress

pytestmark = pytest.mark.django_db


def save(user, report, field, value, seen, kind="progress", object_id=None, version=None):
    return services.save_field(user, report, version=report.version if version is None else version, kind=kind,
                               object_id=object_id, field=field, value=value, seen=seen)


def test_two_people_different_fields_both_succeed(world):
    report = services.open_report(world.period, world.unit)
    task = world.tasks[0].pk
    loaded = report.version  # both pages were opened at this version
    save(world.reporter, report, "results", "Đã tổ chức 3 hội nghị", "", object_id=task, version=loaded)
    save(world.head, report, "difficulties", "Thiếu kinh phí", "", object_id=task, version=loaded)
    save(world.head, report, "value", "91,5", "", kind="indicator", object_id=world.target.pk, version=loaded)
    row = TaskProgress.objects.get(report=report, task_id=task)
    assert (row.results, row.difficulties) == ("Đã tổ chức 3 hội nghị", "Thiếu kinh phí")
    assert str(IndicatorValue.objects.get(report=report).value.normalize()) == "91.5"


def test_same_field_concurrently_gives_the_conflict_message(world):
    report = services.open_report(world.period, world.unit)
    task = world.tasks[0].pk
    save(world.reporter, report, "results", "Bản của phóng viên", "", object_id=task)
    with pytest.raises(Conflict) as error:
        save(world.head, report, "results", "Bản của bí thư", "", object_id=task)
    assert "Người khác đã sửa ô này" in error.value.message and "Bản của phóng viên" in error.value.message
    assert TaskProgress.objects.get(report=report, task_id=task).results == "Bản của phóng viên"
    # Having seen the colleague's text, the head may now change it.
    save(world.head, report, "results", "Bản của bí thư", "Bản của phóng viên", object_id=task)
    assert TaskProgress.objects.get(report=report, task_id=task).results == "Bản của bí thư"


def test_same_value_and_numbers_compare_by_value(world):
    report = services.open_report(world.period, world.unit)
    target = world.target.pk
    save(world.reporter, report, "value", "92", "", kind="indicator", object_id=target)
    with pytest.raises(Conflict):
        save(world.head, report, "value", "95", "", kind="indicator", object_id=target)
    save(world.head, report, "value", "95", "92,0", kind="indicator", object_id=target)  # same number as seen
    save(world.reporter, report, "value", "95", "92", kind="indicator", object_id=target)  # both typed 95
    assert IndicatorValue.objects.get(report=report).value == 95


def test_partner_contribution_and_status_are_locked_per_field(world):
    report = services.open_report(world.period, world.partner)
    save(world.partner_reporter, report, "text", "Phối hợp tuyên truyền", "", kind="contribution",
         object_id=world.tasks[0].pk)
    with pytest.raises(Conflict):
        save(world.partner_reporter, report, "text", "Khác", "", kind="contribution", object_id=world.tasks[0].pk)
    assert PartnerContribution.objects.get(report=report).text == "Phối hợp tuyên truyền"
    unit_report = services.open_report(world.period, world.unit)
    save(world.reporter, unit_report, "status", "dang_trien_khai", "", object_id=world.tasks[1].pk)
    with pytest.raises(Conflict):
        save(world.head, unit_report, "status", "hoan_thanh", "", object_id=world.tasks[1].pk)


def test_without_seen_the_whole_report_version_still_guards(world):
    report = services.open_report(world.period, world.unit)
    loaded = report.version
    save(world.reporter, report, "results", "A", None, object_id=world.tasks[0].pk, version=loaded)
    with pytest.raises(Conflict):
        save(world.head, report, "causes", "B", None, object_id=world.tasks[0].pk, version=loaded)


def test_autosave_view_per_field(world, client):
    report = services.open_report(world.period, world.unit)
    url = f"/theo-doi/bao-cao/{report.pk}/luu/"
    base = {"version": report.version, "kind": "progress", "object": world.tasks[0].pk, "seen": ""}
    client.force_login(world.reporter)
    assert client.post(url, base | {"field": "results", "value": "Kết quả"}).status_code == 200
    client.force_login(world.head)
    assert client.post(url, base | {"field": "proposals", "value": "Đề xuất"}).status_code == 200
    response = client.post(url, base | {"field": "results", "value": "Ghi đè"})
    assert response.status_code == 409 and "Người khác đã sửa ô này" in response.content.decode()
    page = client.get(f"/theo-doi/bao-cao/{report.pk}/").content.decode()
    assert 'data-seen="Kết quả"' in page and 'data-seen="Đề xuất"' in page
