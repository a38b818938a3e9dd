"""“Việc cần làm”: a unit sees every report it owes across plans and periods (overdue, returned) and the
explanations it was asked for; a reviewer sees reports waiting, resubmitted, late; the menu badge counts them
in a fixed number of queries."""

from datetime import UTC, date, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from tests.web.factories import TaskFactory, assign, scheduled_plan
from trienkhai_web.tracking import inbox, services

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def vietnamese():
    """The inbox's words are made when it is read: in the language of the page (here Vietnamese)."""
    with translation.override("vi"):
        yield
TODAY = date(2025, 7, 1)  # Q1 and Q2 of 2025 are due, Q3 has begun
NOW = datetime(2025, 6, 16, 9, 0, tzinfo=UTC)


def ready(world, report, now=NOW):
    for i, task in enumerate(world.tasks):
        report = services.save_field(world.reporter, report, version=report.version, kind="progress",
                                     object_id=task.pk, field="status", value="hoan_thanh" if i else "cham_tien_do",
                                     now=now)
    return services.save_field(world.reporter, report, version=report.version, kind="progress",
                               object_id=world.tasks[0].pk, field="explanation", value="Thiếu kinh phí", now=now)


def test_a_unit_finds_every_report_it_owes(world):
    q1 = world.plan.reporting_periods.get(code="2025-Q1")
    report = ready(world, services.open_report(world.period, world.unit))
    report = services.submit(world.head, report, version=report.version, now=NOW)
    report = services.return_report(world.monitor, report, "Bổ sung số liệu", version=report.version, now=NOW)
    services.ask_explanation(world.monitor, world.tasks[0], world.unit, "Vì sao chậm?", world.period, now=NOW)
    box = inbox.inbox(world.reporter, TODAY)
    reports = [i for i in box.unit if i.kind == "report"]
    titles = [i.title.split(" — ")[0] for i in reports]
    assert titles == ["Quý I/2025", "Quý II/2025", "Quý III/2025"]  # overdue Q1, returned Q2, begun Q3
    by = {i.period.code: i for i in reports}
    assert by["2025-Q1"].days_late > 0 and by["2025-Q1"].status == "Chưa lập"
    assert by["2025-Q2"].report.pk == report.pk and "bị trả lại" in by["2025-Q2"].marks
    assert by["2025-Q2"].next_step == "Đơn vị sửa và nộp lại."
    assert by["2025-Q3"].days_late == 0 and by["2025-Q3"].next_step.startswith("Người lập báo cáo chuẩn bị")
    [explain] = [i for i in box.unit if i.kind == "explanation"]
    assert "Vì sao chậm?" in explain.title
    assert box.review == []
    assert inbox.inbox_count(world.reporter, TODAY) == 4
    # Answered, the explanation waits for the one who asked, not for the unit.
    services.reply_explanation(world.reporter, explain_thread(world), "Thiếu kinh phí", now=NOW)
    assert not [i for i in inbox.inbox(world.head, TODAY).unit if i.kind == "explanation"]
    [answer] = [i for i in inbox.inbox(world.monitor, TODAY).review if i.kind == "answer"]
    assert answer.title.startswith("Chi bộ ấp 1 đã trả lời")
    # Submitted, a report leaves the unit's list.
    q1_report = ready(world, services.open_report(q1, world.unit))
    services.submit(world.head, q1_report, version=q1_report.version, now=NOW, late_reason="Chậm")
    assert "2025-Q1" not in {i.period.code for i in inbox.inbox(world.head, TODAY).unit if i.kind == "report"}


def explain_thread(world):
    from trienkhai_web.tracking.models import ExplanationRequest

    return ExplanationRequest.objects.get(organisation=world.unit)


def test_a_reviewer_sees_waiting_resubmitted_and_late(world):
    report = ready(world, services.open_report(world.period, world.unit))
    report = services.submit(world.head, report, version=report.version, now=datetime(2025, 6, 20, tzinfo=UTC),
                             late_reason="Chờ số liệu")
    box = inbox.inbox(world.monitor, TODAY)
    [waiting] = [i for i in box.review if i.kind == "review"]
    assert waiting.report.pk == report.pk and waiting.marks == ["nộp muộn 3 ngày"]
    assert waiting.late_reason == "Chờ số liệu"
    late = {i.period.code: i.count for i in box.review if i.kind == "late"}
    assert late == {"2025-Q1": 2, "2025-Q2": 1}
    report = services.return_report(world.monitor, report, "Sửa", version=report.version, now=NOW)
    report = services.submit(world.head, report, version=report.version, now=NOW)
    [waiting] = [i for i in inbox.inbox(world.monitor, TODAY).review if i.kind == "review"]
    assert waiting.marks[0] == "nộp lại"
    # The parent's head reviews its units' reports too; a leader has nothing to do; another unit sees nothing.
    assert [i.report.pk for i in inbox.inbox(world.parent_head, TODAY).review if i.kind == "review"] == [report.pk]
    assert inbox.inbox(world.leader, TODAY).count == 0
    assert inbox.inbox(world.other, TODAY).count == 0
    assert inbox.inbox_count(world.monitor, TODAY) == 1


def test_the_badge_costs_the_same_few_queries_however_many_plans(world):
    def cost(user):
        user = type(user).objects.get(pk=user.pk)  # no cached count nor memberships
        with CaptureQueriesContext(connection) as queries:
            inbox.inbox_count(user, TODAY)
        return len(queries)

    small = cost(world.reporter), cost(world.monitor)
    for _ in range(4):
        plan = scheduled_plan(monitoring_body=world.plan.monitoring_body)
        for task in [TaskFactory(plan=plan) for _ in range(3)]:
            assign(task, world.unit)
    for period in world.plan.reporting_periods.all():
        ready(world, services.open_report(period, world.unit))
    assert (cost(world.reporter), cost(world.monitor)) == small
    assert max(small) <= 8


def test_the_page_lists_them_and_the_menu_shows_the_count(world, client):
    client.force_login(world.head)
    page = client.get("/viec-can-lam/").content.decode()
    assert "Việc cần làm" in page and 'id="todo-count"' in page
    assert "Quý II/2025" in page and "quá hạn" in page
    assert "Người lập báo cáo của Chi bộ ấp 1 được nộp báo cáo" in page  # the head's setting
    client.force_login(world.leader)
    page = client.get("/viec-can-lam/").content.decode()
    assert "Không có việc nào đang chờ bạn" in page and 'id="todo-count"' not in page
