"""Kinds of documents: their codes, names, and the symbols written in their numbers ("43-NQ/TW",
"236/QĐ-TTg")."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    code: str
    name: str                          # as a title or a citation writes it: "Nghị quyết"
    symbols: tuple[str, ...] = ()      # as a number writes it: "NQ"
    titles_plan: bool = False          # a plan document itself may be of this kind (its title word)
    other_names: tuple[str, ...] = ()  # other words citing it ("Chương trình số 12-CTr/TU")


KINDS: tuple[Kind, ...] = (
    Kind("chuong_trinh_hanh_dong", "Chương trình hành động", ("CTr",), True, ("Chương trình",)),
    Kind("nghi_quyet", "Nghị quyết", ("NQ",), True),
    Kind("ke_hoach", "Kế hoạch", ("KH",), True),
    Kind("ket_luan", "Kết luận", ("KL",), True),
    Kind("chi_thi", "Chỉ thị", ("CT",), True),
    Kind("quyet_dinh", "Quyết định", ("QĐ",), True),
    Kind("de_an", "Đề án", ("ĐA",), True),
    Kind("bao_cao", "Báo cáo", ("BC",), True),
    Kind("nghi_dinh", "Nghị định", ("NĐ",)),
    Kind("quy_dinh", "Quy định", ("QĐi",)),
    Kind("thong_tu", "Thông tư", ("TT",)),
    Kind("huong_dan", "Hướng dẫn", ("HD",)),
    Kind("thong_bao", "Thông báo", ("TB",)),
    Kind("cong_van", "Công văn"),
    Kind("luat", "Luật"),
)

# Symbols of other Party documents (no kind of their own here): Hội đồng, quy chế, tờ trình, công văn …
OTHER_SYMBOLS: tuple[str, ...] = ("HĐ", "QC", "QyĐ", "TTr", "CV", "ĐB", "BCĐ")

BY_CODE: dict[str, Kind] = {k.code: k for k in KINDS}
