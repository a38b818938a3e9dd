"""The unit's and the reviewer's working day: who submits, hand-off, late submission with its reason,
resubmission with what changed, notices to the right people (in the app and by e-mail), bulk review only on
reports opened or ticked, reminders to all late units once per interval, evidence per task."""

import re
from datetime import UTC, date, datetime, timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from tests.web.factories import TaskFactory, assign
from trienkhai_web.audit.models import AuditEntry
from trienkhai_web.errors import UserError
from trienkhai_web.tracking import reminders, services
from trienkhai_web.tracking.models import (
    Evidence,
    Notification,
    ReminderLog,
    ReportOpening,
    ReportStatus,
    UnitReport,
    UnitSettings,
)

pytestmark = pytest.mark.django_db
ON_TIME = datetime(2025, 6, 16, 9, 0, tzinfo=UTC)  # Q2's units' deadline is 17/06/2025
LATE = datetime(2025, 6, 25, 9, 0, tzinfo=UTC)  # 8 days after it
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def prepared(world, organisation=None, user=None, now=ON_TIME):
    """A report of the world's unit with every led task given a status (and the late one explained)."""
    organisation = organisation or world.unit
    user = user or world.reporter
    report = services.open_report(world.period, organisation)
    for i, task in enumerate(world.tasks):
        report = services.save_field(user, report, version=report.version, kind="progress", object_id=task.pk,
                                     field="status", value="cham_tien_do" if i == 0 else "hoan_thanh", now=now)
    return services.save_field(user, report, version=report.version, kind="progress", object_id=world.tasks[0].pk,
                               field="explanation", value="Thiếu kinh phí", now=now)


def texts(user):
    return [n.text for n in Notification.objects.filter(user=user)]


def with_emails(world):
    for user, address in [(world.monitor, "bdv@example.vn"), (world.head, "bithu@example.vn"),
                          (world.reporter, "pv@example.vn"), (world.parent_head, "dangüy@example.vn")]:
        user.email = address
        user.save()


# ---- who submits, hand-off ------------------------------------------------------------------------

def test_the_reporter_prepares_and_the_head_submits_unless_the_unit_lets_the_reporter(world):
    report = prepared(world)
    with pytest.raises(PermissionDenied):
        services.submit(world.reporter, report, version=report.version, now=ON_TIME)
    services.save_unit_settings(world.head, world.unit, reporter_submits=True, version=0)
    with pytest.raises(PermissionDenied):  # only the unit's head decides
        services.save_unit_settings(world.reporter, world.unit, reporter_submits=False, version=1)
    report = services.submit(world.reporter, report, version=report.version, now=ON_TIME)
    assert report.status == ReportStatus.SUBMITTED
    assert AuditEntry.objects.filter(action="tracking.unit_settings.save").count() == 1
    assert UnitSettings.objects.get(organisation=world.unit).reporter_submits


def test_hand_off_tells_the_unit_head_only(world, django_capture_on_commit_callbacks):
    with_emails(world)
    report = prepared(world)
    with django_capture_on_commit_callbacks(execute=True):
        report = services.hand_off(world.reporter, report, version=report.version, note="Anh xem giúp", now=ON_TIME)
    assert report.handed_off_at == ON_TIME and report.handed_off_by == world.reporter
    [notice] = texts(world.head)
    assert "chuẩn bị báo cáo Quý II/2025" in notice and "Anh xem giúp" in notice
    assert texts(world.reporter) == [] and texts(world.monitor) == []
    assert [m.to for m in mail.outbox] == [["bithu@example.vn"]]
    assert report.events.get(action="handoff").actor == world.reporter
    with pytest.raises(PermissionDenied):
        services.hand_off(world.partner_reporter, report, version=report.version)


# ---- late submission, notices ---------------------------------------------------------------------

def test_a_late_submission_needs_its_reason_which_the_reviewers_read(world, django_capture_on_commit_callbacks):
    with_emails(world)
    report = prepared(world, now=LATE)
    with pytest.raises(UserError) as refused:
        services.submit(world.head, report, version=report.version, now=LATE)
    assert "muộn 8 ngày" in refused.value.message
    assert UnitReport.objects.get(pk=report.pk).status == ReportStatus.DRAFT
    with django_capture_on_commit_callbacks(execute=True):
        report = services.submit(world.head, report, version=report.version, late_reason="Chờ số liệu xã", now=LATE)
    assert report.late_reason == "Chờ số liệu xã" and services.days_late(report) == 8
    # The reviewers: the plan's monitoring body and the head of the unit's parent; not the unit, not others.
    for reviewer in (world.monitor, world.parent_head):
        assert texts(reviewer) == ["Chi bộ ấp 1 đã nộp báo cáo Quý II/2025, muộn 8 ngày."]
    assert texts(world.head) == texts(world.reporter) == texts(world.leader) == texts(world.other) == []
    assert sorted(mail.outbox[0].to) == ["bdv@example.vn", "dangüy@example.vn"]
    assert "Quý II/2025" in mail.outbox[0].subject and "/theo-doi/bao-cao/" in mail.outbox[0].body


def test_on_time_no_reason_is_asked(world):
    report = services.submit(world.head, prepared(world), version=prepared(world).version, now=ON_TIME)
    assert report.status == ReportStatus.SUBMITTED and report.late_reason == ""


def test_return_resubmit_marks_it_and_shows_what_changed(world, django_capture_on_commit_callbacks):
    with_emails(world)
    report = prepared(world)
    report = services.submit(world.head, report, version=report.version, now=ON_TIME)
    with django_capture_on_commit_callbacks(execute=True):
        report = services.return_report(world.monitor, report, "Bổ sung kết quả", version=report.version, now=ON_TIME)
    assert "bị trả lại: Bổ sung kết quả" in texts(world.reporter)[0] and texts(world.head)
    assert {tuple(m.to) for m in mail.outbox} == {("bithu@example.vn", "pv@example.vn")}
    task = world.tasks[1].pk
    report = services.save_field(world.reporter, report, version=report.version, kind="progress", object_id=task,
                                 field="results", value="Tổ chức 3 hội nghị", now=LATE)
    report = services.save_field(world.reporter, report, version=report.version, kind="progress", object_id=task,
                                 field="status", value="dang_trien_khai", now=LATE)
    Notification.objects.all().delete()
    # Resubmitting after the deadline asks no reason: the first submission was on time.
    report = services.submit(world.head, report, version=report.version, now=LATE)
    assert report.resubmitted and report.late_reason == ""
    assert texts(world.monitor) == ["Chi bộ ấp 1 đã nộp lại báo cáo Quý II/2025 sau khi bị trả lại."]
    changes = {c.label: (c.before, c.after) for c in services.changes_since_return(report)}
    no = world.tasks[1].no or world.tasks[1].content[:40]
    assert changes == {f"Kết quả — {no}": ("", "Tổ chức 3 hội nghị"),
                       f"Trạng thái — {no}": ("Hoàn thành", "Đang triển khai")}
    report = services.accept(world.monitor, report, version=report.version, now=LATE)
    assert "đã được duyệt" in texts(world.head)[0]


def test_explanations_notify_both_ways(world, django_capture_on_commit_callbacks):
    with_emails(world)
    with django_capture_on_commit_callbacks(execute=True):
        thread = services.ask_explanation(world.monitor, world.tasks[0], world.unit, "Vì sao chậm?", world.period,
                                          now=ON_TIME)
    assert "Vì sao chậm?" in texts(world.head)[0] and texts(world.reporter)
    services.reply_explanation(world.reporter, thread, "Thiếu kinh phí", now=ON_TIME)
    assert "Chi bộ ấp 1 trả lời" in texts(world.monitor)[0] or "Thiếu kinh phí" in texts(world.monitor)[0]
    Notification.objects.all().delete()
    services.reply_explanation(world.monitor, thread, "Đề nghị nêu số liệu", now=ON_TIME)
    assert texts(world.reporter) and texts(world.head) and not texts(world.monitor)
    assert len(mail.outbox) == 1  # the question went by e-mail to the unit's two people


# ---- bulk review ----------------------------------------------------------------------------------

def two_submitted(world):
    a = prepared(world)
    a = services.submit(world.head, a, version=a.version, now=ON_TIME)
    b = services.open_report(world.period, world.partner)
    b = services.save_field(world.partner_reporter, b, version=b.version, kind="contribution",
                            object_id=world.tasks[0].pk, field="text", value="Phối hợp", now=ON_TIME)
    partner_head = __import__("tests.web.factories", fromlist=["user_with_role"]).user_with_role(
        "unit_head", world.partner, "chu_tich_hoi")
    b = services.submit(partner_head, b, version=b.version, now=ON_TIME)
    return a, b


def test_select_all_acts_only_on_reports_the_reviewer_opened(world):
    a, b = two_submitted(world)
    services.mark_opened(world.monitor, a, now=ON_TIME + timedelta(hours=1))
    outcome = services.bulk_review(world.monitor, [a, b], "accept", ticked=set(), select_all=True,
                                   versions={a.pk: a.version, b.pk: b.version}, now=ON_TIME)
    assert [r.pk for r in outcome.done] == [a.pk] and outcome.not_opened == 1
    assert UnitReport.objects.get(pk=b.pk).status == ReportStatus.SUBMITTED
    # Ticked one by one it is acted on, opened or not.
    outcome = services.bulk_review(world.monitor, [b], "accept", ticked={b.pk}, select_all=False,
                                   versions={b.pk: b.version}, now=ON_TIME)
    assert [r.pk for r in outcome.done] == [b.pk]


def test_an_opening_before_the_resubmission_does_not_count(world):
    a, _b = two_submitted(world)
    services.mark_opened(world.monitor, a, now=ON_TIME + timedelta(hours=1))
    a = services.return_report(world.monitor, a, "Sửa lại", version=a.version, now=ON_TIME + timedelta(hours=2))
    a = services.submit(world.head, a, version=a.version, now=ON_TIME + timedelta(hours=3))
    outcome = services.bulk_review(world.monitor, [a], "accept", ticked=set(), select_all=True,
                                   versions={a.pk: a.version}, now=ON_TIME + timedelta(hours=4))
    assert outcome.done == [] and outcome.not_opened == 1


def test_bulk_return_needs_a_reason_and_the_right_reviewer(world):
    a, b = two_submitted(world)
    with pytest.raises(UserError):
        services.bulk_review(world.monitor, [a, b], "return", ticked={a.pk, b.pk}, select_all=False, versions={})
    with pytest.raises(PermissionDenied):
        services.bulk_review(world.leader, [a], "accept", ticked={a.pk}, select_all=False, versions={})
    with pytest.raises(PermissionDenied):
        services.mark_opened(world.head, a)
    outcome = services.bulk_review(world.monitor, [a, b], "return", ticked={a.pk, b.pk}, select_all=False,
                                   versions={a.pk: a.version, b.pk: b.version}, comment="Thiếu số liệu", now=ON_TIME)
    assert {r.status for r in outcome.done} == {ReportStatus.RETURNED}
    a = outcome.done[0]
    outcome = services.bulk_review(world.monitor, [a], "reopen", ticked={a.pk}, select_all=False,
                                   versions={a.pk: a.version}, comment="x")
    assert outcome.done == [] and outcome.other_state == 1


def test_opening_is_recorded_by_a_post_not_by_the_page(world, client):
    a, _b = two_submitted(world)
    client.force_login(world.monitor)
    assert client.get(f"/theo-doi/bao-cao/{a.pk}/").status_code == 200
    assert not ReportOpening.objects.exists()
    assert client.post(f"/theo-doi/bao-cao/{a.pk}/da-mo/").status_code == 204
    assert ReportOpening.objects.get().user == world.monitor
    client.force_login(world.reporter)
    assert client.post(f"/theo-doi/bao-cao/{a.pk}/da-mo/").status_code == 403


# ---- reminders to all late units ------------------------------------------------------------------

@override_settings(REMINDER_REPEAT_HOURS=24)
def test_remind_all_late_units_once_per_interval(world, django_capture_on_commit_callbacks):
    world.unit.email, world.partner.email = "chibo@example.vn", "hoind@example.vn"
    world.unit.save()
    world.partner.save()
    first = reminders.remind_late(world.period, LATE, user=world.monitor)
    assert sorted(o.name for o in first.sent) == ["Chi bộ ấp 1", "Hội Nông dân xã"] and first.recent == []
    assert len(mail.outbox) == 2
    assert "Quá hạn" in texts(world.reporter)[0] and "Quý II/2025" in texts(world.reporter)[0]
    again = reminders.remind_late(world.period, LATE + timedelta(minutes=5), user=world.monitor)
    assert again.sent == [] and {o.name for o, _at in again.recent} == {"Chi bộ ấp 1", "Hội Nông dân xã"}
    assert len(mail.outbox) == 2 and ReminderLog.objects.count() == 2
    assert ReminderLog.objects.filter(sent_by=world.monitor, manual=True).count() == 2
    later = reminders.remind_late(world.period, LATE + timedelta(hours=25), user=world.monitor)
    assert len(later.sent) == 2 and ReminderLog.objects.count() == 4


def test_remind_all_skips_units_that_reported_and_refuses_the_leader(world):
    report = prepared(world)
    services.submit(world.head, report, version=report.version, now=ON_TIME)
    outcome = reminders.remind_late(world.period, LATE, user=world.monitor)
    assert [o.name for o in outcome.sent] == ["Hội Nông dân xã"]
    with pytest.raises(PermissionDenied):
        reminders.remind_late(world.period, LATE, user=world.leader)
    with pytest.raises(PermissionDenied):
        reminders.remind_late(world.period, LATE, user=world.head)


def test_remind_all_view_and_its_log_in_the_grid(world, client):
    client.force_login(world.monitor)
    response = client.post(f"/theo-doi/ke-hoach/{world.plan.pk}/nhac-tat-ca/", {"period": world.period.pk},
                           follow=True)
    assert "Đã gửi lời nhắc đến 2 đơn vị" in response.content.decode()
    response = client.post(f"/theo-doi/ke-hoach/{world.plan.pk}/nhac-tat-ca/", {"period": world.period.pk},
                           follow=True)
    page = response.content.decode()
    assert "đã được nhắc lúc" in page and "không nhắc lại" in page and "đã nhắc lúc" in page
    client.force_login(world.leader)
    assert client.post(f"/theo-doi/ke-hoach/{world.plan.pk}/nhac-tat-ca/",
                       {"period": world.period.pk}).status_code == 403
    assert client.get(f"/theo-doi/ke-hoach/{world.plan.pk}/luoi-duyet/").status_code == 403


# ---- evidence per task ----------------------------------------------------------------------------

def test_evidence_per_task(world, client):
    report = services.open_report(world.period, world.unit)
    before = UnitReport.objects.get(pk=report.pk).content_hash
    evidence = services.attach_evidence(world.reporter, report, None, None, SimpleUploadedFile("Biên bản.pdf", PDF),
                                        task=world.tasks[0])
    assert evidence.task == world.tasks[0] and evidence.report_id == report.pk and evidence.value is None
    assert UnitReport.objects.get(pk=report.pk).content_hash != before
    foreign = TaskFactory(plan=world.plan)
    assign(foreign, world.partner)
    with pytest.raises(UserError):
        services.attach_evidence(world.reporter, report, None, None, SimpleUploadedFile("a.pdf", PDF), task=foreign)
    with pytest.raises(UserError):  # the same checks as for an indicator's files
        services.attach_evidence(world.reporter, report, None, None, SimpleUploadedFile("a.pdf", b"MZ\x90"),
                                 task=world.tasks[0])
    client.force_login(world.reporter)
    response = client.post(f"/theo-doi/bao-cao/{report.pk}/minh-chung-nhiem-vu/{world.tasks[1].pk}/",
                           {"evidence": SimpleUploadedFile("Kế hoạch.pdf", PDF)}, follow=True)
    assert "Kế hoạch.pdf" in response.content.decode()
    assert Evidence.objects.filter(task=world.tasks[1]).count() == 1
    client.force_login(world.other)
    assert client.get(f"/theo-doi/minh-chung/{evidence.pk}/").status_code == 403
    client.force_login(world.monitor)
    assert client.get(f"/theo-doi/minh-chung/{evidence.pk}/").status_code == 200
    services.remove_evidence(world.reporter, evidence)
    assert not Evidence.objects.filter(pk=evidence.pk).exists()


# ---- autosave: a save of an unchanged value, a conflict mark --------------------------------------

def test_saving_the_same_value_again_changes_nothing(world):
    report = services.open_report(world.period, world.unit)
    report = services.save_field(world.reporter, report, version=report.version, kind="progress",
                                 object_id=world.tasks[0].pk, field="results", value="A", seen="")
    edits = AuditEntry.objects.filter(action="tracking.report.edit").count()
    again = services.save_field(world.reporter, report, version=report.version, kind="progress",
                                object_id=world.tasks[0].pk, field="results", value="A", seen="A")
    assert again.version == report.version
    assert AuditEntry.objects.filter(action="tracking.report.edit").count() == edits


def test_conflict_mark_beside_the_field_shows_their_value(world, client):
    report = services.open_report(world.period, world.unit)
    services.save_field(world.reporter, report, version=report.version, kind="progress",
                        object_id=world.tasks[0].pk, field="results", value="Bản của phóng viên", seen="")
    client.force_login(world.head)
    field = f"results-{world.tasks[0].pk}"
    response = client.post(f"/theo-doi/bao-cao/{report.pk}/luu/", {
        "kind": "progress", "object": world.tasks[0].pk, "field": "results", "value": "Bản của bí thư",
        "seen": "", "version": report.version}, HTTP_HX_TRIGGER=field)
    page = response.content.decode()
    assert response.status_code == 409
    assert f'id="mark-{field}"' in page and 'hx-swap-oob="true"' in page
    assert "Bản của phóng viên" in page and "Giữ của tôi" in page and "Lấy của người kia" in page
    response = client.post(f"/theo-doi/bao-cao/{report.pk}/luu/", {
        "kind": "progress", "object": world.tasks[0].pk, "field": "results", "value": "Bản của bí thư",
        "seen": "Bản của phóng viên", "version": report.version}, HTTP_HX_TRIGGER=field)
    assert response.status_code == 200 and "Đã lưu" in response.content.decode()
    bad = client.post(f"/theo-doi/bao-cao/{report.pk}/luu/", {
        "kind": "progress", "object": world.tasks[0].pk, "field": "results", "value": "x", "seen": "Bản của bí thư",
        "version": report.version}, HTTP_HX_TRIGGER='"><script>')
    assert "<script>" not in bad.content.decode() and "mark-" not in bad.content.decode()


def test_the_report_page_says_who_acts_next(world, client):
    report = prepared(world)
    client.force_login(world.reporter)
    page = client.get(f"/theo-doi/bao-cao/{report.pk}/").content.decode()
    assert "Người lập báo cáo chuẩn bị, sau đó trưởng đơn vị nộp" in page and "Chuyển trưởng đơn vị" in page
    assert 'id="submit-report"' not in page and "Đã điền" in page
    client.post(f"/theo-doi/bao-cao/{report.pk}/chuyen-truong-don-vi/", {"version": report.version})
    page = client.get(f"/theo-doi/bao-cao/{report.pk}/").content.decode()
    assert "Báo cáo đang chờ trưởng đơn vị nộp" in page
    client.force_login(world.head)
    page = client.get(f"/theo-doi/bao-cao/{report.pk}/").content.decode()
    assert 'id="submit-report"' in page and "late-reason-input" in page  # the world's today is past Q2's deadline


def test_submit_view_stores_the_reason(world, client):
    report = prepared(world)
    client.force_login(world.head)
    response = client.post(f"/theo-doi/bao-cao/{report.pk}/nop/", {"version": report.version}, follow=True)
    assert "ghi lý do nộp muộn" in response.content.decode()
    client.post(f"/theo-doi/bao-cao/{report.pk}/nop/", {"version": report.version, "late_reason": "Mưa bão"})
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED and report.late_reason == "Mưa bão"
    client.force_login(world.monitor)
    page = client.get(f"/theo-doi/bao-cao/{report.pk}/").content.decode()
    assert "Lý do nộp muộn" in page and "Mưa bão" in page and "nộp muộn" in page
    assert date.today() > world.period.unit_deadline


# ---- the approval grid ----------------------------------------------------------------------------

def test_the_grid_acts_on_opened_or_ticked_cells_only(world, client):
    a, b = two_submitted(world)
    client.force_login(world.monitor)
    page = client.get(f"/theo-doi/ke-hoach/{world.plan.pk}/luoi-duyet/").content.decode()
    assert "Quý II/2025" in page and "Chi bộ ấp 1" in page and "Hội Nông dân xã" in page and "Đã nộp" in page
    text = re.sub(r"<[^>]+>", " ", page)  # what the user reads
    assert "2025-Q2" not in text and "submitted" not in text
    client.post(f"/theo-doi/bao-cao/{a.pk}/da-mo/")
    response = client.post(f"/theo-doi/ke-hoach/{world.plan.pk}/luoi-duyet/", {
        "action": "accept", "all": "on", f"version-{a.pk}": a.version, f"version-{b.pk}": b.version}, follow=True)
    page = response.content.decode()
    assert "Đã xử lý 1 báo cáo" in page and "1 báo cáo bạn chưa mở được giữ nguyên" in page
    assert UnitReport.objects.get(pk=a.pk).status == ReportStatus.ACCEPTED
    assert UnitReport.objects.get(pk=b.pk).status == ReportStatus.SUBMITTED
    # The parent's head sees the units under it; a unit's reporter and the leader may not open the grid.
    client.force_login(world.parent_head)
    assert "Hội Nông dân xã" in client.get(f"/theo-doi/ke-hoach/{world.plan.pk}/luoi-duyet/").content.decode()
    for user in (world.reporter, world.leader):
        client.force_login(user)
        assert client.get(f"/theo-doi/ke-hoach/{world.plan.pk}/luoi-duyet/").status_code == 403


def test_the_grid_costs_the_same_queries_for_more_units(world, client, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.web.factories import OrganisationFactory

    services.open_report(world.period, world.unit)
    client.force_login(world.monitor)
    url = f"/theo-doi/ke-hoach/{world.plan.pk}/luoi-duyet/"
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for i in range(6):
        unit = OrganisationFactory(name=f"Chi bộ ấp {i + 10}", parent=world.parent)
        assign(world.tasks[1], unit, "partner")
        services.open_report(world.period, unit)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few), " | ".join(q["sql"][:90] for q in many.captured_queries)
