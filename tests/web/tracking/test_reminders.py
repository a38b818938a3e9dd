from datetime import UTC, datetime

import pytest
from django.core import mail
from django.core.management import call_command

from tests.web.tracking import failing_mail
from trienkhai_web.tracking import services
from trienkhai_web.tracking.models import Delivery, Notification, ReminderLog

pytestmark = pytest.mark.django_db
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"
FAILING = "tests.web.tracking.failing_mail.EmailBackend"


@pytest.fixture
def addresses(world, settings):
    settings.SITE_URL = "https://trienkhai.tinhuy.example.vn"
    settings.EMAIL_BACKEND = LOCMEM
    settings.REMINDER_RETRY_MINUTES = 30
    settings.REMINDER_MAX_ATTEMPTS = 3
    world.unit.email = "chibo@example.vn"
    world.unit.save()
    world.partner.email = "hoind@example.vn"
    world.partner.save()
    failing_mail.EmailBackend.attempts = 0
    return world


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
    assert set(q2.values_list("delivery", flat=True)) <= {Delivery.SENT, Delivery.NO_ADDRESS}
    assert not q2.filter(sent_at__isnull=True).exists()


def test_email_links_are_absolute(addresses, settings):
    run("2025-06-15T08:00:00")
    message = next(m for m in mail.outbox if "chibo@example.vn" in m.to)
    url = f"https://trienkhai.tinhuy.example.vn/theo-doi/ke-hoach/{addresses.plan.pk}/don-vi/{addresses.unit.pk}/"
    assert url in message.body, message.body
    assert "Báo cáo" in message.subject or "nhắc" in message.subject.lower()


def test_failed_email_is_logged_not_sent_then_retried_with_backoff(addresses, settings):
    world = addresses
    settings.EMAIL_BACKEND = FAILING
    run("2025-06-15T08:00:00")
    row = ReminderLog.objects.get(period=world.period, organisation=world.unit, kind="due_soon")
    assert (row.delivery, row.attempts, row.sent_at) == (Delivery.PENDING, 1, None)
    assert "SMTPServerDisconnected" in row.last_error and not mail.outbox
    q2_notices = Notification.objects.filter(user=world.reporter, text__contains="Quý II/2025")
    assert q2_notices.count() == 1  # the in-app notice went out with the row
    tried = failing_mail.EmailBackend.attempts
    # Ten minutes later the retry is not due yet (30 minutes after the first failure).
    run("2025-06-15T08:10:00")
    row.refresh_from_db()
    assert row.attempts == 1 and failing_mail.EmailBackend.attempts == tried
    # The relay is back: the next due run sends it, once, and only the e-mail (no second notice).
    settings.EMAIL_BACKEND = LOCMEM
    run("2025-06-15T08:31:00")
    row.refresh_from_db()
    assert (row.delivery, row.attempts, row.last_error) == (Delivery.SENT, 2, "")
    assert row.sent_at is not None
    assert _mails(world.unit, "2025-Q2") == 1
    assert q2_notices.count() == 1
    run("2025-06-15T09:31:00")
    run("2025-06-16T08:00:00")
    assert _mails(world.unit, "2025-Q2") == 1


def _mails(organisation, code: str) -> int:
    return sum(1 for m in mail.outbox if organisation.email in m.to and code in m.body)


def test_attempts_are_capped_and_the_wait_doubles(addresses, settings):
    world = addresses
    settings.EMAIL_BACKEND = FAILING
    run("2025-06-15T08:00:00")  # attempt 1; next after 30 min
    run("2025-06-15T08:31:00")  # attempt 2; next after 60 min
    row = ReminderLog.objects.get(period=world.period, organisation=world.unit, kind="due_soon")
    assert row.attempts == 2
    run("2025-06-15T09:00:00")  # 29 minutes after attempt 2: not due
    row.refresh_from_db()
    assert row.attempts == 2
    run("2025-06-15T09:32:00")  # attempt 3 = REMINDER_MAX_ATTEMPTS: given up
    row.refresh_from_db()
    assert (row.delivery, row.attempts, row.next_attempt_at, row.sent_at) == (Delivery.FAILED, 3, None, None)
    run("2025-06-16T12:00:00")
    row.refresh_from_db()
    assert row.attempts == 3


def test_manual_reminder_whose_email_failed_is_retried_by_the_cron_run(addresses, settings, client):
    world = addresses
    settings.EMAIL_BACKEND = FAILING
    client.force_login(world.monitor)
    response = client.post(f"/theo-doi/ke-hoach/{world.plan.pk}/nhac/{world.unit.pk}/", {"period": world.period.pk},
                           follow=True)
    assert "không gửi được" in response.content.decode()
    manual = ReminderLog.objects.get(manual=True)
    assert manual.delivery == Delivery.PENDING and manual.attempts == 1
    settings.EMAIL_BACKEND = LOCMEM
    call_command("send_reminders", "--now", (manual.next_attempt_at.isoformat()))
    manual.refresh_from_db()
    assert manual.delivery == Delivery.SENT and any("chibo@example.vn" in m.to for m in mail.outbox)


def test_no_address_is_an_in_app_reminder_only(world, settings):
    settings.EMAIL_BACKEND = LOCMEM
    run("2025-06-15T08:00:00")
    rows = ReminderLog.objects.filter(period=world.period)
    assert rows.exists() and set(rows.values_list("delivery", flat=True)) == {Delivery.NO_ADDRESS}
    assert not mail.outbox and not rows.filter(sent_at__isnull=True).exists()


def test_bad_now_is_refused(world):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="không hợp lệ"):
        run("hôm qua")
