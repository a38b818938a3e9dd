"""The people pages (/nguoi-dung/): accounts, roles and units, passwords, deactivation, import from .xlsx.

Thin views: a form, one service (`accounts.services`), a page. A generated password is shown once, on the
page that answers the change, never stored or sent in the clear; that page is not cached."""

from __future__ import annotations

import io

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from openpyxl import Workbook

from trienkhai.spreadsheet import append_row
from trienkhai_web.accounts import people_import, queries, services
from trienkhai_web.accounts.forms import AccountForm, ImportForm, RoleFields
from trienkhai_web.accounts.models import Role
from trienkhai_web.accounts.permissions import can_give_role, can_manage_account, can_manage_people
from trienkhai_web.errors import UserError
from trienkhai_web.views_support import show_error

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PAGE_SIZE = 50


def _require_people(request: HttpRequest) -> None:
    if not can_manage_people(request.user):
        raise PermissionDenied(_("Only the administrator and the monitoring body manage accounts."))


@require_GET
@login_required
def people(request: HttpRequest) -> HttpResponse:
    _require_people(request)
    g = request.GET
    org = g.get("don_vi", "")
    accounts = queries.people_for(request.user, q=g.get("q", "").strip(), role=g.get("vai_tro", ""),
                                  organisation=int(org) if org.isdigit() else None, active=g.get("trang_thai", ""))
    page = Paginator(accounts, PAGE_SIZE).get_page(g.get("trang"))
    query = g.copy()
    query.pop("trang", None)
    return render(request, "accounts/people.html", {
        "page": page, "f": g, "query": query.urlencode(), "roles": list(Role),
        "organisations": queries.assignable_organisations(request.user),
    })


@never_cache
@require_http_methods(["GET", "POST"])
@login_required
def create(request: HttpRequest) -> HttpResponse:
    _require_people(request)
    form = AccountForm(request.POST or None, user=request.user)
    status = 200
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            new = services.create_account(request.user, full_name=d["full_name"], email=d["email"] or "",
                                          username=d["username"], role=d["role"], organisation=d["organisation"])
        except UserError as error:
            status = show_error(request, error, form)
        else:
            return render(request, "accounts/password_once.html", {"accounts": [new], "created": True})
    elif request.method == "POST":
        status = 400
    return render(request, "accounts/create.html", {"form": form}, status=status)


def _account(request: HttpRequest, pk: int):  # type: ignore[no-untyped-def]
    _require_people(request)
    account = get_object_or_404(get_user_model(), pk=pk)
    if not can_manage_account(request.user, account):
        raise PermissionDenied(_("You may not change this account."))
    return account


@require_GET
@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    account = _account(request, pk)
    memberships = list(account.memberships.select_related("organisation").order_by("role"))
    for m in memberships:
        m.removable = len(memberships) > 1 and can_give_role(request.user, m.role, m.organisation_id)
    return render(request, "accounts/detail.html", {
        "account": account, "memberships": memberships, "role_form": RoleFields(user=request.user),
        "is_self": account.pk == request.user.pk,
    })


@require_POST
@login_required
def add_role(request: HttpRequest, pk: int) -> HttpResponse:
    account = _account(request, pk)
    form = RoleFields(request.POST, user=request.user)
    if not form.is_valid():
        messages.error(request, _("Choose a role and, for a unit role, its organisation."))
    else:
        try:
            services.add_role(request.user, account, role=form.cleaned_data["role"],
                              organisation=form.cleaned_data["organisation"])
            messages.success(request, _("Role given."))
        except UserError as error:
            show_error(request, error)
    return redirect("accounts:detail", pk=account.pk)


@require_POST
@login_required
def remove_role(request: HttpRequest, pk: int, membership: int) -> HttpResponse:
    account = _account(request, pk)
    try:
        services.remove_role(request.user, account, membership_id=membership)
        messages.success(request, _("Role taken away."))
    except UserError as error:
        show_error(request, error)
    return redirect("accounts:detail", pk=account.pk)


@never_cache
@require_POST
@login_required
def reset_password(request: HttpRequest, pk: int) -> HttpResponse:
    account = _account(request, pk)
    password = services.reset_password(request.user, account)
    return render(request, "accounts/password_once.html",
                  {"accounts": [services.NewAccount(account, password)], "created": False})


@require_POST
@login_required
def set_active(request: HttpRequest, pk: int) -> HttpResponse:
    account = _account(request, pk)
    active = request.POST.get("active") == "1"
    services.set_active(request.user, account, active=active)
    messages.success(request, _("The account can sign in again.") if active
                     else _("The account is deactivated: it can no longer sign in."))
    return redirect("accounts:detail", pk=account.pk)


@never_cache
@require_http_methods(["GET", "POST"])
@login_required
def import_people(request: HttpRequest) -> HttpResponse:
    _require_people(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    status = 200
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            errors, status = [_("Upload an .xlsx workbook.")], 400
        else:
            try:
                created = people_import.import_accounts(request.user, upload.read())
            except UserError as error:
                errors, status = error.problems or [error.message], 400
            else:
                return render(request, "accounts/password_once.html", {"accounts": created, "created": True})
    elif request.method == "POST":
        status = 400
    return render(request, "accounts/import.html", {
        "form": form, "errors": errors, "headers": people_import.HEADERS,
        "roles": [Role(r).label for r in Role],
    }, status=status)


@require_GET
@login_required
def import_model(request: HttpRequest) -> HttpResponse:
    """An empty workbook with the columns, to fill in."""
    _require_people(request)
    wb = Workbook()
    sheet = wb.active
    sheet.title = "Tài khoản"
    append_row(sheet, people_import.HEADERS)
    append_row(sheet, ["Nguyễn Văn An", "an.nguyen@example.vn", "nguyenvanan", "Hội Nông dân tỉnh",
                       str(Role.UNIT_REPORTER.label)])
    out = io.BytesIO()
    wb.save(out)
    response = HttpResponse(out.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="mau-nhap-tai-khoan.xlsx"'
    return response
