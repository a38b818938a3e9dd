"""The factories of the application's tests, in one place: organisations and users with a role, published
plans with items, targets, tasks and assignments (built directly, no parsing), draft plans as the parser
produces them, and unit reports with their progress and indicator values.

Defaults are the plainest valid row; a test that asserts a value passes it explicitly."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, time
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from tests.web.plans.drafts import SOURCE, draft_json
from trienkhai.text.vietnamese import fold
from trienkhai_web.accounts.models import Membership, Role
from trienkhai_web.organisations.models import Organisation, OrganisationKind
from trienkhai_web.plans.models import (
    AssignmentRole,
    Plan,
    PlanItem,
    PlanStatus,
    Target,
    Task,
    TaskAssignment,
)
from trienkhai_web.tracking import services as tracking_services
from trienkhai_web.tracking.models import IndicatorValue, ReportStatus, TaskProgress, UnitReport

PASSWORD = "mat-khau-thu-nghiem-1"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Đơn vị số {n}")
    short_name = factory.LazyAttribute(lambda o: o.name[:40])
    kind = OrganisationKind.OTHER
    match_key = factory.LazyAttribute(lambda o: fold(o.name))


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"nguoidung{n}")
    first_name = "Người dùng"
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


def user_with_role(role: str, organisation: Organisation | None = None, username: str | None = None):
    """A user acting as `role` for `organisation` (password: PASSWORD)."""
    user = UserFactory(username=username or f"{role}_{organisation.pk if organisation else 'all'}")
    Membership.objects.create(user=user, role=role, organisation=organisation)
    return user


ROLES = [Role.ADMINISTRATOR, Role.MONITOR, Role.UNIT_REPORTER, Role.UNIT_HEAD, Role.LEADER]


class PlanFactory(factory.django.DjangoModelFactory):
    """A published plan with its own monitoring body."""

    class Meta:
        model = Plan

    status = PlanStatus.PUBLISHED
    kind = "ke_hoach"
    number = factory.Sequence(lambda n: f"{n + 10}-KH/TU")
    ref_id = factory.LazyAttribute(lambda o: o.number)
    title = factory.Sequence(lambda n: f"Kế hoạch thực hiện nghị quyết số {n}")
    issued_on = date(2025, 1, 10)
    issuer_name = "Ban Thường vụ Tỉnh ủy"
    source_filename = "ke-hoach.docx"
    monitoring_body = factory.SubFactory(OrganisationFactory, name=factory.Sequence(lambda n: f"Ban Dân vận {n}"))


class PlanItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanItem

    plan = factory.SubFactory(PlanFactory)
    path = factory.Sequence(lambda n: f"I.{n + 1}")
    number = factory.LazyAttribute(lambda o: o.path.rpartition(".")[2])
    title = factory.Sequence(lambda n: f"Phần {n}")
    order = factory.Sequence(lambda n: n)


class TargetFactory(factory.django.DjangoModelFactory):
    """A target "reach at least 90%"."""

    class Meta:
        model = Target

    plan = factory.SubFactory(PlanFactory)
    subject = factory.Sequence(lambda n: f"Tỷ lệ chỉ tiêu {n}")
    direction = "đạt"
    value_low = Decimal(90)
    unit = "%"
    order = factory.Sequence(lambda n: n)


class TaskFactory(factory.django.DjangoModelFactory):
    """A task with no timeframe and no due date."""

    class Meta:
        model = Task

    plan = factory.SubFactory(PlanFactory)
    no = factory.Sequence(lambda n: str(n + 1))
    content = factory.Sequence(lambda n: f"Nhiệm vụ số {n}: tuyên truyền, phổ biến nghị quyết")
    order = factory.Sequence(lambda n: n)


def assign(task: Task, organisation: Organisation, role: str = AssignmentRole.LEAD) -> TaskAssignment:
    return TaskAssignment.objects.create(task=task, organisation=organisation, role=role,
                                         name_in_document=organisation.name)


def scheduled_plan(quarterly: bool = True, **kwargs) -> Plan:
    """A published plan reporting quarterly through 2025 (periods 2025-Q1 … 2025-Q4)."""
    plan = PlanFactory(**kwargs)
    tracking_services.save_schedule(None, plan, version=0, starts_on=date(2025, 1, 1), ends_on=date(2025, 12, 31),
                                    quarterly=quarterly, half_yearly=False, yearly=False)
    return plan


class DraftPlanFactory(factory.django.DjangoModelFactory):
    """A draft as the parser leaves it (`tests.web.plans.drafts.draft_json`), awaiting review."""

    class Meta:
        model = Plan

    status = PlanStatus.DRAFT
    kind = "ke_hoach"
    number = factory.Sequence(lambda n: f"{n + 100}-KH/TU")
    ref_id = factory.LazyAttribute(lambda o: o.number)
    title = "Thực hiện Nghị quyết số 43-NQ/TW"
    draft = factory.LazyAttribute(lambda o: draft_json(o.number))
    source_text = SOURCE
    source_filename = "kh.txt"
    source_sha256 = factory.Sequence(lambda n: hashlib.sha256(f"doc{n}".encode()).hexdigest())
    # Followed by the monitoring body of the test's monitor (bob), as an imported draft is by its importer's.
    monitoring_body = factory.LazyFunction(lambda: next(
        (m.organisation for m in Membership.objects.filter(role=Role.MONITOR, organisation__isnull=False)
         .select_related("organisation").order_by("pk")), None))


def at(day: date, hour: int = 9) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


class UnitReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = UnitReport

    status = ReportStatus.ACCEPTED


class TaskProgressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TaskProgress

    status = "hoan_thanh"
    results = factory.Sequence(lambda n: f"Đã tổ chức {n + 2} hội nghị quán triệt")


class IndicatorValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndicatorValue

    value = Decimal("92")
