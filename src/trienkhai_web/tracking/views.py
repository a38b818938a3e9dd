"""Pages of the reporting cycle. Views stay thin: permissions, then a query or a service call."""

from __future__ import annotations

import re
from datetime import date
from html import escape

from django.conf import settings as django_settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from trienkhai.errors import TrienkhaiError
from trienkhai.text.vietnamese import fold
from trienkhai.tracking.dashboard import STATUS_FILLS
from trienkhai_web.accounts.models import Role
from trienkhai_web.accounts.permissions import (
    can_manage_plan,
    can_report_for,
    can_review_report,
    organisations_for,
    visible_plans,
)
from trienkhai_web.accounts.requests import AuthenticatedHttpRequest
from trienkhai_web.downloads import private_file
from trienkhai_web.errors import UserError, from_core, http_status
from trienkhai_web.locking import parse_version
from trienkhai_web.organisations.models import Organisation
from trienkhai_web.plans.models import Plan, PlanStatus, Target, Task, TaskAssignment
from trienkhai_web.tracking import dashboard as dashboards
from trienkhai_web.tracking import inbox as inboxes
from trienkhai_web.tracking import queries, reminders, review_views, services
from trienkhai_web.tracking import schedule as regime
from trienkhai_web.tracking.dashboard_export import EXPORTS, WORKBOOK, workbook_response
from trienkhai_web.tracking.dashboard_export import export as export_table
from trienkhai_web.tracking.labels import REPORT_LABELS, STATUS_LABELS
from trienkhai_web.tracking.models import (
    Evidence,
    ExplanationRequest,
    Notification,
    ProgressStatus,
    ReportingPeriod,
    ReportStatus,
    UnitReport,
    UnitSettings,
)
from trienkhai_web.tracking.permissions import (
    can_ask_explanation,
    can_remind,
    can_submit_report,
    can_view_dashboard,
    can_view_organisation,
    can_view_report,
)
from trienkhai_web.views_support import error_text, posted_version, show_error


def _today() -> date:
    return timezone.localdate()


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


# ---- unit side ------------------------------------------------------------------------------------

@login_required
def my_reports(request: HttpRequest) -> HttpResponse:
    """"Báo cáo của đơn vị": the current period of every plan the user's units report on."""
    org_ids = organisations_for(request.user, Role.UNIT_REPORTER, Role.UNIT_HEAD)
    pairs = (TaskAssignment.objects.filter(organisation_id__in=org_ids, task__plan__status=PlanStatus.PUBLISHED)
             .values_list("task__plan_id", "organisation_id").distinct())
    plans = {p.pk: p for p in Plan.objects.filter(pk__in={p for p, _ in pairs})}
    orgs = {o.pk: o for o in Organisation.objects.filter(pk__in=org_ids)}
    rows = []
    for plan_id, org_id in sorted(set(pairs)):
        period = queries.current_period(plans[plan_id], _today())
        if period is not None:
            report = UnitReport.objects.filter(period=period, organisation_id=org_id).first()
            rows.append({"plan": plans[plan_id], "organisation": orgs[org_id], "period": period, "report": report})
    return render(request, "tracking/my_reports.html", {"rows": rows})


@login_required
def unit_entry(request: HttpRequest, plan_id: int, org_id: int, code: str) -> HttpResponse:
    """Where a reminder or "my reports" leads: the unit's report for the period. A report not yet
    begun is created by the button on this page (a POST), never by merely opening the link."""
    period = get_object_or_404(ReportingPeriod.objects.select_related("plan"), plan_id=plan_id, code=code)
    organisation = get_object_or_404(Organisation, pk=org_id)
    existing = UnitReport.objects.filter(period=period, organisation=organisation).first()
    if existing is not None and can_view_report(request.user, period.plan, organisation):
        return redirect("tracking:report", existing.pk)
    if request.method == "POST":
        return redirect("tracking:report", services.open_report(period, organisation, user=request.user).pk)
    if not (can_report_for(request.user, organisation) and services.is_assigned(period.plan, organisation)):
        raise PermissionDenied
    return render(request, "tracking/start_report.html", {"period": period, "organisation": organisation,
                                                          "plan": period.plan})


def _report_or_403(request: HttpRequest, pk: int) -> UnitReport:
    report = get_object_or_404(UnitReport.objects.select_related("period__plan", "organisation"), pk=pk)
    if not can_view_report(request.user, report.period.plan, report.organisation):
        raise PermissionDenied
    return report


@login_required
def todo(request: HttpRequest) -> HttpResponse:
    """"Việc cần làm": what waits for the user, across plans."""
    items = inboxes.inbox(request.user, _today())
    heads = organisations_for(request.user, Role.UNIT_HEAD)
    settings_rows = {s.organisation_id: s for s in UnitSettings.objects.filter(organisation_id__in=heads)}
    return render(request, "tracking/todo.html", {
        "inbox": items, "today": _today(),
        "unit_settings": [(o, settings_rows.get(o.pk)) for o in Organisation.objects.filter(pk__in=heads)
                          .order_by("name")]})


@login_required
@require_POST
def unit_settings(request: HttpRequest, org_id: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation, pk=org_id)
    try:
        services.save_unit_settings(request.user, organisation,
                                    reporter_submits=request.POST.get("reporter_submits") == "on",
                                    version=_int(request.POST.get("version")))
        messages.success(request, _("The unit's settings were saved."))
    except UserError as error:
        show_error(request, error)
    return redirect("tracking:todo")


def _filled(rows: list[queries.UnitTaskRow], targets: list) -> tuple[int, int]:  # type: ignore[type-arg]
    """(fields filled, fields to fill): each led task's status and results (and its explanation when it is
    late or off track), each partner task's contribution, each indicator's value."""
    filled = total = 0
    for row in rows:
        if row.role == "lead":
            progress = row.progress
            wanted = [progress.status if progress else "", progress.results if progress else ""]
            if row.needs_explanation:
                wanted.append(progress.explanation if progress else "")
        else:
            wanted = [row.contribution]
        total += len(wanted)
        filled += sum(1 for value in wanted if (value or "").strip())
    for _target, value in targets:
        total += 1
        filled += value is not None and value.value is not None
    return filled, total


@login_required
def report(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report_or_403(request, pk)
    rows, targets = queries.unit_report_rows(report)
    plan = report.period.plan
    can_edit = report.editable and can_report_for(request.user, report.organisation)
    can_submit = report.editable and can_submit_report(request.user, report.organisation)
    can_review = can_review_report(request.user, plan, report.organisation)
    filled, total = _filled(rows, targets)
    late = services.days_late(report) if report.editable or report.first_submitted_at else 0
    task_files: dict[int, list[Evidence]] = {}
    for item in report.evidence_files.filter(task__isnull=False):
        if item.task_id is not None:
            task_files.setdefault(item.task_id, []).append(item)
    return render(request, "tracking/report.html", {
        "report": report, "rows": rows, "targets": targets, "plan": plan,
        "previous": queries.previous_values(report),
        "can_edit": can_edit, "can_submit": can_submit,
        "can_handoff": can_edit and not can_submit and not report.handed_off_at,
        "can_review": can_review,
        "next_step": inboxes.next_step(report, reporter_submits=services.reporter_submits(report.organisation_id),
                                       reviewer=plan.monitoring_body.name if plan.monitoring_body else ""),
        "filled": filled, "total": total, "days_late": late,
        "submit_late": can_submit and late and not report.first_submitted_at,
        "typed_reason": request.session.pop(f"late-reason-{report.pk}", "") if hasattr(request, "session") else "",
        "changes": services.changes_since_return(report) if (can_review or report.resubmitted) else [],
        "task_files": task_files,
        "mark_opened": can_review and report.status == ReportStatus.SUBMITTED,
        "can_ask": can_ask_explanation(request.user, plan),
        "timeline": queries.report_timeline(report),
        "threads": queries.explanation_threads(plan).filter(organisation=report.organisation),
        "statuses": ProgressStatus.choices,
        **review_views.review_context(report),
    })


def _field_id(request: HttpRequest) -> str:
    """The id of the field htmx saved (its HX-Trigger header), for the mark beside it; "" if not a field's."""
    value = request.headers.get("HX-Trigger", "")
    return value if re.fullmatch(r"[a-z]+-\d{1,12}", value) else ""


@login_required
@require_POST
def autosave(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report_or_403(request, pk)
    try:
        report = services.save_field(
            request.user, report, version=posted_version(request.POST), kind=request.POST.get("kind", ""),
            object_id=_int(request.POST.get("object")) or 0, field=request.POST.get("field", ""),
            value=request.POST.get("value", ""), seen=request.POST.get("seen"))
    except services.FieldConflict as error:
        return render(request, "tracking/_save_status.html", {
            "error": error_text(error), "report": report, "field_id": _field_id(request),
            "theirs": error.current}, status=http_status(error))
    except UserError as error:
        return render(request, "tracking/_save_status.html", {"error": error_text(error), "report": report,
                                                              "field_id": _field_id(request)},
                      status=http_status(error))
    except (Task.DoesNotExist, Target.DoesNotExist):
        return render(request, "tracking/_save_status.html", {"error": _("Unknown field."), "report": report},
                      status=400)
    return render(request, "tracking/_save_status.html", {"report": report,
                                                          "field_id": _field_id(request)})


@login_required
@require_POST
def evidence(request: HttpRequest, pk: int, target_id: int) -> HttpResponse:
    report = _report_or_403(request, pk)
    target = get_object_or_404(Target, pk=target_id, plan_id=report.period.plan_id)
    uploads = request.FILES.getlist("evidence")
    if not uploads:
        messages.error(request, _("Choose a file."))
    for upload in uploads:  # each file on its own: one refused file does not lose the others
        try:
            services.attach_evidence(request.user, report, None, target, upload)
            messages.success(request, _("“%(name)s” was attached.") % {"name": upload.name})
        except UserError as error:
            show_error(request, error)
    return redirect("tracking:report", report.pk)


@login_required
@require_POST
def task_evidence(request: HttpRequest, pk: int, task_id: int) -> HttpResponse:
    report = _report_or_403(request, pk)
    task = get_object_or_404(Task, pk=task_id, plan_id=report.period.plan_id)
    uploads = request.FILES.getlist("evidence")
    if not uploads:
        messages.error(request, _("Choose a file."))
    for upload in uploads:  # each file on its own: one refused file does not lose the others
        try:
            services.attach_evidence(request.user, report, None, None, upload, task=task)
            messages.success(request, _("“%(name)s” was attached.") % {"name": upload.name})
        except UserError as error:
            show_error(request, error)
    return redirect(f"{reverse('tracking:report', args=[report.pk])}#task-{task.pk}")


def _evidence_or_403(request: HttpRequest, pk: int) -> Evidence:
    item = get_object_or_404(Evidence.objects.select_related("report__period__plan", "report__organisation"), pk=pk)
    report = item.report
    if not can_view_report(request.user, report.period.plan, report.organisation):
        raise PermissionDenied
    return item


@login_required
def evidence_file(request: HttpRequest, pk: int) -> HttpResponseBase:
    """Serve an evidence file to those who may see its report (never through a public media URL)."""
    item = _evidence_or_403(request, pk)
    return private_file(item.file, filename=item.original_name)


@login_required
@require_POST
def evidence_remove(request: HttpRequest, pk: int) -> HttpResponse:
    item = _evidence_or_403(request, pk)
    try:
        services.remove_evidence(request.user, item)
        messages.success(request, _("“%(name)s” was removed.") % {"name": item.original_name})
    except UserError as error:
        show_error(request, error)
    return redirect("tracking:report", item.report_id)


@login_required
@require_POST
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report_or_403(request, pk)
    reason = request.POST.get("late_reason", "")
    try:
        services.submit(request.user, report, version=posted_version(request.POST), late_reason=reason)
        messages.success(request, _("The report was submitted."))
    except UserError as error:
        show_error(request, error)
        if reason.strip():  # a refused submission keeps the reason typed, for the next attempt
            request.session[f"late-reason-{report.pk}"] = reason[:2000]
    return redirect("tracking:report", report.pk)


@login_required
@require_POST
def handoff(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report_or_403(request, pk)
    try:
        services.hand_off(request.user, report, version=posted_version(request.POST),
                          note=request.POST.get("note", ""))
        messages.success(request, _("The report was handed to the unit head, who was told to submit it."))
    except UserError as error:
        show_error(request, error)
    return redirect("tracking:report", report.pk)


@login_required
@require_POST
def opened(request: HttpRequest, pk: int) -> HttpResponse:
    """The report page tells the server a reviewer opened it (a POST: opening a page writes nothing)."""
    report = _report_or_403(request, pk)
    services.mark_opened(request.user, report)
    return HttpResponse(status=204)


@login_required
@require_POST
def review(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report_or_403(request, pk)
    action, comment = request.POST.get("action"), request.POST.get("comment", "")
    try:
        version = posted_version(request.POST)
        if action == "accept":
            services.accept(request.user, report, version=version, comment=comment)
            messages.success(request, _("The report was accepted."))
        elif action == "return":
            services.return_report(request.user, report, comment, version=version)
            messages.success(request, _("The report was returned to the unit."))
        elif action == "reopen":
            services.reopen(request.user, report, comment, version=version)
            messages.success(request, _("The report was reopened."))
        else:
            raise UserError(_("Unknown action."))
    except UserError as error:
        show_error(request, error)
    return redirect("tracking:report", report.pk)


@login_required
@require_POST
def ask(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report_or_403(request, pk)
    task = get_object_or_404(Task, pk=_int(request.POST.get("task")) or 0, plan_id=report.period.plan_id)
    try:
        thread = services.ask_explanation(request.user, task, report.organisation, request.POST.get("question", ""),
                                          report.period)
        return redirect("tracking:explanation", thread.pk)
    except UserError as error:
        show_error(request, error)
    return redirect("tracking:report", report.pk)


@login_required
def explanation(request: HttpRequest, pk: int) -> HttpResponse:
    thread = get_object_or_404(ExplanationRequest.objects.select_related("task__plan", "organisation"), pk=pk)
    plan = thread.task.plan
    if not (can_view_organisation(request.user, thread.organisation) or can_ask_explanation(request.user, plan)):
        raise PermissionDenied
    if request.method == "POST":
        try:
            services.reply_explanation(request.user, thread, request.POST.get("text", ""))
            return redirect("tracking:explanation", thread.pk)
        except UserError as error:
            show_error(request, error)
    return render(request, "tracking/explanation.html", {
        "thread": thread, "messages_list": thread.messages.select_related("author"),
        "can_reply": can_report_for(request.user, thread.organisation) or can_ask_explanation(request.user, plan)})


# ---- reviewing ------------------------------------------------------------------------------------

def _plan_period(request: HttpRequest, plan_id: int) -> tuple[Plan, ReportingPeriod | None]:
    plan = get_object_or_404(Plan, pk=plan_id)
    period_id = _int(request.GET.get("period") or request.POST.get("period"))
    period = (ReportingPeriod.objects.filter(plan=plan, pk=period_id).first() if period_id else None) \
        or queries.latest_due_period(plan, _today())
    return plan, period


REVIEW_PAGE_SIZE = 50


@login_required
def review_list(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan, period = _plan_period(request, plan_id)
    reviewable = [r for r in (queries.reports_to_review(plan, period) if period else [])
                  if can_review_report(request.user, plan, r.organisation)]
    if not reviewable and not (can_view_dashboard(request.user) or organisations_for(request.user, Role.UNIT_HEAD)):
        raise PermissionDenied
    if request.method == "POST":
        chosen = {int(pk) for pk in request.POST.getlist("report") if pk.isdigit()}
        try:
            versions = {pk: parse_version(request.POST.get(f"version-{pk}")) for pk in chosen
                        if request.POST.get(f"version-{pk}")}
            done = services.bulk_accept(request.user, [r for r in reviewable if r.pk in chosen], versions=versions)
            messages.success(request, _("%(count)d reports were accepted.") % {"count": len(done)})
        except UserError as error:
            show_error(request, error)
        return redirect(f"{request.path}?period={period.pk if period else ''}")
    accepted = queries.reports_to_review(plan, period, ReportStatus.ACCEPTED) if period else []
    accepted = [r for r in accepted if can_review_report(request.user, plan, r.organisation)]
    # A province has hundreds of units: the lists are searched by the unit's name and shown a page at a time.
    wanted = fold(request.GET.get("q", "")).strip()
    if wanted:
        reviewable = [r for r in reviewable if wanted in fold(r.organisation.name)]
        accepted = [r for r in accepted if wanted in fold(r.organisation.name)]
    waiting_page = Paginator(reviewable, REVIEW_PAGE_SIZE).get_page(request.GET.get("trang"))
    accepted_page = Paginator(accepted, REVIEW_PAGE_SIZE).get_page(request.GET.get("trang_da_duyet"))
    query = request.GET.copy()
    for key in ("trang", "trang_da_duyet"):
        query.pop(key, None)
    return render(request, "tracking/review_list.html", {
        "plan": plan, "period": period, "periods": queries.plan_periods(plan), "reports": waiting_page.object_list,
        "page": waiting_page, "accepted_page": accepted_page, "query": query.urlencode(),
        "q": request.GET.get("q", ""),
        "can_grid": can_manage_plan(request.user, plan) or Organisation.objects.filter(
            parent_id__in=organisations_for(request.user, Role.UNIT_HEAD),
            pk__in=queries.expected_organisation_ids(plan)).exists(),
        "accepted": accepted_page.object_list})


@login_required
def approval_grid(request: HttpRequest, plan_id: int) -> HttpResponse:
    """Units × periods of a plan (DHIS2's approval screen): accept, return or reopen one cell or many."""
    plan = get_object_or_404(Plan, pk=plan_id)
    if not (can_manage_plan(request.user, plan) or organisations_for(request.user, Role.UNIT_HEAD)):
        raise PermissionDenied
    grid = inboxes.approval_grid(request.user, plan, _today())
    if not grid.rows and not can_manage_plan(request.user, plan):
        raise PermissionDenied
    if request.method == "POST":
        reports = [c.report for _org, cells in grid.rows for c in cells if c.report is not None]
        ticked = {int(pk) for pk in request.POST.getlist("report") if pk.isdigit()}
        try:
            versions = {r.pk: parse_version(request.POST.get(f"version-{r.pk}")) for r in reports
                        if request.POST.get(f"version-{r.pk}")}
            outcome = services.bulk_review(request.user, reports, request.POST.get("action", ""), ticked=ticked,
                                           select_all=request.POST.get("all") == "on", versions=versions,
                                           comment=request.POST.get("comment", ""))
            messages.success(request, _("%(count)d reports were processed.") % {"count": len(outcome.done)})
            if outcome.not_opened:
                messages.warning(request, _("%(count)d reports you have not opened were left as they are: open "
                                            "them, or tick them one by one.") % {"count": outcome.not_opened})
        except UserError as error:
            show_error(request, error)
        return redirect("tracking:approval_grid", plan.pk)
    return render(request, "tracking/approval_grid.html", {
        "plan": plan, "grid": grid, "can_remind": can_remind(request.user, plan),
        "repeat_hours": django_settings.REMINDER_REPEAT_HOURS,
        "late_periods": [p for p in grid.periods if p.unit_deadline < _today()]})


@login_required
@require_POST
def remind_all(request: HttpRequest, plan_id: int) -> HttpResponse:
    """Remind every late unit of a period in one action (not those reminded by hand recently)."""
    plan = get_object_or_404(Plan, pk=plan_id)
    period = get_object_or_404(ReportingPeriod, plan=plan, pk=_int(request.POST.get("period")) or 0)
    outcome = reminders.remind_late(period, timezone.now(), user=request.user)
    _tell_reminded(request, outcome)
    return redirect("tracking:approval_grid", plan.pk)


def _tell_reminded(request: HttpRequest, outcome: reminders.LateReminders) -> None:
    if outcome.sent or outcome.failed:
        messages.success(request, _("A reminder was sent to %(count)d units.")
                         % {"count": len(outcome.sent) + len(outcome.failed)})
    if outcome.failed:
        messages.warning(request, _("For %(count)d units the reminder is in their notifications, but its e-mail "
                                    "could not be sent; it will be tried again.") % {"count": len(outcome.failed)})
    for organisation, at in outcome.recent:
        messages.info(request, _("%(unit)s was already reminded at %(when)s; not reminded again.")
                      % {"unit": organisation.name, "when": timezone.localtime(at).strftime("%H:%M %d/%m")})
    if not (outcome.sent or outcome.failed or outcome.recent):
        messages.info(request, _("Every unit has submitted: nobody to remind."))


# ---- dashboards -----------------------------------------------------------------------------------

@login_required
def dashboard(request: HttpRequest, plan_id: int) -> HttpResponse:
    if not can_view_dashboard(request.user):
        raise PermissionDenied
    plan, period = _plan_period(request, plan_id)
    filters = dashboards.Filters(unit=_int(request.GET.get("unit")), part=_int(request.GET.get("part")),
                                 status=request.GET.get("status", ""), page=max(1, _int(request.GET.get("page")) or 1),
                                 data=dashboards.DATA_SUBMITTED if request.GET.get("data") == dashboards.DATA_SUBMITTED
                                 else dashboards.DATA_ACCEPTED)
    board = dashboards.build(plan, period, filters, _today())
    manages = can_manage_plan(request.user, plan)  # reminders and the regime: the plan's monitoring body
    export = request.GET.get("export")
    if export in EXPORTS:
        return export_table(board, export, plan)
    if export == WORKBOOK:
        return workbook_response(board, plan, _today())
    query = request.GET.copy()
    query.pop("export", None)
    query.pop("page", None)
    # 1,000 options through the template engine cost more than the whole dashboard's queries.
    unit_options = mark_safe("".join(
        f'<option value="{o.pk}"{" selected" if o.pk == filters.unit else ""}>{escape(o.name)}</option>'
        for o in board.unit_choices))
    printing = request.GET.get("view") == "print"  # the print view for meetings: A4, the pictures, no forms
    query.pop("view", None)
    return render(request, "tracking/dashboard_print.html" if printing else "tracking/dashboard.html", {
        "board": board, "today": _today(), "status_legend": [(STATUS_FILLS[s], STATUS_LABELS[s]) for s in dashboards.STATUS_ORDER], "unit_options": unit_options, "status_headers": [STATUS_LABELS[s] for s in dashboards.STATUS_ORDER],
        "totals": [(s, STATUS_LABELS[s], board.totals[s]) for s in dashboards.STATUS_ORDER], "plan": plan, "period": period, "filters": filters, "labels": STATUS_LABELS,
        "status_order": dashboards.STATUS_ORDER, "query": query.urlencode(), "exports": EXPORTS,
        "pages": range(1, board.pages + 1), "can_remind": manages, "can_schedule": manages,
        "remind_base": f"{reverse_dashboard(plan)}nhac/",
    })


@login_required
@require_POST
def remind(request: HttpRequest, plan_id: int, org_id: int) -> HttpResponse:
    plan, period = _plan_period(request, plan_id)
    organisation = get_object_or_404(Organisation, pk=org_id)
    if period is None:
        raise PermissionDenied
    outcome = reminders.remind_late(period, timezone.now(), user=request.user, organisation_ids={organisation.pk})
    if outcome.failed:
        messages.warning(request, _("The reminder to %(unit)s is in their notifications, but its e-mail could not "
                                    "be sent; it will be tried again.") % {"unit": organisation.name})
    elif outcome.sent:
        messages.success(request, _("A reminder was sent to %(unit)s.") % {"unit": organisation.name})
    else:
        _tell_reminded(request, outcome)
    return redirect(f"{reverse_dashboard(plan)}?period={period.pk}")


def reverse_dashboard(plan: Plan) -> str:
    from django.urls import reverse

    return reverse("tracking:dashboard", args=[plan.pk])


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    # The plans' texts and parsed drafts are large and unused here (69 plans: 88 ms of the page).
    plans = visible_plans(request.user).filter(status=PlanStatus.PUBLISHED).defer(
        "source_text", "draft", "agency_map", "recipients").order_by("-issued_on")
    return render(request, "tracking/overview.html", {"rows": queries.plans_overview(plans, _today()),
                                                      "can_dashboard": can_view_dashboard(request.user)})


@login_required
def organisation_page(request: HttpRequest, org_id: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation, pk=org_id)
    if not can_view_organisation(request.user, organisation):
        raise PermissionDenied
    history = Paginator(queries.organisation_reports(organisation), REVIEW_PAGE_SIZE).get_page(request.GET.get("trang"))
    return render(request, "tracking/organisation.html", {
        "organisation": organisation, "obligations": queries.organisation_obligations(organisation),
        "reports": history.object_list, "page": history, "labels": REPORT_LABELS, "today": _today(),
        "threads": ExplanationRequest.objects.filter(organisation=organisation).select_related("task"),
    })


@login_required
def notifications(request: AuthenticatedHttpRequest) -> HttpResponse:
    items = list(Notification.objects.filter(user=request.user)[:100])
    if request.method == "POST":
        services.mark_notifications_read(request.user)
        return redirect("tracking:notifications")
    return render(request, "tracking/notifications.html", {"items": items})




# ---- reporting regime -----------------------------------------------------------------------------

@login_required
def schedule(request: HttpRequest, plan_id: int) -> HttpResponse:
    """The monitoring body sets the plan's reporting regime, previews the periods, then saves."""
    plan = get_object_or_404(Plan, pk=plan_id)
    if not can_manage_plan(request.user, plan):
        raise PermissionDenied
    current = queries.reporting_schedule(plan)
    kept_codes = queries.period_codes_with_reports(plan)
    form = regime.ScheduleForm(request.POST or None, initial=regime.initial(plan, current))
    rows: list[regime.PreviewRow] = []
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                if request.POST.get("action") == "save":
                    services.save_schedule(request.user, plan, starts_on=form.cleaned_data["starts_on"],
                                           ends_on=form.cleaned_data["ends_on"], version=form.cleaned_data["version"],
                                           **form.settings())
                    messages.success(request, _("The reporting regime was saved and the periods recomputed."))
                    return redirect("tracking:schedule", plan.pk)
                rows = regime.preview(plan, form, kept_codes)
            except TrienkhaiError as error:
                status = show_error(request, from_core(error), form)
            except UserError as error:
                status = show_error(request, error, form)
        else:
            status = 400
    return render(request, "tracking/schedule.html", {
        "plan": plan, "form": form, "rows": rows, "periods": queries.plan_periods(plan), "kept_codes": kept_codes,
    }, status=status)
