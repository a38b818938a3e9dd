"""In a real Chromium, at desktop (1280 px) and phone (390 px) widths: the administrator creates an account and
reads its one-time password, the new person signs in with it; the error pages, the people list, the plans list
and the audit trail fit the screen, in Vietnamese. Screenshots go to $TRIENKHAI_SCREENSHOTS when set."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.web.conftest import login
from tests.web.factories import PASSWORD, PlanFactory, TaskFactory, assign

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("TRIENKHAI_SCREENSHOTS")


def _look(page, name: str) -> None:
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        assert page.evaluate("document.documentElement.lang") == "vi"
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= width + 1, f"{name} is {wide} px wide on a {width} px screen"
        if SHOTS:
            Path(SHOTS).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=f"{SHOTS}/{name}-{width}.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_admin_creates_an_account_and_the_person_signs_in(page, alice, unit, browser, live_server):
    plan = PlanFactory(title="Kế hoạch thực hiện Nghị quyết số 43-NQ/TW về tiếp tục phát huy truyền thống, "
                             "sức mạnh khối đại đoàn kết toàn dân tộc, xây dựng đất nước ngày càng phồn vinh")
    assign(TaskFactory(plan=plan), unit)
    login(page, "quantri", PASSWORD)
    page.goto("/nguoi-dung/")
    _look(page, "people")
    page.click("text=Tạo tài khoản mới")
    page.fill("#id_full_name", "Nguyễn Thị Hoa")
    page.fill("#id_email", "hoa@example.vn")
    page.fill("#id_username", "nthoa")
    page.select_option("#id_role", label="Người báo cáo của đơn vị")
    page.select_option("#id_organisation", label=unit.name)
    _look(page, "people-create")
    page.click("button.primary")
    page.wait_for_load_state("networkidle")
    password = page.locator("code.password").inner_text()
    _look(page, "people-password")
    page.goto("/khong-co-trang-nay/")
    assert page.locator("h1").inner_text() == "Không tìm thấy trang"
    assert page.locator("nav.mainnav").is_visible()
    _look(page, "error-404")
    page.goto("/ke-hoach/")
    _look(page, "plans")
    page.goto("/nhat-ky/")
    assert page.locator("text=đã tạo tài khoản cho Nguyễn Thị Hoa (nthoa)").first.is_visible()
    _look(page, "audit")
    other = browser.new_context(base_url=live_server.url, locale="vi-VN").new_page()
    login(other, "nthoa", password)
    assert "/dang-nhap/" not in other.url
    other.goto("/nguoi-dung/")
    assert other.locator("h1").inner_text() == "Bạn không có quyền mở trang này"
    _look(other, "error-403")
    other.context.close()
