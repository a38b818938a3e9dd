"""After `trienkhai demo`, who is responsible is as it really is: no organisation is a collective phrase
or a second spelling of another, every published task has a lead, and the four programmes carrying out
43-NQ/TW have distinct issuers, each under its own province (one national tree: Trung ương → tỉnh)."""

from __future__ import annotations

import io
from collections import defaultdict

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from trienkhai.plans.bodies import BodyIdentity, ScopeIdentity, identify, qualify
from trienkhai_web.organisations import queries as org_queries
from trienkhai_web.organisations.models import Organisation, OrganisationKind
from trienkhai_web.plans.models import AssignmentRole, Plan, PlanStatus, Task, TaskScope

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(corpus_docs):
    out = io.StringIO()
    call_command("load_demo", docs=str(corpus_docs), stdout=out)
    return out.getvalue()


def test_no_organisation_is_a_collective_phrase_or_a_second_spelling(demo):
    by_place: dict[tuple[int | None, str], list[str]] = defaultdict(list)
    for org in Organisation.objects.all():
        ident = identify(org.name)
        assert not isinstance(ident, ScopeIdentity), org.name
        if org.kind in org_queries.LOCALITY_KINDS or org.kind == OrganisationKind.CENTRAL:
            continue
        assert isinstance(ident, BodyIdentity), org.name
        place = org_queries.locality_of(org)
        by_place[(place.pk if place else None, qualify(ident, org.level or None).key)].append(org.name)
    doubles = {k: names for k, names in by_place.items() if len(names) > 1}
    assert not doubles


def test_every_published_task_has_a_lead_and_scopes_are_named_as_written(demo):
    published = Task.objects.filter(plan__status=PlanStatus.PUBLISHED)
    assert published.count() > 60
    without = published.exclude(assignments__role=AssignmentRole.LEAD)
    assert not without.exists(), [t.content[:60] for t in without]
    # "các cơ quan, đơn vị liên quan" are partners no one reports for: a scope, no organisation.
    unnamed = TaskScope.objects.filter(name_in_document__icontains="liên quan")
    assert unnamed.exists() and all(s.unnamed and not s.assignments.exists() for s in unnamed)
    # A scope that names bodies gives them the work, as the document wrote it.
    resolved = TaskScope.objects.filter(assignments__isnull=False).distinct()
    assert resolved.exists()
    assert all(a.name_in_document == s.name_in_document for s in resolved for a in s.assignments.all())


def test_the_43_nq_tw_programmes_have_distinct_issuers_each_under_its_own_province(demo):
    resolution = Plan.objects.get(ref_id="43-NQ/TW")
    programmes = list(resolution.children.filter(status=PlanStatus.PUBLISHED).select_related("issuer"))
    assert len(programmes) >= 3
    provinces = []
    national = Organisation.objects.get(code="trung-uong")
    for plan in programmes:
        assert plan.issuer is not None, plan.display_name
        province = org_queries.locality_of(plan.issuer)
        assert province is not None and province.kind == OrganisationKind.PROVINCE
        assert province.parent == national
        provinces.append(province.name)
    assert len({p.issuer_id for p in programmes}) == len(programmes)
    assert len(set(provinces)) == len(programmes)
    assert {"Tỉnh Lạng Sơn", "Tỉnh Lâm Đồng", "Tỉnh Tuyên Quang"} <= set(provinces)
    # Each province's "Ban Dân vận Tỉnh ủy" is its own.
    bdv = [o for o in Organisation.objects.filter(kind=OrganisationKind.PARTY_COMMISSION)
           if identify(o.name).key.startswith("party_commission:ban dan van@province")]  # type: ignore[union-attr]
    assert len({org_queries.locality_of(o).pk for o in bdv}) == len(bdv) >= 3  # type: ignore[union-attr]


def test_demo_logins_still_work_and_their_units_have_work(demo):
    for username, password in (("giamsat", "giamsat-2025"), ("baocao", "baocao-2025"),
                               ("truongdonvi", "truongdonvi-2025"), ("lanhdao", "lanhdao-2025")):
        user = authenticate(username=username, password=password)
        assert user is not None, username
        assert f"{username} / {password}" in demo
    for code in ("btv-tinh-doan", "dd-mttq"):
        assert Organisation.objects.get(code=code).task_assignments.exists(), code
