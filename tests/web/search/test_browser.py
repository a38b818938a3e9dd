"""The search box in the header, in a real browser, on a wide screen and on a phone."""

import pytest
from playwright.sync_api import expect

from tests.web.conftest import login
from tests.web.factories import PASSWORD, TaskFactory, assign, scheduled_plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1280, 390])
def test_header_box_finds_the_phrase_typed_without_accents(browser, live_server, carol, unit, width, tmp_path):
    plan = scheduled_plan()
    task = TaskFactory(plan=plan, content="Phát huy vai trò của người có uy tín trong đồng bào dân tộc thiểu số")
    assign(task, unit)
    context = browser.new_context(viewport={"width": width, "height": 844}, base_url=live_server.url,
                                  locale="vi-VN")
    page = context.new_page()
    try:
        login(page, carol.username, PASSWORD)
        page.goto("/ke-hoach/")
        box = page.locator("header .sitesearch input[name=q]")
        expect(box).to_be_visible()
        box.fill("nguoi co uy tin")
        box.press("Enter")
        page.wait_for_url("**/tim-kiem/?q=*")
        expect(page.locator("#search-count")).to_contain_text("1 kết quả")
        expect(page.locator(".search-hit mark").first).to_have_text("người có uy tín")
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{overflow} px wider than a {width} px screen"
        page.screenshot(path=str(tmp_path / f"search-{width}.png"), full_page=True)
        page.locator(".search-hit h2 a").click()
        page.wait_for_url(f"**/nhiem-vu/{task.pk}/")
    finally:
        context.close()
