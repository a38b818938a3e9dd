"""Numbers and dates as a Vietnamese reader writes them: 1.234,5 and dd/mm/yyyy."""

from __future__ import annotations

from datetime import date
from decimal import Decimal


def fmt_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def fmt_number(value: float | Decimal | None, digits: int = 2) -> str:
    """"1.234,5" (thousands with dots, decimal comma, trailing zeros dropped: 8.5000 → "8,5"); "" for None.
    A Decimal keeps its exact digits (up to `digits` after the comma)."""
    if value is None:
        return ""
    text = f"{value:,.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
