"""Indicator values are read by the core's Vietnamese number reader, as officials type them."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from django.utils import translation

from trienkhai_web.errors import UserError
from trienkhai_web.tracking import services
from trienkhai_web.tracking.models import IndicatorValue

pytestmark = pytest.mark.django_db
NOW = datetime(2025, 6, 16, 9, 0, tzinfo=UTC)


def _save(world, report, value):
    return services.save_field(world.reporter, report, version=report.version, kind="indicator", object_id=world.target.pk,
                               field="value", value=value, now=NOW)


def test_values_typed_the_vietnamese_way(world):
    report = services.open_report(world.period, world.unit)
    for typed, stored in [("1.000", Decimal(1000)), ("3.400", Decimal(3400)), ("1.234,5", Decimal("1234.5")),
                          ("8,5", Decimal("8.5")), ("-5", Decimal(-5)), ("92,5%", Decimal("92.5")), ("", None)]:
        report = _save(world, report, typed)
        assert IndicatorValue.objects.get(report=report, target=world.target).value == stored, typed


@pytest.mark.parametrize(("typed", "words"), [("1,234.5", "không phải là một số"), ("abc", "không phải là một số"),
                                              ("1.234,56789", "quá nhiều chữ số")])
def test_what_is_not_a_number_is_refused_in_vietnamese_and_changes_nothing(world, typed, words):
    report = services.open_report(world.period, world.unit)
    report = _save(world, report, "7")
    with translation.override("vi"), pytest.raises(UserError) as error:
        _save(world, report, typed)
    assert words in error.value.message
    report.refresh_from_db()
    assert report.version == 2 and IndicatorValue.objects.get(report=report).value == Decimal(7)
