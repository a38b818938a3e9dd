"""The registry of Vietnamese Party and State bodies, as data: kinds, levels, level qualifiers, the written
forms of their names and the collective scopes that name many bodies at once.

`trienkhai.plans.bodies.identify` reads names with these lists. Names are compared folded (no diacritics,
lower case, "đ" → "d"), after the abbreviations of `vocab.abbreviations` are written out, so every pattern
here is folded. The kinds' codes are the web's organisation kinds (`OrganisationKind`).

Levels (after Hiến pháp 2013 and Nghị quyết 60-NQ/TW, 2025): trung ương; tỉnh / thành phố trực thuộc
Trung ương; huyện, quận, thị xã, thành phố thuộc tỉnh (historical: abolished on 1/7/2025); xã, phường,
thị trấn (until 1/7/2025), đặc khu.
"""

from __future__ import annotations

from dataclasses import dataclass

CENTRAL = "central"
PROVINCE = "province"
DISTRICT = "district"
COMMUNE = "commune"
LEVELS: tuple[str, ...] = (CENTRAL, PROVINCE, DISTRICT, COMMUNE)
# The level under each level (what "trực thuộc", "các cấp" reach first).
LEVEL_BELOW: dict[str, str] = {CENTRAL: PROVINCE, PROVINCE: DISTRICT, DISTRICT: COMMUNE}
# Since 1/7/2025 a province's communes stand directly under it.
LEVEL_BELOW_AFTER_2025: dict[str, str] = {CENTRAL: PROVINCE, PROVINCE: COMMUNE, DISTRICT: COMMUNE}

# Level qualifiers as written at the end of a name ("… tỉnh", "… huyện Than Uyên"), folded → level.
LEVEL_WORDS: dict[str, str] = {
    "trung uong": CENTRAL, "toan quoc": CENTRAL,
    "tinh": PROVINCE, "thanh pho truc thuoc trung uong": PROVINCE,
    "huyen": DISTRICT, "quan": DISTRICT, "thi xa": DISTRICT,
    "xa": COMMUNE, "phuong": COMMUNE, "thi tran": COMMUNE, "dac khu": COMMUNE,
    # "thành phố" alone is a province for the centrally-run cities, a district otherwise.
    "thanh pho": DISTRICT,
}
# Cities under the central government: their "Thành ủy", "thành phố" are of the province level.
CENTRAL_CITIES: tuple[str, ...] = ("ha noi", "ho chi minh", "hai phong", "da nang", "can tho", "hue")

# Party committees named by their level: "Tỉnh ủy", "Huyện ủy Than Uyên" (folded word → level).
COMMITTEE_WORDS: dict[str, str] = {
    "tinh uy": PROVINCE, "thanh uy": DISTRICT, "huyen uy": DISTRICT, "thi uy": DISTRICT, "quan uy": DISTRICT,
    "dang uy xa": COMMUNE, "dang uy phuong": COMMUNE, "dang uy thi tran": COMMUNE, "dang uy dac khu": COMMUNE,
}
# The party committee of each level, as written (what a new body of that level is placed under).
COMMITTEE_OF_LEVEL: dict[str, str] = {CENTRAL: "Ban Chấp hành Trung ương Đảng", PROVINCE: "Tỉnh ủy",
                                      DISTRICT: "Huyện ủy", COMMUNE: "Đảng ủy xã"}
# The executive committee of a Party organisation: "Ban Chấp hành Đảng bộ tỉnh" is the Tỉnh ủy.
EXECUTIVE_OF_PARTY = ("ban chap hanh dang bo", "ban chap hanh trung uong dang", "ban chap hanh trung uong")


@dataclass(frozen=True)
class Kind:
    """A kind of body: its code (the web's organisation kind), folded name openings and whether its name
    goes on with the body it belongs to ("Ban Dân vận" + "Tỉnh ủy", "Đảng đoàn" + "HĐND tỉnh")."""

    code: str
    heads: tuple[str, ...]
    of_body: bool = False  # the rest of the name is the body it belongs to
    default_parent: str | None = None  # the kind of body it stands under when the name does not say


# Order matters: the first kind whose opening matches wins (longer, more specific openings first).
KINDS: tuple[Kind, ...] = (
    Kind("standing_committee", ("ban thuong vu", "thuong truc", "ban thuong truc"), of_body=True,
         default_parent="party_committee"),
    Kind("party_delegation", ("dang doan", "ban can su dang"), of_body=True, default_parent="party_committee"),
    Kind("party_commission", ("ban dan van", "ban tuyen giao va dan van", "ban tuyen giao", "ban to chuc",
                              "ban noi chinh", "ban kinh te", "ban doi ngoai", "ban chinh sach, chien luoc",
                              "uy ban kiem tra", "van phong"),
         of_body=True, default_parent="party_committee"),
    Kind("party_committee", ("dang uy", "tinh uy", "thanh uy", "huyen uy", "thi uy", "quan uy",
                             "ban chap hanh dang bo", "ban chap hanh trung uong")),
    Kind("party_cell", ("chi bo",), of_body=False, default_parent="party_committee"),
    Kind("peoples_council", ("hoi dong nhan dan",)),
    Kind("peoples_committee", ("uy ban nhan dan",)),
    Kind("front", ("uy ban mat tran to quoc viet nam", "uy ban mat tran to quoc", "mat tran to quoc viet nam",
                   "mat tran to quoc", "uy ban trung uong mat tran to quoc viet nam")),
    Kind("mass_organisation", ("hoi nong dan", "hoi lien hiep phu nu", "hoi cuu chien binh", "lien doan lao dong",
                               "doan thanh nien cong san ho chi minh", "doan thanh nien", "tinh doan",
                               "huyen doan", "thanh doan", "quan doan", "hoi chu thap do", "hoi nguoi cao tuoi",
                               "hoi khuyen hoc", "hoi luat gia", "hoi nha bao", "lien hiep cac hoi",
                               "hoi lien hiep thanh nien")),
    Kind("department", ("so ", "phong ", "van phong uy ban nhan dan", "van phong doan dai bieu quoc hoi",
                        "chi cuc", "ban quan ly", "ban dan toc", "thanh tra"), default_parent="peoples_committee"),
    Kind("armed_forces", ("cong an", "bo chi huy quan su", "bo chi huy bo doi bien phong", "ban chi huy quan su")),
    Kind("school", ("truong chinh tri", "truong", "trung tam chinh tri", "vien")),
    Kind("media", ("bao ", "dai phat thanh", "dai truyen hinh")),
    Kind("central", ("bo chinh tri", "ban bi thu", "chinh phu", "quoc hoi", "bo ")),
)
# The socio-political organisations of each level (with the Front: "MTTQ và các tổ chức CT-XH").
SOCIO_POLITICAL: tuple[str, ...] = ("hoi nong dan", "hoi lien hiep phu nu", "hoi cuu chien binh",
                                    "lien doan lao dong", "doan thanh nien", "tinh doan", "huyen doan", "thanh doan")

# Written forms that mean one body: folded → the form used in identities (after abbreviations are expanded).
SAME_BODY: tuple[tuple[str, str], ...] = (
    ("uy ban mat tran to quoc viet nam", "mat tran to quoc"),
    ("uy ban mat tran to quoc", "mat tran to quoc"),
    ("mat tran to quoc viet nam", "mat tran to quoc"),
    ("doan thanh nien cong san ho chi minh", "doan thanh nien"),
    ("hoi lien hiep phu nu viet nam", "hoi lien hiep phu nu"),
    ("ban chap hanh dang bo tinh", "tinh uy"),
    ("ban chap hanh dang bo huyen", "huyen uy"),
    ("ban chap hanh trung uong dang", "ban chap hanh trung uong"),
)
# How a body is written out when only its identity is known (a parent made for a body named under it).
WRITTEN_HEADS: dict[str, str] = {
    "uy ban nhan dan": "Ủy ban nhân dân", "hoi dong nhan dan": "Hội đồng nhân dân",
    "mat tran to quoc": "Ủy ban Mặt trận Tổ quốc Việt Nam", "doan thanh nien": "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
    "hoi nong dan": "Hội Nông dân", "hoi lien hiep phu nu": "Hội Liên hiệp Phụ nữ",
    "hoi cuu chien binh": "Hội Cựu chiến binh", "lien doan lao dong": "Liên đoàn Lao động",
}
# A Youth Union of a level is named by its level: "Tỉnh đoàn" = "Đoàn Thanh niên tỉnh".
LEVEL_NAMED: dict[str, tuple[str, str]] = {
    "tinh doan": ("doan thanh nien", PROVINCE), "huyen doan": ("doan thanh nien", DISTRICT),
    "thanh doan": ("doan thanh nien", DISTRICT), "quan doan": ("doan thanh nien", DISTRICT),
}


@dataclass(frozen=True)
class Scope:
    """A collective scope: folded phrases that name it, the kinds of body it reaches, the level relative to
    the issuer (`below`: the level under the issuer's; `same`: the issuer's own; `all`: every level from
    the issuer's down) and whether it names no one in particular (`unnamed`: "các cơ quan liên quan")."""

    phrases: tuple[str, ...]
    kinds: tuple[str, ...] = ()
    reach: str = "below"
    unnamed: bool = False


SCOPES: tuple[Scope, ...] = (
    Scope(("cap uy, chinh quyen cac cap", "cac cap uy, chinh quyen", "cap uy, chinh quyen",
           "cac cap uy dang, chinh quyen"), ("party_committee", "peoples_committee"), reach="all"),
    Scope(("chinh quyen cac cap", "uy ban nhan dan cac cap"), ("peoples_committee",), reach="all"),
    Scope(("cac co quan, ban, nganh, doan the", "cac so, ban, nganh, doan the", "cac ban, nganh, doan the"),
          ("department", "front", "mass_organisation"), reach="same"),
    Scope(("cac cap uy, to chuc dang", "cac to chuc co so dang", "cac cap uy", "cap uy cac cap",
           "cac to chuc dang"), ("party_committee", "party_cell"), reach="below"),
    Scope(("cac huyen uy, thanh uy, dang uy truc thuoc", "cac huyen uy, thanh uy, thi uy", "cac huyen, thanh uy",
           "cac huyen uy, thanh uy", "cac huyen uy", "thanh uy, huyen uy, dang uy truc thuoc",
           "cac dang uy truc thuoc", "cac dang uy xa, phuong", "cac dang uy xa", "cac dang uy phuong",
           "cac dang uy co so", "cac dang bo truc thuoc"), ("party_committee",), reach="below"),
    Scope(("cac chi, dang bo truc thuoc", "cac chi bo, dang bo", "cac chi, dang bo", "cac chi bo truc thuoc",
           "cac chi bo"), ("party_cell", "party_committee"), reach="below"),
    Scope(("cac dang doan, ban can su dang", "cac ban can su dang, dang doan", "cac dang doan", "cac ban can su dang"),
          ("party_delegation",), reach="same"),
    Scope(("cac ban cua tinh uy", "cac ban dang", "cac ban xay dung dang", "cac ban cua huyen uy",
           "cac ban, van phong tinh uy", "cac co quan tham muu, giup viec tinh uy",
           "cac co quan tham muu, giup viec", "cac co quan chuyen trach tham muu, giup viec"),
          ("party_commission",), reach="same"),
    Scope(("mat tran to quoc va cac to chuc chinh tri - xa hoi", "mat tran to quoc, cac to chuc chinh tri - xa hoi",
           "mat tran to quoc va cac doan the", "mat tran to quoc, cac doan the", "cac to chuc chinh tri - xa hoi",
           "cac doan the chinh tri - xa hoi", "cac doan the"), ("front", "mass_organisation"), reach="same"),
    Scope(("uy ban nhan dan cac xa", "uy ban nhan dan cac huyen", "cac dia phuong"),
          ("peoples_committee",), reach="below"),
    Scope(("cac so, ban, nganh", "cac ban, so, nganh", "cac so, nganh", "cac ban, nganh", "cac so"),
          ("department",), reach="same"),
)
# What makes any name an unnamed scope: "… liên quan", "… có liên quan", or only generic nouns.
RELATED_WORDS: tuple[str, ...] = ("lien quan",)
