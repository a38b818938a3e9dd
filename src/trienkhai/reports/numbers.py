"""Numbers and dates as a Vietnamese reader writes them: 1.234,5 and dd/mm/yyyy."""

from __future__ import annotations

from datetime import date


def fmt_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def fmt_number(value: float | None, digits: int = 2) -> str:
    """"1.234,5" (thousands with dots, decimal comma, trailing zeros dropped); "" for None."""
    if value is None:
        return ""
    text = f"{value:,.{digits}f}".rstrip("0").rstrip(".")
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
