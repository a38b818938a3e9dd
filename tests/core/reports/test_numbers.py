"""The one printer of numbers: what a Vietnamese reader writes, and what the number reader reads back."""

from decimal import Decimal

import pytest

from trienkhai.reports.numbers import fmt_number
from trienkhai.text.numbers import read_number


@pytest.mark.parametrize(("value", "digits", "shown"), [
    (Decimal("8.5000"), 4, "8,5"), (Decimal("1250.5"), 4, "1.250,5"), (Decimal("1234567.25"), 4, "1.234.567,25"),
    (1000, 2, "1.000"), (1000, 0, "1.000"), (Decimal("-5"), 2, "-5"), (0.0, 2, "0"), (Decimal("100"), 4, "100"),
    (Decimal("0.0001"), 4, "0,0001"), (None, 2, ""),
])
def test_printed_as_written(value, digits, shown):
    assert fmt_number(value, digits) == shown


@pytest.mark.parametrize("typed", ["8,5", "1.250,5", "1.000", "92,25", "0", "-3,5", "1.234.567,25"])
def test_printed_numbers_read_back_exactly(typed):
    assert fmt_number(read_number(typed), 4) == typed
