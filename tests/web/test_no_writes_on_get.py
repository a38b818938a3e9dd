"""No page changes anything when it is only opened: every URL pattern is fetched with GET and the database
must see no INSERT, UPDATE or DELETE (a link, a prefetch or an image on another site cannot act for a user).
Session bookkeeping (the idle timeout) and login throttling records are the only writes allowed."""

from __future__ import annotations

import itertools
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver

from tests.web.tracking.conftest import world  # noqa: F401 (the small province, re-exported)
from trienkhai_web.plans.models import Plan
from trienkhai_web.tracking import services
from trienkhai_web.tracking.models import ReportingPeriod

pytestmark = pytest.mark.django_db
_WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)
_ALLOWED_TABLES = ("django_session", "axes_")


def _patterns(resolver: URLResolver | None = None, prefix: str = "") -> list[str]:
    found = []
    for entry in (resolver or get_resolver()).url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            found += _patterns(entry, route)
        elif isinstance(entry, URLPattern):
            found.append(route)
    return [r for r in found if not r.startswith(("admin/", "^admin/"))]


def _urls(route: str, values: dict[str, list[str]]) -> list[str]:
    route = route.lstrip("^").rstrip("$").replace("\\Z", "")
    if "(?P<" in route or "\\" in route:  # DRF's regex routes: their named groups are filled in too
        route = re.sub(r"\(\?P<format>[^)]*\)", "", route)
        route = re.sub(r"\(\?P<(\w+)>[^)]*\)", r"<\1>", route).replace("\\.", ".").replace("/?", "/")
    names = re.findall(r"<(?:\w+:)?(\w+)>", route)
    combos = itertools.product(*(values.get(n, values["pk"]) for n in names))
    urls = []
    for combo in combos:
        url = route
        for value in combo:
            url = re.sub(r"<(?:\w+:)?\w+>", value, url, count=1)
        urls.append("/" + url)
    return urls


def test_no_get_request_writes_to_the_database(world, client):  # noqa: F811
    report = services.open_report(world.period, world.unit)
    ids = {str(pk) for pk in [world.plan.pk, report.pk, world.unit.pk, world.partner.pk, world.target.pk,
                              *(t.pk for t in world.tasks), world.period.pk]}
    values = {
        "pk": sorted(ids), "plan_id": [str(p) for p in Plan.objects.values_list("pk", flat=True)],
        "org_id": [str(world.unit.pk), str(world.partner.pk)], "target_id": [str(world.target.pk)],
        "code": list(ReportingPeriod.objects.values_list("code", flat=True)[:3]), "fmt": ["csv", "xlsx"],
    }
    writes = []
    fetched = 0
    # The monitoring body, and units' people: the partner has no report yet, so its links must not make one.
    for person in (world.monitor, world.head, world.partner_reporter):
        client.force_login(person)
        for route in _patterns():
            for url in _urls(route, values):
                with CaptureQueriesContext(connection) as queries:
                    client.get(url)
                fetched += 1
                writes += [(person.username, url, q["sql"][:100]) for q in queries.captured_queries
                           if _WRITE.match(q["sql"]) and not any(t in q["sql"] for t in _ALLOWED_TABLES)]
    assert fetched > 150
    assert writes == []
