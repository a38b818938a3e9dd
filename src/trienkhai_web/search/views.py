"""The results page `/tim-kiem/?q=…`: the query, filters, ranked hits with highlighted snippets, pages."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from trienkhai_web.accounts.permissions import visible_plans
from trienkhai_web.organisations.models import Organisation
from trienkhai_web.plans.models import PlanStatus
from trienkhai_web.search import queries
from trienkhai_web.search.forms import KIND_CHOICES, SearchForm
from trienkhai_web.tracking import queries as tracking_queries


@require_GET
@login_required
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    valid = form.is_valid()
    query = form.cleaned_data.get("q", "") if valid else ""
    filters = form.filters()
    results = queries.search(request.user, query, page=(form.cleaned_data.get("page") or 1) if valid else 1,
                             **filters) if query else None
    plans = list(visible_plans(request.user).exclude(status=PlanStatus.PLACEHOLDER).order_by("-issued_on", "pk"))
    chosen = next((p for p in plans if p.pk == filters["plan"]), None)
    periods, units = [], []
    if chosen is not None:  # unit and period lists only within one plan (a national plan has thousands of units)
        periods = list(tracking_queries.plan_periods(chosen))
        units = list(Organisation.objects.filter(pk__in=tracking_queries.expected_organisation_ids(chosen))
                     .order_by("name").only("pk", "name"))
    params = {k: v for k, v in {"q": query, **filters}.items() if v}
    return render(request, "search/results.html", {
        "form": form, "query": query, "results": results, "filters": filters, "plans": plans, "periods": periods,
        "units": units, "kinds": KIND_CHOICES, "params": urlencode(params),
    })
