from __future__ import annotations

import datetime as dt

import pytest

from tests.web.factories import ROLES, OrganisationFactory
from trienkhai_web.audit.models import AuditEntry
from trienkhai_web.errors import Conflict, UserError
from trienkhai_web.organisations import queries, services
from trienkhai_web.organisations.models import Organisation, OrganisationKind, Succession, SuccessionKind

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def admin(alice):
    return alice


def test_create_computes_match_key_and_audits(admin):
    org = services.create_organisation(admin, name="  Ban Dân vận  Tỉnh uỷ ", kind=OrganisationKind.PARTY_COMMISSION,
                                       aliases=["Ban DV TU", "ban dv tu"])
    assert org.name == "Ban Dân vận Tỉnh uỷ"
    assert org.match_key == "ban dan van tinh uy"
    assert list(org.aliases.values_list("name", flat=True)) == ["Ban DV TU"]
    entry = AuditEntry.objects.get(action="organisation.create")
    assert entry.user == admin and entry.after["name"] == "Ban Dân vận Tỉnh uỷ"


def test_update_with_stale_version_is_refused_and_changes_nothing(admin):
    org = services.create_organisation(admin, name="Sở Y tế", kind=OrganisationKind.DEPARTMENT)
    services.update_organisation(admin, org, version=1, name="Sở Y tế tỉnh")
    with pytest.raises(Conflict) as exc:
        services.update_organisation(admin, org, version=1, name="Sở Y tế (cũ)")
    assert "người khác" in exc.value.message
    org.refresh_from_db()
    assert (org.name, org.version, org.match_key) == ("Sở Y tế tỉnh", 2, "so y te tinh")
    entry = AuditEntry.objects.get(action="organisation.update")
    assert entry.before["name"] == "Sở Y tế" and entry.after["name"] == "Sở Y tế tỉnh"


def test_bad_input_is_refused_in_vietnamese(admin):
    org = services.create_organisation(admin, name="A", code="a")
    with pytest.raises(UserError) as exc:
        services.create_organisation(admin, name="B", code="a")
    assert "đã được dùng" in exc.value.message
    with pytest.raises(UserError):
        services.update_organisation(admin, org, version=1, valid_from=D(2025, 1, 1), valid_to=D(2024, 1, 1))
    with pytest.raises(UserError):
        services.create_organisation(admin, name="   ")
    assert Organisation.objects.count() == 1


def test_move_refuses_cycles(admin):
    top = services.create_organisation(admin, name="Tỉnh ủy")
    mid = services.create_organisation(admin, name="Ban Dân vận", parent=top)
    low = services.create_organisation(admin, name="Phòng", parent=mid)
    for target in (top, low):  # under itself, under its own grandchild
        with pytest.raises(UserError) as exc:
            services.move_organisation(admin, top, target, version=1)
        assert "dưới chính" in exc.value.message
    with pytest.raises(UserError):
        services.move_organisation(admin, mid, low, version=1)
    moved = services.move_organisation(admin, low, top, version=1)
    assert moved.parent == top and moved.version == 2


def test_end_with_successor_chain(admin):
    province = services.create_organisation(admin, name="Tỉnh A", kind=OrganisationKind.PROVINCE)
    district = services.create_organisation(admin, name="Huyện B", kind=OrganisationKind.DISTRICT, parent=province)
    commune = services.create_organisation(admin, name="Xã C", kind=OrganisationKind.COMMUNE, parent=district)
    new_province = services.create_organisation(admin, name="Tỉnh A mới", kind=OrganisationKind.PROVINCE,
                                                valid_from=D(2025, 7, 1))
    services.end_organisation(admin, district, on=D(2025, 6, 30), successors=[province],
                              kind=SuccessionKind.MERGED_INTO, version=1, move_children_to=province)
    commune.refresh_from_db()
    assert commune.parent == province
    services.end_organisation(admin, province, on=D(2025, 6, 30), successors=[new_province],
                              kind=SuccessionKind.MERGED_INTO, version=1)
    district.refresh_from_db()
    assert district.valid_to == D(2025, 6, 30)
    # Before the change the district is still there; after it, its work went to the merged province.
    assert queries.successors_on(district, D(2024, 1, 1)) == [district]
    assert queries.successors_on(district, D(2025, 8, 1)) == [new_province]
    assert Succession.objects.filter(predecessor=district, successor=province).exists()
    assert set(queries.organisations_valid_on(D(2025, 8, 1))) == {commune, new_province}
    assert AuditEntry.objects.filter(action="organisation.end").count() == 2


def test_end_refuses_bad_successors(admin):
    a = services.create_organisation(admin, name="A")
    b = services.create_organisation(admin, name="B", valid_to=D(2025, 1, 1))
    with pytest.raises(UserError):
        services.end_organisation(admin, a, on=D(2025, 6, 30), successors=[], version=1)
    with pytest.raises(UserError):
        services.end_organisation(admin, a, on=D(2025, 6, 30), successors=[a], version=1)
    with pytest.raises(UserError):
        services.end_organisation(admin, a, on=D(2025, 6, 30), successors=[b], version=1)
    a.refresh_from_db()
    assert a.valid_to is None and not Succession.objects.exists()


@pytest.fixture
def named(admin):
    bdv = services.create_organisation(admin, name="Ban Dân vận Tỉnh ủy", short_name="Ban Dân vận",
                                       aliases=["Ban DV TU"])
    btv = services.create_organisation(admin, name="Ban Thường vụ Tỉnh ủy", aliases=["BTV Tỉnh ủy"])
    ubnd = services.create_organisation(admin, name="Ủy ban nhân dân tỉnh", aliases=["UBND tỉnh"])
    OrganisationFactory.create_batch(30)
    return bdv, btv, ubnd


@pytest.mark.parametrize("name", ["Ban Dân vận Tỉnh ủy", "Ban Dân vận Tỉnh uỷ", "ban dan van tinh uy",
                                  "BAN DÂN VẬN TỈNH ỦY"])
def test_match_exact_any_spelling(named, name):
    (org, score, how), *_ = queries.match_organisations(name)
    assert (org, score, how) == (named[0], 100, "exact")


@pytest.mark.parametrize("name,index", [("BTV Tỉnh uỷ", 1), ("btv tinh uy", 1), ("UBND tinh", 2),
                                        ("Ban DV TU", 0)])
def test_match_alias(named, name, index):
    first = queries.match_organisations(name)[0]
    assert (first.organisation, first.score, first.how) == (named[index], 100, "alias")


def test_match_fuzzy(named):
    matches = queries.match_organisations("Ban Dân vận của Tỉnh uỷ")
    assert matches[0].organisation == named[0] and matches[0].how == "fuzzy" and 75 <= matches[0].score < 100
    assert queries.match_organisations("Bộ Quốc phòng") == []


def test_matcher_is_reusable_and_dated(admin, named, django_assert_max_num_queries):
    old = services.create_organisation(admin, name="Huyện Xưa", valid_to=D(2025, 6, 30))
    matcher = queries.OrganisationMatcher(on=D(2025, 8, 1))
    with django_assert_max_num_queries(0):
        assert matcher.match("Huyen Xua") == []
        assert matcher.match("UBND tỉnh")[0].organisation == named[2]
    assert queries.match_organisations("Huyện Xưa")[0].organisation == old


def test_tree_and_search(admin):
    top = services.create_organisation(admin, name="Tỉnh ủy", code="tu")
    child = services.create_organisation(admin, name="Ban Tuyên giáo", parent=top, aliases=["BTG TU"])
    grandchild = services.create_organisation(admin, name="Phòng Lý luận", parent=child)
    ended = services.create_organisation(admin, name="Ban cũ", parent=top)
    services.end_organisation(admin, ended, on=D(2025, 6, 30), successors=[child], version=1)
    tree = queries.organisation_tree(top)
    flat = [(n.organisation.name, n.depth) for n in tree[0].walk()]
    assert flat == [("Tỉnh ủy", 0), ("Ban Tuyên giáo", 1), ("Phòng Lý luận", 2), ("Ban cũ", 1)] or \
        sorted(flat) == sorted([("Tỉnh ủy", 0), ("Ban Tuyên giáo", 1), ("Phòng Lý luận", 2), ("Ban cũ", 1)])
    ended_node = next(n for n in tree[0].walk() if n.organisation == ended)
    assert ended_node.successors == [child]
    assert ended not in [n.organisation for n in queries.organisation_tree(top, on=D(2025, 7, 1))[0].walk()]
    assert set(queries.descendants(top)) == {child, grandchild, ended}
    assert list(queries.search_organisations("tuyen giao")) == [child]
    assert list(queries.search_organisations("btg")) == [child]


def test_alias_add_and_remove_audited(admin):
    org = services.create_organisation(admin, name="Hội Liên hiệp Phụ nữ tỉnh")
    alias = services.add_alias(admin, org, "Hội LHPN tỉnh")
    assert services.add_alias(admin, org, "hoi lhpn tinh") == alias
    with pytest.raises(UserError):
        services.add_alias(admin, org, "  ")
    services.remove_alias(admin, alias)
    assert not org.aliases.exists()
    assert AuditEntry.objects.filter(action__startswith="organisation.alias").count() == 3


def test_roles_list_is_complete():
    assert len(ROLES) == 5
