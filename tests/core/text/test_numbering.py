import pytest

from trienkhai.text.numbering import roman_numeral, roman_value


@pytest.mark.parametrize(("value", "numeral"), [(1, "I"), (4, "IV"), (9, "IX"), (14, "XIV"), (40, "XL"),
                                                (90, "XC"), (2024, "MMXXIV")])
def test_round_trip(value, numeral):
    assert roman_numeral(value) == numeral and roman_value(numeral) == value


def test_lenient_reading_and_refusals():
    assert roman_value("IIII") == 4 and roman_value("iii") == 3
    assert roman_value("IVa") is None and roman_value("") is None
    assert roman_numeral(0) == ""
