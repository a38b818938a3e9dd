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
    # A target with no unit takes any number (a percentage target refuses -5 and 1.000: see below).
    world.target.unit = ""
    world.target.save()
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


@pytest.mark.parametrize(("unit", "typed", "words"), [("%", "-5", "từ 0 đến 100"), ("%", "120", "từ 0 đến 100"),
                                                      ("mô hình", "2,5", "số nguyên"), ("mô hình", "-1", "số nguyên"),
                                                      ("tỷ đồng", "-3", "không thể âm")])
def test_a_value_the_target_cannot_have_is_refused(world, unit, typed, words):
    world.target.unit = unit
    world.target.save()
    report = services.open_report(world.period, world.unit)
    with translation.override("vi"), pytest.raises(UserError) as error:
        _save(world, report, typed)
    assert words in error.value.message
    assert not IndicatorValue.objects.filter(report=report, value__isnull=False).exists()


def test_the_page_shows_the_value_as_typed_with_the_target_and_the_previous_value(world, client):
    from tests.web.factories import IndicatorValueFactory, UnitReportFactory

    earlier = world.plan.reporting_periods.get(code="2025-Q1")
    IndicatorValueFactory(report=UnitReportFactory(period=earlier, organisation=world.unit), target=world.target,
                          value=Decimal("85.25"))
    report = services.open_report(world.period, world.unit)
    report = _save(world, report, "8,5")
    client.force_login(world.reporter)
    page = client.get(f"/theo-doi/bao-cao/{report.pk}/").content.decode()
    assert 'value="8,5"' in page and "8,5000" not in page
    assert "Chỉ tiêu: đạt 90%" in page
    assert "Kỳ trước (Quý I/2025): 85,25" in page
