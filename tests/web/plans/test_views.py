"""Every plans page tried as each role (allowed, forbidden) and anonymously (sent to the login page)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.web.factories import PASSWORD, DraftPlanFactory, OrganisationFactory, user_with_role
from trienkhai_web.accounts.models import Role
from trienkhai_web.plans import services
from trienkhai_web.plans.models import PlanStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    monitor_org = OrganisationFactory(name="Ban Dân vận Tỉnh ủy")
    unit = OrganisationFactory(name="Ban Tuyên giáo Tỉnh ủy")
    outsider_org = OrganisationFactory(name="Sở Y tế")
    users = {
        "administrator": user_with_role(Role.ADMINISTRATOR, None, "quantri"),
        "monitor": user_with_role(Role.MONITOR, monitor_org, "giamsat"),
        "unit_reporter": user_with_role(Role.UNIT_REPORTER, unit, "baocao"),
        "unit_head": user_with_role(Role.UNIT_HEAD, outsider_org, "truongdonvi"),
        "leader": user_with_role(Role.LEADER, None, "lanhdao"),
    }
    draft = DraftPlanFactory()
    for name in services.undecided_names(draft):
        org = {"Ban Dân vận Tỉnh ủy": monitor_org, "Ban Tuyên giáo Tỉnh ủy": unit}.get(name)
        draft = services.map_agency(users["monitor"], draft, version=draft.version, name=name, organisation=org)
    published = services.publish(users["monitor"], draft, version=draft.version)
    other_draft = DraftPlanFactory()
    task = published.tasks.order_by("order").first()
    return {"users": users, "plan": published, "draft": other_draft, "task": task, "unit": unit,
            "outsider": outsider_org}


# (url name, args from world, roles allowed). unit_reporter's org leads a task of the plan; unit_head's does not.
PAGES = [
    ("plans:list", lambda w: [], {"administrator", "monitor", "unit_reporter", "unit_head", "leader"}),
    ("plans:upload", lambda w: [], {"administrator", "monitor"}),
    ("plans:detail", lambda w: [w["plan"].pk], {"administrator", "monitor", "unit_reporter", "leader"}),
    ("plans:review", lambda w: [w["draft"].pk], {"administrator", "monitor"}),
    ("plans:task", lambda w: [w["task"].pk], {"administrator", "monitor", "unit_reporter", "leader"}),
    ("plans:work_index", lambda w: [], {"administrator", "monitor", "unit_reporter", "unit_head", "leader"}),
    ("plans:work", lambda w: [w["unit"].pk], {"administrator", "monitor", "unit_reporter", "leader"}),
]


@pytest.mark.parametrize(("name", "args", "allowed"), PAGES, ids=[p[0] for p in PAGES])
@pytest.mark.parametrize("role", ["administrator", "monitor", "unit_reporter", "unit_head", "leader"])
def test_page_permissions(client, world, name, args, allowed, role):
    url = reverse(name, args=args(world))
    client.force_login(world["users"][role])
    response = client.get(url)
    assert response.status_code in ((200, 302) if role in allowed else (403,)), (role, url, response.status_code)
    if role in allowed and response.status_code == 200:
        assert response["Content-Language"] == "vi" or "lang=\"vi\"" in response.content.decode()


@pytest.mark.parametrize(("name", "args", "allowed"), PAGES, ids=[p[0] for p in PAGES])
def test_anonymous_goes_to_login(client, world, name, args, allowed):
    response = client.get(reverse(name, args=args(world)))
    assert response.status_code == 302 and response["Location"].startswith("/dang-nhap/")


@pytest.mark.parametrize("role", ["unit_reporter", "unit_head", "leader"])
def test_writes_forbidden_to_non_managers(client, world, role):
    client.force_login(world["users"][role])
    draft = world["draft"]
    posts = [
        (reverse("plans:review_item", args=[draft.pk]), {"action": "delete", "kind": "task", "key": "0",
                                                         "version": draft.version}),
        (reverse("plans:review_agency", args=[draft.pk]), {"action": "none", "name": "các cơ quan liên quan",
                                                           "version": draft.version}),
        (reverse("plans:publish", args=[draft.pk]), {"version": draft.version}),
        (reverse("plans:task", args=[world["task"].pk]), {"version": world["task"].version,
                                                         "leads": [world["outsider"].pk]}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == 403, url
    draft.refresh_from_db()
    assert len(draft.draft["tasks"]) == 1 and draft.status == PlanStatus.DRAFT


def test_review_htmx_edit_returns_panel_and_stale_form_is_refused(client, world):
    client.force_login(world["users"]["monitor"])
    draft = world["draft"]
    url = reverse("plans:review_item", args=[draft.pk])
    data = {"action": "edit", "kind": "task", "key": "0", "version": draft.version, "content": "Nội dung đã sửa"}
    response = client.post(url, data, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "Nội dung đã sửa" in response.content.decode()
    assert 'id="review-panel"' in response.content.decode()
    response = client.post(url, {**data, "content": "Ghi đè"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "Ghi đè" not in body and "tải lại trang" in body
    draft.refresh_from_db()
    assert draft.draft["tasks"][0]["content"] == "Nội dung đã sửa"


def test_task_edit_post_and_history(client, world):
    client.force_login(world["users"]["monitor"])
    task = world["task"]
    response = client.post(reverse("plans:task", args=[task.pk]), {
        "version": task.version, "leads": [world["outsider"].pk], "partners": [], "timeframe": "Quý II/2025",
        "recurrence": "", "due_date": "", "targets": []})
    assert response.status_code == 302
    page = client.get(reverse("plans:task", args=[task.pk])).content.decode()
    assert "30/06/2025" in page and "Lịch sử thay đổi" in page and "Sở Y tế" in page


def test_login_with_password_works(client, world):
    assert client.login(username="giamsat", password=PASSWORD)
