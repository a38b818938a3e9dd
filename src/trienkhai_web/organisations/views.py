"""Pages of the monitoring body for organisations: the tree, create, edit, end, aliases, import/export.

Every signed-in user may read; the services refuse a change by one who may not (`can_manage_organisations`),
and the form pages are not even shown to them."""

from __future__ import annotations

from typing import cast

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from trienkhai_web.accounts.permissions import can_manage_organisations
from trienkhai_web.errors import UserError
from trienkhai_web.organisations import io as org_io
from trienkhai_web.organisations import queries, services
from trienkhai_web.organisations.forms import AliasForm, EndForm, ImportForm, OrganisationForm
from trienkhai_web.organisations.models import Organisation, OrganisationAlias
from trienkhai_web.views_support import show_error


def _require_manager(request: HttpRequest) -> None:
    """Who may open a form page (the service decides again when it is sent)."""
    if not can_manage_organisations(request.user):
        raise PermissionDenied(_("You may not change organisations."))


@require_GET
@login_required
def tree(request: HttpRequest) -> HttpResponse:
    from django.core.paginator import Paginator

    from trienkhai_web.organisations.models import OrganisationKind

    g = request.GET
    q, kind, current = g.get("q", "").strip(), g.get("loai", ""), g.get("hien_hanh", "")
    listing = bool(q or kind or current)
    page = None
    if listing:
        found = queries.search_organisations(q)
        if kind in OrganisationKind.values:
            found = found.filter(kind=kind)
        if current == "1":
            found = found.filter(valid_to__isnull=True)
        page = Paginator(found.select_related("parent").order_by("name", "pk"), 50).get_page(g.get("trang"))
    query = g.copy()
    query.pop("trang", None)
    return render(request, "organisations/tree.html", {
        "trees": [] if listing else queries.organisation_tree(), "q": q, "f": g, "listing": listing,
        "page": page, "found": page.object_list if page else [], "query": query.urlencode(),
        "kinds": list(OrganisationKind), "can_manage": can_manage_organisations(request.user),
    })


@require_GET
@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    org = get_object_or_404(Organisation.objects.select_related("parent").prefetch_related("aliases"), pk=pk)
    return render(request, "organisations/detail.html", {
        "org": org, "successions": org.successions.select_related("successor"),
        "predecessors": queries.predecessors(org), "children": org.children.order_by("name"),
        "alias_form": AliasForm(), "can_manage": can_manage_organisations(request.user),
    })


@login_required
def create(request: HttpRequest) -> HttpResponse:
    _require_manager(request)
    form = OrganisationForm(request.POST or None, initial={"parent": request.GET.get("parent")})
    if request.method == "POST" and form.is_valid():
        try:
            org = services.create_organisation(request.user, **form.fields_for_service())
        except UserError as exc:
            show_error(request, exc, form)
        else:
            messages.success(request, _("Organisation created."))
            return redirect("organisations:detail", org.pk)
    return render(request, "organisations/form.html", {"form": form, "org": None})


@login_required
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    _require_manager(request)
    org = get_object_or_404(Organisation, pk=pk)
    form = OrganisationForm(request.POST) if request.method == "POST" else OrganisationForm.for_organisation(org)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_organisation(request.user, org, version=form.cleaned_data["version"],
                                         **form.fields_for_service())
        except UserError as exc:
            show_error(request, exc, form)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("organisations:detail", org.pk)
    return render(request, "organisations/form.html", {"form": form, "org": org})


@login_required
def end(request: HttpRequest, pk: int) -> HttpResponse:
    _require_manager(request)
    org = get_object_or_404(Organisation, pk=pk)
    form = EndForm(request.POST or None, initial={"version": org.version, "move_children_to": org.parent_id})
    successors = cast(forms.ModelMultipleChoiceField, form.fields["successors"])
    if successors.queryset is not None:
        successors.queryset = successors.queryset.exclude(pk=org.pk)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.end_organisation(request.user, org, on=data["on"], successors=data["successors"],
                                      kind=data["kind"], version=data["version"],
                                      move_children_to=data["move_children_to"], reason=data["reason"])
        except UserError as exc:
            show_error(request, exc, form)
        else:
            messages.success(request, _("The organisation has ended; its work passes to its successors."))
            return redirect("organisations:detail", org.pk)
    return render(request, "organisations/end.html", {"form": form, "org": org})


@require_POST
@login_required
def alias_add(request: HttpRequest, pk: int) -> HttpResponse:
    org = get_object_or_404(Organisation, pk=pk)
    form = AliasForm(request.POST)
    if form.is_valid():
        try:
            services.add_alias(request.user, org, form.cleaned_data["name"])
            messages.success(request, _("Alias added."))
        except UserError as exc:
            show_error(request, exc)
    else:
        messages.error(request, _("The alias is empty."))
    return redirect("organisations:detail", org.pk)


@require_POST
@login_required
def alias_remove(request: HttpRequest, pk: int) -> HttpResponse:
    alias = get_object_or_404(OrganisationAlias, pk=pk)
    services.remove_alias(request.user, alias)
    messages.success(request, _("Alias removed."))
    return redirect("organisations:detail", alias.organisation_id)


@require_GET
@login_required
def export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The whole list with contact e-mails: personal data, so only for those who manage organisations."""
    if fmt not in ("csv", "xlsx"):
        raise Http404
    if not can_manage_organisations(request.user):
        raise PermissionDenied
    if fmt == "xlsx":
        response = HttpResponse(org_io.export_xlsx(),
                                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    else:
        response = HttpResponse(org_io.export_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="to-chuc.{fmt}"'
    return response


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    _require_manager(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = org_io.import_file(request.user, upload.name, upload.read())
        except UserError as exc:
            errors = exc.problems or [exc.message]
        else:
            messages.success(request, _("Import done: %(created)s created, %(updated)s updated, %(unchanged)s "
                                        "unchanged.") % vars(result))
            return redirect("organisations:tree")
    return render(request, "organisations/upload.html", {"form": form, "errors": errors,
                                                          "columns": org_io.HEADERS})
