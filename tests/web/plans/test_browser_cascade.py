"""The cascade matrix in a real browser at desktop and phone widths: the resolution's own text as the
parent, the child plans' progress rolled up, and who has not issued a plan yet. Set TRIENKHAI_SHOTS=/dir
to keep the PNGs."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from tests.web.conftest import login
from tests.web.factories import PASSWORD, OrganisationFactory, TaskFactory, assign
from tests.web.plans.test_coverage import RESOLUTIONS, _report_tasks, programmes  # noqa: F401 (a fixture)
from trienkhai_web.plans.coverage import cascade_matrix
from trienkhai_web.plans.models import PlanStatus
from trienkhai_web.plans.services import import_document

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1280, 390])
def test_cascade_page_at_desktop_and_phone_width(programmes, bob, page, tmp_path, width):  # noqa: F811
    _, plans = programmes
    resolution = import_document(bob, filename="nq_43_tw.txt", data=(RESOLUTIONS / "nq_43_tw.txt").read_bytes())
    resolution.status, resolution.issued_on = PlanStatus.PUBLISHED, date(2023, 11, 24)
    resolution.save()
    matrix = cascade_matrix(resolution)
    column = [c.pk for c in matrix.columns].index(plans["lam_dong"].pk)
    heading = next(r for r in matrix.rows if r["key"] == "III.3#1")["cells"][column].counterparts[0].split("#")[0]
    _report_tasks(plans["lam_dong"], heading, ["hoan_thanh", "dang_trien_khai", "cham_tien_do"],
                  OrganisationFactory(name="Ban Dân vận Thành ủy Đà Lạt"))
    assign(TaskFactory(plan=resolution, content="Xây dựng chương trình hành động", due_date=date(2024, 2, 29)),
           OrganisationFactory(name="Tỉnh ủy Cao Bằng", email="vanphong@caobang.example"))
    login(page, bob.username, PASSWORD)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"/ke-hoach/{resolution.pk}/tiep-thu/")
    assert "Tỉnh ủy Cao Bằng" in page.inner_text("#expected")
    assert page.locator("td.rollup svg.bar").count() >= 1
    assert page.evaluate("document.documentElement.scrollWidth") <= width + 1  # the wide matrix scrolls inside
    shots = Path(os.environ.get("TRIENKHAI_SHOTS") or tmp_path)
    page.screenshot(path=str(shots / f"cascade-{width}.png"), full_page=width > 400)
    page.locator("#no-plan-yet").screenshot(path=str(shots / f"cascade-expected-{width}.png"))
    assert page.locator("table.cascade").bounding_box()["height"] < 400 * len(matrix.rows)  # readable on a phone
    page.goto(f"/ke-hoach/{resolution.pk}/")
    assert page.locator("#rollup svg.bar").count() == 1 and "Tỉnh ủy Cao Bằng" in page.inner_text("#expected")
    page.screenshot(path=str(shots / f"parent-{width}.png"), full_page=True)
