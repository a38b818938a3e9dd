from __future__ import annotations

import pytest

from trienkhai_web.accounts.models import Role
from trienkhai_web.organisations import demo


@pytest.fixture
def orgs(db):
    return demo.load()


@pytest.fixture
def monitoring_body(orgs):
    return orgs["bdv-tu"]


@pytest.fixture
def unit(orgs):
    return orgs["hlhpn"]


@pytest.fixture
def users(alice, bob, carol, dave, erin):
    return {Role.ADMINISTRATOR: alice, Role.MONITOR: bob, Role.UNIT_REPORTER: carol, Role.UNIT_HEAD: dave,
            Role.LEADER: erin}
