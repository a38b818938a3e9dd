"""The registry of bodies: one identity for every spelling of a body, scopes told from bodies."""

from __future__ import annotations

import pytest

from trienkhai.plans.bodies import (
    BodyIdentity,
    ScopeIdentity,
    compatible,
    identify,
    qualify,
    resolve_scope,
    same_body,
)


@pytest.mark.parametrize(("a", "b"), [
    ("Đảng đoàn Ủy ban MTTQ tỉnh", "Đảng đoàn Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
    ("Ban cán sự đảng UBND tỉnh tỉnh", "Ban cán sự đảng Ủy ban nhân dân tỉnh"),
    ("MTTQ tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
    ("HĐND tỉnh", "Hội đồng nhân dân tỉnh"),
    ("Tỉnh đoàn", "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh"),
    ("Ban Chấp hành Đảng bộ tỉnh", "Tỉnh ủy"),
    ("BTV Tỉnh uỷ", "Ban Thường vụ Tỉnh ủy"),
    ("Hội LHPN tỉnh", "Hội Liên hiệp Phụ nữ tỉnh"),
])
def test_spellings_of_one_body_have_one_identity(a: str, b: str) -> None:
    assert same_body(a, b)


@pytest.mark.parametrize(("a", "b"), [
    ("Tỉnh ủy", "Thành ủy"), ("Ban Dân vận Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy"),
    ("Đảng đoàn HĐND tỉnh", "Ban cán sự đảng UBND tỉnh"), ("Sở Tư pháp", "Sở Tài chính"),
    ("Ban Dân vận Tỉnh ủy", "Ban Dân vận Huyện ủy"),
])
def test_different_bodies_stay_apart(a: str, b: str) -> None:
    assert not same_body(a, b)


def test_identity_reads_kind_level_head_and_parent() -> None:
    bdv = identify("Ban Dân vận Tỉnh ủy")
    assert isinstance(bdv, BodyIdentity)
    assert (bdv.kind, bdv.head, bdv.level) == ("party_commission", "ban dan van", "province")
    assert bdv.of is not None and bdv.of.kind == "party_committee"
    ubnd = identify("Ủy ban nhân dân tỉnh Bắc Ninh")
    assert isinstance(ubnd, BodyIdentity) and ubnd.locality == "Bắc Ninh" and ubnd.level == "province"
    assert identify("Huyện ủy Than Uyên").level == "district"  # type: ignore[union-attr]
    assert identify("Đảng ủy xã Tân Lập").level == "commune"  # type: ignore[union-attr]
    assert identify("Thành ủy Hà Nội").level == "province"  # type: ignore[union-attr]
    assert identify("Văn phòng UBND tỉnh").kind == "department"  # type: ignore[union-attr]
    assert identify("Văn phòng Tỉnh ủy").kind == "party_commission"  # type: ignore[union-attr]
    assert identify("Ban cán sự đảng UBND tỉnh tỉnh").name == "Ban cán sự đảng Ủy ban nhân dân tỉnh"  # type: ignore[union-attr]


def test_a_body_without_level_takes_the_issuers() -> None:
    bare, full = identify("Ủy ban Mặt trận Tổ quốc"), identify("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh")
    assert isinstance(bare, BodyIdentity) and isinstance(full, BodyIdentity)
    assert bare.key != full.key
    assert qualify(bare, "province").key == full.key


@pytest.mark.parametrize(("name", "kinds", "unnamed"), [
    ("Các cơ quan, đơn vị liên quan", (), True),
    ("các sở, ngành liên quan", ("department",), True),
    ("các huyện ủy, thành ủy", ("party_committee",), False),
    ("các đảng ủy xã", ("party_committee",), False),
    ("Cấp ủy, chính quyền các cấp", ("party_committee", "peoples_committee"), False),
    ("Các Đảng đoàn, ban cán sự đảng", ("party_delegation",), False),
    ("MTTQ và các tổ chức chính trị - xã hội", ("front", "mass_organisation"), False),
    ("Các ban của Tỉnh ủy", ("party_commission",), False),
    ("Các chi, đảng bộ trực thuộc", ("party_cell", "party_committee"), False),
    ("UBND các xã", ("peoples_committee",), False),
])
def test_collective_scopes_are_not_bodies(name: str, kinds: tuple[str, ...], unnamed: bool) -> None:
    scope = identify(name)
    assert isinstance(scope, ScopeIdentity)
    assert scope.kinds == kinds and scope.unnamed is unnamed and scope.text == name


def test_fuzzy_matches_never_cross_kinds_or_levels() -> None:
    assert not compatible(identify("Các ban đảng"), identify("Ban cán sự đảng"))
    assert not compatible(identify("Thành ủy"), identify("Tỉnh ủy"))
    assert not compatible(identify("Ban Dân vận Tỉnh ủy"), identify("Ban Dân vận Huyện ủy"))
    assert compatible(identify("Ban Dân vận Tỉnh ủy"), identify("Ban Dân vận Tỉnh uỷ"))


def test_a_scope_resolves_to_the_bodies_of_its_kinds_and_level() -> None:
    bodies = [("Huyện ủy A", "party_committee", "district"), ("Huyện ủy B", "party_committee", "district"),
              ("Tỉnh ủy", "party_committee", "province"), ("Đảng ủy xã C", "party_committee", "commune"),
              ("Sở Tư pháp", "department", "province"), ("Đảng đoàn HĐND tỉnh", "party_delegation", "province")]

    def resolve(name: str, issuer_level: str = "province") -> list[str]:
        scope = identify(name)
        assert isinstance(scope, ScopeIdentity)
        return [b[0] for b in resolve_scope(scope, bodies, issuer_level=issuer_level, kind=lambda b: b[1],
                                            level=lambda b: b[2])]

    assert resolve("các huyện ủy, thành ủy") == ["Huyện ủy A", "Huyện ủy B"]
    assert resolve("các đảng ủy xã") == ["Đảng ủy xã C"]
    assert resolve("Các Đảng đoàn, ban cán sự đảng") == ["Đảng đoàn HĐND tỉnh"]
    assert resolve("Các cơ quan, đơn vị liên quan") == []
    assert set(resolve("Cấp ủy, chính quyền các cấp")) == {"Huyện ủy A", "Huyện ủy B",
                                                          "Tỉnh ủy", "Đảng ủy xã C"}
    # After 1/7/2025 a province has no districts: "below" a province is its communes.
    after = [b for b in bodies if b[2] != "district"]
    scope = identify("Các chi, đảng bộ trực thuộc")
    assert isinstance(scope, ScopeIdentity)
    assert [b[0] for b in resolve_scope(scope, after, issuer_level="province", kind=lambda b: b[1],
                                        level=lambda b: b[2])] == ["Đảng ủy xã C"]


def test_words_that_name_no_body() -> None:
    assert identify("") is None
    assert identify("tăng cường công tác dân vận") is None
