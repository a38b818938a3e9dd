"""The audit trail page: every change, filtered by object, user and date. For those who read everything."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from trienkhai_web.accounts.permissions import can_read_everything
from trienkhai_web.audit import labels, queries


def _date(value: str) -> tuple[dt.date | None, str]:
    if not value:
        return None, ""
    for parse in (parse_date, _dmy):
        try:
            parsed = parse(value)
        except ValueError:
            parsed = None
        if parsed:
            return parsed, ""
    return None, _("Not a date (dd/mm/yyyy): %(value)s") % {"value": value}


def _dmy(value: str) -> dt.date:
    return dt.datetime.strptime(value, "%d/%m/%Y").date()


@require_GET
@login_required
def trail(request: HttpRequest) -> HttpResponse:
    if not can_read_everything(request.user):
        raise PermissionDenied(_("You may not read the audit trail."))
    g = request.GET
    date_from, err_from = _date(g.get("from", "").strip())
    date_to, err_to = _date(g.get("to", "").strip())
    entries = queries.search_entries(object_type=g.get("type", ""), object_id=g.get("id", "").strip(),
                                     username=g.get("user", "").strip(), action=g.get("action", "").strip(),
                                     date_from=date_from, date_to=date_to)
    page = Paginator(entries, 50).get_page(g.get("page"))
    labels.describe(page.object_list)
    query = g.copy()
    query.pop("page", None)
    return render(request, "audit/trail.html", {
        "page": page, "types": queries.object_types(), "f": g, "errors": [e for e in (err_from, err_to) if e],
        "query": query.urlencode(),
    })
