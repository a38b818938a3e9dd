"""Reminders: due soon, overdue, and escalation to the parent body — idempotent through ReminderLog."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from trienkhai_web.accounts.models import Role
from trienkhai_web.audit.actions import Action
from trienkhai_web.audit.services import record
from trienkhai_web.organisations.models import Organisation
from trienkhai_web.plans.models import PlanStatus
from trienkhai_web.tracking import queries
from trienkhai_web.tracking.models import Notification, ReminderKind, ReminderLog, ReportingPeriod


@dataclass
class Outcome:
    sent: int = 0
    skipped: int = 0


def _recipients(organisation_ids: set[int], roles: tuple[str, ...]) -> tuple[list[Any], list[str]]:
    from django.contrib.auth import get_user_model

    users = list(get_user_model().objects.filter(memberships__organisation_id__in=organisation_ids,
                                                 memberships__role__in=roles, is_active=True).distinct())
    emails = {u.email for u in users if u.email}
    emails |= {e for e in Organisation.objects.filter(pk__in=organisation_ids).values_list("email", flat=True) if e}
    return users, sorted(emails)


def send(period: ReportingPeriod, organisation: Organisation, kind: str, now: datetime, *,
         manual: bool = False, user: Any = None) -> bool:
    """Send one reminder (e-mail + in-app) unless it was already sent; True when sent. Written in the
    site's language whatever the language of the page that triggered it."""
    with translation.override(settings.LANGUAGE_CODE):
        return _send(period, organisation, kind, now, manual=manual, user=user)


def _send(period: ReportingPeriod, organisation: Organisation, kind: str, now: datetime, *,
          manual: bool, user: Any) -> bool:
    plan = period.plan
    deadline = period.unit_deadline.strftime("%d/%m/%Y")
    url = reverse("tracking:unit_entry", args=[plan.pk, organisation.pk, period.code])
    if kind == ReminderKind.ESCALATION:
        target_ids = {organisation.parent_id} if organisation.parent_id else set()
        roles: tuple[str, ...] = (Role.UNIT_HEAD,)
        if not target_ids and plan.monitoring_body_id:
            target_ids, roles = {plan.monitoring_body_id}, (Role.MONITOR,)
        text = _("%(unit)s has not submitted its report for %(period)s of “%(plan)s” (deadline %(deadline)s).") % {
            "unit": organisation.name, "period": period.code, "plan": plan.title[:80], "deadline": deadline}
        url = reverse("tracking:dashboard", args=[plan.pk]) + f"?period={period.pk}"
    else:
        target_ids, roles = {organisation.pk}, (Role.UNIT_REPORTER, Role.UNIT_HEAD)
        template = (_("Reminder: the report for %(period)s of “%(plan)s” is due on %(deadline)s.")
                    if kind == ReminderKind.DUE_SOON else
                    _("Overdue: the report for %(period)s of “%(plan)s” was due on %(deadline)s."))
        text = template % {"period": period.code, "plan": plan.title[:80], "deadline": deadline}
    users, emails = _recipients(target_ids, roles)
    try:
        with transaction.atomic():
            log = ReminderLog.objects.create(period=period, organisation=organisation, kind=kind, manual=manual,
                                             recipients=emails + [u.username for u in users], reason=text,
                                             sent_at=now)
            Notification.objects.bulk_create([Notification(user=u, text=text, url=url, created_at=now)
                                              for u in users])
            record(user, Action(f"tracking.reminder.{kind}"), log, after={"recipients": log.recipients})
    except IntegrityError:
        return False  # already sent: the unique (period, organisation, kind) row exists
    if emails:
        send_mail(_("[trienkhai] Report reminder"), f"{text}\n\n{getattr(settings, 'SITE_URL', '')}{url}",
                  None, emails, fail_silently=True)
    return True


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
                if send(period, missing.organisation, kind, now):
                    outcome.sent += 1
                else:
                    outcome.skipped += 1
    return outcome
