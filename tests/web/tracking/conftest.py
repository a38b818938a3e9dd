"""A small province: a monitoring body, two communes under a parent, tasks, a target and users."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest

from tests.web.factories import (
    OrganisationFactory,
    PlanItemFactory,
    TargetFactory,
    TaskFactory,
    assign,
    scheduled_plan,
    user_with_role,
)
from trienkhai_web.accounts.models import Role


@dataclass
class World:
    plan: Any
    parent: Any
    unit: Any
    partner: Any
    tasks: list
    target: Any
    period: Any
    reporter: Any
    head: Any
    partner_reporter: Any
    monitor: Any
    leader: Any
    parent_head: Any
    other: Any


@pytest.fixture
def world(erin) -> World:
    parent = OrganisationFactory(name="Đảng ủy xã Tân Hòa")
    unit = OrganisationFactory(name="Chi bộ ấp 1", parent=parent)
    partner = OrganisationFactory(name="Hội Nông dân xã", parent=parent)
    plan = scheduled_plan()
    part1, part2 = PlanItemFactory(plan=plan, path="I", title="Phần I"), PlanItemFactory(plan=plan, path="II",
                                                                                         title="Phần II")
    tasks = [TaskFactory(plan=plan, item=part1, due_date=date(2025, 3, 1)),
             TaskFactory(plan=plan, item=part1),
             TaskFactory(plan=plan, item=part2)]
    for task in tasks:
        assign(task, unit)
    assign(tasks[0], partner, "partner")
    assign(tasks[2], partner, "partner")
    target = TargetFactory(plan=plan)
    period = plan.reporting_periods.get(code="2025-Q2")
    return World(
        plan=plan, parent=parent, unit=unit, partner=partner, tasks=tasks, target=target, period=period,
        reporter=user_with_role(Role.UNIT_REPORTER, unit, "phong_vien"), head=user_with_role(Role.UNIT_HEAD, unit, "bi_thu"),
        partner_reporter=user_with_role(Role.UNIT_REPORTER, partner, "hoi_nd"),
        monitor=user_with_role(Role.MONITOR, plan.monitoring_body, "ban_dan_van"),
        leader=erin,
        parent_head=user_with_role(Role.UNIT_HEAD, parent, "dang_uy_xa"),
        other=user_with_role(Role.UNIT_REPORTER, OrganisationFactory(name="Đơn vị khác"), "nguoi_ngoai"),
    )
