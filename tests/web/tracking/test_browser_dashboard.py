"""The dashboard's pictures in a real browser, at desktop and phone widths, and its print view as an A4
PDF (what a meeting gets on paper). Set TRIENKHAI_SHOTS=/some/dir to keep the PNGs and the PDF."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.web.conftest import login
from tests.web.factories import PASSWORD
from tests.web.tracking.test_dashboard import report_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _shots(tmp_path: Path) -> Path:
    return Path(os.environ.get("TRIENKHAI_SHOTS") or tmp_path)


@pytest.mark.parametrize("width", [1280, 390])
def test_dashboard_pictures_at_desktop_and_phone_width(world, page, tmp_path, width):
    report_for(world, ["hoan_thanh", "dang_trien_khai", "cham_tien_do"])
    login(page, world.monitor.username, PASSWORD)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"/theo-doi/ke-hoach/{world.plan.pk}/?period={world.period.pk}")
    bars = page.locator("#by-part svg.bar")
    assert bars.count() == 2
    box = bars.first.bounding_box()
    assert box is not None and box["width"] > 60 and box["x"] + box["width"] <= width + 1  # drawn, on screen
    assert page.locator("#targets svg.progress").count() == 1
    assert "Đúng hạn" in page.inner_text("#timeliness") and "Không nộp" in page.inner_text("#timeliness")
    page.screenshot(path=str(_shots(tmp_path) / f"dashboard-{width}.png"), full_page=True)


def test_print_view_is_an_a4_pdf_with_the_plan_and_period(world, page, tmp_path):
    report_for(world, ["hoan_thanh", "dang_trien_khai", "cham_tien_do"])
    login(page, world.monitor.username, PASSWORD)
    page.goto(f"/theo-doi/ke-hoach/{world.plan.pk}/?period={world.period.pk}&view=print")
    page.emulate_media(media="print")
    assert not page.locator(".topbar").is_visible() and not page.locator(".no-print").is_visible()
    page.set_viewport_size({"width": 700, "height": 1000})  # A4 less its 12 mm margins, at 96 px an inch
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth,"
                           " Math.max(...[...document.querySelectorAll('table')].map(t => t.getBoundingClientRect().right))]")
    assert widths[0] <= widths[1] and widths[2] <= widths[1], widths  # nothing runs off the paper
    pdf = _shots(tmp_path) / "dashboard-print.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in info  # pdfinfo names the page size
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert world.period.title in text and "Bảng theo dõi" in text and "Hoàn thành" in text
