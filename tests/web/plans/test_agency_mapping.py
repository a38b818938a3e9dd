"""Agency names of a draft mapped through the organisations app's services, and the review forms."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.web.factories import DraftPlanFactory, OrganisationFactory, user_with_role
from tests.web.plans.drafts import draft_json
from trienkhai_web.accounts.models import Role
from trienkhai_web.audit.actions import Action
from trienkhai_web.audit.models import AuditEntry
from trienkhai_web.errors import UserError
from trienkhai_web.organisations.models import Organisation, OrganisationAlias
from trienkhai_web.plans import services
from trienkhai_web.plans.models import Plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def monitor():
    return user_with_role(Role.MONITOR, OrganisationFactory(name="Ban Dân vận Tỉnh ủy"), username="giamsat")


def test_a_new_organisation_is_made_and_audited_by_the_organisations_service(monitor):
    plan = DraftPlanFactory()
    plan = services.create_organisation_for(monitor, plan, version=plan.version, name="Ban Tuyên giáo Tỉnh ủy")
    # The plan is of Lai Châu: the new body is that province's, placed by the registry under its Tỉnh ủy.
    org = Organisation.objects.get(name="Ban Tuyên giáo Tỉnh ủy Lai Châu")
    assert (org.kind, org.level) == ("party_commission", "province")
    assert org.parent.name == "Tỉnh ủy Lai Châu" and org.parent.parent.name == "Tỉnh Lai Châu"
    assert org.parent.parent.parent.code == "trung-uong"
    assert list(org.aliases.values_list("name", flat=True)) == ["Ban Tuyên giáo Tỉnh ủy"]
    assert plan.agency_map["Ban Tuyên giáo Tỉnh ủy"] == org.pk
    created = AuditEntry.objects.get(action=Action.ORGANISATION_CREATE, object_id=str(org.pk))
    assert created.after["name"] == org.name
    assert AuditEntry.objects.filter(action=Action.PLAN_AGENCY_MAP, object_id=str(plan.pk)).count() == 1


def test_a_refused_organisation_changes_nothing(monitor):
    plan = DraftPlanFactory()
    with pytest.raises(UserError) as err:  # longer than the organisations app accepts
        services.create_organisation_for(monitor, plan, version=plan.version, name="Ban " * 100)
    assert err.value.message
    with pytest.raises(UserError):  # a name the draft does not contain: the new organisation is rolled back
        services.create_organisation_for(monitor, plan, version=plan.version, name="Sở Khoa học")
    assert not Organisation.objects.filter(name__startswith="Ban Ban").exists()
    assert not Organisation.objects.filter(name="Sở Khoa học").exists()
    assert Plan.objects.get(pk=plan.pk).version == plan.version and not AuditEntry.objects.exists()


def test_an_alias_goes_through_the_organisations_service(monitor):
    plan = DraftPlanFactory()
    ban = OrganisationFactory(name="Ban Tuyên giáo Tỉnh ủy (mới)")
    plan = services.add_alias_for(monitor, plan, version=plan.version, name="Ban Tuyên giáo Tỉnh ủy", organisation=ban)
    assert list(OrganisationAlias.objects.filter(organisation=ban).values_list("name", flat=True)) == [
        "Ban Tuyên giáo Tỉnh ủy"]
    assert AuditEntry.objects.filter(action=Action.ORGANISATION_ALIAS_ADD, object_id=str(ban.pk)).exists()
    assert plan.agency_map["Ban Tuyên giáo Tỉnh ủy"] == ban.pk


def test_a_state_number_parent_gets_its_kind(monitor):
    plan = DraftPlanFactory(draft=draft_json(number="80-KH/TU", implements=("236/QĐ-TTg",)))
    for name in services.undecided_names(plan):
        plan = services.map_agency(monitor, plan, version=plan.version, name=name, organisation=None)
    plan = services.publish(monitor, plan, version=plan.version,
                            allow_leadless=True)  # every name mapped to none: no leads, on purpose
    parent = plan.parents.get()
    assert (parent.ref_id, parent.kind) == ("236/QĐ-TTG", "quyet_dinh")


@pytest.mark.parametrize(("data", "words"), [
    ({"action": "edit", "kind": "task", "key": "0", "content": "Mới"}, "tải lại trang"),  # no version
    ({"action": "edit", "kind": "task", "key": "0", "content": "Mới", "version": "hai"}, "tải lại trang"),
    ({"action": "fly", "kind": "task", "key": "0", "version": "1"}, "Thao tác không hợp lệ"),
    ({"action": "edit", "kind": "chapter", "key": "0", "version": "1"}, "Loại mục không hợp lệ"),
    ({"action": "edit", "kind": "task", "key": "0", "content": " ", "version": "1"}, "Cần nhập: nội dung"),
])
def test_the_review_form_refuses_bad_posts_in_vietnamese(client, monitor, data, words):
    plan = DraftPlanFactory()
    client.force_login(monitor)
    response = client.post(reverse("plans:review_item", args=[plan.pk]), data, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and words in response.content.decode()
    assert Plan.objects.get(pk=plan.pk).draft == plan.draft


def test_agency_form_needs_an_organisation_to_map(client, monitor):
    plan = DraftPlanFactory()
    client.force_login(monitor)
    url = reverse("plans:review_agency", args=[plan.pk])
    response = client.post(url, {"action": "map", "name": "Ban Tuyên giáo Tỉnh ủy", "version": plan.version},
                           HTTP_HX_REQUEST="true")
    assert "Hãy chọn cơ quan, đơn vị" in response.content.decode()
    assert Plan.objects.get(pk=plan.pk).agency_map == plan.agency_map


def test_a_reader_cannot_see_the_panel_through_a_bad_post(client):
    plan = DraftPlanFactory()
    client.force_login(user_with_role(Role.UNIT_REPORTER, OrganisationFactory(), username="baocao"))
    response = client.post(reverse("plans:review_item", args=[plan.pk]), {"action": "fly"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 403
