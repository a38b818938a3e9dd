from __future__ import annotations

import pytest

from tests.web.factories import user_with_role
from trienkhai_web.accounts.models import Role
from trienkhai_web.organisations import demo


@pytest.fixture
def orgs(db):
    return demo.load()


@pytest.fixture
def users(orgs):
    return {
        Role.ADMINISTRATOR: user_with_role(Role.ADMINISTRATOR, username="quantri"),
        Role.MONITOR: user_with_role(Role.MONITOR, orgs["bdv-tu"], username="giamsat"),
        Role.UNIT_REPORTER: user_with_role(Role.UNIT_REPORTER, orgs["hlhpn"], username="baocao"),
        Role.UNIT_HEAD: user_with_role(Role.UNIT_HEAD, orgs["mttq"], username="truongdonvi"),
        Role.LEADER: user_with_role(Role.LEADER, orgs["tinh-uy"], username="lanhdao"),
    }
