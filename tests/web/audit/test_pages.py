from __future__ import annotations

import pytest
from django.template import Context, Template
from django.test import Client

from tests.web.factories import ROLES, OrganisationFactory, user_with_role
from trienkhai_web.accounts.models import Role
from trienkhai_web.organisations import services

pytestmark = pytest.mark.django_db
READERS = {Role.ADMINISTRATOR, Role.MONITOR, Role.LEADER}


@pytest.fixture
def changed(alice):
    admin = alice
    org = services.create_organisation(admin, name="Sở Y tế")
    services.update_organisation(admin, org, version=1, name="Sở Y tế tỉnh")
    other = services.create_organisation(None, name="Sở Tư pháp")
    return admin, org, other


@pytest.mark.parametrize("role", ROLES)
def test_trail_per_role(changed, role):
    unit = OrganisationFactory()
    user = user_with_role(role, None if role in (Role.ADMINISTRATOR, Role.LEADER) else unit)
    client = Client()
    client.force_login(user)
    response = client.get("/nhat-ky/")
    assert response.status_code == (200 if role in READERS else 403)
    if role in READERS:
        page = response.content.decode()
        assert "Sở Y tế tỉnh" in page and "Sở Y tế → Sở Y tế tỉnh" in page
        assert "sửa tổ chức" in page and "organisation.update" not in page


def test_trail_anonymous(changed):
    response = Client().get("/nhat-ky/")
    assert response.status_code == 302 and response["Location"].startswith("/dang-nhap/")


def test_trail_filters(changed):
    admin, _org, other = changed
    client = Client()
    client.force_login(admin)
    by_object = client.get("/nhat-ky/", {"type": "organisations.organisation", "id": other.pk}).content.decode()
    assert "Sở Tư pháp" in by_object and "Sở Y tế tỉnh" not in by_object
    by_user = client.get("/nhat-ky/", {"user": "quantri"}).content.decode()
    assert "Sở Y tế tỉnh" in by_user and "Sở Tư pháp" not in by_user
    assert "Sở Y tế tỉnh" not in client.get("/nhat-ky/", {"from": "01/01/2000", "to": "31/12/2000"}).content.decode()
    bad = client.get("/nhat-ky/", {"from": "32/13/2020"}).content.decode()
    assert "Không phải ngày" in bad


def test_history_include(changed):
    _, org, _ = changed
    html = Template('{% include "audit/_history.html" with object=org %}').render(Context({"org": org}))
    assert "sửa tổ chức" in html and "thêm tổ chức" in html and "quantri" in html
    assert "Chưa có thay đổi" in Template('{% include "audit/_history.html" with object=x %}').render(
        Context({"x": OrganisationFactory()}))
