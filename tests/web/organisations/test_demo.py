from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import authenticate

from trienkhai_web.accounts import demo as accounts_demo
from trienkhai_web.accounts.models import Membership, Role
from trienkhai_web.organisations import demo, queries
from trienkhai_web.organisations.models import Organisation

pytestmark = pytest.mark.django_db


def test_demo_tree_is_idempotent_and_believable():
    orgs = demo.load()
    count = Organisation.objects.count()
    demo.load()
    assert Organisation.objects.count() == count == len(demo.TREE)
    assert orgs["tinh"].parent == orgs["trung-uong"] and orgs["bdv-tu"].level == "province"
    assert queries.match_organisations("BTV Tỉnh uỷ")[0].organisation == orgs["btv-tu"]
    assert queries.match_organisations("Hội LHPN tỉnh")[0].organisation == orgs["hlhpn"]
    assert queries.match_organisations("MTTQ tinh")[0].organisation == orgs["mttq"]
    district = orgs["huyen-bg"]
    assert district.valid_to == dt.date(2025, 6, 30)
    assert orgs["xa-tan-lap"].parent == orgs["tinh"]
    assert queries.successors_on(district, dt.date(2025, 7, 1)) == [orgs["tinh"]]
    assert queries.successors_on(district, dt.date(2024, 1, 1)) == [district]


def test_demo_users_one_per_role():
    logins = accounts_demo.load()
    again = accounts_demo.load()
    assert logins == again and len(logins) == 5
    roles = set()
    for username, password, description in logins:
        user = authenticate(username=username, password=password)
        assert user is not None and description
        roles |= set(Membership.objects.filter(user=user).values_list("role", flat=True))
    assert roles == set(Role.values)
    assert Membership.objects.count() == 5
