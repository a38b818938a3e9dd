from datetime import UTC, datetime

import pytest
from django.core import mail
from django.core.management import call_command

from trienkhai_web.tracking import services
from trienkhai_web.tracking.models import Notification, ReminderLog

pytestmark = pytest.mark.django_db


def run(now: str) -> None:
    call_command("send_reminders", "--now", now)


def test_due_soon_overdue_and_escalation_idempotent(world):
    world.unit.email = "chibo@example.vn"
    world.unit.save()
    world.reporter.email = "phongvien@example.vn"
    world.reporter.save()
    # Q2's units' deadline is 17/06/2025; reminders start 3 days before.
    run("2025-06-01T08:00:00")
    assert not ReminderLog.objects.filter(period=world.period).exists()
    run("2025-06-15T08:00:00")
    logs = set(ReminderLog.objects.filter(period=world.period).values_list("organisation_id", "kind"))
    assert logs == {(world.unit.pk, "due_soon"), (world.partner.pk, "due_soon")}
    assert any("chibo@example.vn" in m.to for m in mail.outbox)
    sent = len(mail.outbox)
    run("2025-06-15T09:00:00")
    assert len(mail.outbox) == sent and ReminderLog.objects.filter(period=world.period).count() == 2
    # The unit submits; only the partner is overdue, then escalated after 3 more days.
    report = services.open_report(world.period, world.unit)
    for task in world.tasks:
        report = services.save_field(world.reporter, report, version=report.version, kind="progress", object_id=task.pk,
                                     field="status", value="hoan_thanh")
    services.submit(world.head, report, version=report.version, now=datetime(2025, 6, 16, tzinfo=UTC))
    run("2025-06-18T08:00:00")
    q2 = ReminderLog.objects.filter(period=world.period)
    assert list(q2.filter(kind="overdue").values_list("organisation_id", flat=True)) == [world.partner.pk]
    assert not q2.filter(kind="escalation").exists()
    run("2025-06-21T08:00:00")
    escalation = q2.get(kind="escalation")
    assert escalation.organisation == world.partner and "dang_uy_xa" in escalation.recipients
    assert Notification.objects.filter(user=world.parent_head, text__contains="Hội Nông dân xã").exists()
    total = ReminderLog.objects.count()
    run("2025-06-21T09:00:00")
    assert ReminderLog.objects.count() == total and q2.count() == 4


def test_bad_now_is_refused(world):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="không hợp lệ"):
        run("hôm qua")
