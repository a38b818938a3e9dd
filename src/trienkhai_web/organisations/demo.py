"""Demo organisations: a believable provincial tree, with the names and abbreviations documents use.

THIS IS DEMO DATA. One national tree: "Trung ương" over the central bodies and the provinces. The demo
province is Tuyên Quang (the province of the sample programme with a task register), so that the demo
users' units have work; its units below the province ("Huyện Biên Giới", its communes) are invented. They
show the shape of a province after 1 July 2025 (districts abolished): the district ends on 30/06/2025, is
merged into the province and its communes are moved under the province, while plans from before still
point at the district. The other sample plans' provinces are made under "Trung ương" when their plans are
loaded (`plans.services.agencies.find_locality`), each with its own bodies.
`load()` is idempotent: it finds organisations by code and only adds what is missing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from trienkhai_web.organisations import services
from trienkhai_web.organisations.models import Organisation, OrganisationLevel, SuccessionKind
from trienkhai_web.organisations.models import OrganisationKind as K

DISTRICT_END = dt.date(2025, 6, 30)
LEVEL_OF_KIND: dict[str, str] = {K.CENTRAL: OrganisationLevel.CENTRAL, K.PROVINCE: OrganisationLevel.PROVINCE,
                 K.DISTRICT: OrganisationLevel.DISTRICT, K.COMMUNE: OrganisationLevel.COMMUNE}

# (code, parent code, kind, name, short name, aliases)
TREE: list[tuple[str, str | None, str, str, str, list[str]]] = [
    ("trung-uong", None, K.CENTRAL, "Trung ương", "", []),
    ("bch-tw", "trung-uong", K.PARTY_COMMITTEE, "Ban Chấp hành Trung ương Đảng", "",
     ["Ban Chấp hành Trung ương", "BCH Trung ương Đảng", "Trung ương Đảng"]),
    ("bo-chinh-tri", "bch-tw", K.CENTRAL, "Bộ Chính trị", "", []),
    ("tinh", "trung-uong", K.PROVINCE, "Tỉnh Tuyên Quang", "Tuyên Quang", ["Tỉnh mẫu"]),
    ("tinh-uy", "tinh", K.PARTY_COMMITTEE, "Tỉnh ủy", "Tỉnh ủy",
     ["Tỉnh uỷ", "Ban Chấp hành Đảng bộ tỉnh", "BCH Đảng bộ tỉnh", "Tỉnh ủy Tuyên Quang"]),
    ("btv-tu", "tinh-uy", K.STANDING_COMMITTEE, "Ban Thường vụ Tỉnh ủy", "BTV Tỉnh ủy",
     ["BTV Tỉnh ủy", "Ban Thường vụ Tỉnh uỷ", "Thường trực Tỉnh ủy"]),
    ("bdv-tu", "tinh-uy", K.PARTY_COMMISSION, "Ban Dân vận Tỉnh ủy", "Ban Dân vận",
     ["Ban Dân vận Tỉnh uỷ", "Ban DV TU", "Ban Dân vận"]),
    ("btg-tu", "tinh-uy", K.PARTY_COMMISSION, "Ban Tuyên giáo Tỉnh ủy", "Ban Tuyên giáo",
     ["Ban Tuyên giáo Tỉnh uỷ", "BTG TU", "Ban Tuyên giáo"]),
    ("bto-tu", "tinh-uy", K.PARTY_COMMISSION, "Ban Tổ chức Tỉnh ủy", "Ban Tổ chức",
     ["Ban Tổ chức Tỉnh uỷ", "Ban Tổ chức"]),
    ("ubkt-tu", "tinh-uy", K.PARTY_COMMISSION, "Ủy ban Kiểm tra Tỉnh ủy", "UBKT Tỉnh ủy",
     ["Uỷ ban Kiểm tra Tỉnh uỷ", "UBKT Tỉnh ủy"]),
    ("vp-tu", "tinh-uy", K.PARTY_COMMISSION, "Văn phòng Tỉnh ủy", "", ["Văn phòng Tỉnh uỷ"]),
    ("ban-noi-chinh", "tinh-uy", K.PARTY_COMMISSION, "Ban Nội chính Tỉnh ủy", "", ["Ban Nội chính Tỉnh uỷ"]),
    ("truong-chinh-tri", "tinh-uy", K.SCHOOL, "Trường Chính trị tỉnh", "", []),
    ("dang-uy-cong-an", "tinh-uy", K.PARTY_COMMITTEE, "Đảng ủy Công an tỉnh", "", ["Đảng uỷ Công an tỉnh"]),
    ("dang-uy-quan-su", "tinh-uy", K.PARTY_COMMITTEE, "Đảng ủy Quân sự tỉnh", "", ["Đảng uỷ Quân sự tỉnh"]),
    # Party delegations: documents assign the work of the State and the Front to them.
    ("bcsd-ubnd", "tinh-uy", K.PARTY_DELEGATION, "Ban cán sự đảng UBND tỉnh", "",
     ["Ban cán sự đảng Ủy ban nhân dân tỉnh", "Ban cán sự đảng Uỷ ban nhân dân tỉnh"]),
    ("dd-hdnd", "tinh-uy", K.PARTY_DELEGATION, "Đảng đoàn HĐND tỉnh", "", ["Đảng đoàn Hội đồng nhân dân tỉnh"]),
    ("dd-mttq", "tinh-uy", K.PARTY_DELEGATION, "Đảng đoàn Ủy ban MTTQ tỉnh", "",
     ["Đảng đoàn Ủy ban MTTQ", "Đảng đoàn Mặt trận Tổ quốc tỉnh", "Đảng đoàn MTTQ tỉnh",
      "Đảng đoàn Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"]),
    ("dd-hlhpn", "tinh-uy", K.PARTY_DELEGATION, "Đảng đoàn Hội LHPN tỉnh", "", []),
    ("dd-hnd", "tinh-uy", K.PARTY_DELEGATION, "Đảng đoàn Hội Nông dân tỉnh", "", []),
    ("dd-ldld", "tinh-uy", K.PARTY_DELEGATION, "Đảng đoàn Liên đoàn Lao động tỉnh", "", []),
    ("hdnd", "tinh", K.PEOPLES_COUNCIL, "Hội đồng nhân dân tỉnh", "HĐND tỉnh", ["HĐND tỉnh"]),
    ("ubnd", "tinh", K.PEOPLES_COMMITTEE, "Ủy ban nhân dân tỉnh", "UBND tỉnh",
     ["UBND tỉnh", "Uỷ ban nhân dân tỉnh"]),
    ("so-noi-vu", "ubnd", K.DEPARTMENT, "Sở Nội vụ", "", []),
    ("so-tu-phap", "ubnd", K.DEPARTMENT, "Sở Tư pháp", "", []),
    ("so-gddt", "ubnd", K.DEPARTMENT, "Sở Giáo dục và Đào tạo", "Sở GD&ĐT", ["Sở GDĐT"]),
    ("so-y-te", "ubnd", K.DEPARTMENT, "Sở Y tế", "", []),
    ("so-tai-chinh", "ubnd", K.DEPARTMENT, "Sở Tài chính", "", []),
    ("so-vhttdl", "ubnd", K.DEPARTMENT, "Sở Văn hóa, Thể thao và Du lịch", "Sở VHTTDL", ["Sở Văn hoá, Thể thao và Du lịch"]),
    ("mttq", "tinh", K.FRONT, "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "MTTQ tỉnh",
     ["MTTQ tỉnh", "Ủy ban MTTQ Việt Nam tỉnh", "UBMTTQ tỉnh", "Mặt trận Tổ quốc tỉnh"]),
    ("tinh-doan", "mttq", K.MASS_ORGANISATION, "Tỉnh đoàn", "Tỉnh đoàn",
     ["Tỉnh Đoàn", "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh"]),
    ("btv-tinh-doan", "tinh-doan", K.STANDING_COMMITTEE, "Ban Thường vụ Tỉnh đoàn", "BTV Tỉnh đoàn",
     ["BTV Tỉnh đoàn", "Ban Thường vụ Tỉnh Đoàn"]),
    ("hlhpn", "mttq", K.MASS_ORGANISATION, "Hội Liên hiệp Phụ nữ tỉnh", "Hội LHPN tỉnh", ["Hội LHPN tỉnh"]),
    ("hnd", "mttq", K.MASS_ORGANISATION, "Hội Nông dân tỉnh", "", ["Hội ND tỉnh"]),
    ("hccb", "mttq", K.MASS_ORGANISATION, "Hội Cựu chiến binh tỉnh", "Hội CCB tỉnh", ["Hội CCB tỉnh"]),
    ("ldld", "mttq", K.MASS_ORGANISATION, "Liên đoàn Lao động tỉnh", "LĐLĐ tỉnh", ["LĐLĐ tỉnh"]),
    ("huyen-bg", "tinh", K.DISTRICT, "Huyện Biên Giới", "", ["huyện Biên Giới"]),
    ("huyen-uy-bg", "huyen-bg", K.PARTY_COMMITTEE, "Huyện ủy Biên Giới", "Huyện ủy",
     ["Huyện uỷ Biên Giới", "Ban Thường vụ Huyện ủy", "BTV Huyện ủy"]),
    ("xa-tan-lap", "huyen-bg", K.COMMUNE, "Xã Tân Lập", "", []),
    ("xa-hoa-binh", "huyen-bg", K.COMMUNE, "Xã Hòa Bình", "", ["Xã Hoà Bình"]),
    ("xa-dong-tien", "tinh", K.COMMUNE, "Xã Đồng Tiến", "", []),
]


@transaction.atomic
def load() -> dict[str, Organisation]:
    """Create what is missing; return the demo organisations by code."""
    orgs: dict[str, Organisation] = {}
    for code, parent, kind, name, short, aliases in TREE:
        org = Organisation.objects.filter(code=code).first()
        level = LEVEL_OF_KIND.get(kind) or (orgs[parent].level if parent else "")
        if org is None:
            org = services.create_organisation(
                None, name=name, short_name=short, kind=kind, code=code, level=level,
                parent=orgs[parent] if parent else None, aliases=aliases,
            )
        else:
            changes: dict[str, Any] = {k: v for k, v in (("level", level), ("parent", orgs[parent] if parent else None),
                                         ("name", name), ("kind", kind), ("short_name", short))
                       if getattr(org, k) != v and (k != "parent" or org.parent_id is None)}
            if changes:  # a tree from an older demo (no levels, "Tỉnh mẫu" alone) is brought up to date
                org = services.update_organisation(None, org, version=org.version, **changes)
            for alias in aliases:
                if not org.aliases.filter(name=alias).exists():
                    services.add_alias(None, org, alias)
        orgs[code] = org
    district = orgs["huyen-bg"]
    if district.valid_to is None:
        # The district's communes move under the province; the district's party committee ends with it.
        services.end_organisation(None, orgs["huyen-uy-bg"], on=DISTRICT_END, successors=[orgs["tinh-uy"]],
                                  kind=SuccessionKind.MERGED_INTO, version=orgs["huyen-uy-bg"].version,
                                  reason="Dữ liệu mẫu: bỏ cấp huyện từ 01/7/2025")
        orgs["huyen-bg"] = services.end_organisation(
            None, district, on=DISTRICT_END, successors=[orgs["tinh"]], kind=SuccessionKind.MERGED_INTO,
            version=district.version, move_children_to=orgs["tinh"], reason="Dữ liệu mẫu: bỏ cấp huyện từ 01/7/2025",
        )
    return {code: Organisation.objects.get(pk=o.pk) for code, o in orgs.items()}
