"""Writing text people typed into spreadsheets without it turning into formulas (CSV/formula injection).

A unit's report text such as `=HYPERLINK("http://…","bấm vào đây")` would be a live formula in the review
workbook if written as it is: openpyxl stores any string that starts with "=" as a formula, and
spreadsheet programs evaluate CSV cells that start with = + - @. Every .xlsx and .csv the project writes
goes through these two functions, so the rule lives once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

# What makes a spreadsheet program read a cell as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?\d[\d.,]*%?")


def looks_like_formula(value: Any) -> bool:
    """Text a spreadsheet could evaluate; a signed number ("-5", "+3,5") is data, not a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(value)


def append_row(sheet: Any, values: Iterable[Any]) -> None:
    """`sheet.append(values)` with every formula-looking text kept as plain text (shown exactly as typed)."""
    sheet.append(list(values))
    for cell in sheet[sheet.max_row]:
        if looks_like_formula(cell.value):
            cell.data_type = "s"  # a shared string: never evaluated, displayed as typed


def csv_cell(value: Any) -> Any:
    """A CSV cell that no spreadsheet program evaluates: formula-looking text gets a leading apostrophe."""
    return "'" + value if looks_like_formula(value) else value
