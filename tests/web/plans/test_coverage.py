"""Coverage on the plan page and the cascade matrix: the core's `cover` on the plans' parsed texts."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.web.factories import PASSWORD, DraftPlanFactory, OrganisationFactory, user_with_role
from trienkhai.cascade.coverage import cover
from trienkhai.plans.parse import parse_file
from trienkhai_web.accounts.models import Role
from trienkhai_web.plans import queries
from trienkhai_web.plans.coverage import cascade_matrix, coverage_between, plan_label
from trienkhai_web.plans.models import Plan, PlanLink, PlanStatus

pytestmark = pytest.mark.django_db

SAMPLES = {"lang_son": "001_c9ca5d0d8e180833", "lam_dong": "002_89a3dd6ff25e755a", "tuyen_quang": "004_e02ef3f550a5da59"}


@pytest.fixture
def monitor_client(client):
    user = user_with_role(Role.MONITOR, OrganisationFactory(name="Ban Dân vận Tỉnh ủy"), username="giamsat")
    client.login(username=user.username, password=PASSWORD)
    return client


@pytest.fixture
def programmes(corpus_docs):
    """The resolution cited but not loaded, and three provincial programmes carrying it out."""
    resolution = Plan.objects.create(status=PlanStatus.PLACEHOLDER, number="43-NQ/TW", ref_id="43-NQ/TW")
    out = {}
    for name, stem in SAMPLES.items():
        draft = parse_file(corpus_docs / f"{stem}.txt").to_dict()
        doc = draft["document"]
        plan = DraftPlanFactory(draft=draft, number="", title=doc.get("title") or "Thực hiện Nghị quyết 43",
                                issuer_name=doc.get("issuer") or "", status=PlanStatus.PUBLISHED)
        PlanLink.objects.create(parent=resolution, child=plan)
        out[name] = plan
    return resolution, out


def test_coverage_between_is_the_core_result_and_works_for_any_loaded_parent(programmes):
    _, plans = programmes
    parent, child = plans["lang_son"], plans["tuyen_quang"]
    parent.status = PlanStatus.DRAFT  # a parent under review is compared too, not only a published one
    parent.save()
    expected = cover(parse_core(parent), parse_core(child))
    result = coverage_between(parent, child)
    assert result is not None
    assert [i.to_dict() for i in result.items] == [i.to_dict() for i in expected.items]


def parse_core(plan):
    from trienkhai.plans.model import Plan as CorePlan

    return CorePlan.from_dict(plan.draft)


def test_a_placeholder_parent_has_no_coverage(programmes):
    resolution, plans = programmes
    assert coverage_between(resolution, plans["lam_dong"]) is None


def test_children_are_named_by_who_issued_them_not_by_their_shared_title(programmes):
    resolution, plans = programmes
    labels = {c["label"] for c in queries.cascade_of(resolution)["children"]}
    assert any("Lạng Sơn" in label for label in labels) and any("Tuyên Quang" in label for label in labels)
    assert not any(label.startswith("Thực hiện") for label in labels)
    assert plan_label(plans["lam_dong"]) == "Tỉnh ủy Lâm Đồng"


def test_plan_page_card_counts_covered_of_total(monitor_client, programmes):
    _, plans = programmes
    parent, child = plans["lang_son"], plans["lam_dong"]
    PlanLink.objects.create(parent=parent, child=child)
    result = coverage_between(parent, child)
    page = monitor_client.get(reverse("plans:detail", args=[child.pk])).content.decode()
    assert f"{len(result.covered)}/{result.total} nội dung" in page
    assert result.total > len(result.covered) > 0
    assert "III.2 (ý 1)" in page  # each unit by its key as a reader names it, with its counterpart and words
    assert result.items[0].why[0] in page


def test_cascade_matrix_compares_siblings_when_the_parent_text_is_not_loaded(monitor_client, programmes):
    resolution, plans = programmes
    matrix = cascade_matrix(resolution)
    assert matrix.reference == plans["lang_son"]  # the earliest loaded child stands in for the resolution
    assert [c.pk for c in matrix.columns] == [plans["lam_dong"].pk, plans["tuyen_quang"].pk]
    # The matrix shows what `cover` says, cell by cell.
    for column, child in enumerate(matrix.columns):
        expected = {i.key: i for i in coverage_between(plans["lang_son"], child).items}
        for row in matrix.rows:
            item = expected[row["key"]]
            cell = row["cells"][column]
            assert (cell.status != "not_covered") == item.covered
            if item.covered:
                assert cell.counterpart == item.counterparts[0].key
    page = monitor_client.get(reverse("plans:cascade", args=[resolution.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Tỉnh ủy Lâm Đồng" in html and "cell-covered" in html and "cell-not_covered" in html


def test_cascade_matrix_exports_to_xlsx(monitor_client, programmes):
    from openpyxl import load_workbook

    resolution, _ = programmes
    response = monitor_client.get(reverse("plans:cascade_xlsx", args=[resolution.pk]))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [c.value for c in sheet[1]]
    assert header[:2] == ["Mục", "Nội dung"] and "Tỉnh ủy Lâm Đồng" in header
    values = {c.value.split(" ")[0] for row in sheet.iter_rows(min_row=2, min_col=3) for c in row if c.value}
    assert {"đã", "chưa"} <= values
    assert sheet.max_row == len(cascade_matrix(resolution).rows) + 1


def test_cascade_page_needs_permission(client, programmes):
    resolution, _ = programmes
    assert client.get(reverse("plans:cascade", args=[resolution.pk])).status_code == 302


RESOLUTIONS = __import__("pathlib").Path(__file__).resolve().parents[2] / "fixtures" / "resolutions"


def test_a_resolution_imported_as_the_parent_fills_its_placeholder_and_is_compared_with(monitor_client, programmes):
    """The resolution's own text (not a plan: no register, no reporting) is imported where it was only
    cited; from then on every programme is compared with it, not with a sibling."""
    from trienkhai_web.plans.services import import_document

    resolution, _ = programmes
    user = get_user_model().objects.get(username="giamsat")
    data = (RESOLUTIONS / "nq_43_tw.txt").read_bytes()
    imported = import_document(user, filename="nq_43_tw.txt", data=data)
    assert imported.pk == resolution.pk and imported.status == PlanStatus.DRAFT
    assert imported.kind == "nghi_quyet" and imported.number == "43-NQ/TW"
    matrix = cascade_matrix(imported)
    assert matrix.reference is None and len(matrix.columns) == 3  # every programme is a column now
    keys = [r["key"] for r in matrix.rows]
    assert "III.3#1" in keys and "II.1#2" in keys  # each bullet of the resolution is a unit
    strata = next(r for r in matrix.rows if r["key"] == "III.3#1")  # "Xây dựng giai cấp công nhân…"
    assert all(c.status == "covered" for c in strata["cells"])
    html = monitor_client.get(reverse("plans:cascade", args=[imported.pk])).content.decode()
    assert "chưa được nạp" not in html, html[html.find("chưa được nạp") - 300:html.find("chưa được nạp") + 50]
    assert "Tỉnh ủy Lâm Đồng" in html and "III.3 (ý 1)" in html


def test_a_directive_copied_without_its_header_nor_headings_is_a_reference_text(monitor_client):
    """A directive pasted as paragraphs ("Chỉ thị số 05-CT/TW … về …" then its paragraphs) was refused as
    "not like a plan": it is read by the line that names it, and each paragraph is a unit."""
    from trienkhai_web.plans.services import import_document

    user = get_user_model().objects.get(username="giamsat")
    plan = import_document(user, filename="ct.txt", data=(RESOLUTIONS / "ct_05_tw_body.txt").read_bytes())
    assert plan.kind == "chi_thi" and plan.ref_id == "5-CT/TW" and plan.issuer_name == "Bộ Chính trị"
    assert "phong cách Hồ Chí Minh" in plan.title
    result = coverage_between(plan, plan)
    assert result is not None and [i.key for i in result.items][:2] == ["#1", "#2"] and result.total == 6


def test_a_cited_parent_not_loaded_says_so_on_its_matrix(monitor_client):
    resolution = Plan.objects.create(status=PlanStatus.PLACEHOLDER, number="69-KL/TU", ref_id="69-KL/TU")
    html = monitor_client.get(reverse("plans:cascade", args=[resolution.pk])).content.decode()
    assert "chưa được nạp" in html


def _report_tasks(child, path, statuses, unit):
    """Tasks of `child` under its heading `path`, reported on (accepted) in its quarter 2025-Q2."""
    from datetime import date

    from tests.web.factories import (
        PlanItemFactory,
        TaskFactory,
        TaskProgressFactory,
        UnitReportFactory,
        assign,
    )
    from trienkhai_web.tracking import services as tracking_services

    tracking_services.save_schedule(None, child, version=0, starts_on=date(2025, 1, 1), ends_on=date(2025, 12, 31),
                                    quarterly=True, half_yearly=False, yearly=False)
    item = PlanItemFactory(plan=child, path=path, title="Xây dựng giai cấp, tầng lớp")
    period = child.reporting_periods.get(code="2025-Q2")
    report = UnitReportFactory(period=period, organisation=unit)
    tasks = []
    for status in statuses:
        task = TaskFactory(plan=child, item=item, no="")  # found by its heading, not by a register number
        assign(task, unit)
        if status:
            TaskProgressFactory(report=report, task=task, status=status)
        tasks.append(task)
    return tasks


def test_child_progress_rolls_up_to_the_parents_items(monitor_client, programmes, django_assert_max_num_queries):
    """For each unit of the parent, the child plans' counterpart tasks' progress (their latest due
    period, accepted reports), per child and summed; on the matrix, in the workbook and on the parent page."""
    from datetime import date

    from openpyxl import load_workbook

    from trienkhai_web.plans.services import import_document

    _, plans = programmes
    user = get_user_model().objects.get(username="giamsat")
    resolution = import_document(user, filename="nq_43_tw.txt", data=(RESOLUTIONS / "nq_43_tw.txt").read_bytes())
    matrix = cascade_matrix(resolution, today=date(2025, 7, 20))
    assert matrix.reference is None and len(matrix.columns) == 3
    strata = next(r for r in matrix.rows if r["key"] == "III.3#1")  # "Xây dựng giai cấp công nhân…"
    column = [c.pk for c in matrix.columns].index(plans["lam_dong"].pk)
    counterpart = strata["cells"][column].counterparts[0]
    heading = counterpart.split("#")[0]
    unit = OrganisationFactory(name="Ban Dân vận Thành ủy Đà Lạt")
    _report_tasks(plans["lam_dong"], heading, ["hoan_thanh", "dang_trien_khai", ""], unit)
    _report_tasks(plans["tuyen_quang"], "IX.9", ["hoan_thanh"], unit)  # a heading no unit points to
    with django_assert_max_num_queries(40):
        matrix = cascade_matrix(resolution, today=date(2025, 7, 20))
    strata = next(r for r in matrix.rows if r["key"] == "III.3#1")
    cell = strata["cells"][column]
    assert cell.progress == {"hoan_thanh": 1, "dang_trien_khai": 1, "chua_bao_cao": 1} and cell.done == 1
    assert strata["done"] == 1 and strata["tasks"] == 3 and "<svg" in strata["bar"]
    # Each counterpart task counted once in the roll-up, however many of the parent's items it answers.
    assert matrix.progress == {"hoan_thanh": 1, "dang_trien_khai": 1, "chua_bao_cao": 1}
    page = monitor_client.get(reverse("plans:cascade", args=[resolution.pk])).content.decode()
    assert "Tiến độ nhiệm vụ của kế hoạch cấp dưới" in page and "1/3 nhiệm vụ hoàn thành" in page
    sheet = load_workbook(io.BytesIO(monitor_client.get(reverse("plans:cascade_xlsx", args=[resolution.pk])).content)).active
    row = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[0] == "III.3#1")
    assert row[-2:] == (1, 3)
    detail = monitor_client.get(reverse("plans:detail", args=[resolution.pk])).content.decode()
    assert 'id="rollup"' in detail and "1 trên 3 nhiệm vụ tương ứng đã hoàn thành" in detail


def test_expected_children_that_have_issued_no_plan_are_listed_for_reminders(monitor_client, programmes):
    """The bodies the parent assigns work to (or else the level below its issuer) that have issued no
    plan carrying it out, each with its e-mail, what it was asked and by when."""
    from datetime import date

    from tests.web.factories import TaskFactory, assign
    from trienkhai_web.plans.coverage import expected_children

    resolution, plans = programmes
    province = OrganisationFactory(name="Tỉnh ủy Lâm Đồng")
    plans["lam_dong"].issuer = province
    plans["lam_dong"].save()
    waiting = OrganisationFactory(name="Tỉnh ủy Cao Bằng", email="vanphong@caobang.example")
    resolution.status, resolution.issued_on = PlanStatus.PUBLISHED, date(2023, 11, 24)
    resolution.save()
    for org, due in ((province, date(2024, 3, 31)), (waiting, date(2024, 2, 29))):
        assign(TaskFactory(plan=resolution, content="Xây dựng chương trình hành động thực hiện Nghị quyết",
                           due_date=due, no="1"), org)
    missing = expected_children(resolution, today=date(2024, 5, 1))
    assert [m.organisation for m in missing] == [waiting]  # Lâm Đồng has issued its programme
    assert missing[0].assigned and missing[0].due == date(2024, 2, 29) and missing[0].days_since == 159
    assert "Xây dựng chương trình hành động" in missing[0].asked[0]
    page = monitor_client.get(reverse("plans:cascade", args=[resolution.pk])).content.decode()
    table = page.split('id="expected"')[1].split("</table>")[0]
    assert "Tỉnh ủy Cao Bằng" in table and "mailto:vanphong@caobang.example" in table and "29/02/2024" in table
    assert "Tỉnh ủy Lâm Đồng" not in table and "Chưa ban hành kế hoạch (1)" in page


def test_without_assignments_the_level_below_the_issuer_is_expected():
    from datetime import date

    from trienkhai_web.plans.coverage import expected_children

    issuer = OrganisationFactory(name="Tỉnh ủy Lai Châu")
    answered = OrganisationFactory(name="Huyện ủy Sìn Hồ", parent=issuer)
    silent = OrganisationFactory(name="Huyện ủy Phong Thổ", parent=issuer)
    OrganisationFactory(name="Huyện ủy Mường Tè cũ", parent=issuer, valid_to=date(2025, 6, 30))  # ended
    parent = Plan.objects.create(status=PlanStatus.PUBLISHED, kind="ket_luan", number="69-KL/TU", issuer=issuer)
    child = DraftPlanFactory(status=PlanStatus.PUBLISHED, issuer=answered)
    PlanLink.objects.create(parent=parent, child=child)
    missing = expected_children(parent)
    assert [m.organisation for m in missing] == [silent] and not missing[0].assigned
