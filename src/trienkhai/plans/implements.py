"""What the preamble says this document carries out (`implements`) and who issues it.

Rule: in each "Thực hiện …" sentence, the documents named at the head of each list item are the parents
("Thực hiện Nghị quyết số 43-NQ/TW …, Kế hoạch số 21-KH/TW … về thực hiện Nghị quyết số 43-NQ/TW" →
43-NQ/TW, 21-KH/TW); numbers in descriptions ("về thực hiện …") and parentheses ("sau đây viết tắt là …")
are not. "Căn cứ …" clauses are legal bases; they count only when nothing is "Thực hiện", and never the
ones that set up the issuer's own competence ("quy định chức năng, nhiệm vụ …").
"""

from __future__ import annotations

import itertools
import re

from trienkhai.plans.kinds import CITED_WORDS, kind_from_title
from trienkhai.plans.references import REF_RE, canonical_id, id_key
from trienkhai.text.vietnamese import collapse_spaces, fold

_PARENS = re.compile(r"\([^()]*\)")
# A clause opens a line or follows final punctuation, maybe with a footnote mark glued to it (";1 Căn cứ").
_SENTENCE = re.compile(r"(?:^|(?<=[.;:]\s)|(?<=[.;:]\d\s)|(?<=[.;:]\d\d\s)|(?<=\n))\s*(?:[-+•]\s*)?"
                       r"(?P<lead>Thực hiện|Căn cứ|Triển khai)\b")
_KIND_WORDS = "|".join(sorted({w for w, _ in CITED_WORDS}, key=len, reverse=True))
# A new list item: ";", ", " or " và " followed by a document word.
_ITEM_SPLIT = re.compile(rf"\s*(?:;|,|\bva\b)\s+(?=(?:{_KIND_WORDS})\b)")
_COMPETENCE = re.compile(r"chuc nang, nhiem vu|co cau to chuc|to chuc chinh quyen dia phuong")
_ISSUES = re.compile(
    r"(?:^|[,;:.]\s*)(?P<who>[A-ZĐÀ-Ỹ][^,;:.()]{2,80}?)\s+(?:ban hành|xây dựng|triển khai xây dựng)\s+"
    r"(?P<what>Kế hoạch|Chương trình hành động|Chương trình|Nghị quyết|Kết luận|Chỉ thị|Quyết định|Đề án"
    r"|kế hoạch|chương trình hành động|chương trình)\b"
)
_COURSE = re.compile(r"\s+(?:khóa|khoá)\s+[IVXL]+\b.*$")
_LOCALITY_TAIL = re.compile(r"^(?P<body>.*?\b(?:[Tt]ỉnh [uủ][yỷ]|[Hh]uyện [uủ][yỷ]|[Tt]hành [uủ][yỷ]|"
                            r"nhân dân tỉnh|nhân dân huyện|tỉnh|huyện))\s+(?P<place>(?:[A-ZĐÀ-Ỹ][a-zđà-ỹ]+\s?){1,3})$")


def _sentences(text: str) -> list[tuple[str, str]]:
    """("thực hiện" | "căn cứ", sentence) for each clause opening with one of those words."""
    starts = list(_SENTENCE.finditer(text))
    out = []
    for k, m in enumerate(starts):
        end = starts[k + 1].start() if k + 1 < len(starts) else len(text)
        out.append((fold(m.group("lead")), text[m.start("lead"):end]))
    return out


def _heads(sentence: str) -> list[str]:
    """The numbers at the head of each list item of one sentence."""
    plain = _PARENS.sub(" ", sentence)
    plain = re.split(r",\s*(?=[A-ZĐÀ-Ỹ][^,]{0,60}\b(?:ban hành|xây dựng)\b)", plain)[0]
    folded = fold(plain)
    # fold keeps length only approximately; split on the folded text and map items back by position.
    heads: list[str] = []
    bounds = [0] + [m.end() for m in _ITEM_SPLIT.finditer(folded)] + [len(folded)]
    original = collapse_spaces(plain)
    if len(original) != len(folded):
        original = plain
    for a, b in itertools.pairwise(bounds):
        m = REF_RE.search(original, a, b)
        if m:
            heads.append(canonical_id(m)[0])
    return heads


def find_implements(preamble: str) -> list[str]:
    """Parents of the document, from its preamble text (one string, lines joined)."""
    done: list[str] = []
    legal: list[str] = []
    for lead, sentence in _sentences(preamble):
        if lead == "can cu":
            if not _COMPETENCE.search(fold(sentence)):
                legal.extend(_heads(sentence))
        else:
            done.extend(_heads(sentence))
    chosen = done or legal
    out: list[str] = []
    keys: set[str] = set()
    for ref in chosen:
        if id_key(ref) not in keys:
            keys.add(id_key(ref))
            out.append(ref)
    return out


def issuer_from_preamble(preamble: str) -> tuple[str | None, str | None, str | None]:
    """(issuer, province, kind) from "…, Ban Thường vụ Tỉnh ủy Lạng Sơn xây dựng Kế hoạch …"."""
    matches = list(_ISSUES.finditer(preamble))
    if not matches:
        return None, None, None
    m = matches[-1]  # the last "… ban hành Kế hoạch" is the issuing sentence, earlier ones are citations
    who = _COURSE.sub("", collapse_spaces(m.group("who")))
    province = None
    loc = _LOCALITY_TAIL.match(who)
    if loc:
        who, province = loc.group("body"), loc.group("place").strip()
    kind = kind_from_title(m.group("what"))
    if kind is None and fold(m.group("what")).startswith("chuong trinh"):
        kind = "chuong_trinh_hanh_dong"
    return who, province, kind

