"""Changing a plan's report settings (the only thing this app writes)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from trienkhai_web.accounts.permissions import can_manage_plan, require
from trienkhai_web.audit.actions import Action
from trienkhai_web.audit.services import record
from trienkhai_web.errors import UserError
from trienkhai_web.locking import lock_first
from trienkhai_web.plans.models import Plan
from trienkhai_web.reports.models import ReportSettings

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
