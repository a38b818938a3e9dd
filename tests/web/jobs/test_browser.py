"""A monitor uploads a scanned plan: the upload page starts an import job, the job's page shows the
progress bar moving page by page (HTMX polling, no reload), and ends on the link to the draft — in a real
browser, with a real worker on the real Redis; at 1280 px and on a phone."""

from __future__ import annotations

import os
import re

import pytest

from tests.web.conftest import login
from tests.web.factories import PASSWORD
from tests.web.jobs.scans import scanned_plan

SHOTS = os.environ.get("TRIENKHAI_SCREENSHOTS", "/tmp/trienkhai-screens")

pytestmark = [pytest.mark.browser, pytest.mark.worker, pytest.mark.xdist_group("worker")]


@pytest.mark.parametrize("width", [1280, 390])
def test_a_scanned_plan_is_imported_as_a_job_with_a_progress_bar(worker, page, bob, tmp_path, width):
    os.makedirs(SHOTS, exist_ok=True)
    page.set_viewport_size({"width": width, "height": 800})
    scan = tmp_path / "ke-hoach-ban-quet.pdf"
    scan.write_bytes(scanned_plan(pages=3, year=2040 + width))
    login(page, "giamsat", PASSWORD)
    page.goto("/ke-hoach/nhap/")
    page.set_input_files("#id_file", str(scan))
    page.get_by_role("button", name="Đọc văn bản").click()
    page.wait_for_url(re.compile(r"/cong-viec/\d+/$"))
    url = page.url
    assert page.get_by_role("heading", name="Nhập văn bản").is_visible()
    # The bar moves without a reload: the OCR's pages appear as they are read.
    page.locator(".job-figures", has_text=re.compile(r"trang [1-3]/3")).wait_for(timeout=30000)
    assert page.get_by_text("Nhận dạng chữ (OCR)").first.is_visible()
    page.screenshot(path=f"{SHOTS}/job-progress-{width}.png")
    link = page.get_by_role("link", name="Mở kết quả")
    link.wait_for(timeout=60000)
    assert page.url == url  # the same page, updated in place
    assert page.locator("progress").get_attribute("value") == "100"
    assert page.get_by_text("Hoàn thành").first.is_visible()
    page.screenshot(path=f"{SHOTS}/job-done-{width}.png")
    link.click()
    page.wait_for_url(re.compile(r"/ke-hoach/\d+/ra-soat/$"))
    assert page.get_by_text("Rà soát bản nháp").first.is_visible()


def test_a_report_is_built_as_a_job_with_a_progress_bar(worker, page, bob, unit):
    from tests.web.factories import TaskFactory, assign, scheduled_plan
    from trienkhai_web.tracking.models import ReportingPeriod

    plan = scheduled_plan(number="66-KH/TU", monitoring_body=bob.memberships.first().organisation)
    assign(TaskFactory(plan=plan, content="Tổ chức hội nghị quán triệt"), unit)
    period = ReportingPeriod.objects.filter(plan=plan).order_by("start").first()
    login(page, "giamsat", PASSWORD)
    page.goto(f"/ke-hoach/{plan.pk}/bao-cao/?ky={period.code}")
    page.get_by_role("button", name="Lập tệp .docx trong nền").click()
    page.wait_for_url(re.compile(r"/cong-viec/\d+/$"))
    assert page.get_by_role("heading", name="Lập báo cáo").is_visible()
    link = page.get_by_role("link", name="Tải kết quả về")
    link.wait_for(timeout=60000)
    assert page.locator("progress").get_attribute("value") == "100"
    assert page.get_by_text("Báo cáo đã lập xong.").is_visible()
    page.screenshot(path=f"{SHOTS}/job-report-done.png")
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename.startswith("Báo cáo 66-KH-TU ")
