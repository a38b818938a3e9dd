from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.web.factories import OrganisationFactory, TaskFactory, assign
from trienkhai_web.tracking import dashboard, queries, services
from trienkhai_web.tracking.models import UnitReport

pytestmark = pytest.mark.django_db
NOW = datetime(2025, 6, 16, 9, 0, tzinfo=UTC)
LATE = datetime(2025, 6, 25, 9, 0, tzinfo=UTC)
TODAY = date(2025, 7, 1)


def report_for(world, statuses, value="92", when=NOW, accept=True):
    report = services.open_report(world.period, world.unit)
    for task, status in zip(world.tasks, statuses, strict=True):
        report = services.save_field(world.reporter, report, version=report.version, kind="progress", object_id=task.pk,
                                     field="status", value=status, now=when)
        if status in ("cham_tien_do",) or (task.due_date and status != "hoan_thanh"):
            report = services.save_field(world.reporter, report, version=report.version, kind="progress",
                                         object_id=task.pk, field="explanation", value="lý do", now=when)
    report = services.save_field(world.reporter, report, version=report.version, kind="indicator",
                                 object_id=world.target.pk, field="value", value=value, now=when)
    report = services.submit(world.head, report, version=report.version, now=when, late_reason="Chờ số liệu")
    return services.accept(world.monitor, report, version=report.version, now=when) if accept else report


def test_dashboard_numbers(world):
    report_for(world, ["hoan_thanh", "dang_trien_khai", "cham_tien_do"])
    board = dashboard.build(world.plan, world.period, dashboard.Filters(), TODAY)
    assert board.totals == {"hoan_thanh": 1, "dang_trien_khai": 1, "cham_tien_do": 1}
    by_part = {r["part"].path: r for r in board.parts}
    assert by_part["I"]["total"] == 2 and by_part["I"]["done_pct"] == 50.0
    assert by_part["II"]["counts"]["cham_tien_do"] == 1
    unit_row = next(r for r in board.units if r["organisation"].pk == world.unit.pk)
    assert unit_row["total"] == 3 and unit_row["done_pct"] == 33.3
    target_row = board.targets[0]
    assert target_row["latest"] == Decimal(92) and target_row["assessment"] == "vuot"  # 92 > 90
    assert "<svg" in target_row["chart"]
    assert board.overdue == []  # the only task with a due date is done
    # The partner never reported: it is the one unit in the list, 14 days past the 17/06 deadline.
    assert [(m.organisation, m.days_late) for m in board.unreported] == [(world.partner, 14)]
    cells = {r["organisation"].pk: r["cells"] for r in board.timeliness}
    codes = [p.code for p in board.timeliness_periods]
    assert cells[world.unit.pk][codes.index("2025-Q2")] == queries.ON_TIME
    assert cells[world.partner.pk][codes.index("2025-Q2")] == queries.MISSING
    assert cells[world.unit.pk][codes.index("2025-Q3")] == queries.PENDING


def test_filters_and_overdue(world):
    report_for(world, ["dang_trien_khai", "hoan_thanh", "hoan_thanh"], when=LATE)
    board = dashboard.build(world.plan, world.period, dashboard.Filters(status="dang_trien_khai"), TODAY)
    assert board.totals == {"dang_trien_khai": 1}
    assert [r["task"] for r in board.overdue] == [world.tasks[0]]
    part2 = world.tasks[2].item
    assert dashboard.build(world.plan, world.period, dashboard.Filters(part=part2.pk), TODAY).totals == \
        {"hoan_thanh": 1}
    only_partner = dashboard.build(world.plan, world.period, dashboard.Filters(unit=world.partner.pk), TODAY)
    assert sum(only_partner.totals.values()) == 2  # the partner is involved in tasks 1 and 3
    timeliness = queries.timeliness([world.period], [world.unit.pk], TODAY)
    assert timeliness[world.unit.pk][world.period.pk] == queries.LATE


def test_returned_report_leaves_dashboard(world):
    report = report_for(world, ["hoan_thanh"] * 3, accept=False)
    submitted = dashboard.Filters(data=dashboard.DATA_SUBMITTED)
    assert dashboard.build(world.plan, world.period, submitted, TODAY).totals["hoan_thanh"] == 3
    services.return_report(world.monitor, report, "Thiếu minh chứng", version=report.version, now=NOW)
    board = dashboard.build(world.plan, world.period, submitted, TODAY)
    assert board.totals == {"chua_bao_cao": 3}
    assert world.unit in [m.organisation for m in board.unreported]


def _count_dashboard(world) -> int:
    with CaptureQueriesContext(connection) as ctx:
        dashboard.build(world.plan, world.period, dashboard.Filters(), TODAY)
    return len(ctx.captured_queries)


def test_dashboard_query_count_does_not_grow(world):
    report_for(world, ["hoan_thanh", "dang_trien_khai", "cham_tien_do"])
    small = _count_dashboard(world)
    for i in range(15):
        org = OrganisationFactory(parent=world.parent)
        task = TaskFactory(plan=world.plan, item=world.tasks[0].item, due_date=date(2025, 1, 1))
        assign(task, org)
        report = services.open_report(world.period, org)
        UnitReport.objects.filter(pk=report.pk).update(status="submitted", first_submitted_at=NOW)
        report.progress.create(task=task, status="dang_trien_khai")
        report.indicator_values.create(target=world.target, value=i)
    assert _count_dashboard(world) == small
    assert small <= 12


def test_unit_page_query_count_does_not_grow(world, client, django_assert_max_num_queries):
    report = services.open_report(world.period, world.unit)
    client.force_login(world.reporter)
    url = f"/theo-doi/bao-cao/{report.pk}/"
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    small = len(ctx.captured_queries)
    for _ in range(10):
        task = TaskFactory(plan=world.plan, item=world.tasks[0].item)
        assign(task, world.unit)
        assign(task, OrganisationFactory(), "partner")
    with django_assert_max_num_queries(small):
        assert client.get(url).status_code == 200


def test_dashboard_view_query_count(world, client, django_assert_max_num_queries):
    report_for(world, ["hoan_thanh", "dang_trien_khai", "cham_tien_do"])
    client.force_login(world.monitor)
    url = f"/theo-doi/ke-hoach/{world.plan.pk}/?period={world.period.pk}"
    with django_assert_max_num_queries(22):
        response = client.get(url)
    assert response.status_code == 200
    assert "Hội Nông dân xã" in response.content.decode()


def test_accepted_only_is_the_default(world):
    """Submitted figures count only when asked for; the targets table follows the same choice."""
    report_for(world, ["hoan_thanh", "dang_trien_khai", "cham_tien_do"], value="95", accept=False)
    default = dashboard.build(world.plan, world.period, dashboard.Filters(), TODAY)
    assert default.totals == {"chua_bao_cao": 3}
    assert default.targets[0]["latest"] is None and default.targets[0]["assessment"] == "chua_co_so_lieu"
    both = dashboard.build(world.plan, world.period, dashboard.Filters(data=dashboard.DATA_SUBMITTED), TODAY)
    assert both.totals == {"hoan_thanh": 1, "dang_trien_khai": 1, "cham_tien_do": 1}
    assert both.targets[0]["latest"] == Decimal(95)


def test_dashboard_page_states_the_basis(world, client):
    report_for(world, ["hoan_thanh"] * 3, accept=False)
    client.force_login(world.monitor)
    url = f"/theo-doi/ke-hoach/{world.plan.pk}/?period={world.period.pk}"
    page = client.get(url).content.decode()
    assert "chỉ số liệu đã duyệt" in page and 'data-status="hoan_thanh">0<' in page
    page = client.get(url + "&data=submitted").content.decode()
    assert 'value="submitted" selected' in page and 'data-status="hoan_thanh">3<' in page


def test_dashboard_pictures_and_one_workbook_link(world, client):
    """Status per part and per unit as stacked bars, each target's progress toward its level, the
    timeliness grid coloured and said in words, and one workbook instead of six files."""
    report_for(world, ["hoan_thanh", "dang_trien_khai", "cham_tien_do"])
    client.force_login(world.monitor)
    url = f"/theo-doi/ke-hoach/{world.plan.pk}/?period={world.period.pk}"
    page = client.get(url).content.decode()
    part_table = page.split('id="by-part"')[1].split("</table>")[0]
    assert part_table.count('<svg class="bar"') == 2 and 'aria-label="I.' in part_table
    assert "Hoàn thành: 1" in part_table  # each segment named in words
    unit_table = page.split('id="by-unit"')[1].split("</table>")[0]
    assert '<svg class="bar"' in unit_table
    targets = page.split('id="targets"')[1].split("</table>")[0]
    assert '<svg class="progress"' in targets and "102%" in targets  # 92 of a level of 90
    grid = page.split('id="timeliness"')[1].split("</table>")[0]
    assert 'class="tl-on_time">Đúng hạn' in grid and 'class="tl-missing">Không nộp' in grid
    assert "tl-legend" in page and "status-legend" in page
    assert page.count("&export=") == 1 and "export=all" in page and "view=print" in page
    assert ' style="' not in page.split("<main>")[1]  # the CSP allows no inline style


def test_print_view_names_the_plan_and_period_for_a_meeting(world, client, django_assert_max_num_queries):
    report_for(world, ["hoan_thanh", "dang_trien_khai", "cham_tien_do"])
    client.force_login(world.monitor)
    url = f"/theo-doi/ke-hoach/{world.plan.pk}/?period={world.period.pk}&view=print"
    with django_assert_max_num_queries(22):
        response = client.get(url)
    page = response.content.decode()
    assert response.status_code == 200 and 'id="print-sheet"' in page
    heading = page.split('id="print-period"')[1].split("</p>")[0]
    assert world.period.title in heading and world.period.unit_deadline.strftime("%d/%m/%Y") in heading
    assert world.plan.display_name in page and "<form method=\"get\"" not in page  # no filters on paper
    assert '<svg class="bar"' in page and "tl-grid" in page
    assert world.period.code not in page.split("<main>")[1]


def test_one_workbook_holds_every_table_with_title_rows_and_real_dates(world, client, django_assert_max_num_queries):
    import io

    from openpyxl import load_workbook

    report_for(world, ["dang_trien_khai", "hoan_thanh", "hoan_thanh"], when=LATE)
    client.force_login(world.monitor)
    url = f"/theo-doi/ke-hoach/{world.plan.pk}/?period={world.period.pk}&export=all"
    with django_assert_max_num_queries(22):
        response = client.get(url)
    assert response.status_code == 200 and ".xlsx" in response["Content-Disposition"]
    assert world.period.code not in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Theo phần", "Theo đơn vị", "Chỉ tiêu", "Nhiệm vụ quá hạn", "Chưa báo cáo",
                               "Đúng hạn"]
    for sheet in book.worksheets:
        assert world.plan.display_name in sheet["A1"].value
        assert any(world.period.title in (sheet.cell(row=r, column=1).value or "") for r in range(2, 5))
    overdue = book["Nhiệm vụ quá hạn"]
    header_row = next(r for r in range(1, 8) if overdue.cell(row=r, column=1).value == "Số")
    due = overdue.cell(row=header_row + 1, column=3)
    assert due.is_date and due.value.date() == world.tasks[0].due_date and due.number_format == "DD/MM/YYYY"
    late = book["Chưa báo cáo"]
    row = next(r for r in range(1, 10) if late.cell(row=r, column=1).value == world.partner.name)
    assert late.cell(row=row, column=2).is_date
    timeliness = book["Đúng hạn"]
    header = [c.value for c in timeliness[next(r for r in range(1, 8) if timeliness.cell(row=r, column=1).value == "Đơn vị")]]
    assert len(header) > 2 and all(str(v).startswith("Quý ") for v in header[1:])  # titles, never codes
