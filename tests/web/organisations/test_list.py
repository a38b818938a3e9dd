"""The organisations list scales: search, kind and "still in operation" filters, pages; constant queries."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from tests.web.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_search_filters_and_pages(erin, django_assert_max_num_queries):
    for n in range(70):
        OrganisationFactory(name=f"Ủy ban nhân dân xã số {n}", kind="peoples_committee")
    OrganisationFactory(name="Ủy ban nhân dân xã Cũ", kind="peoples_committee", valid_to=date(2025, 6, 30))
    OrganisationFactory(name="Hội Nông dân xã số 1", kind="mass_organisation")
    client = Client()
    client.force_login(erin)
    with django_assert_max_num_queries(10):
        page = client.get("/to-chuc/", {"q": "uy ban nhan dan"}).content.decode()
    assert "71 tổ chức" in page or "71" in page
    assert "Trang 1/2" in page
    current = client.get("/to-chuc/", {"q": "uy ban", "hien_hanh": "1"}).content.decode()
    assert "Ủy ban nhân dân xã Cũ" not in current
    kind = client.get("/to-chuc/", {"loai": "mass_organisation"}).content.decode()
    assert "Hội Nông dân xã số 1" in kind and "Ủy ban nhân dân xã số 1<" not in kind
    second = client.get("/to-chuc/", {"q": "uy ban nhan dan", "trang": "2"}).content.decode()
    assert "Trang 2/2" in second
