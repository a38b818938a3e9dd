"""Reminders: due soon, overdue, and escalation to the parent body — idempotent through ReminderLog.

A reminder is one ReminderLog row per (period, organisation, kind): the in-app notices go out with the
row, once. Its e-mail is sent after the row is committed and counts as sent only when the mail relay
took it; a failure is recorded on the row (`last_error`) and retried by later runs, waiting
REMINDER_RETRY_MINUTES × 2^(attempts − 1), at most REMINDER_MAX_ATTEMPTS times. Before sending, a run
claims the attempt (moves `next_attempt_at` on) in its own transaction, so two runs never send the same
e-mail twice.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from trienkhai_web.accounts.models import Role
from trienkhai_web.accounts.permissions import can_manage_plan, require
from trienkhai_web.audit.actions import Action
from trienkhai_web.audit.services import record
from trienkhai_web.organisations.models import Organisation
from trienkhai_web.plans.models import PlanStatus
from trienkhai_web.tracking import queries
from trienkhai_web.tracking.models import Delivery, Notification, ReminderKind, ReminderLog, ReportingPeriod

log = logging.getLogger(__name__)


@dataclass
class Outcome:
    sent: int = 0  # e-mails that went (or reminders with no address, notified in the app only)
    failed: int = 0  # e-mails that failed this run (retried later unless attempts ran out)
    skipped: int = 0  # already sent, or waiting for its next attempt

    def add(self, result: str) -> None:
        if result in (Delivery.SENT, Delivery.NO_ADDRESS):
            self.sent += 1
        elif result in (Delivery.PENDING, Delivery.FAILED):
            self.failed += 1
        else:
            self.skipped += 1


SKIPPED = "skipped"


def absolute(link: str) -> str:
    """The address of a site-relative link, for e-mails (read outside the site)."""
    return f"{settings.SITE_URL}{link}"


def _recipients(organisation_ids: set[int], roles: tuple[str, ...]) -> tuple[list[Any], list[str]]:
    from django.contrib.auth import get_user_model

    users = list(get_user_model().objects.filter(memberships__organisation_id__in=organisation_ids,
                                                 memberships__role__in=roles, is_active=True).distinct())
    emails = {u.email for u in users if u.email}
    emails |= {e for e in Organisation.objects.filter(pk__in=organisation_ids).values_list("email", flat=True) if e}
    return users, sorted(emails)


def send(period: ReportingPeriod, organisation: Organisation, kind: str, now: datetime, *,
         manual: bool = False, user: Any = None) -> str:
    """Make the reminder (in-app notices once) and send or retry its e-mail when due. Returns the
    delivery state reached by this call (Delivery.*), or SKIPPED when there was nothing to do. Written
    in the site's language whatever the language of the page that triggered it. A `user` sending by
    hand must be one who manages the plan, its monitoring body (the scheduled job passes none): a
    leader reads everything but sends nothing."""
    require(user, can_manage_plan, period.plan)
    with translation.override(settings.LANGUAGE_CODE):
        reminder = _create(period, organisation, kind, now, manual=manual, user=user)
        if reminder is None:
            reminder = ReminderLog.objects.filter(period=period, organisation=organisation, kind=kind,
                                                  manual=False).first()
        return deliver(reminder, now) if reminder is not None else SKIPPED


def _create(period: ReportingPeriod, organisation: Organisation, kind: str, now: datetime, *,
            manual: bool, user: Any) -> ReminderLog | None:
    """The new reminder row with its in-app notices, or None when it exists already."""
    plan = period.plan
    deadline = period.unit_deadline.strftime("%d/%m/%Y")
    url = reverse("tracking:unit_entry", args=[plan.pk, organisation.pk, period.code])
    if kind == ReminderKind.ESCALATION:
        target_ids = {organisation.parent_id} if organisation.parent_id else set()
        roles: tuple[str, ...] = (Role.UNIT_HEAD,)
        if not target_ids and plan.monitoring_body_id:
            target_ids, roles = {plan.monitoring_body_id}, (Role.MONITOR,)
        text = _("%(unit)s has not submitted its report for %(period)s of “%(plan)s” (deadline %(deadline)s).") % {
            "unit": organisation.name, "period": period.title, "plan": plan.title[:80], "deadline": deadline}
        url = reverse("tracking:dashboard", args=[plan.pk]) + f"?period={period.pk}"
    else:
        target_ids, roles = {organisation.pk}, (Role.UNIT_REPORTER, Role.UNIT_HEAD)
        template = (_("Reminder: the report for %(period)s of “%(plan)s” is due on %(deadline)s.")
                    if kind == ReminderKind.DUE_SOON else
                    _("Overdue: the report for %(period)s of “%(plan)s” was due on %(deadline)s."))
        text = template % {"period": period.title, "plan": plan.title[:80], "deadline": deadline}
    users, emails = _recipients(target_ids, roles)
    try:
        with transaction.atomic():
            reminder = ReminderLog.objects.create(
                period=period, organisation=organisation, kind=kind, manual=manual,
                recipients=emails + [u.username for u in users], emails=emails, reason=text, link=url,
                created_at=now, next_attempt_at=now,
                delivery=Delivery.PENDING if emails else Delivery.NO_ADDRESS)
            Notification.objects.bulk_create([Notification(user=u, text=text, url=url, created_at=now)
                                              for u in users])
            record(user, Action(f"tracking.reminder.{kind}"), reminder, after={"recipients": reminder.recipients})
    except IntegrityError:
        return None  # already made: the unique (period, organisation, kind) row exists
    return reminder


def _backoff(attempts: int) -> timedelta:
    return timedelta(minutes=settings.REMINDER_RETRY_MINUTES * 2 ** max(0, attempts - 1))


def _claim(reminder: ReminderLog, now: datetime) -> ReminderLog | None:
    """Take the next attempt of a pending e-mail if it is due: counted and the next one scheduled in the
    same committed step, so a concurrent run sees it as not due and sends nothing."""
    with transaction.atomic():
        row = ReminderLog.objects.select_for_update().filter(pk=reminder.pk).first()
        if row is None or row.delivery != Delivery.PENDING or (row.next_attempt_at and row.next_attempt_at > now):
            return None
        row.attempts += 1
        row.next_attempt_at = now + _backoff(row.attempts)
        row.save(update_fields=["attempts", "next_attempt_at"])
        return row


def deliver(reminder: ReminderLog, now: datetime) -> str:
    """Send the reminder's e-mail if it is pending and due; record the outcome on the row."""
    if reminder.delivery == Delivery.NO_ADDRESS and reminder.sent_at is None:
        ReminderLog.objects.filter(pk=reminder.pk, sent_at__isnull=True).update(sent_at=now)
        return Delivery.NO_ADDRESS
    row = _claim(reminder, now)
    if row is None:
        return SKIPPED
    try:
        with translation.override(settings.LANGUAGE_CODE):
            send_mail(_("[trienkhai] Report reminder"), f"{row.reason}\n\n{absolute(row.link)}", None, row.emails,
                      fail_silently=False)
    except Exception as error:  # any relay failure (SMTP, socket, timeout) is recorded and retried
        log.warning("reminder %s: e-mail failed (attempt %d): %s", row.pk, row.attempts, error)
        row.last_error = f"{type(error).__name__}: {error}"[:1000]
        if row.attempts >= settings.REMINDER_MAX_ATTEMPTS:
            row.delivery, row.next_attempt_at = Delivery.FAILED, None
        row.save(update_fields=["last_error", "delivery", "next_attempt_at"])
        return row.delivery
    row.delivery, row.sent_at, row.next_attempt_at, row.last_error = Delivery.SENT, now, None, ""
    row.save(update_fields=["delivery", "sent_at", "next_attempt_at", "last_error"])
    return Delivery.SENT


def retry_due(now: datetime, outcome: Outcome) -> None:
    """Retry every pending e-mail whose next attempt is due (manual reminders included, and those of
    units that have reported since: the e-mail was promised when the row was made)."""
    due = ReminderLog.objects.filter(Q(next_attempt_at__lte=now) | Q(next_attempt_at__isnull=True),
                                     delivery=Delivery.PENDING)
    for reminder in due.order_by("next_attempt_at", "pk"):
        outcome.add(deliver(reminder, now))


def run(now: datetime | None = None, lookback_days: int = 90) -> Outcome:
    """Every reminder due at `now`, for the published plans' periods of the last `lookback_days`."""
    now = now or timezone.now()
    today = timezone.localdate(now) if timezone.is_aware(now) else now.date()
    outcome = Outcome()
    periods = (ReportingPeriod.objects.filter(plan__status=PlanStatus.PUBLISHED,
                                              unit_deadline__gte=today - timedelta(days=lookback_days),
                                              plan__reporting_schedule__isnull=False)
               .select_related("plan__reporting_schedule"))
    for period in periods:
        schedule = period.plan.reporting_schedule
        if today < period.unit_deadline - timedelta(days=schedule.remind_days_before):
            continue
        kinds = [ReminderKind.DUE_SOON] if today <= period.unit_deadline else [ReminderKind.OVERDUE]
        if today > period.unit_deadline + timedelta(days=schedule.escalate_after_days):
            kinds.append(ReminderKind.ESCALATION)
        for missing in queries.unreported_units(period, today):
            for kind in kinds:
                outcome.add(send(period, missing.organisation, kind, now))
    retry_due(now, outcome)
    return outcome
