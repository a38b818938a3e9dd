"""The organisation pages in a real Chromium: the monitoring body finds a unit, adds an alias, ends a unit."""

from __future__ import annotations

import pytest

from tests.web.conftest import login
from tests.web.factories import PASSWORD
from trienkhai_web.organisations.models import Organisation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_monitor_searches_adds_alias_and_ends_a_unit(page, users, orgs):
    login(page, "giamsat", PASSWORD)
    page.goto("/to-chuc/")
    assert page.locator(".org-node.ended").first.is_visible()
    page.fill("#q", "so y te")
    page.click("main form[role=search] button[type=submit]")
    page.click("text=Sở Y tế")
    page.fill("#id_name", "SYT tỉnh")
    page.click("form[action$='/ten-goi-khac/'] button")
    page.wait_for_load_state("networkidle")
    assert page.locator("text=Đã thêm tên gọi khác.").is_visible()
    page.click("text=Kết thúc (hợp nhất, chia tách, đổi tên)")
    page.fill("#id_on", "2025-06-30")  # a date picker: the browser shows 30/06/2025
    page.select_option("#id_successors", label="Sở Nội vụ (so-noi-vu)")
    page.click("button.primary")
    page.wait_for_load_state("networkidle")
    assert page.locator("text=Tổ chức đã kết thúc hoạt động").is_visible()
    org = Organisation.objects.get(code="so-y-te")
    assert org.valid_to.isoformat() == "2025-06-30" and org.aliases.filter(name="SYT tỉnh").exists()
    # Usable on a phone: the tree fits the width.
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto("/to-chuc/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 400


def test_api_docs_load_offline(page, users):
    login(page, "lanhdao", PASSWORD)
    page.goto("/api/docs/")
    page.wait_for_selector(".swagger-ui .information-container", timeout=20000)
    assert page.locator("text=/api/organisations/").first.is_visible()
