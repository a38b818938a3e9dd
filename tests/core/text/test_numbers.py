from decimal import Decimal

import pytest

from trienkhai.text.numbers import NumberError, parse_number, read_number


@pytest.mark.parametrize(("text", "value"), [
    ("1.000", Decimal(1000)), ("3.400", Decimal(3400)), ("1.234,5", Decimal("1234.5")), ("8,5", Decimal("8.5")),
    ("-5", Decimal(-5)), ("12%", Decimal(12)), (" 12,5 % ", Decimal("12.5")), ("2.5", Decimal("2.5")),
    ("1 000", Decimal(1000)), ("1.000.000", Decimal(1000000)), ("0.500", Decimal("0.5")), ("+3", Decimal(3)),
    ("\u22122,5", Decimal("-2.5")), ("", None), ("   ", None),
])
def test_read_number_as_vietnamese_users_type_it(text, value):
    assert read_number(text) == value


@pytest.mark.parametrize("text", ["abc", "1,234.5", "1.2.3", "12,", "5 mươi", "--5"])
def test_read_number_refuses_what_is_not_a_number(text):
    with pytest.raises(NumberError) as error:
        read_number(text)
    assert "không phải là một số" in error.value.message and "1.234,5" in error.value.message


def test_document_numbers_and_typed_numbers_agree():
    for text in ("1,5", "1.000", "2.500,5", "2.5", "100"):
        assert Decimal(str(parse_number(text))) == read_number(text)
    assert isinstance(parse_number("1.000"), int)
