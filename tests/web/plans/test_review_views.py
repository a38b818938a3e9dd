"""The review-before-publishing pages: the header form, the organisation picker, bullets made tasks, the
publish confirmation for tasks without a lead, and the upload's choice when the document is already here."""

from __future__ import annotations

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from tests.web.factories import DraftPlanFactory, OrganisationFactory, user_with_role
from tests.web.plans.drafts import draft_json
from trienkhai_web.accounts.models import Role
from trienkhai_web.plans import services
from trienkhai_web.plans.models import Plan, PlanStatus

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _own_media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def monitor(db):
    return user_with_role(Role.MONITOR, OrganisationFactory(name="Ban Dân vận Tỉnh ủy Lai Châu"), "giamsat")


def _htmx(client, url, data):
    return client.post(url, data, HTTP_HX_REQUEST="true")


def test_the_header_is_corrected_from_the_review_page(client, monitor):
    plan = DraftPlanFactory()
    client.force_login(monitor)
    page = client.get(reverse("plans:review", args=[plan.pk])).content.decode()
    assert 'type="date" name="date" value="2024-01-31"' in page and "Số, ký hiệu" in page and "Nơi nhận" in page
    url = reverse("plans:review_header", args=[plan.pk])
    body = _htmx(client, url, {"version": plan.version, "number": "56 KH TU"}).content.decode()
    assert 'id="review-panel"' in body and "Số, ký hiệu không đúng dạng" in body
    body = _htmx(client, url, {"version": plan.version, "number": "56-KH/TU", "date": "2024-02-15",
                               "title": "Trích yếu mới", "recipients": "Ban Bí thư\nLưu VP"}).content.decode()
    assert "56-KH/TU" in body and "15/02/2024" in body and "Trích yếu mới" in body
    plan.refresh_from_db()
    assert plan.recipients == ["Ban Bí thư", "Lưu VP"]
    stale = _htmx(client, url, {"version": plan.version - 1, "title": "Cũ"}).content.decode()
    assert "tải lại trang" in stale


def test_a_published_plan_corrects_its_number_on_its_page(client, monitor):
    plan = DraftPlanFactory()
    for name in services.undecided_names(plan):
        plan = services.map_agency(monitor, plan, version=plan.version, name=name,
                                   organisation=OrganisationFactory(name=name) if not name.startswith("các") else None)
    plan = services.publish(monitor, plan, version=plan.version)
    client.force_login(monitor)
    assert "Sửa số hoặc ngày ban hành" in client.get(reverse("plans:detail", args=[plan.pk])).content.decode()
    response = client.post(reverse("plans:plan_header", args=[plan.pk]),
                           {"version": plan.version, "number": "99-KH/TU", "date": "2024-02-01"}, follow=True)
    assert "Đã sửa số và ngày ban hành." in response.content.decode()
    plan.refresh_from_db()
    assert plan.number == "99-KH/TU"


def _queries(client, url, params) -> tuple[int, str]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        body = client.get(url, params).content.decode()
    return len(ctx.captured_queries), body


def test_the_picker_lists_organisations_with_their_place_in_the_tree(client, monitor):
    province = OrganisationFactory(name="Tỉnh ủy Lai Châu")
    OrganisationFactory(name="Ban Dân vận Tỉnh ủy", parent=province)
    client.force_login(monitor)
    url = reverse("plans:organisation_search")
    client.get(url, {"q": "ban"})  # the session's first save is not the list's
    few, _body = _queries(client, url, {"q": "ban dan van"})
    for i in range(30):
        OrganisationFactory(name=f"Ban Dân vận Huyện ủy số {i}", parent=OrganisationFactory(name=f"Huyện ủy số {i}",
                                                                                          parent=province))
    many, body = _queries(client, url, {"q": "ban dan van"})
    assert many == few  # one query for the list and its paths, however many match
    assert body.count('class="org-option"') == 12 and "— Huyện ủy số 0 — Tỉnh ủy Lai Châu" in body
    body = client.get(url, {"q": "dan van tinh", "picker": "task-lead-0"}).content.decode()
    assert 'role="option"' in body and "Ban Dân vận Tỉnh ủy" in body and "— Tỉnh ủy Lai Châu" in body
    assert 'id="task-lead-0-opt-' in body
    assert body.count('role="option"') <= 12
    assert "Không tìm thấy tổ chức nào" in client.get(url, {"q": "zzzz"}).content.decode()
    client.logout()
    assert client.get(url, {"q": "ban"}).status_code == 302


def test_leads_are_picked_not_typed_on_the_review_page(client, monitor):
    bdv = OrganisationFactory(name="Ban Dân vận Tỉnh ủy", parent=OrganisationFactory(name="Tỉnh ủy Lai Châu"))
    plan = DraftPlanFactory()
    client.force_login(monitor)
    page = client.get(reverse("plans:review", args=[plan.pk])).content.decode()
    assert 'name="leads" value="Ban Tuyên giáo Tỉnh ủy"' in page and 'data-pick-name="leads_org"' in page
    assert 'role="combobox"' in page
    body = _htmx(client, reverse("plans:review_item", args=[plan.pk]), {
        "action": "edit", "kind": "task", "key": "0", "version": plan.version, "leads": [""],
        "leads_org": [str(bdv.pk)], "partners": ["", "các cơ quan liên quan"]}).content.decode()
    assert 'id="review-panel"' in body
    plan.refresh_from_db()
    assert plan.draft["tasks"][0]["leads"] == ["Ban Dân vận Tỉnh ủy"]
    assert plan.draft["tasks"][0]["partners"] == ["các cơ quan liên quan"]
    assert plan.agency_map["Ban Dân vận Tỉnh ủy"] == bdv.pk


def test_the_task_page_picks_its_organisations(client, monitor):
    province = OrganisationFactory(name="Tỉnh ủy Lai Châu")
    bdv = OrganisationFactory(name="Ban Dân vận Tỉnh ủy", parent=province)
    plan = DraftPlanFactory()
    for name in services.undecided_names(plan):
        plan = services.map_agency(monitor, plan, version=plan.version, name=name, organisation=bdv)
    plan = services.publish(monitor, plan, version=plan.version)
    task = plan.tasks.order_by("order").first()
    client.force_login(monitor)
    page = client.get(reverse("plans:task", args=[task.pk])).content.decode()
    assert "Ban Dân vận Tỉnh ủy — Tỉnh ủy Lai Châu" in page and 'data-pick-name="leads"' in page
    assert '<select name="leads"' not in page and '<select name="partners"' not in page
    response = client.post(reverse("plans:task", args=[task.pk]), {"version": task.version, "timeframe": "",
                                                                   "recurrence": "", "due_date": ""})
    assert response.status_code == 200 and "Trường này là bắt buộc" in response.content.decode()


def test_bullets_are_made_tasks_from_the_review_page(client, monitor):
    data = draft_json()
    data["outline"][1]["children"][0]["blocks"] = [
        {"kind": "bullet", "text": "- Tổ chức hội nghị", "label": None},
        {"kind": "bullet", "text": "- Biên soạn tài liệu", "label": None}]
    plan = DraftPlanFactory(draft=data)
    client.force_login(monitor)
    page = client.get(reverse("plans:review", args=[plan.pk])).content.decode()
    assert page.count("Biến thành nhiệm vụ") == 2 and "Biến các ý của mục này thành nhiệm vụ (2)" in page
    assert "Biến các ý" not in page.split('id="src-0"')[0].split("MỤC ĐÍCH, YÊU CẦU")[1].split("NHIỆM VỤ")[0]
    url = reverse("plans:review_bullets", args=[plan.pk])
    body = _htmx(client, url, {"version": plan.version, "path": "II.1", "index": "0"}).content.decode()
    assert body.count("Biến thành nhiệm vụ") == 1 and "đã là nhiệm vụ" in body
    plan.refresh_from_db()
    body = _htmx(client, url, {"version": plan.version, "path": "II"}).content.decode()
    plan.refresh_from_db()
    assert [t["content"] for t in plan.draft["tasks"]][1:] == ["Tổ chức hội nghị", "Biên soạn tài liệu"]
    assert "Biến thành nhiệm vụ" not in body


def test_publishing_lists_tasks_without_a_lead_and_asks(client, monitor):
    plan = DraftPlanFactory()
    for name in services.undecided_names(plan):
        plan = services.map_agency(monitor, plan, version=plan.version, name=name, organisation=None)
    client.force_login(monitor)
    url = reverse("plans:publish", args=[plan.pk])
    response = client.post(url, {"version": plan.version})
    body = response.content.decode()
    assert response.status_code == 200 and "2 nhiệm vụ chưa có cơ quan chủ trì" in body
    assert 'href="#task-0"' in body and 'href="#assignment-0"' in body and 'id="task-0"' in body
    assert "Vẫn ban hành" in body
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT
    response = client.post(url, {"version": plan.version, "allow_leadless": "on"})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == PlanStatus.PUBLISHED


def test_a_plan_with_no_task_is_refused_on_publish(client, monitor):
    data = draft_json()
    data["tasks"], data["assignments"] = [], []
    plan = DraftPlanFactory(draft=data)
    client.force_login(monitor)
    response = client.post(reverse("plans:publish", args=[plan.pk]), {"version": plan.version}, follow=True)
    assert "Kế hoạch chưa có nhiệm vụ nào" in response.content.decode()


def test_uploading_a_document_already_here_offers_to_open_or_replace(client, monitor, corpus_docs):
    data = (corpus_docs / "003_70c23ef7c9a34c4f.txt").read_bytes()
    client.force_login(monitor)
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.post(reverse("plans:upload"), {"file": SimpleUploadedFile("kh.txt", data)})
    first = Plan.objects.get()
    retyped = data.decode().replace("\n", "\r\n").replace(". ", ".  ").encode()
    response = client.post(reverse("plans:upload"), {"file": SimpleUploadedFile("kh-go-lai.txt", retyped)})
    body = response.content.decode()
    assert response.status_code == 409
    assert "Mở kế hoạch đã có" in body and "Thay bản nháp" in body and "giống hệt" in body
    assert reverse("plans:review", args=[first.pk]) in body
    held = client.session["plans.pending_upload"]["file"]
    assert default_storage.exists(held)
    response = client.post(reverse("plans:upload"), {"action": "replace", "plan": first.pk, "version": first.version})
    assert response.status_code == 302 and response["Location"] == reverse("plans:review", args=[first.pk])
    first.refresh_from_db()
    assert first.source_filename == "kh-go-lai.txt" and Plan.objects.count() == 1
    assert not default_storage.exists(held) and "plans.pending_upload" not in client.session
    # The very same file again: only "open" is offered.
    body = client.post(reverse("plans:upload"), {"file": SimpleUploadedFile("x.txt", retyped)}).content.decode()
    assert "Mở kế hoạch đã có" in body and "Thay bản nháp" not in body


def test_a_published_plan_is_only_offered_to_open(client, monitor, corpus_docs):
    data = (corpus_docs / "003_70c23ef7c9a34c4f.txt").read_bytes()
    plan = services.import_document(monitor, filename="kh.txt", data=data)
    for name in services.undecided_names(plan):
        plan = services.map_agency(monitor, plan, version=plan.version, name=name,
                                   organisation=OrganisationFactory(name=name) if name[:1].isupper() else None)
    services.publish(monitor, plan, version=plan.version, allow_leadless=True)
    client.force_login(monitor)
    from django.core.files.uploadedfile import SimpleUploadedFile

    retyped = data.decode().replace("\n", "\r\n").encode()
    body = client.post(reverse("plans:upload"), {"file": SimpleUploadedFile("k.txt", retyped)}).content.decode()
    assert "Mở kế hoạch đã có" in body and "Thay bản nháp" not in body
    assert "không bao giờ bị thay" in body and reverse("plans:detail", args=[plan.pk]) in body


def test_a_task_added_in_review_gets_its_lead_from_the_picker(client, monitor):
    lead = OrganisationFactory(name="Ban Tổ chức Tỉnh ủy")
    plan = DraftPlanFactory()
    client.force_login(monitor)
    _htmx(client, reverse("plans:review_item", args=[plan.pk]), {
        "action": "add", "kind": "task", "version": plan.version, "content": "Rà soát quy hoạch cán bộ",
        "leads": [""], "leads_org": [str(lead.pk)], "timeframe": "Quý II/2024"})
    plan.refresh_from_db()
    added = plan.draft["tasks"][-1]
    assert (added["content"], added["leads"]) == ("Rà soát quy hoạch cán bộ", ["Ban Tổ chức Tỉnh ủy"])
    assert plan.agency_map["Ban Tổ chức Tỉnh ủy"] == lead.pk
