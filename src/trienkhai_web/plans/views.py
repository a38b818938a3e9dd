"""Pages for plans: list, upload, review of a draft, publish, plan page, task assignment, a unit's work.

Views stay thin: form, one service or query call, render. Who may change what is checked by the
services (they raise `PermissionDenied`); reading pages check who may see them here."""

from __future__ import annotations

import uuid
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django_htmx.middleware import HtmxDetails

from trienkhai.documents.needs_ocr import needs_ocr
from trienkhai.documents.scan import review_image
from trienkhai.errors import DocumentError
from trienkhai.plans import editing
from trienkhai.plans.editing import node_text, outline_rows
from trienkhai_web.accounts.models import Role
from trienkhai_web.accounts.permissions import (
    can_import_plans,
    can_manage_plan,
    can_read_everything,
    can_view_plan,
    organisations_for,
)
from trienkhai_web.downloads import private_file
from trienkhai_web.errors import UserError
from trienkhai_web.jobs.services import start_import_job
from trienkhai_web.locking import parse_version
from trienkhai_web.organisations.models import Organisation, OrganisationKind, OrganisationLevel
from trienkhai_web.plans import queries, services
from trienkhai_web.plans.forms import (
    AgencyDecisionForm,
    BulletsForm,
    DraftItemForm,
    HeaderForm,
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
    from django.core.paginator import Paginator

    from trienkhai_web.plans.models import DocumentKind

    g = request.GET
    plans = queries.search_plans(request.user, q=g.get("q", "").strip(), status=g.get("trang_thai", ""),
                                 kind=g.get("loai", ""), year=g.get("nam", ""))
    page = Paginator(plans, 25).get_page(g.get("trang"))
    query = g.copy()
    query.pop("trang", None)
    return render(request, "plans/plan_list.html", {
        "page": page, "plans": page.object_list, "f": g, "query": query.urlencode(),
        "statuses": [s for s in PlanStatus if s != PlanStatus.PLACEHOLDER] + [PlanStatus.PLACEHOLDER],
        "kinds": list(DocumentKind), "years": queries.plan_years(request.user),
        "can_import": can_import_plans(request.user),
        # A draft opens on its review page, for those who may review it; others see it listed, unlinked.
        "reviewable": {p.pk for p in page.object_list
                       if p.status == PlanStatus.DRAFT and can_manage_plan(request.user, p)}})


PENDING = "plans.pending_upload"  # session key: the file held while the user chooses what to do with it


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    if not can_import_plans(request.user):
        raise PermissionDenied
    if request.method == "POST" and request.POST.get("action") == "replace":
        return _replace_draft(request)
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
        except services.SameDocument as exc:
            return _same_document(request, form, exc, f.name, data)
        except UserError as exc:
            form.add_error("file", exc.message)
        else:
            messages.success(request, _("The document was read. Review the draft, then publish it."))
            return redirect("plans:review", pk=plan.pk)
    return render(request, "plans/upload.html", {"form": form})


def _open_url(plan: Plan) -> str:
    return reverse("plans:review" if plan.status == PlanStatus.DRAFT else "plans:detail", args=[plan.pk])


def _same_document(request: HttpRequest, form: UploadForm, exc: services.SameDocument, filename: str,
                   data: bytes) -> HttpResponse:
    """The document is here already: offer to open it or (a draft, from another file) to replace it. The
    upload is held in storage meanwhile (the orphan-file clean-up removes it if nobody chooses)."""
    existing: Plan = exc.existing
    can_replace = (existing.status == PlanStatus.DRAFT and exc.why != "file"
                   and can_manage_plan(request.user, existing))
    if can_replace:
        held = default_storage.save(f"plans/pending/{uuid.uuid4().hex}.bin", ContentFile(data))
        old = request.session.get(PENDING)
        if old:
            default_storage.delete(old["file"])
        request.session[PENDING] = {"file": held, "filename": filename, "plan": existing.pk}
    return render(request, "plans/upload.html", {
        "form": form, "same": exc, "existing": existing, "open_url": _open_url(existing),
        "can_replace": can_replace}, status=409)


def _replace_draft(request: HttpRequest) -> HttpResponse:
    held = request.session.get(PENDING)
    plan = get_object_or_404(Plan, pk=request.POST.get("plan") or 0)
    if not held or held["plan"] != plan.pk or not default_storage.exists(held["file"]):
        messages.error(request, _("The file to read again is no longer held: upload it again."))
        return redirect("plans:upload")
    with default_storage.open(held["file"], "rb") as fh:
        data = fh.read()
    try:
        services.import_document(request.user, filename=held["filename"], data=data, replace=plan,
                                 replace_version=parse_version(request.POST.get("version")))
    except UserError as exc:
        messages.error(request, exc.message)
        return redirect(_open_url(plan) if isinstance(exc, services.SameDocument) else "plans:upload")
    finally:
        if request.session.get(PENDING) == held:
            default_storage.delete(held["file"])
            del request.session[PENDING]
    messages.success(request, _("The draft was read again from the new file. Review it, then publish it."))
    return redirect("plans:review", pk=plan.pk)


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
    agencies = services.agency_review(plan)
    task_parts = editing.task_parts(draft)
    return {
        "plan": plan, "draft": draft, "error": error, "header": _header_values(plan, draft),
        "nodes": [{"node": n, "depth": d, "text": node_text(n), "line": a, "sets_tasks": n.path in task_parts,
                   "bullets": [{"index": i, "block": b, "is_task": editing.is_task_block(draft, n.path, b)}
                               for i, b in enumerate(n.blocks) if b.kind == "bullet"]
                   if n.path in task_parts else [],
                   "part_bullets": sum(1 for path, _i, b in editing.part_bullets(n)
                                       if not editing.is_task_block(draft, path, b)) if n.path in task_parts else 0}
                  for (n, d, _p), a in zip(nodes, a_nodes, strict=True)],
        "targets": list(zip(targets, a_targets, strict=True)),
        "assignments": list(zip(assignments, a_assign, strict=True)),
        "tasks": list(zip(tasks, a_tasks, strict=True)),
        "agencies": agencies, "undecided": sum(1 for a in agencies if not a.decided),
        "accept_default": services.ACCEPT_DEFAULT,
        "fuzzy_count": sum(1 for a in agencies if a.suggestions and a.suggestions[0].how == "fuzzy"),
        "organisation_kinds": OrganisationKind.choices, "organisation_levels": OrganisationLevel.choices,
        "source_lines": plan.source_text.split("\n"),
        "names": _names(plan), "picker_url": reverse("plans:organisation_search"),
        "all_organisations": Organisation.objects.order_by("name").only("pk", "name"),
    }


def _header_values(plan: Plan, draft: Any) -> dict[str, Any]:
    doc = draft.document
    return {"number": doc.number or "", "date": doc.date or "", "title": doc.title or "",
            "issuer": doc.issuer or "", "signer_name": doc.signer.name if doc.signer and doc.signer.name else "",
            "signer_title": doc.signer.title if doc.signer and doc.signer.title else "",
            "recipients": "\n".join(doc.recipients), "today": timezone.localdate()}


def _names(plan: Plan) -> dict[str, Organisation]:
    """What each agency name of the draft was mapped to (the picker shows the organisation after the name)."""
    orgs = Organisation.objects.in_bulk([i for i in (plan.agency_map or {}).values() if i])
    return {n: orgs[i] for n, i in (plan.agency_map or {}).items() if i and i in orgs}


@login_required
def review(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan_for(request, pk, manage=True)
    if plan.status != PlanStatus.DRAFT:
        return redirect("plans:detail", pk=plan.pk)
    context = _review_context(plan)
    context["scan_pages"] = queries.scan_pages(context["draft"])
    return render(request, "plans/review.html", context)


@login_required
def scan_page(request: HttpRequest, pk: int, page: int) -> HttpResponse:
    """A scanned page as OCR read it, for the review (the boxes of uncertain words are drawn over it)."""
    plan = _plan_for(request, pk, manage=True)
    info = next((p for p in services.load_draft(plan).source.ocr if p.page == page), None) if plan.draft else None
    if info is None or not plan.source_file:
        raise Http404(_("This page was not read by text recognition."))
    try:
        with plan.source_file.open("rb") as handle:
            png, _scale = review_image(handle.read(), plan.source_filename, page, info.rotated)
    except (OSError, DocumentError) as error:
        raise Http404(_("The file is missing from the server.")) from error
    response = HttpResponse(png, content_type="image/png")
    response["Cache-Control"] = "private, max-age=3600"
    return response


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
    ids = form.picked()
    orgs = Organisation.objects.in_bulk([i for v in ids.values() for i in v])
    picked = {name: [orgs[i] for i in v if i in orgs] for name, v in ids.items()}
    if action == "edit":
        services.edit_draft_item(user, plan, key=d["key"], fields=form.item_fields(), picked=picked, **common)
    elif action == "delete":
        services.delete_draft_item(user, plan, key=d["key"], **common)
    elif action == "add":
        services.add_draft_item(user, plan, fields=form.item_fields(), parent=d["parent"] or None, picked=picked,
                                **common)
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
        elif d["action"] == "undo":
            services.undo_decision(request.user, plan, **common)
        elif d["action"] == "scope":
            services.map_scope(request.user, plan, organisations=list(d["organisations"]), **common)
        elif d["action"] == "accept":
            services.accept_suggestions(request.user, plan, version=d["version"], min_score=d["min_score"])
        else:
            services.create_organisation_for(request.user, plan, parent=d["parent"], kind=d["kind"] or "",
                                             level=d["level"] or "", **common)
    except UserError as exc:
        return _panel(request, pk, exc.message)
    return _panel(request, pk)


@require_POST
@login_required
def review_header(request: HttpRequest, pk: int) -> HttpResponse:
    """The draft's header corrected on the review page (HTMX: the panel comes back)."""
    plan = get_object_or_404(Plan, pk=pk)
    form = HeaderForm(request.POST)
    if not form.is_valid():
        return _panel(request, pk, first_error(form))
    try:
        services.edit_header(request.user, plan, version=form.cleaned_data["version"], fields=form.header_fields())
    except UserError as exc:
        return _panel(request, pk, exc.message)
    return _panel(request, pk)


@require_POST
@login_required
def plan_header(request: HttpRequest, pk: int) -> HttpResponse:
    """A published plan's number and date corrected from its page."""
    plan = get_object_or_404(Plan, pk=pk)
    form = HeaderForm(request.POST)
    try:
        if not form.is_valid():
            raise UserError(first_error(form))
        services.edit_header(request.user, plan, version=form.cleaned_data["version"], fields=form.header_fields())
    except UserError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The number and date were corrected."))
    return redirect("plans:detail", pk=plan.pk)


@require_POST
@login_required
def review_bullets(request: HttpRequest, pk: int) -> HttpResponse:
    """A bullet, or every bullet of a part, made trackable tasks."""
    plan = get_object_or_404(Plan, pk=pk)
    form = BulletsForm(request.POST)
    if not form.is_valid():
        return _panel(request, pk, first_error(form))
    d = form.cleaned_data
    try:
        services.bullets_to_tasks(request.user, plan, version=d["version"], path=d["path"], index=d["index"])
    except UserError as exc:
        return _panel(request, pk, exc.message)
    return _panel(request, pk)


@require_GET
@login_required
def organisation_search(request: HttpRequest) -> HttpResponse:
    """The organisation picker's list: organisations matching what was typed, each with its place in the tree."""
    picker = request.GET.get("picker", "")
    return render(request, "plans/_org_options.html", {
        "rows": queries.pick_organisations(request.GET.get("q", "")), "q": request.GET.get("q", "").strip(),
        "picker": picker if picker.replace("-", "").isalnum() else "org"})


@require_POST
@login_required
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_object_or_404(Plan, pk=pk)
    form = PublishForm(request.POST)
    try:
        if not form.is_valid():
            raise UserError(first_error(form))
        services.publish(request.user, plan, version=form.cleaned_data["version"],
                         allow_leadless=form.cleaned_data["allow_leadless"])
    except services.LeadlessTasks as exc:
        # Not refused outright: the page lists the tasks, with links to fix them, and asks to confirm.
        plan = _plan_for(request, pk, manage=True)
        return render(request, "plans/review.html", {**_review_context(plan), "leadless": exc.tasks,
                                                     "leadless_message": exc.message})
    except UserError as exc:
        messages.error(request, exc.message)
        return redirect("plans:review", pk=plan.pk)
    messages.success(request, _("The plan was published."))
    return redirect("plans:detail", pk=plan.pk)


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    from trienkhai_web.accounts.permissions import visible_plans
    from trienkhai_web.plans.coverage import REFERENCE_KINDS, cascade_matrix, expected_children
    from trienkhai_web.reports.permissions import can_preview_review_report
    from trienkhai_web.tracking.permissions import can_view_dashboard

    plan = _plan_for(request, pk)
    cascade = queries.cascade_of(plan)
    # What the lower plans have done of this one, and who has not answered it: for a document that is
    # carried out by lower plans (it has some, or is a resolution, conclusion or directive).
    matrix = cascade_matrix(plan, visible_plans(request.user)) if cascade["children"] else None
    missing = matrix.missing if matrix is not None else (
        expected_children(plan) if plan.kind in REFERENCE_KINDS else [])
    return render(request, "plans/plan_detail.html", {
        "plan": plan, "outline": queries.plan_outline(plan), "cascade": cascade,
        "can_manage": can_manage_plan(request.user, plan), "rollup": matrix, "missing": missing,
        # Only what the user may open is a link or a button (a plan elsewhere in the cascade may be hidden).
        "visible_ids": queries.visible_among(request.user, queries.linked_plan_ids(cascade)),
        "can_dashboard": can_view_dashboard(request.user),
        "can_review_report": can_preview_review_report(request.user, plan),
    })


@login_required
def source_document(request: HttpRequest, pk: int) -> HttpResponseBase:
    """The imported document itself, to whoever may open the plan (a draft: only those who manage it)."""
    plan = _plan_for(request, pk, manage=Plan.objects.filter(pk=pk, status=PlanStatus.DRAFT).exists())
    return private_file(plan.source_file, filename=plan.source_filename or plan.source_file.name.rsplit("/", 1)[-1])


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
              PARTLY: _("partly"), NOT_COVERED: _("not covered"), "done": _("Counterpart tasks done"),
              "tasks": _("Counterpart tasks reported on"), "missing_sheet": _("No plan yet"), "body": _("Body"),
              "asked": _("Asked to"), "deadline": _("Due by"), "days_since": _("Days since the document"),
              "email": _("E-mail")}
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
                                                    "history": queries.task_history(task),
                                                    "pickers": _task_pickers(form, initial),
                                                    "picker_url": reverse("plans:organisation_search")})


def _task_pickers(form: TaskAssignmentForm, initial: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The lead and partner pickers of a task's form: the organisations chosen (posted, else saved)."""
    chosen: dict[str, list[Any]] = {}
    for name in ("leads", "partners"):
        raw = cast(Any, form.data).getlist(name) if form.is_bound else [o.pk for o in initial[name]]
        chosen[name] = [int(v) for v in raw if str(v).isdigit()]
    orgs = {o.pk: o for o in Organisation.objects.filter(pk__in={i for v in chosen.values() for i in v})
            .select_related("parent__parent__parent__parent")}
    out = {}
    for name in ("leads", "partners"):
        chips = []
        for pk in chosen[name]:
            if pk in orgs:
                path = queries.organisation_path(orgs[pk])
                chips.append({"name": name, "value": pk, "label": f"{orgs[pk].name} — {path}" if path else orgs[pk].name})
        out[name] = {"label": form.fields[name].label, "chips": chips, "errors": form.errors.get(name, [])}
    return out


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
