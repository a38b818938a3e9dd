"""Dashboard and organisation exports keep typed text as text (no formula injection)."""

from __future__ import annotations

import io
import zipfile

import pytest
from openpyxl import load_workbook

from trienkhai_web.organisations import io as org_io
from trienkhai_web.organisations.models import Organisation, OrganisationKind
from trienkhai_web.tracking.export import workbook_bytes

ATTACK = '=HYPERLINK("http://127.0.0.1/x","Bấm vào đây")'


def _has_formula(data: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return any(b"<f>" in z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/"))


def test_dashboard_table_writes_unit_text_as_text():
    data = workbook_bytes("Kết quả", ["Đơn vị", "Kết quả"], [["Ban Dân vận", ATTACK], ["Sở Nội vụ", "-3"]])
    assert not _has_formula(data)
    rows = list(load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True))
    assert rows[1] == ("Ban Dân vận", ATTACK)


@pytest.mark.django_db
def test_organisation_exports_write_names_as_text():
    Organisation.objects.create(code="X1", name=ATTACK, kind=next(iter(OrganisationKind)).value)
    assert not _has_formula(org_io.export_xlsx())
    assert "'" + ATTACK in org_io.export_csv().decode("utf-8-sig").replace('""', '"')
