from __future__ import annotations

from types import SimpleNamespace

import pytest
from rest_framework.test import APIClient

from tests.web.factories import (
    OrganisationFactory,
    PlanFactory,
    PlanItemFactory,
    TargetFactory,
    TaskFactory,
    assign,
)
from trienkhai_web.accounts.models import Role
from trienkhai_web.plans.models import AssignmentRole


@pytest.fixture
def world(monitoring_body, unit, alice, bob, carol, dave, erin):
    """Two published plans: A monitored by the Ban Dân vận with a task led by the unit, B not involving it."""
    bdv = monitoring_body
    other = OrganisationFactory(name="Sở Y tế")
    plan_a = PlanFactory(monitoring_body=bdv)
    plan_b = PlanFactory(monitoring_body=bdv)
    item = PlanItemFactory(plan=plan_a, path="I", number="I", title="MỤC ĐÍCH, YÊU CẦU")
    child = PlanItemFactory(plan=plan_a, path="I.1", number="1", parent=item, title="Mục đích", depth=1)
    target = TargetFactory(plan=plan_a, item=child, subject="tỷ lệ hộ nghèo", text="Tỷ lệ hộ nghèo giảm từ 2 - 3%/năm",
                           direction="giảm", value_low=2, value_high=3, deadline_year=2030)
    task = TaskFactory(plan=plan_a, item=child)
    assign(task, unit)
    assign(task, other, AssignmentRole.PARTNER)
    task_b = TaskFactory(plan=plan_b)
    assign(task_b, other)
    users = {Role.ADMINISTRATOR: alice, Role.MONITOR: bob, Role.UNIT_REPORTER: carol, Role.UNIT_HEAD: dave,
             Role.LEADER: erin}
    return SimpleNamespace(bdv=bdv, unit=unit, other=other, plan_a=plan_a, plan_b=plan_b, item=item,
                           child=child, target=target, task=task, task_b=task_b, users=users)


def client_for(user) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client
