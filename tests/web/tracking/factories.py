"""Plans with tasks, targets and assignments for the tracking tests (built directly, no parsing)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import factory

from tests.web.factories import OrganisationFactory
from trienkhai_web.plans.models import Plan, PlanItem, PlanStatus, Target, Task, TaskAssignment
from trienkhai_web.tracking import services


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    status = PlanStatus.PUBLISHED
    number = factory.Sequence(lambda n: f"{n}-KH/TU")
    title = factory.Sequence(lambda n: f"Kế hoạch thực hiện nghị quyết số {n}")
    issued_on = date(2025, 1, 10)
    monitoring_body = factory.SubFactory(OrganisationFactory, name=factory.Sequence(lambda n: f"Ban Dân vận {n}"))


class PlanItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanItem

    plan = factory.SubFactory(PlanFactory)
    path = factory.Sequence(lambda n: f"{n}")
    number = factory.Sequence(lambda n: f"{n}.")
    title = factory.Sequence(lambda n: f"Phần {n}")
    order = factory.Sequence(lambda n: n)


class TaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Task

    plan = factory.SubFactory(PlanFactory)
    no = factory.Sequence(lambda n: str(n + 1))
    content = factory.Sequence(lambda n: f"Nhiệm vụ số {n}: tuyên truyền, phổ biến nghị quyết")
    order = factory.Sequence(lambda n: n)


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Target

    plan = factory.SubFactory(PlanFactory)
    subject = factory.Sequence(lambda n: f"Tỷ lệ chỉ tiêu {n}")
    direction = "đạt"
    value_low = Decimal(90)
    unit = "%"
    order = factory.Sequence(lambda n: n)


def assign(task: Task, organisation, role: str = "lead") -> TaskAssignment:
    return TaskAssignment.objects.create(task=task, organisation=organisation, role=role)


def scheduled_plan(quarterly: bool = True, **kwargs) -> Plan:
    """A published plan reporting quarterly through 2025 (periods 2025-Q1 … 2025-Q4)."""
    plan = PlanFactory(**kwargs)
    services.save_schedule(None, plan, version=0, starts_on=date(2025, 1, 1), ends_on=date(2025, 12, 31),
                           quarterly=quarterly, half_yearly=False, yearly=False)
    return plan
