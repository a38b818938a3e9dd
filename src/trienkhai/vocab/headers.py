"""Column headers of task registers (TT | Nội dung | Chủ trì | Phối hợp | Thời gian | Sản phẩm) and the
role each names. A header cell is matched by its folded words (no diacritics, lower case), so "Cơ quan
chủ trì", "CHỦ TRÌ" and "Chu tri" agree; the roles are tried in this order, the first that matches wins."""

from __future__ import annotations

from functools import lru_cache

from trienkhai.text.vietnamese import collapse_spaces, fold
from trienkhai.vocab.assignments import LEAD_VERB, PARTNER_VERB

HEADER_ROLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("lead", (LEAD_VERB,)),
    ("partners", (PARTNER_VERB, "tham gia")),
    ("timeframe", ("thời gian", "thời hạn", "tiến độ", "mốc thời gian")),
    ("product", ("sản phẩm", "kết quả", "hình thức văn bản")),
    ("content", ("nội dung", "nhiệm vụ", "công việc", "hoạt động")),
)

# How a rebuilt register heads each column.
HEADER_LABELS: dict[str, str] = {"no": "TT", "content": "Nội dung nhiệm vụ", "lead": "Cơ quan chủ trì",
                                 "partners": "Cơ quan phối hợp", "timeframe": "Thời gian hoàn thành",
                                 "product": "Sản phẩm"}

# The whole text of a number column's header ("TT", "STT", "Số TT", "Số thứ tự"), without a final dot.
NUMBER_HEADERS: tuple[str, ...] = ("tt", "stt", "số tt", "số stt", "số thứ tự", "thứ tự")
# "Số" alone heads a number column only among other header cells of a table (a bare line could be anything).
TABLE_NUMBER_HEADERS: tuple[str, ...] = (*NUMBER_HEADERS, "số")


@lru_cache(maxsize=2)
def _number_keys(in_table: bool) -> frozenset[str]:
    return frozenset(fold(w).replace(" ", "") for w in (TABLE_NUMBER_HEADERS if in_table else NUMBER_HEADERS))


@lru_cache(maxsize=1)
def _folded_roles() -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((role, tuple(fold(w) for w in words)) for role, words in HEADER_ROLES)


def is_number_header(text: str, *, in_table: bool = False) -> bool:
    """Whether `text` is the header of the number column ("TT", "STT.", "Số TT", "SốTT")."""
    return fold(text).replace(" ", "").rstrip(".") in _number_keys(in_table)


def header_role(cell: str, *, in_table: bool = False) -> str | None:
    """The role ("no", "content", "lead", "partners", "timeframe", "product") a header cell names."""
    folded = collapse_spaces(fold(cell))
    if not folded:
        return None
    if is_number_header(folded, in_table=in_table):
        return "no"
    for role, words in _folded_roles():
        if any(w in folded for w in words):
            return role
    return None
