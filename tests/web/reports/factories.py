"""Unit reports with their task progress and indicator values, for the review report tests."""

from __future__ import annotations

from datetime import datetime, time
from decimal import Decimal

import factory
from django.utils import timezone

from trienkhai_web.tracking.models import IndicatorValue, ReportStatus, TaskProgress, UnitReport


def at(day, hour: int = 9) -> datetime:
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
