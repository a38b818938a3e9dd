"""Who a review report is issued by, how it is numbered and who signs it, from the plan's level and issuer.

HD 36 (Party): the issuing body in capitals, its direct superior on the line above when there is one —
"ĐẢNG BỘ TỈNH THÁI NGUYÊN / HUYỆN UỶ ĐỊNH HOÁ", "ĐẢNG BỘ TỈNH LAI CHÂU / ĐẢNG ỦY XÃ …"; a provincial
committee is "TỈNH ỦY TUYÊN QUANG" alone, whether the programme came from the Ban Chấp hành or the Ban
Thường vụ, and its reports are signed "T/M BAN THƯỜNG VỤ". NĐ 30 (State): "ỦY BAN NHÂN DÂN / TỈNH BẮC
NINH", signed "TM. ỦY BAN NHÂN DÂN"; a ministry or ministry-level body writes its own name alone ("ỦY BAN
DÂN TỘC"), and its head signs in person ("BỘ TRƯỞNG, CHỦ NHIỆM").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from trienkhai.reports.model import Issuer, ReportSigner, Variant
from trienkhai.text.vietnamese import fold

_PARTY_SUFFIX = re.compile(r"/\s*(?P<code>[A-Za-zĐđƯư]+)\s*$")
_STATE_SUFFIX = re.compile(r"-\s*(?P<code>[A-Za-zĐđ]+)\s*$")


@dataclass
class Heading:
    issuer: Issuer
    number_suffix: str
    signer: ReportSigner
    voice: str                           # who "báo cáo" in the body: "Ban Thường vụ Tỉnh ủy"
    recipients: list[str] = field(default_factory=list)
    archive: str = "Lưu Văn phòng"


def _key(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", fold(text or "").lower()))


def _after(name: str, words: tuple[str, ...]) -> str:
    """The proper name after a body's word: "Huyện ủy Biên Giới" → "Biên Giới" ("" when absent). A
    place the document did not name ("Huyện ủy (văn bản không ghi tên) – Tỉnh Lai Châu") has no name:
    a header never prints the placeholder."""
    name = re.split(r"\s+[–—-]\s+", re.sub(r"\([^)]*\)", " ", name), maxsplit=1)[0]
    parts = name.split()
    keys = [_key(p) for p in parts]
    for word in words:
        w = _key(word).split()
        for i in range(len(keys) - len(w) + 1):
            if keys[i:i + len(w)] == w:
                return " ".join(parts[i + len(w):]).strip()
    return ""


def _party_level(number: str, names: str) -> str:
    match = _PARTY_SUFFIX.search(number or "")
    code = fold(match.group("code")).upper() if match else ""
    key = _key(names)
    if code in ("HU", "QU") or "huyen uy" in key or "quan uy" in key or "dang bo huyen" in key:
        return "huyen"
    if code == "DU" and ("xa" in key.split() or "phuong" in key.split() or "thi tran" in key):
        return "xa"
    if "dang uy xa" in key or "dang uy phuong" in key or "dang bo xa" in key:
        return "xa"
    if "thanh uy" in key or "dang bo thanh pho" in key:
        return "thanh"
    return "tinh"


def heading(variant: Variant, *, number: str, issuer_name: str, issuer_org: str = "", province: str = "",
            place: str = "", district: str = "") -> Heading:
    """The report's header block, number symbol, voice and default signer and recipients."""
    names = f"{issuer_name} {issuer_org}"
    province = province or place
    if variant is Variant.PARTY:
        level = _party_level(number, names)
        if level == "huyen":
            # The place a district document is dated at is its district, unless it is the province itself.
            district = district or _after(issuer_org, ("Huyện ủy", "Quận ủy")) or _after(
                issuer_name, ("Huyện ủy", "Quận ủy")) or (place if _key(place) != _key(province) else "")
            body = "QUẬN ỦY" if "quan uy" in _key(names) else "HUYỆN ỦY"
            return Heading(Issuer(f"{body} {district.upper()}".strip(), f"ĐẢNG BỘ TỈNH {province.upper()}".strip()),
                           "-BC/HU", ReportSigner("T/M BAN THƯỜNG VỤ"), f"Ban Thường vụ {body.capitalize()}",
                           [f"Ban Thường vụ Tỉnh ủy {province} (để báo cáo)".replace("  ", " "),
                            f"Các đồng chí {body.capitalize()} viên",
                            "Các cơ quan, đơn vị thực hiện kế hoạch"], f"Lưu Văn phòng {body.capitalize()}")
        if level == "xa":
            commune = _after(issuer_org or issuer_name, ("Đảng ủy", "Đảng bộ")) or place
            return Heading(Issuer(f"ĐẢNG ỦY {commune.upper()}", f"ĐẢNG BỘ TỈNH {province.upper()}".strip()),
                           "-BC/ĐU", ReportSigner("T/M BAN THƯỜNG VỤ"), "Ban Thường vụ Đảng ủy",
                           [f"Ban Thường vụ Tỉnh ủy {province} (để báo cáo)",
                            "Các đồng chí đảng ủy viên", "Các chi bộ trực thuộc"], "Lưu Văn phòng Đảng ủy")
        if level == "thanh":
            return Heading(Issuer(f"THÀNH ỦY {province.upper()}".strip()), "-BC/TU", ReportSigner("T/M BAN THƯỜNG VỤ"),
                           "Ban Thường vụ Thành ủy", ["Ban Bí thư Trung ương Đảng (để báo cáo)",
                                                     "Các đồng chí Thành ủy viên",
                                                     "Các cơ quan, đơn vị thực hiện chương trình"],
                           "Lưu Văn phòng Thành ủy")
        return Heading(Issuer(f"TỈNH ỦY {province.upper()}".strip()), "-BC/TU", ReportSigner("T/M BAN THƯỜNG VỤ"),
                       "Ban Thường vụ Tỉnh ủy", ["Ban Bí thư Trung ương Đảng (để báo cáo)",
                                                 "Các đồng chí Tỉnh ủy viên",
                                                 "Các cơ quan, đơn vị thực hiện chương trình"], "Lưu Văn phòng Tỉnh ủy")
    # State.
    match = _STATE_SUFFIX.search(number or "")
    code = match.group("code").upper() if match else "UBND"
    key = _key(names)
    if "uy ban nhan dan" in key or code == "UBND":
        for word, level in (("tỉnh", "TỈNH"), ("thành phố", "THÀNH PHỐ"), ("huyện", "HUYỆN"), ("xã", "XÃ"),
                            ("phường", "PHƯỜNG")):
            if f"uy ban nhan dan {_key(word)}" in key:
                unit = level
                break
        else:
            unit = "TỈNH"
        where = (_after(issuer_name, (f"Ủy ban nhân dân {unit.lower()}", f"Uỷ ban nhân dân {unit.lower()}"))
                 or (province if unit in ("TỈNH", "THÀNH PHỐ") else place))
        voice = f"Ủy ban nhân dân {unit.lower()}"
        return Heading(Issuer(f"{unit} {where.upper()}".strip(), "ỦY BAN NHÂN DÂN"), f"/BC-{code}",
                       ReportSigner("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), voice,
                       ["Văn phòng Chính phủ (để báo cáo)", f"Thường trực {'Tỉnh' if unit == 'TỈNH' else 'Thành'} ủy, "
                        f"HĐND {unit.lower()} (để báo cáo)", "Các sở, ban, ngành, đoàn thể",
                        "Các cơ quan, đơn vị thực hiện kế hoạch"], "Lưu: VT")
    # A ministry or a ministry-level body: its own name, its head signs.
    name = (issuer_name or issuer_org).strip()
    title = "BỘ TRƯỞNG, CHỦ NHIỆM" if key.startswith("uy ban") else "BỘ TRƯỞNG"
    return Heading(Issuer(name.upper()), f"/BC-{code}", ReportSigner("", title), name,
                   ["Thủ tướng Chính phủ (để báo cáo)", "Các bộ, cơ quan ngang bộ",
                    "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"], "Lưu: VT")
