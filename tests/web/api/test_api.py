from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone
from drf_spectacular.validation import validate_schema
from rest_framework.test import APIClient

from tests.web.api.conftest import client_for
from tests.web.factories import ROLES
from trienkhai_web.accounts import tokens
from trienkhai_web.accounts.models import ApiToken, Role
from trienkhai_web.audit.models import AuditEntry
from trienkhai_web.plans.models import AssignmentRole

pytestmark = pytest.mark.django_db
READ_ALL = {Role.ADMINISTRATOR, Role.MONITOR, Role.LEADER}
MANAGE = {Role.ADMINISTRATOR, Role.MONITOR}


def ids(response):
    return {row["id"] for row in response.json()["results"]}


@pytest.mark.parametrize("url", ["/api/plans/", "/api/items/", "/api/targets/", "/api/tasks/",
                                 "/api/organisations/"])
def test_anonymous_is_refused(world, url):
    assert APIClient().get(url).status_code == 401


@pytest.mark.parametrize("role", ROLES)
def test_plan_list_and_retrieve_per_role(world, role):
    client = client_for(world.users[role])
    listed = client.get("/api/plans/")
    assert listed.status_code == 200
    expected = {world.plan_a.pk, world.plan_b.pk} if role in READ_ALL else {world.plan_a.pk}
    assert ids(listed) == expected
    detail = client.get(f"/api/plans/{world.plan_a.pk}/")
    assert detail.status_code == 200
    doc = detail.json()["document"]
    assert doc["schema"] == "trienkhai.plan/2"
    assert doc["outline"][0]["path"] == "I" and doc["outline"][0]["children"][0]["path"] == "I.1"
    assert doc["tasks"][0]["leads"] == [world.unit.name] and doc["tasks"][0]["section"] == "I.1"
    assert doc["targets"][0]["value"] == [2, 3] and doc["targets"][0]["section"] == "I.1"
    hidden = client.get(f"/api/plans/{world.plan_b.pk}/")
    assert hidden.status_code == (200 if role in READ_ALL else 404)


@pytest.mark.parametrize("role", ROLES)
def test_items_targets_tasks_filtered_per_role(world, role):
    client = client_for(world.users[role])
    tasks = client.get("/api/tasks/")
    expected = {world.task.pk, world.task_b.pk} if role in READ_ALL else {world.task.pk}
    assert ids(tasks) == expected
    assert ids(client.get(f"/api/items/?plan={world.plan_a.pk}")) == {world.item.pk, world.child.pk}
    assert ids(client.get("/api/targets/")) == {world.target.pk}
    task = client.get(f"/api/tasks/{world.task.pk}/").json()
    assert {(a["organisation"], a["role"]) for a in task["assignments"]} == {
        (world.unit.pk, AssignmentRole.LEAD), (world.other.pk, AssignmentRole.PARTNER)}


@pytest.mark.parametrize("role", ROLES)
def test_task_update_per_role(world, role):
    client = client_for(world.users[role])
    response = client.patch(f"/api/tasks/{world.task.pk}/",
                            {"version": 1, "lead": [world.other.pk], "partners": [world.unit.pk]}, format="json")
    if role in MANAGE:
        assert response.status_code == 200, response.content
        roles = {(a["organisation"], a["role"]) for a in response.json()["assignments"]}
        assert roles == {(world.other.pk, "lead"), (world.unit.pk, "partner")}
        entry = AuditEntry.objects.get(action="task.assignment.update")
        assert entry.user == world.users[role] and entry.before["lead"] == [world.unit.pk]
    else:
        assert response.status_code == 403
        assert not AuditEntry.objects.exists()


def test_task_update_conflict_and_bad_input(world):
    client = client_for(world.users[Role.MONITOR])
    url = f"/api/tasks/{world.task.pk}/"
    assert client.patch(url, {"version": 1, "timeframe": "Quý II/2024"}, format="json").status_code == 200
    stale = client.patch(url, {"version": 1, "lead": [world.other.pk]}, format="json")
    assert stale.status_code == 409 and stale.json()["detail"]  # the plans service's message
    assert client.patch(url, {"lead": [world.other.pk]}, format="json").status_code == 409  # no version read
    unknown = client.patch(url, {"version": 2, "lead": [999999]}, format="json")
    assert unknown.status_code == 400 and "999999" in str(unknown.json())
    world.task.refresh_from_db()
    assert world.task.version == 2 and world.task.timeframe == "Quý II/2024"


@pytest.mark.parametrize("role", ROLES)
def test_organisations_per_role(world, role):
    client = client_for(world.users[role])
    assert client.get("/api/organisations/").status_code == 200
    assert client.get(f"/api/organisations/{world.unit.pk}/").json()["name"] == world.unit.name
    update = client.patch(f"/api/organisations/{world.unit.pk}/",
                          {"version": 1, "short_name": "Hội LHPN", "aliases": ["Hội LHPN tỉnh"]}, format="json")
    create = client.post("/api/organisations/", {"name": "Sở Nội vụ", "kind": "department"}, format="json")
    if role in MANAGE:
        assert update.status_code == 200 and update.json()["aliases"] == ["Hội LHPN tỉnh"]
        assert update.json()["version"] == 2
        assert create.status_code == 201 and create.json()["match_key"] == "so noi vu"
    else:
        assert (update.status_code, create.status_code) == (403, 403)


def test_organisation_filters_match_and_conflict(world):
    client = client_for(world.users[Role.MONITOR])
    found = client.get("/api/organisations/", {"search": "hoi lien hiep phu nu"})
    assert ids(found) == {world.unit.pk}
    assert client.get("/api/organisations/", {"valid_on": "31/12/2024"}).status_code == 400
    assert ids(client.get("/api/organisations/", {"valid_on": "2024-12-31"})) >= {world.unit.pk}
    match = client.get("/api/organisations/match/", {"name": "Ban Dân vận Tỉnh uỷ"}).json()
    assert match[0]["organisation"]["id"] == world.bdv.pk and match[0]["how"] == "exact"
    url = f"/api/organisations/{world.unit.pk}/"
    assert client.patch(url, {"version": 1, "name": "Hội LHPN"}, format="json").status_code == 200
    stale = client.patch(url, {"version": 1, "name": "Khác"}, format="json")
    assert stale.status_code == 409
    bad = client.patch(url, {"version": 2, "parent": world.unit.pk}, format="json")
    assert bad.status_code == 400


def test_token_authentication(world):
    user = world.users[Role.UNIT_REPORTER]
    token, key = tokens.issue(user)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert ids(client.get("/api/plans/")) == {world.plan_a.pk}
    token.refresh_from_db()
    assert token.last_used_at is not None
    client.credentials(HTTP_AUTHORIZATION="Token sai")
    assert client.get("/api/plans/").status_code == 401


def test_an_expired_or_revoked_key_is_refused(world):
    user = world.users[Role.UNIT_REPORTER]
    expired, old_key = tokens.issue(user)
    ApiToken.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    revoked, revoked_key = tokens.issue(user)
    ApiToken.objects.filter(pk=revoked.pk).update(revoked_at=timezone.now())
    for key in (old_key, revoked_key):
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
        response = client.get("/api/plans/")
        assert response.status_code == 401
        assert response.json()["detail"].startswith("Khóa API")


def test_schema_is_valid_openapi(world):
    client = client_for(world.users[Role.LEADER])
    response = client.get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    schema = response.json()
    validate_schema(schema)
    assert {"/api/plans/", "/api/plans/{id}/", "/api/organisations/", "/api/tasks/{id}/", "/api/items/",
            "/api/targets/"} <= set(schema["paths"])
    browser = Client()
    browser.force_login(world.users[Role.LEADER])
    docs = browser.get("/api/docs/")
    assert docs.status_code == 200 and b"vendor/swagger-ui/swagger-ui-bundle.js" in docs.content
    assert b"cdn.jsdelivr" not in docs.content
