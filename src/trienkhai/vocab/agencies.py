"""Words of the names of responsible bodies: how a name starts, how it ends, the generic nouns that
share the qualifier of the next name, and the collective scopes that are not one body.

`HEADS` are the first words of a body's name (after "các"/"những"/"giao"), as written at the start of a
name. `in_cell` marks the heads that are safe to tell an agency cell from a content cell in text that
has lost its table layout (a content cell may well start "Tổ chức …" or "Chủ tịch …"; never "Đảng đoàn").
Matching is on the folded form, except for cells, which are matched as written (capitalised, both tone
placements: "Đảng ủy" and "Đảng uỷ").
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Head:
    words: str
    in_cell: bool = False
    # In a cell: what must not follow ("Ban Chấp hành", "Ban Bí thư" lead a paragraph, not a cell).
    not_followed_by: tuple[str, ...] = ()


HEADS: tuple[Head, ...] = (
    Head("Ban", in_cell=True, not_followed_by=("Chấp hành", "Bí thư")),
    Head("Đảng đoàn", in_cell=True), Head("Đảng ủy", in_cell=True), Head("Đảng bộ"), Head("Chi bộ"),
    Head("Chi"), Head("Ủy ban", in_cell=True), Head("UBND", in_cell=True), Head("HĐND", in_cell=True),
    Head("MTTQ", in_cell=True), Head("Mặt trận"), Head("Huyện ủy"), Head("Thành ủy"), Head("Tỉnh ủy"),
    Head("Thị ủy"), Head("Quận ủy"), Head("Tỉnh đoàn", in_cell=True), Head("Huyện đoàn"), Head("Đoàn"),
    Head("Hội", in_cell=True), Head("Liên đoàn", in_cell=True), Head("Liên hiệp"), Head("Sở", in_cell=True),
    Head("Phòng"), Head("Văn phòng", in_cell=True), Head("Trường", in_cell=True), Head("Công an", in_cell=True),
    Head("Quân sự"), Head("Bộ Chỉ huy", in_cell=True), Head("Cơ quan"), Head("Đơn vị"), Head("Địa phương"),
    Head("Cấp ủy", in_cell=True), Head("Tổ chức"), Head("Chính quyền"), Head("BTV"),
    Head("Thường trực", in_cell=True), Head("Trung tâm"), Head("Báo"), Head("Đài"), Head("Viện"), Head("Bộ"),
    Head("Ngành"), Head("Liên"), Head("Hội đồng"), Head("Ủy ban Kiểm tra"), Head("UBKT"), Head("VPTU"),
    Head("ĐUTT"), Head("LHPN"), Head("Hội quần chúng"), Head("Cấp"), Head("Tòa án"),
    Head("Viện Kiểm sát"), Head("Kho bạc"), Head("Ngân hàng"), Head("Thành đoàn"), Head("Quận đoàn"),
    Head("Bộ đội"), Head("Biên phòng"), Head("Doanh nghiệp"), Head("Hợp tác xã"), Head("HTX"),
    # Beyond the dev corpus: mass organisations, State bodies and the heads of bodies named as assignees.
    Head("Cựu chiến binh"), Head("Công ty"), Head("Tổng công ty"), Head("Bệnh viện"), Head("Chi cục"),
    Head("Cục"), Head("Tổng cục"), Head("Ban quản lý"), Head("Chủ tịch"), Head("Phó Chủ tịch"),
    Head("Giám đốc"), Head("Thủ trưởng"), Head("Chánh Văn phòng"), Head("Trưởng ban"), Head("Bí thư"),
)

# Plural openings written in a cell ("Các cơ quan …", "Các sở …"): a list of bodies or a collective scope.
CELL_PLURAL_HEADS: tuple[str, ...] = ("Các cơ quan", "Các cấp ủy", "Các sở", "Các ban", "Các đảng", "Các huyện")
# Words that open a list of names without being part of one.
LEADING_WORDS: tuple[str, ...] = ("giao", "các", "những")

# Generic nouns that, bare, share the qualifier of the next name ("các cơ quan, đơn vị liên quan").
BARE_GENERIC: tuple[str, ...] = (
    "cơ quan", "đơn vị", "tổ chức", "địa phương", "ban", "ngành", "sở", "cấp", "đoàn thể", "chi", "phòng",
    "hội", "ban ngành", "sở ngành", "cấp ủy", "chính quyền các cấp",
)

# The generic partner of registers, wrapped over two lines in PDF text ("Các cơ quan," / "đơn vị liên quan").
GENERIC_PARTNER = "Các cơ quan, đơn vị liên quan"
# The qualifier that makes a name a collective scope ("các sở, ngành liên quan").
RELATED = "liên quan"

# Words that make a name plural: "các huyện ủy", "UBND các xã" name every body of a kind.
PLURAL_WORDS: tuple[str, ...] = ("các", "những")
# Collective scopes: who is meant is every body of a kind, or every body concerned, not one body
# (`trienkhai.plans.agencies.is_collective_scope` recognises these and every name built like them).
COLLECTIVE_SCOPES: tuple[str, ...] = (
    "các cơ quan, đơn vị liên quan", "các cơ quan liên quan", "các đơn vị liên quan", "các sở, ngành liên quan",
    "các sở, ban, ngành", "các ban, sở, ngành", "các sở, ngành", "các ban, ngành", "các cấp ủy",
    "cấp ủy các cấp", "các cấp ủy, tổ chức đảng", "các tổ chức cơ sở đảng", "các địa phương",
    "chính quyền các cấp", "các cấp, các ngành", "các ngành, các cấp", "các đoàn thể", "các tổ chức chính trị - xã hội",
    "các huyện ủy, thành ủy, đảng ủy trực thuộc", "các đảng ủy trực thuộc", "các chi bộ, đảng bộ",
)

# Words that end a body's name ("… tỉnh", "… Tỉnh ủy", "… Trung ương"): a cell line ending so is complete.
NAME_ENDINGS: tuple[str, ...] = ("tỉnh", "Tỉnh ủy", "Tỉnh đoàn", "huyện", "Huyện ủy", "thành phố", "Trung ương",
                                 "Nhà nước")
# What only ends a name begun on the line before: "(Ban Dân vận) Tỉnh ủy", "(Đảng đoàn Ủy ban) MTTQ tỉnh".
NAME_CONTINUATIONS: tuple[str, ...] = ("Tỉnh ủy", "Trung ương", "Nhà nước", "HĐND", "UBND", "MTTQ")
