"""The plan's reporting-regime page: who may use it, the preview, the save, kept periods, stale forms."""

from datetime import date
from unittest import mock

import pytest

from trienkhai_web.audit.models import AuditEntry
from trienkhai_web.errors import Conflict
from trienkhai_web.tracking import services
from trienkhai_web.tracking.models import ReportingPeriod, ReportingSchedule

pytestmark = pytest.mark.django_db


def url(world) -> str:
    return f"/theo-doi/ke-hoach/{world.plan.pk}/che-do-bao-cao/"


def form(world, **changes) -> dict:
    schedule = ReportingSchedule.objects.get(plan=world.plan)
    data = {"quarterly": "on", "starts_on": "01/01/2025", "ends_on": "31/12/2025", "cutoff_day": 14,
            "unit_deadline_days": 2, "compile_deadline_days": 5, "remind_days_before": 3,
            "escalate_after_days": 3, "version": schedule.version}
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_roles(world, client):
    for user, code in [(world.monitor, 200), (world.leader, 403), (world.reporter, 403), (world.head, 403),
                       (world.parent_head, 403), (world.other, 403)]:
        client.logout()
        client.force_login(user)
        assert client.get(url(world)).status_code == code, user
        if code == 403:
            assert client.post(url(world), form(world, action="save", yearly="on")).status_code == 403
    client.logout()
    response = client.get(url(world))
    assert response.status_code == 302 and "/dang-nhap/" in response["Location"]
    assert not ReportingSchedule.objects.get(plan=world.plan).yearly


def test_dashboard_links_the_page_for_the_monitoring_body_only(world, client):
    client.force_login(world.monitor)
    assert url(world) in client.get(f"/theo-doi/ke-hoach/{world.plan.pk}/").content.decode()
    client.force_login(world.leader)
    assert url(world) not in client.get(f"/theo-doi/ke-hoach/{world.plan.pk}/").content.decode()


def test_preview_computes_without_saving(world, client):
    client.force_login(world.monitor)
    before = list(ReportingPeriod.objects.filter(plan=world.plan).values_list("code", "unit_deadline"))
    response = client.post(url(world), form(world, action="preview", quarterly=None, half_yearly="on",
                                            yearly="on", midterm_on="30/06/2025"))
    page = response.content.decode()
    assert response.status_code == 200
    # 6-monthly: data 15/12/2024 – 14/06/2025; units two working days after the cut-off (Mon 16, Tue 17/06).
    assert "6 tháng đầu năm 2025" in page and "2025-H1" not in page and "15/12/2024 – 14/06/2025" in page and "17/06/2025" in page
    assert "Sơ kết" in page and "so-ket" not in page and "Chưa lưu gì cho đến khi bấm" in page
    assert list(ReportingPeriod.objects.filter(plan=world.plan).values_list("code", "unit_deadline")) == before


def test_preview_shows_calendar_errors(world, client):
    client.force_login(world.monitor)
    response = client.post(url(world), form(world, action="preview", quarterly=None))
    assert response.status_code == 400 and "Chưa chọn kỳ báo cáo nào." in response.content.decode()
    response = client.post(url(world), form(world, action="preview", cutoff_day=31, compile_deadline_days=1))
    assert response.status_code == 400
    page = response.content.decode()
    assert "28" in page and "Hạn của cơ quan theo dõi phải sau hạn của đơn vị." in page


def test_save_regenerates_and_keeps_periods_with_reports(world, client):
    q2 = world.period
    kept_deadline = q2.unit_deadline
    services.open_report(q2, world.unit)  # Q2 has a report: it must not move
    client.force_login(world.monitor)
    response = client.post(url(world), form(world, action="save", cutoff_day=10, unit_deadline_days=3,
                                            compile_deadline_days=6, half_yearly="on"))
    assert response.status_code == 302
    schedule = ReportingSchedule.objects.get(plan=world.plan)
    assert schedule.version == 2 and schedule.cutoff_day == 10 and schedule.half_yearly
    periods = {p.code: p for p in ReportingPeriod.objects.filter(plan=world.plan)}
    assert set(periods) == {"2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2025-H1"}
    assert periods["2025-Q2"].pk == q2.pk and periods["2025-Q2"].unit_deadline == kept_deadline
    assert periods["2025-Q2"].cutoff == date(2025, 6, 14)
    assert periods["2025-Q3"].cutoff == date(2025, 9, 10)
    assert periods["2025-Q3"].unit_deadline == date(2025, 9, 15)  # Thu 11, Fri 12, Mon 15
    entry = AuditEntry.objects.filter(action="tracking.schedule.save").latest("pk")
    assert entry.user == world.monitor and entry.after["kept"] == ["2025-Q2"]
    assert entry.before["cutoff_day"] == "14" and entry.after["cutoff_day"] == "10"
    # Dropping quarterly reports removes the quarters without reports, keeps Q2.
    response = client.post(url(world), form(world, action="save", quarterly=None, yearly="on"))
    assert response.status_code == 302
    codes = set(ReportingPeriod.objects.filter(plan=world.plan).values_list("code", flat=True))
    assert codes == {"2025-Q2", "2025"}
    page = client.get(url(world)).content.decode()
    assert "đã có báo cáo" in page and "được giữ nguyên" in page


def test_stale_form_is_refused(world, client):
    client.force_login(world.monitor)
    stale = form(world, action="save", cutoff_day=12)
    services.save_schedule(None, world.plan,
                           starts_on=date(2025, 1, 1), ends_on=date(2025, 12, 31), version=1,
                           quarterly=True, half_yearly=False, yearly=False, cutoff_day=13)
    response = client.post(url(world), stale)
    assert response.status_code == 409
    assert "đã được người khác thay đổi" in response.content.decode()
    assert ReportingSchedule.objects.get(plan=world.plan).cutoff_day == 13


def test_bad_input_changes_nothing(world, client):
    client.force_login(world.monitor)
    response = client.post(url(world), form(world, action="save", ends_on="01/01/2024", starts_on="32/13/2025"))
    assert response.status_code == 400
    schedule = ReportingSchedule.objects.get(plan=world.plan)
    assert schedule.version == 1 and schedule.ends_on == date(2025, 12, 31)


def test_plan_days_off_and_make_up_days_move_the_deadlines(world, client):
    client.force_login(world.monitor)
    q2 = ReportingPeriod.objects.get(plan=world.plan, code="2025-Q2")
    # Cut-off Saturday 14/06; units' deadline the 2nd working day: Tuesday 17/06.
    assert q2.unit_deadline == date(2025, 6, 17)
    response = client.post(url(world), form(world, action="save", days_off="16/06/2025\n17/06/2025",
                                            working_days="21/06/2025"))
    assert response.status_code == 302, response.content.decode()
    q2.refresh_from_db()
    # 16 and 17/06 are the plan's days off: the 2nd working day is Thursday 19/06; the monitoring body's
    # 5th counts the make-up Saturday 21/06 (18, 19, 20, 21, 23).
    assert (q2.unit_deadline, q2.compile_deadline) == (date(2025, 6, 19), date(2025, 6, 23))
    schedule = ReportingSchedule.objects.get(plan=world.plan)
    assert sorted(schedule.days.values_list("day", "working")) == [
        (date(2025, 6, 16), False), (date(2025, 6, 17), False), (date(2025, 6, 21), True)]
    page = client.get(url(world)).content.decode()
    assert "16/06/2025\n17/06/2025" in page and "21/06/2025" in page
    entry = AuditEntry.objects.filter(action="tracking.schedule.save").order_by("-pk").first()
    assert entry.after["days_off"] == ["2025-06-16", "2025-06-17"]
    # Saving again without the make-up day gives it back to the weekend.
    client.post(url(world), form(world, action="save", days_off="16/06/2025\n17/06/2025", working_days=""))
    q2.refresh_from_db()
    assert q2.compile_deadline == date(2025, 6, 24)


def test_bad_or_contradictory_days_are_refused_in_vietnamese(world, client):
    client.force_login(world.monitor)
    response = client.post(url(world), form(world, action="save", days_off="31/02/2025"))
    assert response.status_code == 400 and "không phải là ngày" in response.content.decode()
    response = client.post(url(world), form(world, action="save", days_off="21/06/2025", working_days="21/06/2025"))
    assert response.status_code == 400 and "vừa là ngày nghỉ vừa là ngày làm bù" in response.content.decode()
    assert not ReportingSchedule.objects.get(plan=world.plan).days.exists()


def test_two_first_saves_at_the_same_instant_are_a_conflict_not_an_error(world):
    """Both found no regime to lock; the database keeps one, the other is told (no server error)."""
    kept = ReportingSchedule.objects.get(plan=world.plan)
    with mock.patch("trienkhai_web.tracking.services.lock_first", return_value=None), \
            pytest.raises(Conflict, match="đã được người khác thay đổi"):
        services.save_schedule(world.monitor, world.plan, starts_on=date(2025, 1, 1), ends_on=date(2025, 12, 31),
                               version=0, quarterly=True, half_yearly=False, yearly=False, cutoff_day=20)
    assert ReportingSchedule.objects.get(plan=world.plan).cutoff_day == kept.cutoff_day
