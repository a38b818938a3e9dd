from __future__ import annotations

from types import SimpleNamespace

import pytest
from rest_framework.test import APIClient

from tests.web.api.factories import PlanFactory, PlanItemFactory, TargetFactory, TaskFactory, assign
from tests.web.factories import OrganisationFactory, user_with_role
from trienkhai_web.accounts.models import Role
from trienkhai_web.plans.models import AssignmentRole


@pytest.fixture
def world(db):
    """Two published plans: A monitored by the Ban Dân vận with a task led by the unit, B not involving it."""
    bdv = OrganisationFactory(name="Ban Dân vận Tỉnh ủy")
    unit = OrganisationFactory(name="Hội Liên hiệp Phụ nữ tỉnh")
    other = OrganisationFactory(name="Sở Y tế")
    plan_a = PlanFactory(monitoring_body=bdv)
    plan_b = PlanFactory(monitoring_body=bdv)
    item = PlanItemFactory(plan=plan_a, path="I", number="I", title="MỤC ĐÍCH, YÊU CẦU")
    child = PlanItemFactory(plan=plan_a, path="I.1", number="1", parent=item, title="Mục đích", depth=1)
    target = TargetFactory(plan=plan_a, item=child)
    task = TaskFactory(plan=plan_a, item=child)
    assign(task, unit)
    assign(task, other, AssignmentRole.PARTNER)
    task_b = TaskFactory(plan=plan_b)
    assign(task_b, other)
    users = {
        Role.ADMINISTRATOR: user_with_role(Role.ADMINISTRATOR, username="quantri"),
        Role.MONITOR: user_with_role(Role.MONITOR, bdv, username="giamsat"),
        Role.UNIT_REPORTER: user_with_role(Role.UNIT_REPORTER, unit, username="baocao"),
        Role.UNIT_HEAD: user_with_role(Role.UNIT_HEAD, unit, username="truongdonvi"),
        Role.LEADER: user_with_role(Role.LEADER, username="lanhdao"),
    }
    return SimpleNamespace(bdv=bdv, unit=unit, other=other, plan_a=plan_a, plan_b=plan_b, item=item,
                           child=child, target=target, task=task, task_b=task_b, users=users)


def client_for(user) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client
