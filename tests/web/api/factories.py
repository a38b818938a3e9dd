"""Plans with items, targets and tasks for the API tests."""

from __future__ import annotations

import datetime as dt

import factory

from tests.web.factories import OrganisationFactory
from trienkhai_web.plans.models import (
    AssignmentRole,
    Plan,
    PlanItem,
    PlanStatus,
    Target,
    Task,
    TaskAssignment,
)


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    status = PlanStatus.PUBLISHED
    kind = "ke_hoach"
    number = factory.Sequence(lambda n: f"{n + 10}-KH/TU")
    ref_id = factory.LazyAttribute(lambda o: o.number)
    title = "Thực hiện Nghị quyết số 43-NQ/TW"
    issued_on = dt.date(2024, 1, 31)
    issuer_name = "Ban Thường vụ Tỉnh ủy"
    source_filename = "ke-hoach.docx"


class PlanItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanItem

    plan = factory.SubFactory(PlanFactory)
    path = factory.Sequence(lambda n: f"I.{n + 1}")
    number = factory.LazyAttribute(lambda o: o.path.rpartition(".")[2])
    title = "Nhiệm vụ, giải pháp"
    text = "Tăng cường công tác dân vận."
    order = factory.Sequence(lambda n: n)


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Target

    plan = factory.SubFactory(PlanFactory)
    subject = "tỷ lệ hộ nghèo"
    text = "Tỷ lệ hộ nghèo giảm từ 2 - 3%/năm"
    direction = "giảm"
    value_low = 2
    value_high = 3
    unit = "%"
    deadline_year = 2030


class TaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Task

    plan = factory.SubFactory(PlanFactory)
    no = factory.Sequence(lambda n: str(n + 1))
    content = "Tổ chức quán triệt Nghị quyết"
    timeframe = "Quý I/2024"
    due_date = dt.date(2024, 3, 31)


def assign(task: Task, organisation, role: str = AssignmentRole.LEAD) -> TaskAssignment:
    return TaskAssignment.objects.create(task=task, organisation=organisation, role=role,
                                         name_in_document=organisation.name)


__all__ = ["OrganisationFactory", "PlanFactory", "PlanItemFactory", "TargetFactory", "TaskFactory", "assign"]
