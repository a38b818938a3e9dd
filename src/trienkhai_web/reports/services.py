"""What this app writes: a plan's report settings, and each generated report (its history)."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from trienkhai.reports.docx_writer import build_docx
from trienkhai.reports.model import ReviewReportData
from trienkhai.reports.xlsx_writer import build_xlsx
from trienkhai_web.accounts.permissions import can_manage_plan, require
from trienkhai_web.audit.actions import Action
from trienkhai_web.audit.services import record
from trienkhai_web.errors import UserError
from trienkhai_web.locking import lock_first
from trienkhai_web.plans.models import Plan
from trienkhai_web.reports import queries
from trienkhai_web.reports.models import GeneratedReport, ReportSettings
from trienkhai_web.tracking.models import ActivityKind, ReportingPeriod, ReviewActivity

FIELDS = ("superior_body", "issuing_body", "number", "place", "signer_on_behalf_of", "signer_title",
          "signer_name", "recipients")


@transaction.atomic
def save_settings(user: Any, plan: Plan, *, version: int | None, **values: Any) -> ReportSettings:
    """Save the overrides; `version` is the version the user's form was built from (0 = none yet)."""
    require(user, can_manage_plan, plan)
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise UserError(_("Unknown report settings: %(names)s.") % {"names": ", ".join(sorted(unknown))})
    settings = lock_first(ReportSettings.objects.filter(plan=plan), version, conflict=lambda _current: _(
        "Someone else changed the report settings of this plan; reload the page."))
    current = settings.version if settings else 0
    settings = settings or ReportSettings(plan=plan, version=0)
    before = {name: getattr(settings, name) for name in FIELDS}
    recipients = values.get("recipients")
    if recipients is not None:
        values["recipients"] = [line.strip() for line in recipients if line and line.strip()]
    for name, value in values.items():
        setattr(settings, name, value.strip() if isinstance(value, str) else value)
    settings.version = current + 1
    settings.save()
    record(user, Action.REPORT_SETTINGS_SAVE, settings, before=before,
           after={name: getattr(settings, name) for name in FIELDS})
    return settings


def input_fingerprint(data: ReviewReportData) -> str:
    """A hash of everything the report was written from and states (its text, figures and tables): two
    reports with the same fingerprint say the same thing."""
    payload = {
        "body": [[b.kind, b.level, b.text, [[s.text, list(s.sources)] for s in b.sentences]] for b in data.body],
        "figures": data.figures.as_summary() if data.figures else {},
        "targets": [[t.name, t.result, t.assessment.value] for t in data.targets],
        "tasks": [[r.organisation, r.counts] for r in data.tasks_by_status],
        "timeliness": [[r.organisation, str(r.submitted)] for r in data.timeliness],
        "header": [data.issuer.superior, data.issuer.name, data.number_text, data.signer.name, data.recipients],
    }
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False, sort_keys=True, default=str).encode()).hexdigest()


def build_report(plan: Plan, period: ReportingPeriod, *, draft: bool = False,
                 today: date | None = None) -> tuple[ReviewReportData, bytes, bytes]:
    """The one function that makes a report from (plan, period, options): its data, .docx and .xlsx.
    Pages, the command and background jobs all call it (it reads only; `generate_report` keeps it)."""
    data = queries.build_report_data(plan, period, today=today, draft=draft)
    return data, build_docx(data), build_xlsx(data)


@transaction.atomic
def generate_report(user: Any, plan: Plan, period: ReportingPeriod, *, draft: bool = False,
                    today: date | None = None, now: datetime | None = None) -> GeneratedReport:
    """Make the report and keep it in the plan's history (who, when, from which data), audited."""
    require(user, can_manage_plan, plan)
    data, docx, xlsx = build_report(plan, period, draft=draft, today=today)
    kept = GeneratedReport.objects.create(
        plan=plan, period=period, created_by=user if getattr(user, "is_authenticated", False) else None,
        created_at=now or timezone.now(), draft=data.draft, title=data.title[:500],
        input_hash=input_fingerprint(data), summary=data.figures.as_summary() if data.figures else {},
        docx=docx, xlsx=xlsx)
    record(user, Action.REVIEW_REPORT_GENERATE, kept, after={"period": period.code, "draft": data.draft,
                                                             "input_hash": kept.input_hash})
    return kept


@transaction.atomic
def add_own_activity(user: Any, plan: Plan, period: ReportingPeriod, *, kind: str, title: str,
                     held_on: date | None = None, document_number: str = "", participants: int | None = None,
                     count: int = 1) -> ReviewActivity:
    """The monitoring body's own leadership work in the period (the review's section I), entered by it."""
    require(user, can_manage_plan, plan)
    if plan.monitoring_body_id is None:
        raise UserError(_("This plan has no monitoring body."))
    if kind not in ActivityKind.values:
        raise UserError(_("Unknown kind of activity."))
    if not title.strip():
        raise UserError(_("Say what the activity was."))
    activity = ReviewActivity.objects.create(
        period=period, organisation_id=plan.monitoring_body_id, kind=kind, title=title.strip(), held_on=held_on,
        document_number=document_number.strip(), participants=participants, count=max(1, count or 1),
        created_by=user if getattr(user, "is_authenticated", False) else None)
    record(user, Action.REVIEW_ACTIVITY_SAVE, activity, after={"kind": kind, "title": activity.title})
    return activity


@transaction.atomic
def remove_own_activity(user: Any, plan: Plan, activity: ReviewActivity) -> None:
    require(user, can_manage_plan, plan)
    if activity.organisation_id != plan.monitoring_body_id or activity.period.plan_id != plan.pk:
        raise UserError(_("This activity is not the monitoring body's own."))
    record(user, Action.REVIEW_ACTIVITY_SAVE, activity, before={"title": activity.title}, after={})
    activity.delete()
