"""The reporting cycle in a real browser: a unit fills and submits, the monitoring body returns then
accepts, and the dashboard follows."""

import pytest
from playwright.sync_api import expect

from tests.web.conftest import login
from tests.web.factories import PASSWORD
from trienkhai_web.tracking.models import ReportStatus, UnitReport

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def choose(page, task, status):
    with page.expect_response(lambda r: "/luu/" in r.url) as response:
        page.select_option(f"#status-{task.pk}", status)
    assert response.value.status == 200
    expect(page.locator("#save-status")).to_contain_text("Đã lưu")  # no string predicate: the CSP forbids eval


def begin(page, entry: str) -> None:
    """Open a unit's report from its link: a report not begun yet is begun with the page's button."""
    page.goto(entry)
    page.get_by_role("button", name="Bắt đầu lập báo cáo").click()
    page.wait_for_url("**/theo-doi/bao-cao/*/")


def test_submit_return_accept_and_dashboard(world, page):
    entry = f"/theo-doi/ke-hoach/{world.plan.pk}/don-vi/{world.unit.pk}/{world.period.code}/"
    dashboard = f"/theo-doi/ke-hoach/{world.plan.pk}/?period={world.period.pk}&data=submitted"
    login(page, world.head.username, PASSWORD)
    begin(page, entry)
    assert "Báo cáo của Chi bộ ấp 1" in page.inner_text("h1")
    choose(page, world.tasks[0], "cham_tien_do")
    for task in world.tasks[1:]:
        choose(page, task, "hoan_thanh")
    page.fill("#late-reason-input", "Chờ số liệu")  # the period's deadline has passed: a reason is asked
    page.click("#submit-report")
    assert "cần ghi giải trình" in page.inner_text(".messages")
    with page.expect_response(lambda r: "/luu/" in r.url):
        page.fill(f"#explanation-{world.tasks[0].pk}", "Thiếu kinh phí, đã đề xuất bổ sung")
        page.locator(f"#explanation-{world.tasks[0].pk}").blur()
    expect(page.locator("#save-status")).to_contain_text("Đã lưu")  # no string predicate: the CSP forbids eval
    expect(page.locator("#late-reason-input")).to_have_value("Chờ số liệu")  # kept from the refused attempt
    page.click("#submit-report")
    assert "Đã nộp báo cáo" in page.inner_text(".messages")
    report = UnitReport.objects.get(period=world.period, organisation=world.unit)
    assert report.late_reason == "Chờ số liệu"
    assert report.status == ReportStatus.SUBMITTED

    page.context.clear_cookies()
    login(page, world.monitor.username, PASSWORD)
    page.goto(dashboard)
    assert page.inner_text("#totals [data-status=cham_tien_do]") == "1"
    page.goto(f"/theo-doi/bao-cao/{report.pk}/")
    page.fill("#review-comment", "Bổ sung kết quả cụ thể")
    page.click("button[value=return]")
    assert "Đã trả lại" in page.inner_text(".messages")
    page.goto(dashboard)
    assert "Chi bộ ấp 1" in page.inner_text("#unreported")
    assert page.inner_text("#totals [data-status=chua_bao_cao]") == "3"

    page.context.clear_cookies()
    login(page, world.head.username, PASSWORD)
    page.goto(f"/theo-doi/bao-cao/{report.pk}/")
    assert "Bổ sung kết quả cụ thể" in page.inner_text("main")
    page.click("#submit-report")
    assert "Đã nộp báo cáo" in page.inner_text(".messages")

    page.context.clear_cookies()
    login(page, world.monitor.username, PASSWORD)
    page.goto(f"/theo-doi/ke-hoach/{world.plan.pk}/duyet/?period={world.period.pk}")
    page.check(f"input[name=report][value='{report.pk}']")
    page.click("text=Duyệt các báo cáo đã chọn")
    assert "Đã duyệt 1 báo cáo" in page.inner_text(".messages")
    page.goto(dashboard)
    assert "Chi bộ ấp 1" not in page.inner_text("#unreported")
    assert page.inner_text("#totals [data-status=hoan_thanh]") == "2"
    report.refresh_from_db()
    assert report.status == ReportStatus.ACCEPTED


def _fill(page, selector, text):
    with page.expect_response(lambda r: "/luu/" in r.url) as response:
        page.fill(selector, text)
        page.locator(selector).blur()
    return response.value


def test_two_people_edit_the_same_report(world, page, browser, live_server):
    """Two open pages: different fields both save (twice in a row), the same field is refused clearly."""
    entry = f"/theo-doi/ke-hoach/{world.plan.pk}/don-vi/{world.unit.pk}/{world.period.code}/"
    login(page, world.reporter.username, PASSWORD)
    begin(page, entry)
    context = browser.new_context(viewport={"width": 1366, "height": 768}, base_url=live_server.url,
                                  locale="vi-VN")
    other = context.new_page()
    try:
        login(other, world.head.username, PASSWORD)
        other.goto(entry)
        task = world.tasks[0].pk
        assert _fill(page, f"#results-{task}", "Đã tổ chức hội nghị").status == 200
        assert _fill(other, f"#difficulties-{task}", "Thiếu kinh phí").status == 200
        assert _fill(page, f"#results-{task}", "Đã tổ chức 2 hội nghị").status == 200  # its own field again
        assert _fill(other, f"#results-{task}", "Bản của bí thư").status == 409
        # The refusal stays beside the field (a later save of another field cannot hide it), with both values.
        mark = other.locator(f"#mark-results-{task}")
        expect(mark).to_contain_text("Người khác đã sửa ô này")
        expect(mark).to_contain_text("Đã tổ chức 2 hội nghị")
    finally:
        context.close()
    report = UnitReport.objects.get(period=world.period, organisation=world.unit)
    row = report.progress.get(task_id=task)
    assert (row.results, row.difficulties) == ("Đã tổ chức 2 hội nghị", "Thiếu kinh phí")
