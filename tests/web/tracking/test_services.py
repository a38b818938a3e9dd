from datetime import UTC, date, datetime

import pytest
from django.core.exceptions import PermissionDenied

from trienkhai_web.audit.models import AuditEntry
from trienkhai_web.errors import Conflict, UserError
from trienkhai_web.tracking import services
from trienkhai_web.tracking.models import Notification, ReportingPeriod, ReportStatus, ReviewEvent

NOW = datetime(2025, 6, 16, 9, 0, tzinfo=UTC)
pytestmark = pytest.mark.django_db


def fill(world, user, report, late_explanation=True):
    for i, task in enumerate(world.tasks):
        status = "cham_tien_do" if i == 0 else "hoan_thanh"
        report = services.save_field(user, report, version=report.version, kind="progress", object_id=task.pk,
                                     field="status", value=status, now=NOW)
    if late_explanation:
        report = services.save_field(user, report, version=report.version, kind="progress", object_id=world.tasks[0].pk,
                                     field="explanation", value="Thiếu kinh phí", now=NOW)
    return services.save_field(user, report, version=report.version, kind="indicator", object_id=world.target.pk,
                               field="value", value="92,5", now=NOW)


def test_schedule_creates_periods_with_working_day_deadlines(world):
    codes = list(ReportingPeriod.objects.filter(plan=world.plan).values_list("code", flat=True))
    assert codes == ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]
    q2 = world.period
    assert q2.cutoff == date(2025, 6, 14) and q2.unit_deadline == date(2025, 6, 17)  # Sat 14 → Tue 17 (2nd wd)
    assert q2.compile_deadline > q2.unit_deadline


def test_autosave_bumps_version_and_conflict_is_explained(world):
    report = services.open_report(world.period, world.unit)
    v1 = report.version
    report = services.save_field(world.reporter, report, version=v1, kind="progress", object_id=world.tasks[1].pk,
                                 field="results", value="Đã tổ chức 3 hội nghị", now=NOW)
    assert report.version == v1 + 1
    with pytest.raises(Conflict) as error:
        services.save_field(world.head, report, version=v1, kind="progress", object_id=world.tasks[1].pk,
                            field="results", value="Bản khác", now=NOW)
    assert "phong_vien" in error.value.message or "Người dùng" in error.value.message
    assert "Đã tổ chức 3 hội nghị" in error.value.message
    report.refresh_from_db()
    assert report.progress.get(task=world.tasks[1]).results == "Đã tổ chức 3 hội nghị"


def test_bad_number_changes_nothing(world):
    report = services.open_report(world.period, world.unit)
    with pytest.raises(UserError):
        services.save_field(world.reporter, report, version=report.version, kind="indicator", object_id=world.target.pk,
                            field="value", value="chín mươi", now=NOW)
    report.refresh_from_db()
    assert report.version == 1 and not report.indicator_values.exists()


def test_outsider_cannot_edit(world):
    report = services.open_report(world.period, world.unit)
    with pytest.raises(PermissionDenied):
        services.save_field(world.other, report, version=report.version, kind="progress", object_id=world.tasks[0].pk,
                            field="results", value="x", now=NOW)


def test_submit_requires_status_and_explanation_and_head(world):
    report = services.open_report(world.period, world.unit)
    report = fill(world, world.reporter, report, late_explanation=False)
    with pytest.raises(PermissionDenied):
        services.submit(world.reporter, report, version=report.version, now=NOW)
    with pytest.raises(UserError) as error:
        services.submit(world.head, report, version=report.version, now=NOW)
    assert any("giải trình" in p or "explanation" in p for p in error.value.problems)
    report = services.save_field(world.reporter, report, version=report.version, kind="progress",
                                 object_id=world.tasks[0].pk, field="explanation", value="Thiếu kinh phí", now=NOW)
    report = services.submit(world.head, report, version=report.version, now=NOW)
    assert report.status == ReportStatus.SUBMITTED and report.first_submitted_at == NOW
    assert Notification.objects.filter(user=world.monitor).exists()
    with pytest.raises(UserError):
        services.save_field(world.reporter, report, version=report.version, kind="progress", object_id=world.tasks[1].pk,
                            field="results", value="sửa sau khi nộp", now=NOW)


def test_return_accept_reopen_and_changed_since_accepted(world):
    report = fill(world, world.reporter, services.open_report(world.period, world.unit))
    report = services.submit(world.head, report, version=report.version, now=NOW)
    with pytest.raises(UserError):
        services.return_report(world.monitor, report, "  ", version=report.version, now=NOW)
    with pytest.raises(PermissionDenied):
        services.accept(world.other, report, version=report.version, now=NOW)
    report = services.return_report(world.monitor, report, "Bổ sung số liệu", version=report.version, now=NOW)
    assert report.status == ReportStatus.RETURNED
    assert Notification.objects.filter(user=world.reporter, text__contains="Bổ sung số liệu").exists()
    report = services.submit(world.head, report, version=report.version, now=NOW)
    assert report.first_submitted_at == NOW  # timeliness counts the first submission
    report = services.accept(world.parent_head, report, version=report.version, now=NOW)  # the parent unit's head may review
    assert report.status == ReportStatus.ACCEPTED and not report.changed_since_accepted
    with pytest.raises(UserError):
        services.reopen(world.monitor, report, "", version=report.version, now=NOW)
    report = services.reopen(world.monitor, report, "Số liệu chỉ tiêu sai", version=report.version, now=NOW)
    report = services.save_field(world.reporter, report, version=report.version, kind="indicator",
                                 object_id=world.target.pk, field="value", value="80", now=NOW)
    assert report.changed_since_accepted
    actions = list(ReviewEvent.objects.filter(report=report).values_list("action", flat=True))
    assert actions == ["submit", "return", "submit", "accept", "reopen"]
    assert AuditEntry.objects.filter(action="tracking.report.accept").count() == 1


def test_partner_contribution_shows_on_lead_page(world):
    from trienkhai_web.tracking.queries import unit_report_rows

    partner_report = services.open_report(world.period, world.partner)
    services.save_field(world.partner_reporter, partner_report, version=partner_report.version, kind="contribution",
                        object_id=world.tasks[0].pk, field="text", value="Vận động 40 hội viên", now=NOW)
    with pytest.raises(UserError):
        services.save_field(world.partner_reporter, partner_report, version=partner_report.version + 1, kind="contribution",
                            object_id=world.tasks[1].pk, field="text", value="không phải nhiệm vụ phối hợp", now=NOW)
    rows, _targets = unit_report_rows(services.open_report(world.period, world.unit))
    lead_row = next(r for r in rows if r.task == world.tasks[0])
    assert lead_row.partner_contributions == [("Hội Nông dân xã", "Vận động 40 hội viên")]
    assert lead_row.needs_explanation  # due 01/03/2025, before the Q2 cut-off, not done


def test_bulk_accept_skips_non_submitted(world):
    a = fill(world, world.reporter, services.open_report(world.period, world.unit))
    a = services.submit(world.head, a, version=a.version, now=NOW)
    b = services.open_report(world.period, world.partner)
    done = services.bulk_accept(world.monitor, [a, b], versions={a.pk: a.version, b.pk: b.version}, now=NOW)
    assert [r.pk for r in done] == [a.pk]
    b.refresh_from_db()
    assert b.status == ReportStatus.DRAFT


def test_explanation_thread(world):
    request = services.ask_explanation(world.leader, world.tasks[0], world.unit, "Vì sao chậm?", world.period, NOW)
    services.reply_explanation(world.reporter, request, "Do thiếu kinh phí", NOW)
    assert [m.text for m in request.messages.all()] == ["Do thiếu kinh phí"]
    assert Notification.objects.filter(user=world.leader).exists()
    with pytest.raises(PermissionDenied):
        services.ask_explanation(world.reporter, world.tasks[0], world.unit, "?", world.period, NOW)
    with pytest.raises(PermissionDenied):
        services.reply_explanation(world.other, request, "xen vào", NOW)
