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
    assert "III.2#1" in page  # each unit by its key, with its counterpart and the shared words
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
    assert "chưa được nạp" not in html and "Tỉnh ủy Lâm Đồng" in html and "III.3#1" in html


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
