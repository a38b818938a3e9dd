"""Pages for plans: list, upload, review of a draft, publish, plan page, task assignment, a unit's work.

Views stay thin: form, one service or query call, render. Who may change what is checked by the
services (they raise `PermissionDenied`); reading pages check who may see them here."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.middleware import HtmxDetails

from trienkhai.documents.needs_ocr import needs_ocr
from trienkhai.plans.editing import node_text, outline_rows
from trienkhai_web.accounts.models import Role
from trienkhai_web.accounts.permissions import (
    can_import_plans,
    can_manage_plan,
    can_read_everything,
    can_view_plan,
    organisations_for,
)
from trienkhai_web.errors import Duplicate, UserError
from trienkhai_web.jobs.services import start_import_job
from trienkhai_web.organisations.models import Organisation
from trienkhai_web.plans import queries, services
from trienkhai_web.plans.forms import (
    AgencyDecisionForm,
    DraftItemForm,
    PublishForm,
    TaskAssignmentForm,
    UploadForm,
    first_error,
)
from trienkhai_web.plans.models import Plan, PlanStatus, Task


def _plan_for(request: HttpRequest, pk: int, manage: bool = False) -> Plan:
    """The plan a page shows, for who may see it (reading pages; writes are checked by the services)."""
    plan = get_object_or_404(Plan, pk=pk)
    allowed = can_manage_plan(request.user, plan) if manage else can_view_plan(request.user, plan)
    if not allowed:
        raise PermissionDenied
    return plan


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    return render(request, "plans/plan_list.html", {"plans": queries.plans_for(request.user),
                                                     "can_import": can_import_plans(request.user)})


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    if not can_import_plans(request.user):
        raise PermissionDenied
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        f = form.cleaned_data["file"]
        data = f.read()
        if needs_ocr(data, f.name):
            # A scan takes seconds a page to read: in the background, with its progress on the job's page.
            job = start_import_job(request.user, filename=f.name, data=data)
            return redirect("jobs:detail", pk=job.pk)
        try:
            plan = services.import_document(request.user, filename=f.name, data=data)
        except Duplicate as exc:
            url = reverse("plans:review" if exc.existing.status == PlanStatus.DRAFT else "plans:detail",
                          args=[exc.existing.pk])
            messages.warning(request, format_html('{} <a href="{}">{}</a>', exc.message, url, _("Open it")))
            return redirect(url)
        except UserError as exc:
            form.add_error("file", exc.message)
        else:
            messages.success(request, _("The document was read. Review the draft, then publish it."))
            return redirect("plans:review", pk=plan.pk)
    return render(request, "plans/upload.html", {"form": form})


def _review_context(plan: Plan, error: str = "") -> dict[str, Any]:
    draft = services.load_draft(plan)
    nodes = list(outline_rows(draft))
    targets, assignments, tasks = draft.targets, draft.assignments, draft.tasks
    anchors = queries.item_anchor_lines(
        plan.source_text,
        [n.title for n, _d, _p in nodes] + [t.text or t.subject for t in targets]
        + [a.text or a.duties or "" for a in assignments] + [t.content for t in tasks])
    a_nodes, rest = anchors[:len(nodes)], anchors[len(nodes):]
    a_targets, rest = rest[:len(targets)], rest[len(targets):]
    a_assign, a_tasks = rest[:len(assignments)], rest[len(assignments):]
    orgs = Organisation.objects.in_bulk([i for i in plan.agency_map.values() if i])
    agencies = []
    matcher = queries.agency_matcher()
    for name in draft.agency_names():
        decided = name in plan.agency_map
        org_id = plan.agency_map.get(name)
        agencies.append({"name": name, "decided": decided, "organisation": orgs.get(org_id) if org_id else None,
                         "suggestions": [] if decided else queries.match_organisations(name, matcher=matcher)})
    return {
        "plan": plan, "draft": draft, "error": error,
        "nodes": [{"node": n, "depth": d, "text": node_text(n), "line": a}
                  for (n, d, _p), a in zip(nodes, a_nodes, strict=True)],
        "targets": list(zip(targets, a_targets, strict=True)),
        "assignments": list(zip(assignments, a_assign, strict=True)),
        "tasks": list(zip(tasks, a_tasks, strict=True)),
        "agencies": agencies, "undecided": sum(1 for a in agencies if not a["decided"]),
        "source_lines": plan.source_text.split("\n"),
        "all_organisations": Organisation.objects.order_by("name").only("pk", "name"),
    }


@login_required
def review(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan_for(request, pk, manage=True)
    if plan.status != PlanStatus.DRAFT:
        return redirect("plans:detail", pk=plan.pk)
    return render(request, "plans/review.html", _review_context(plan))


def _panel(request: HttpRequest, pk: int, error: str = "") -> HttpResponse:
    """The review panel after a change (or its refusal): a read, for who may review the plan."""
    plan = _plan_for(request, pk, manage=True)
    if HtmxDetails(request):  # what the middleware sets as request.htmx, typed
        return render(request, "plans/_review_panel.html", _review_context(plan, error))
    if error:
        messages.error(request, error)
    return redirect("plans:review", pk=plan.pk)


def _draft_item_change(user: Any, plan: Plan, form: DraftItemForm) -> None:
    d = form.cleaned_data
    common = {"version": d["version"], "kind": d["kind"]}
    action = d["action"]
    if action == "edit":
        services.edit_draft_item(user, plan, key=d["key"], fields=form.item_fields(), **common)
    elif action == "delete":
        services.delete_draft_item(user, plan, key=d["key"], **common)
    elif action == "add":
        services.add_draft_item(user, plan, fields=form.item_fields(), parent=d["parent"] or None, **common)
    elif action == "split":
        services.split_draft_item(user, plan, key=d["key"], at=d["at"], title=d["new_title"], **common)
    else:
        services.merge_draft_item(user, plan, key=d["key"], **common)


@require_POST
@login_required
def review_item(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_object_or_404(Plan, pk=pk)
    form = DraftItemForm(request.POST)
    if not form.is_valid():
        return _panel(request, pk, first_error(form))
    try:
        _draft_item_change(request.user, plan, form)
    except UserError as exc:
        return _panel(request, pk, exc.message)
    return _panel(request, pk)


@require_POST
@login_required
def review_agency(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_object_or_404(Plan, pk=pk)
    form = AgencyDecisionForm(request.POST)
    if not form.is_valid():
        return _panel(request, pk, first_error(form))
    d = form.cleaned_data
    common = {"version": d["version"], "name": d["name"]}
    try:
        if d["action"] == "map":
            services.map_agency(request.user, plan, organisation=d["organisation"], **common)
        elif d["action"] == "alias":
            services.add_alias_for(request.user, plan, organisation=d["organisation"], **common)
        elif d["action"] == "none":
            services.map_agency(request.user, plan, organisation=None, **common)
        else:
            services.create_organisation_for(request.user, plan, **common)
    except UserError as exc:
        return _panel(request, pk, exc.message)
    return _panel(request, pk)


@require_POST
@login_required
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_object_or_404(Plan, pk=pk)
    form = PublishForm(request.POST)
    try:
        if not form.is_valid():
            raise UserError(first_error(form))
        services.publish(request.user, plan, version=form.cleaned_data["version"])
    except UserError as exc:
        messages.error(request, exc.message)
        return redirect("plans:review", pk=plan.pk)
    messages.success(request, _("The plan was published."))
    return redirect("plans:detail", pk=plan.pk)


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan_for(request, pk)
    return render(request, "plans/plan_detail.html", {
        "plan": plan, "outline": queries.plan_outline(plan), "cascade": queries.cascade_of(plan),
        "can_manage": can_manage_plan(request.user, plan),
    })


@login_required
def cascade(request: HttpRequest, pk: int) -> HttpResponse:
    from trienkhai_web.accounts.permissions import visible_plans
    from trienkhai_web.plans.coverage import cascade_matrix

    plan = _plan_for(request, pk)
    return render(request, "plans/cascade.html", {"matrix": cascade_matrix(plan, visible_plans(request.user))})


@login_required
def cascade_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    from trienkhai_web.accounts.permissions import visible_plans
    from trienkhai_web.plans.coverage import COVERED, NOT_COVERED, PARTLY, cascade_matrix, matrix_xlsx

    plan = _plan_for(request, pk)
    labels = {"sheet": _("Taken up"), "item": _("Item"), "content": _("Content"), COVERED: _("covered"),
              PARTLY: _("partly"), NOT_COVERED: _("not covered")}
    response = HttpResponse(matrix_xlsx(cascade_matrix(plan, visible_plans(request.user)), labels),
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="tiep-thu-{plan.pk}.xlsx"'
    return response


@login_required
def task_edit(request: HttpRequest, pk: int) -> HttpResponse:
    task = get_object_or_404(Task.objects.select_related("plan"), pk=pk)
    if not can_view_plan(request.user, task.plan):
        raise PermissionDenied
    can_edit = can_manage_plan(request.user, task.plan)  # whether to show the form; the service decides
    initial = {"version": task.version, "timeframe": task.timeframe, "recurrence": task.recurrence,
               "due_date": task.due_date, "targets": list(task.targets.all()),
               "leads": [a.organisation for a in task.assignments.filter(role="lead")],
               "partners": [a.organisation for a in task.assignments.filter(role="partner")]}
    form = TaskAssignmentForm(request.POST or None, initial=initial, plan=task.plan)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.update_task_assignment(
                request.user, task, version=d["version"], leads=list(d["leads"]), partners=list(d["partners"]),
                timeframe=d["timeframe"], recurrence=d["recurrence"], due_date=d["due_date"],
                targets=list(d["targets"]))
        except UserError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The assignment was saved."))
            return redirect("plans:task", pk=task.pk)
    return render(request, "plans/task_edit.html", {"task": task, "form": form, "can_edit": can_edit,
                                                    "history": queries.task_history(task)})


@login_required
def work_index(request: HttpRequest) -> HttpResponse:
    own = organisations_for(request.user, Role.UNIT_REPORTER, Role.UNIT_HEAD)
    if not can_read_everything(request.user):
        if len(own) == 1:
            return redirect("plans:work", pk=next(iter(own)))
        orgs = Organisation.objects.filter(pk__in=own)
    else:
        orgs = queries.organisations_with_work()
    return render(request, "plans/work_index.html", {"organisations": orgs})


@login_required
def work(request: HttpRequest, pk: int) -> HttpResponse:
    org = get_object_or_404(Organisation, pk=pk)
    own = organisations_for(request.user, Role.UNIT_REPORTER, Role.UNIT_HEAD)
    if not (can_read_everything(request.user) or org.pk in own):
        raise PermissionDenied
    return render(request, "plans/work.html", {"organisation": org, "rows": queries.organisation_work(org)})
