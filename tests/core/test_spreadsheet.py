"""Text people typed never becomes a live formula in a workbook or a CSV file the project writes."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace

import pytest
from openpyxl import Workbook, load_workbook

from trienkhai.reports.model import LeadResult
from trienkhai.reports.sample import sample_report
from trienkhai.reports.xlsx_writer import SHEET_RESULTS, build_xlsx
from trienkhai.spreadsheet import append_row, csv_cell, looks_like_formula

ATTACK = '=HYPERLINK("http://127.0.0.1/x","Bấm vào đây")'


@pytest.mark.parametrize("text", [ATTACK, "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1"])
def test_formula_looking_text_is_recognised(text):
    assert looks_like_formula(text)


@pytest.mark.parametrize("value", ["-5", "+3,5", "-1.234,5", "12%", "Đã hoàn thành", 5, None, "- Như trên;"[2:]])
def test_numbers_and_ordinary_text_are_left_alone(value):
    assert not looks_like_formula(value)
    assert csv_cell(value) == value


def _formulas(data: bytes) -> list[str]:
    """The <f> elements of every sheet: what a spreadsheet program would evaluate."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [name for name in z.namelist() if name.startswith("xl/worksheets/") and b"<f>" in z.read(name)]


def test_append_row_keeps_the_text_as_typed():
    book = Workbook()
    append_row(book.active, ["Kết quả", ATTACK, -5, "-5"])
    out = io.BytesIO()
    book.save(out)
    assert _formulas(out.getvalue()) == []
    cells = next(load_workbook(io.BytesIO(out.getvalue())).active.iter_rows(values_only=True))
    assert cells == ("Kết quả", ATTACK, -5, "-5")


def test_review_workbook_writes_unit_text_as_text():
    data = sample_report(units=3, tasks=2, indicators=1)
    part = data.results[0]
    group = part.groups[0]
    group.leads[0] = replace(group.leads[0], result=ATTACK)
    group.leads.append(LeadResult(organisation="@Ban Dân vận", result="=1+1"))
    workbook = build_xlsx(data)
    assert _formulas(workbook) == []
    values = [v for row in load_workbook(io.BytesIO(workbook))[SHEET_RESULTS].iter_rows(values_only=True) for v in row]
    assert ATTACK in values and "=1+1" in values and "@Ban Dân vận" in values


def test_csv_cell_neutralises_with_an_apostrophe():
    assert csv_cell(ATTACK) == "'" + ATTACK
