"""Who manages a plan, over every role × kind of plan: the monitoring body's scope is one rule."""

from __future__ import annotations

import pytest

from tests.web.factories import DraftPlanFactory, OrganisationFactory, PlanFactory, user_with_role
from trienkhai_web.accounts.models import Role
from trienkhai_web.accounts.permissions import can_manage_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    body, other_body = OrganisationFactory(name="Ban Dân vận Tỉnh ủy"), OrganisationFactory(name="Ban Dân vận khác")
    unit = OrganisationFactory(name="Sở Nội vụ")
    return {
        "administrator": user_with_role(Role.ADMINISTRATOR),
        "monitor of the plan's body": user_with_role(Role.MONITOR, body, "bdv"),
        "monitor of another body": user_with_role(Role.MONITOR, other_body, "bdv_khac"),
        "monitor with no body": user_with_role(Role.MONITOR, None, "bdv_chung"),
        "unit reporter": user_with_role(Role.UNIT_REPORTER, unit, "baocao"),
        "unit head": user_with_role(Role.UNIT_HEAD, unit, "truong"),
        "leader": user_with_role(Role.LEADER, None, "lanhdao"),
    }, body


# (person, monitored by the body, no monitoring body, imported by "monitor with no body")
EXPECTED = [
    ("administrator", True, True, True),
    ("monitor of the plan's body", True, False, False),
    ("monitor of another body", False, False, False),
    ("monitor with no body", False, False, True),
    ("unit reporter", False, False, False),
    ("unit head", False, False, False),
    ("leader", False, False, False),
]


@pytest.mark.parametrize(("person", "monitored", "unmonitored", "imported"), EXPECTED)
def test_who_manages_which_plan(people, person, monitored, unmonitored, imported):
    users, body = people
    plans = {
        "monitored": PlanFactory(monitoring_body=body),
        "unmonitored": PlanFactory(monitoring_body=None),  # the finding: any monitor managed these
        "imported": DraftPlanFactory(monitoring_body=None, created_by=users["monitor with no body"]),
    }
    got = tuple(can_manage_plan(users[person], plans[k]) for k in ("monitored", "unmonitored", "imported"))
    assert got == (monitored, unmonitored, imported)
