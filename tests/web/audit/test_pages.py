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
        assert "Người dùng đã sửa tổ chức Sở Y tế tỉnh" in page and "organisation.update" not in page


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
    # Sentences with the person's name (the factory's "Người dùng"), and "Hệ thống" for the system.
    assert "Người dùng đã sửa tổ chức Sở Y tế tỉnh" in html and "Người dùng đã thêm tổ chức Sở Y tế tỉnh" in html
    assert "Chưa có thay đổi" in Template('{% include "audit/_history.html" with object=x %}').render(
        Context({"x": OrganisationFactory()}))


def test_report_entries_read_as_sentences_with_names(alice):
    """"Nguyễn Văn A đã nộp báo cáo Quý II/2025 của …", the status by its label, never a code or an id."""
    from tests.web.factories import scheduled_plan
    from trienkhai_web.audit.actions import Action
    from trienkhai_web.audit.services import record
    from trienkhai_web.tracking.models import UnitReport

    alice.first_name, alice.last_name = "Nguyễn Văn", "A"
    alice.save()
    plan = scheduled_plan()
    unit = OrganisationFactory(name="Ban Dân vận Tỉnh ủy", kind="party_commission")
    report = UnitReport.objects.create(period=plan.reporting_periods.get(code="2025-Q2"), organisation=unit)
    record(alice, Action.REPORT_SUBMIT, report, before={"status": "draft"}, after={"status": "submitted"})
    services.update_organisation(alice, unit, version=1, kind="party_delegation")
    client = Client()
    client.force_login(alice)
    page = client.get("/nhat-ky/").content.decode()
    assert "Nguyễn Văn A đã nộp báo cáo Quý II/2025 của Ban Dân vận Tỉnh ủy" in page
    assert "Nháp → Đã nộp" in page or "Bản nháp → Đã nộp" in page
    for code in ("tracking.report.submit", "draft", "submitted", "2025-Q2", "party_delegation", "party_commission"):
        assert f">{code}<" not in page and f" {code} " not in page and f"{code} →" not in page


def test_trail_queries_do_not_grow_with_entries(alice, django_assert_max_num_queries):
    for n in range(30):
        services.create_organisation(alice, name=f"Xã thứ {n}")
    client = Client()
    client.force_login(alice)
    with django_assert_max_num_queries(12):
        assert client.get("/nhat-ky/").status_code == 200


def test_every_action_has_a_sentence():
    from trienkhai_web.audit.actions import SENTENCES, Action

    assert [a for a in Action if a not in SENTENCES] == []
    assert all("%(object)s" in str(s) for s in SENTENCES.values())


def test_successors_set_by_a_file_read_by_name_and_kind(alice):
    from trienkhai_web.audit.actions import Action
    from trienkhai_web.audit.labels import describe
    from trienkhai_web.audit.services import record

    old, new = OrganisationFactory(name="Huyện Biên Giới"), OrganisationFactory(name="Tỉnh mẫu")
    entry = record(alice, Action.ORGANISATION_SUCCESSORS, old, before=[], after=[[new.pk, "merged_into"]])
    (described,) = describe([entry])
    assert described.rows == [("", "—", "Tỉnh mẫu (hợp nhất vào)")] or "merged_into" not in str(described.rows)
    assert "Tỉnh mẫu" in str(described.rows) and str(new.pk) not in str(described.rows)
