"""The long commands draw a progress bar on stderr: `trienkhai import` of a scan (one step a page) and
`trienkhai report` (its steps)."""

from __future__ import annotations

import pytest

from tests.web.factories import OrganisationFactory, TaskFactory, assign, scheduled_plan
from tests.web.jobs.scans import scanned_plan
from trienkhai_web.cli import main
from trienkhai_web.plans.models import Plan
from trienkhai_web.tracking.models import ReportingPeriod


@pytest.mark.django_db
def test_importing_a_scan_shows_the_ocr_pages(tmp_path, capsys):
    scan = tmp_path / "ban-quet.pdf"
    scan.write_bytes(scanned_plan(pages=2, year=2050))
    assert main(["import", str(scan)]) == 0
    out, err = capsys.readouterr()
    assert "Nhận dạng chữ (OCR): [###############...............] trang 1/2" in err
    assert "[##############################] trang 2/2" in err and err.endswith("\n")
    assert "Đã nhập bản nháp" in out and Plan.objects.filter(source_filename="ban-quet.pdf").count() == 1


@pytest.mark.django_db
def test_a_report_shows_its_steps_and_is_written_whole(tmp_path, capsys):
    plan = scheduled_plan(number="88-KH/TU")
    assign(TaskFactory(plan=plan), OrganisationFactory(name="Sở Nội vụ"))
    period = ReportingPeriod.objects.filter(plan=plan).order_by("start").first()
    out_file = tmp_path / "bao-cao.docx"
    assert main(["report", "--plan", "88-KH/TU", "--period", period.code, "--out", str(out_file)]) == 0
    _, err = capsys.readouterr()
    assert "Thu thập số liệu: [" in err and "Viết tệp: [" in err and "Xong: [##############################] bước 3/3" in err
    assert out_file.read_bytes().startswith(b"PK") and not list(tmp_path.glob(".*.part"))
