from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import Workbook

from trienkhai_web.errors import UserError
from trienkhai_web.organisations import demo
from trienkhai_web.organisations import io as org_io
from trienkhai_web.organisations.models import Organisation, Succession

pytestmark = pytest.mark.django_db


def state() -> list[tuple]:
    """Everything an export carries, comparable across databases."""
    orgs = Organisation.objects.select_related("parent").prefetch_related("aliases", "successions__successor")
    return sorted(
        (o.code, o.name, o.short_name, o.kind, o.parent.code if o.parent else None,
         tuple(sorted(a.name for a in o.aliases.all())), o.valid_from, o.valid_to,
         tuple(sorted((s.successor.code, s.kind, s.date) for s in o.successions.all())))
        for o in orgs
    )


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_round_trip(fmt):
    demo.load()
    before = state()
    data = org_io.export_csv() if fmt == "csv" else org_io.export_xlsx()
    Succession.objects.all().delete()
    Organisation.objects.update(parent=None)
    Organisation.objects.all().delete()
    result = org_io.import_file(None, f"to-chuc.{fmt}", data)
    assert result.created == len(before)
    assert state() == before
    again = org_io.import_file(None, f"to-chuc.{fmt}", data)
    assert (again.created, again.updated, again.unchanged) == (0, 0, len(before))


def test_export_has_vietnamese_header_and_dates():
    demo.load()
    text = org_io.export_csv().decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Mã,Tên,Tên viết tắt,Loại")
    assert "30/06/2025" in text and "Ban Dân vận Tỉnh uỷ" in text


def test_bad_rows_reported_and_nothing_written():
    demo.load()
    count = Organisation.objects.count()
    csv_text = "\n".join([
        "Mã;Tên;Loại;Mã đơn vị cấp trên;Hiệu lực từ;Hiệu lực đến;Mã đơn vị kế thừa",
        "so-moi;Sở Mới;department;ubnd;01/07/2025;;",
        ";Không mã;;;;;",
        "x2;Đơn vị X;loai-la;khong-co;32/13/2025;;",
        "x3;Đơn vị Y;;;01/01/2025;01/01/2024;",
        "x4;Đơn vị Z;;;;;tinh",
        "so-moi;Trùng mã;;;;;",
        "c1;Vòng 1;;c2;;;",
        "c2;Vòng 2;;c1;;;",
    ])
    with pytest.raises(UserError) as exc:
        org_io.import_file(None, "sai.csv", csv_text.encode())
    errors = exc.value.problems
    joined = "\n".join(errors)
    assert [e.split(":")[0] for e in errors] == ["Dòng 3", "Dòng 4", "Dòng 5", "Dòng 6", "Dòng 7", "Dòng 8",
                                                "Dòng 9"]
    assert "thiếu mã" in joined and "loai-la" in joined and "khong-co" in joined and "32/13/2025" in joined
    assert "vòng" in joined and "dòng 2" in joined
    assert Organisation.objects.count() == count and not Organisation.objects.filter(code="so-moi").exists()


def test_xlsx_with_real_dates_and_labels():
    wb = Workbook()
    ws = wb.active
    ws.append(["code", "name", "kind", "parent code", "aliases", "valid from"])
    ws.append(["tinh", "Tỉnh A", "Tỉnh", None, None, dt.datetime(2025, 7, 1)])
    ws.append(["ubnd", "Ủy ban nhân dân tỉnh", "peoples_committee", "tinh", "UBND tỉnh; Uỷ ban nhân dân tỉnh", None])
    out = io.BytesIO()
    wb.save(out)
    result = org_io.import_file(None, "a.xlsx", out.getvalue())
    assert result.created == 2
    ubnd = Organisation.objects.get(code="ubnd")
    assert ubnd.parent.code == "tinh" and ubnd.match_key == "uy ban nhan dan tinh"
    assert sorted(a.name for a in ubnd.aliases.all()) == ["UBND tỉnh", "Uỷ ban nhân dân tỉnh"]
    assert Organisation.objects.get(code="tinh").valid_from == dt.date(2025, 7, 1)


def test_wrong_file_types():
    for name, data in (("a.txt", b"x"), ("a.xlsx", b"not a zip"), ("a.csv", "Mã".encode("utf-16"))):
        with pytest.raises(UserError):
            org_io.import_file(None, name, data)
    with pytest.raises(UserError) as exc:
        org_io.import_file(None, "a.csv", "Tên viết tắt\nA\n".encode())
    assert "Mã" in exc.value.problems[0]
