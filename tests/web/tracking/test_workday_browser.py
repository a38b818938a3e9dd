"""Each role's day in a real browser (Chromium), at desktop and phone widths: a reporter prepares with evidence
on a task and hands off, the head submits late with a reason, the reviewer is told, returns, the unit finds it
in "Việc cần làm", fixes and resubmits, the reviewer sees what changed and accepts from the approval grid;
two people editing one field see both values and choose."""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import expect

from tests.web.conftest import login
from tests.web.factories import PASSWORD
from trienkhai_web.tracking.models import Evidence, ReportStatus, UnitReport

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("TRIENKHAI_SCREENSHOTS", "/tmp/trienkhai-screens")
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def shot(page, name: str) -> None:
    os.makedirs(SHOTS, exist_ok=True)
    page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def as_user(page, user) -> None:
    page.context.clear_cookies()
    login(page, user.username, PASSWORD)


def choose(page, task, status):
    with page.expect_response(lambda r: "/luu/" in r.url) as response:
        page.select_option(f"#status-{task.pk}", status)
    assert response.value.status == 200
    expect(page.locator(f"#mark-status-{task.pk}")).to_contain_text("Đã lưu")


def type_and_wait(page, selector: str, text: str) -> None:
    """Type, and let the 1-second pause save it: no blur, no click elsewhere."""
    with page.expect_response(lambda r: "/luu/" in r.url) as response:
        page.locator(selector).press_sequentially(text, delay=5)
    assert response.value.status == 200
    expect(page.locator(f"#mark-{selector.lstrip('#')}")).to_contain_text("Đã lưu")


@pytest.mark.parametrize("width", [1280, 390])
def test_a_report_from_preparation_to_acceptance(world, page, tmp_path, width):
    page.set_viewport_size({"width": width, "height": 900})
    entry = f"/theo-doi/ke-hoach/{world.plan.pk}/don-vi/{world.unit.pk}/{world.period.code}/"
    first, rest = world.tasks[0], world.tasks[1:]

    # The reporter prepares: statuses, an explanation typed (saved by the pause), evidence on a task.
    as_user(page, world.reporter)
    page.goto("/viec-can-lam/")
    expect(page.locator("#todo-unit")).to_contain_text("Quý II/2025")
    page.goto(entry)
    page.get_by_role("button", name="Bắt đầu lập báo cáo").click()
    page.wait_for_url("**/theo-doi/bao-cao/*/")
    expect(page.locator("#next-step")).to_have_text("Người lập báo cáo chuẩn bị, sau đó trưởng đơn vị nộp.")
    choose(page, first, "cham_tien_do")
    for task in rest:
        choose(page, task, "hoan_thanh")
    type_and_wait(page, f"#explanation-{first.pk}", "Thiếu kinh phí")
    expect(page.locator("#filled-count")).to_have_text("4")
    proof = tmp_path / "Biên bản hội nghị.pdf"
    proof.write_bytes(PDF)
    page.set_input_files(f"#task-file-{first.pk}", str(proof))
    page.locator(f"#task-evidence-{first.pk}").get_by_role("button", name="Đính kèm").click()
    expect(page.locator(f"#task-evidence-{first.pk}")).to_contain_text("Biên bản hội nghị.pdf")
    assert page.locator("#submit-report").count() == 0  # the reporter does not submit
    page.click("#handoff-report")
    expect(page.locator(".messages")).to_contain_text("Đã chuyển báo cáo cho trưởng đơn vị")
    expect(page.locator("#next-step")).to_have_text("Báo cáo đang chờ trưởng đơn vị nộp.")
    shot(page, f"workday-report-reporter-{width}")
    report = UnitReport.objects.get(period=world.period, organisation=world.unit)
    assert Evidence.objects.get(report=report).task_id == first.pk

    # The head is told, and submits late with the reason (the browser asks for it before sending).
    as_user(page, world.head)
    page.goto("/theo-doi/thong-bao/")
    expect(page.locator("main")).to_contain_text("đề nghị kiểm tra và nộp")
    page.goto(f"/theo-doi/bao-cao/{report.pk}/")
    page.fill("#late-reason-input", "Chờ số liệu của các chi hội")
    page.click("#submit-report")
    expect(page.locator(".messages")).to_contain_text("Đã nộp báo cáo")

    # The reviewer is told (badge, inbox), reads the reason and returns the report.
    as_user(page, world.monitor)
    expect(page.locator("#todo-count")).to_have_text("1")
    page.goto("/viec-can-lam/")
    item = page.locator("#todo-review li[data-kind=review]")
    expect(item).to_contain_text("Chi bộ ấp 1 — Quý II/2025")
    expect(item).to_contain_text("nộp muộn")
    expect(item).to_contain_text("Chờ số liệu của các chi hội")
    shot(page, f"workday-todo-reviewer-{width}")
    page.goto("/theo-doi/thong-bao/")
    expect(page.locator("main")).to_contain_text("Chi bộ ấp 1 đã nộp báo cáo Quý II/2025, muộn")
    page.goto(f"/theo-doi/bao-cao/{report.pk}/")
    expect(page.locator("#late-reason")).to_contain_text("Chờ số liệu của các chi hội")
    page.fill("#review-comment", "Bổ sung kết quả cụ thể của nhiệm vụ 2")
    page.click("button[value=return]")
    expect(page.locator(".messages")).to_contain_text("Đã trả lại")

    # The unit finds it in its inbox, fixes it and resubmits.
    as_user(page, world.head)
    page.goto("/viec-can-lam/")
    returned = page.locator("#todo-unit li", has_text="Quý II/2025")
    expect(returned).to_contain_text("bị trả lại")
    expect(returned).to_contain_text("Bổ sung kết quả cụ thể của nhiệm vụ 2")
    shot(page, f"workday-todo-unit-{width}")
    returned.get_by_role("link").click()
    page.wait_for_url(f"**/theo-doi/bao-cao/{report.pk}/")
    type_and_wait(page, f"#results-{rest[0].pk}", "Đã tổ chức 3 hội nghị")
    page.click("#submit-report")
    expect(page.locator(".messages")).to_contain_text("Đã nộp báo cáo")

    # The reviewer sees "nộp lại" and what changed, opens it, and accepts it from the grid with "select all".
    as_user(page, world.monitor)
    page.goto("/viec-can-lam/")
    expect(page.locator("#todo-review li[data-kind=review]")).to_contain_text("nộp lại")
    with page.expect_response(lambda r: "/da-mo/" in r.url) as opened:
        page.goto(f"/theo-doi/bao-cao/{report.pk}/")
    assert opened.value.status == 204
    changes = page.locator("#changes")
    expect(changes).to_contain_text("Đã tổ chức 3 hội nghị")
    expect(changes).to_contain_text("Kết quả")
    shot(page, f"workday-report-reviewer-{width}")
    page.goto(f"/theo-doi/ke-hoach/{world.plan.pk}/luoi-duyet/")
    shot(page, f"workday-grid-{width}")
    page.check("#select-all")
    expect(page.locator(f"#pick-{report.pk}")).to_be_checked()
    page.get_by_role("button", name="Duyệt các báo cáo đã chọn").click()
    expect(page.locator(".messages")).to_contain_text("Đã xử lý 1 báo cáo")
    report.refresh_from_db()
    assert report.status == ReportStatus.ACCEPTED and report.late_reason == "Chờ số liệu của các chi hội"


def test_a_conflicting_edit_shows_both_values_and_nothing_is_left_unsaved(world, page, browser, live_server):
    entry = f"/theo-doi/ke-hoach/{world.plan.pk}/don-vi/{world.unit.pk}/{world.period.code}/"
    as_user(page, world.reporter)
    page.goto(entry)
    page.get_by_role("button", name="Bắt đầu lập báo cáo").click()
    page.wait_for_url("**/theo-doi/bao-cao/*/")
    context = browser.new_context(viewport={"width": 390, "height": 844}, base_url=live_server.url, locale="vi-VN")
    other = context.new_page()
    try:
        login(other, world.head.username, PASSWORD)
        other.goto(entry)
        field = f"#results-{world.tasks[0].pk}"
        type_and_wait(page, field, "Bản của phóng viên")
        with other.expect_response(lambda r: "/luu/" in r.url) as response:
            other.locator(field).press_sequentially("Bản của bí thư", delay=5)
        assert response.value.status == 409
        mark = other.locator(f"#mark-results-{world.tasks[0].pk}")
        expect(mark).to_contain_text("Bản của phóng viên")  # theirs, beside the field
        expect(other.locator(field)).to_have_value("Bản của bí thư")  # mine, still in the field
        other.screenshot(path=f"{SHOTS}/workday-conflict-390.png", full_page=False)
        mark.get_by_role("button", name="Lấy của người kia").click()
        expect(other.locator(field)).to_have_value("Bản của phóng viên")
        # Keep mine, on the second field: it overwrites knowingly.
        type_and_wait(page, f"#causes-{world.tasks[0].pk}", "A")
        causes = f"#causes-{world.tasks[0].pk}"
        with other.expect_response(lambda r: "/luu/" in r.url):
            other.locator(causes).press_sequentially("B", delay=5)
        with other.expect_response(lambda r: "/luu/" in r.url) as kept:
            other.locator(f"#mark-causes-{world.tasks[0].pk}").get_by_role("button", name="Giữ của tôi").click()
        assert kept.value.status == 200

        # Typed but not yet saved: leaving the page asks first.
        other.locator(f"#proposals-{world.tasks[0].pk}").press_sequentially("Chưa lưu", delay=0)
        dialogs = []
        other.on("dialog", lambda d: (dialogs.append(d.type), d.dismiss()))
        other.close(run_before_unload=True)
        other.wait_for_timeout(300)
        assert dialogs == ["beforeunload"]
    finally:
        context.close()
    report = UnitReport.objects.get(period=world.period, organisation=world.unit)
    row = report.progress.get(task_id=world.tasks[0].pk)
    assert (row.results, row.causes) == ("Bản của phóng viên", "B")
