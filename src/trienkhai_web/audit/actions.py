"""Every action the audit trail records, as one enum: the stored code and the words a user reads.

Services pass a member to `audit.services.record()`; a plain string is refused there, so a new action
cannot appear without its Vietnamese label (the translations check covers the labels).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Action(models.TextChoices):
    LOGIN_LOCKED_OUT = "accounts.login.locked_out", _("login blocked after wrong passwords")
    ORGANISATION_CREATE = "organisation.create", _("organisation created")
    ORGANISATION_UPDATE = "organisation.update", _("organisation edited")
    ORGANISATION_END = "organisation.end", _("organisation ended")
    ORGANISATION_SUCCESSORS = "organisation.successors", _("successors set")
    ORGANISATION_ALIAS_ADD = "organisation.alias_add", _("alias added")
    ORGANISATION_ALIAS_REMOVE = "organisation.alias_remove", _("alias removed")
    PLAN_IMPORT = "plan.import", _("document imported")
    PLAN_DRAFT_EDIT = "plan.draft.edit", _("draft item edited")
    PLAN_DRAFT_DELETE = "plan.draft.delete", _("draft item deleted")
    PLAN_DRAFT_ADD = "plan.draft.add", _("draft item added")
    PLAN_DRAFT_SPLIT = "plan.draft.split", _("draft item split")
    PLAN_DRAFT_MERGE = "plan.draft.merge", _("draft items merged")
    PLAN_AGENCY_MAP = "plan.agency.map", _("agency name mapped")
    PLAN_PUBLISH = "plan.publish", _("plan published")
    TASK_ASSIGNMENT_UPDATE = "task.assignment.update", _("assignment changed")
    REPORT_SETTINGS_SAVE = "reports.settings.save", _("report settings saved")
    SCHEDULE_SAVE = "tracking.schedule.save", _("reporting schedule saved")
    REPORT_OPEN = "tracking.report.open", _("unit report opened")
    REPORT_EDIT = "tracking.report.edit", _("unit report edited")
    REPORT_SUBMIT = "tracking.report.submit", _("unit report submitted")
    REPORT_ACCEPT = "tracking.report.accept", _("unit report accepted")
    REPORT_RETURN = "tracking.report.return", _("unit report returned")
    REPORT_REOPEN = "tracking.report.reopen", _("unit report reopened")
    REMINDER_DUE_SOON = "tracking.reminder.due_soon", _("reminder sent")
    REMINDER_OVERDUE = "tracking.reminder.overdue", _("overdue notice sent")
    REMINDER_ESCALATION = "tracking.reminder.escalation", _("escalated to the monitoring body")
    EXPLANATION_ASK = "tracking.explanation.ask", _("explanation requested")
    EXPLANATION_REPLY = "tracking.explanation.reply", _("explanation given")
    JOB_START = "jobs.start", _("background job started")
    JOB_CANCEL = "jobs.cancel", _("background job cancelled")


# Codes written by earlier versions, shown with the label of the action they became.
LEGACY_CODES = {"organisation.alias.add": Action.ORGANISATION_ALIAS_ADD}


def action_label(code: str) -> str:
    """The words for a stored code; an unknown code (never written by this version) is shown as stored."""
    member = LEGACY_CODES.get(code)
    if member is None:
        try:
            member = Action(code)
        except ValueError:
            return code
    return str(member.label)
