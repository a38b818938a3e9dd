"""Every action the audit trail records, as one enum: the stored code and the words a user reads.

Services pass a member to `audit.services.record()`; a plain string is refused there, so a new action
cannot appear without its Vietnamese label (the translations check covers the labels).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Action(models.TextChoices):
    LOGIN_LOCKED_OUT = "accounts.login.locked_out", _("login blocked after wrong passwords")
    LOGIN_SECOND_FACTOR_FAILED = "accounts.login.code_wrong", _("wrong sign-in code")
    TWO_FACTOR_ENABLE = "accounts.two_factor.enable", _("two-step sign-in turned on")
    TWO_FACTOR_DISABLE = "accounts.two_factor.disable", _("two-step sign-in turned off")
    TWO_FACTOR_RESET = "accounts.two_factor.reset", _("two-step sign-in reset by the administrator")
    ACCOUNT_CREATE = "accounts.account.create", _("account created")
    ACCOUNT_ROLE_ADD = "accounts.role.add", _("role given")
    ACCOUNT_ROLE_REMOVE = "accounts.role.remove", _("role taken away")
    ACCOUNT_PASSWORD_RESET = "accounts.password.reset", _("password reset")
    ACCOUNT_DEACTIVATE = "accounts.account.deactivate", _("account deactivated")
    ACCOUNT_ACTIVATE = "accounts.account.activate", _("account reactivated")
    ORGANISATION_CREATE = "organisation.create", _("organisation created")
    ORGANISATION_UPDATE = "organisation.update", _("organisation edited")
    ORGANISATION_END = "organisation.end", _("organisation ended")
    ORGANISATION_SUCCESSORS = "organisation.successors", _("successors set")
    ORGANISATION_ALIAS_ADD = "organisation.alias_add", _("alias added")
    ORGANISATION_ALIAS_REMOVE = "organisation.alias_remove", _("alias removed")
    PLAN_IMPORT = "plan.import", _("document imported")
    PLAN_REPLACE = "plan.replace", _("draft read again from a new file")
    PLAN_HEADER_EDIT = "plan.header.edit", _("document header corrected")
    PLAN_BULLETS_TO_TASKS = "plan.draft.bullets_to_tasks", _("bullets made tasks")
    PLAN_DRAFT_EDIT = "plan.draft.edit", _("draft item edited")
    PLAN_DRAFT_DELETE = "plan.draft.delete", _("draft item deleted")
    PLAN_DRAFT_ADD = "plan.draft.add", _("draft item added")
    PLAN_DRAFT_SPLIT = "plan.draft.split", _("draft item split")
    PLAN_DRAFT_MERGE = "plan.draft.merge", _("draft items merged")
    PLAN_AGENCY_MAP = "plan.agency.map", _("agency name mapped")
    PLAN_PUBLISH = "plan.publish", _("plan published")
    TASK_ASSIGNMENT_UPDATE = "task.assignment.update", _("assignment changed")
    REPORT_SETTINGS_SAVE = "reports.settings.save", _("report settings saved")
    REVIEW_REPORT_GENERATE = "reports.review.generate", _("review report generated")
    REVIEW_ACTIVITY_SAVE = "reports.activity.save", _("monitoring body's activity recorded")
    SCHEDULE_SAVE = "tracking.schedule.save", _("reporting schedule saved")
    REPORT_OPEN = "tracking.report.open", _("unit report opened")
    REPORT_EDIT = "tracking.report.edit", _("unit report edited")
    REPORT_SUBMIT = "tracking.report.submit", _("unit report submitted")
    REPORT_ACCEPT = "tracking.report.accept", _("unit report accepted")
    REPORT_RETURN = "tracking.report.return", _("unit report returned")
    REPORT_REOPEN = "tracking.report.reopen", _("unit report reopened")
    REPORT_HANDOFF = "tracking.report.handoff", _("unit report handed to the unit head")
    UNIT_SETTINGS_SAVE = "tracking.unit_settings.save", _("unit reporting settings saved")
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


# What an entry says as a sentence: %(who)s is the person (or "Hệ thống"), %(object)s the object by its name
# ("Quý II/2025 của Ban Dân vận Tỉnh ủy" for a unit report). An action missing here reads "who: label — object".
SENTENCES = {
    Action.LOGIN_LOCKED_OUT: _("Signing in as %(object)s was blocked after too many wrong passwords"),
    Action.ACCOUNT_CREATE: _("%(who)s created the account of %(object)s"),
    Action.ACCOUNT_ROLE_ADD: _("%(who)s gave a role to %(object)s"),
    Action.ACCOUNT_ROLE_REMOVE: _("%(who)s took a role away from %(object)s"),
    Action.ACCOUNT_PASSWORD_RESET: _("%(who)s reset the password of %(object)s"),
    Action.ACCOUNT_DEACTIVATE: _("%(who)s deactivated the account of %(object)s"),
    Action.ACCOUNT_ACTIVATE: _("%(who)s reactivated the account of %(object)s"),
    Action.ORGANISATION_CREATE: _("%(who)s added the organisation %(object)s"),
    Action.ORGANISATION_UPDATE: _("%(who)s edited the organisation %(object)s"),
    Action.ORGANISATION_END: _("%(who)s recorded that %(object)s ended"),
    Action.ORGANISATION_SUCCESSORS: _("%(who)s set the successors of %(object)s"),
    Action.ORGANISATION_ALIAS_ADD: _("%(who)s added another name for %(object)s"),
    Action.ORGANISATION_ALIAS_REMOVE: _("%(who)s removed another name of %(object)s"),
    Action.PLAN_IMPORT: _("%(who)s imported the document %(object)s"),
    Action.PLAN_DRAFT_EDIT: _("%(who)s edited an item of the draft %(object)s"),
    Action.PLAN_DRAFT_DELETE: _("%(who)s deleted an item of the draft %(object)s"),
    Action.PLAN_DRAFT_ADD: _("%(who)s added an item to the draft %(object)s"),
    Action.PLAN_DRAFT_SPLIT: _("%(who)s split an item of the draft %(object)s"),
    Action.PLAN_DRAFT_MERGE: _("%(who)s merged items of the draft %(object)s"),
    Action.PLAN_AGENCY_MAP: _("%(who)s matched an agency named in %(object)s to an organisation"),
    Action.PLAN_PUBLISH: _("%(who)s published the plan %(object)s"),
    Action.TASK_ASSIGNMENT_UPDATE: _("%(who)s changed who carries out the task %(object)s"),
    Action.REPORT_SETTINGS_SAVE: _("%(who)s saved the review report settings of %(object)s"),
    Action.SCHEDULE_SAVE: _("%(who)s saved the reporting regime of %(object)s"),
    Action.REPORT_OPEN: _("%(who)s opened the report %(object)s"),
    Action.REPORT_EDIT: _("%(who)s edited the report %(object)s"),
    Action.REPORT_SUBMIT: _("%(who)s submitted the report %(object)s"),
    Action.REPORT_ACCEPT: _("%(who)s accepted the report %(object)s"),
    Action.REPORT_RETURN: _("%(who)s returned the report %(object)s"),
    Action.REPORT_REOPEN: _("%(who)s reopened the report %(object)s"),
    Action.REMINDER_DUE_SOON: _("%(who)s reminded %(object)s of the coming deadline"),
    Action.REMINDER_OVERDUE: _("%(who)s told %(object)s that the report is overdue"),
    Action.REMINDER_ESCALATION: _("%(who)s told the monitoring body that %(object)s is still missing"),
    Action.EXPLANATION_ASK: _("%(who)s asked for an explanation: %(object)s"),
    Action.EXPLANATION_REPLY: _("%(who)s answered the request for an explanation: %(object)s"),
    Action.LOGIN_SECOND_FACTOR_FAILED: _("A wrong sign-in code was typed for %(object)s"),
    Action.TWO_FACTOR_ENABLE: _("%(who)s turned on two-step sign-in for %(object)s"),
    Action.TWO_FACTOR_DISABLE: _("%(who)s turned off two-step sign-in for %(object)s"),
    Action.TWO_FACTOR_RESET: _("%(who)s removed the sign-in key of %(object)s"),
    Action.PLAN_REPLACE: _("%(who)s read the draft %(object)s again from a new file"),
    Action.PLAN_HEADER_EDIT: _("%(who)s corrected the header of %(object)s"),
    Action.PLAN_BULLETS_TO_TASKS: _("%(who)s made bullets of %(object)s into tasks"),
    Action.REVIEW_REPORT_GENERATE: _("%(who)s drew up a review report of %(object)s"),
    Action.REVIEW_ACTIVITY_SAVE: _("%(who)s recorded an activity in %(object)s"),
    Action.REPORT_HANDOFF: _("%(who)s passed the report %(object)s to the unit head"),
    Action.UNIT_SETTINGS_SAVE: _("%(who)s saved the reporting settings of %(object)s"),
    Action.JOB_START: _("%(who)s started the background work %(object)s"),
    Action.JOB_CANCEL: _("%(who)s cancelled the background work %(object)s"),
}


def action_sentence(code: str, who: str, obj: str) -> str:
    """The entry as a sentence ("Nguyễn Văn A đã nộp báo cáo Quý II/2025 của Ban Dân vận Tỉnh ủy")."""
    member = LEGACY_CODES.get(code)
    if member is None:
        try:
            member = Action(code)
        except ValueError:
            member = None
    template = SENTENCES.get(member) if member is not None else None
    if template is None:
        return f"{who}: {action_label(code)} — {obj}" if obj else f"{who}: {action_label(code)}"
    return str(template) % {"who": who, "object": obj}
