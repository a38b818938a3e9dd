"""Targets (chỉ tiêu): every quantified objective, wherever it stands in the outline.

A figure is a target when it is a percentage, an amount of money, or a count of a known kind of thing
("3 - 5 mô hình") introduced by a quantifier ("từ", "ít nhất", "khoảng", "có", …). Years, dates,
document numbers and ordinals never are. Qualitative goals get no invented number; a comparison
without a figure ("giảm số vụ vi phạm so với năm 2020") and "không còn …" are kept, as the text says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from trienkhai.plans._text import node_texts, sentences, walk_with_ancestors
from trienkhai.plans.model import OutlineNode, Plan, Target
from trienkhai.plans.table_targets import targets_in_table
from trienkhai.text.numbers import NUMBER, RANGE_SEP, parse_number
from trienkhai.text.vietnamese import fold
from trienkhai.vocab.directions import BY_WORD, COMPARATIVE, DIRECTIONS, Direction
from trienkhai.vocab.phrases import alternation
from trienkhai.vocab.timeframes import PERIOD_OF, RECURRING
from trienkhai.vocab.units import COUNT_LEAD_INS, COUNT_UNITS, MONEY_UNITS, PERCENT_WORDS, is_percent

_NUM = rf"(?=\d)(?<![\d/.,\-])({NUMBER})(?:{RANGE_SEP}({NUMBER}))?"
# Units of counted things and of money (the vocabulary), longest first so that "đơn vị cấp huyện" wins
# over "đơn vị".
_UNIT_ALT = alternation([*MONEY_UNITS, *COUNT_UNITS])

_PERCENT_RE = re.compile(_NUM + rf"\s*({alternation(PERCENT_WORDS)})")
_COUNT_RE = re.compile(_NUM + rf"\s+({_UNIT_ALT})(?![\wÀ-ỹ])")
# What must stand right before a count for it to be a target ("có từ 3-5 mô hình", "ít nhất 3 đơn vị").
_QUANTIFIER_BEFORE_RE = re.compile(
    r"(?:^|\s)(?:" + alternation([*COUNT_LEAD_INS, *(d.word for d in DIRECTIONS if d.anywhere or d.near)]) + r")\s*$",
    re.IGNORECASE)



def _direction_word(d: Direction) -> str:
    """A direction word as a regex, with what must not follow it ("tăng trưởng", "tăng cường" are not "tăng")."""
    return re.escape(d.word) + (rf"(?!\s+(?:{alternation(d.not_before)}))" if d.not_before else "")


# Directions counted wherever they stand before the figure, and those only right before it ("trên 90%",
# not "trên địa bàn"), from the vocabulary; longest first.
_DIRECTION_RE = re.compile(
    r"(?<![\wÀ-ỹ])(" + alternation([_direction_word(d) for d in sorted(DIRECTIONS, key=lambda d: -len(d.word))
                                    if d.anywhere], escape=False) + r")(?![\wÀ-ỹ])", re.IGNORECASE)
_NEAR_DIRECTION_RE = re.compile(
    r"(?:^|\s)(" + alternation(d.word for d in DIRECTIONS if d.near) + r")\s+(?:mức\s+)?$", re.IGNORECASE)
# Recurring wordings (the vocabulary's) before a figure, and "bình quân/năm", give the period it counts over.
_RECURRENCE_BEFORE = [
    (re.compile(alternation(dict(RECURRING)[code], loose_spaces=True)
                + (r"|bình quân\s*(?:/|một\s+)?năm" if unit == "năm" else ""), re.IGNORECASE), unit)
    for code, unit in PERIOD_OF.items()
]
_RECURRENCE_AFTER_RE = re.compile(
    r"^\s*(?:trở lên|trở xuống)?\s*(?:/\s*|mỗi\s+|một\s+|hằng\s+|hàng\s+)(năm|quý|tháng)", re.IGNORECASE)
_DEADLINE_RE = re.compile(r"(?:đến|tới|vào|trong|trước|hết)\s+(?:cuối\s+)?(?:năm\s+)?((?:19|20)\d{2})(?![\d/])",
                          re.IGNORECASE)
_TITLE_YEAR_RE = re.compile(r"(?:đến|tới|vào|năm)\s+(?:năm\s+)?((?:19|20)\d{2})(?![\d/])", re.IGNORECASE)
_BASELINE_RE = re.compile(r"so với\s+(?:cùng kỳ\s+)?(?:năm|đầu nhiệm kỳ|giai đoạn|nhiệm kỳ)?\s*"
                          r"(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?)?", re.IGNORECASE)
_SCOPE_RE = re.compile(r"(?<![\wÀ-ỹ])(mỗi|từng)\s+((?:cơ quan, đơn vị)|(?:[\wÀ-ỹ]+)(?:\s+[\wÀ-ỹ]+){0,2}?)"
                       r"(?=\s+(?:có|đăng|xây|phấn|đạt|từ|được|thực|ít|tối|trên|duy|tổ)|[;:,.]|$)", re.IGNORECASE)
# Words that lead into a target without being its subject.
_FILLER_RE = re.compile(
    r"^(?:(?:góp phần|phấn đấu|đến năm \d{4}|hằng năm|hàng năm|mỗi năm|trong đó|có|khoảng|cơ bản|đảm bảo"
    r"|bảo đảm|hoàn thành mục tiêu|mục tiêu|từ|bình quân|trên|ít nhất|tối thiểu|và|nhằm|để|,)\s*)+",
    re.IGNORECASE)
_TRAILING_RE = re.compile(r"(?:\s+(?:từ|khoảng|bình quân|ở mức|là|đạt|có|trên|ít nhất|tối thiểu|hằng năm"
                          r"|hàng năm|mỗi năm|,))+\s*$", re.IGNORECASE)
_NOT_GONE_RE = re.compile(r"(?<![\wÀ-ỹ])không còn\s+(.+)$", re.IGNORECASE)
_NOT_GONE_AFTER = ("phù hợp", "hiệu lực", "nữa", "tác dụng", "hiệu quả", "là")
_COMPARATIVE_RE = re.compile(
    r"(?<![\wÀ-ỹ])(" + "|".join(_direction_word(BY_WORD[w]) for w in COMPARATIVE) + r")\s+(.{3,150}?)\s+"
    r"(so với\s+[^;,.]*)", re.IGNORECASE)


Value = float | list[float] | None


@dataclass
class _Hit:
    start: int
    end: int
    value: Value
    unit: str | None


def _value(m: re.Match[str]) -> Value:
    low = parse_number(m.group(1))
    if m.group(2):
        return [low, parse_number(m.group(2))]
    return low


_DIGIT_RE = re.compile(r"\d")


def _figures(clause: str) -> list[_Hit]:
    if not _DIGIT_RE.search(clause):
        return []  # most clauses have no figure: skip the scans below
    hits = [_Hit(m.start(), m.end(), _value(m), "%") for m in _PERCENT_RE.finditer(clause)] \
        if is_percent(clause) else []
    for m in _COUNT_RE.finditer(clause):
        if any(h.start <= m.start() < h.end for h in hits):
            continue
        if not _QUANTIFIER_BEFORE_RE.search(clause[:m.start()]):
            continue  # "nhóm 5 tỉnh", "Nghị quyết số 43": a number, not a target
        hits.append(_Hit(m.start(), m.end(), _value(m), m.group(3)))
    return sorted(hits, key=lambda h: h.start)


def _subject_and_direction(before: str, after: str) -> tuple[str, str | None]:
    """The subject and the direction of a figure from the clause around it."""
    near = _NEAR_DIRECTION_RE.search(before)
    directions = list(_DIRECTION_RE.finditer(before))
    direction = near.group(1).lower() if near else (directions[-1].group(1).lower() if directions else None)
    subject = ""
    if directions:
        d = directions[-1]
        rest = _FILLER_RE.sub("", _TRAILING_RE.sub("", before[d.end():])).strip(" ,")
        head = _FILLER_RE.sub("", _TRAILING_RE.sub("", before[:d.start()])).strip(" ,")
        subject = rest if rest else head
    if not subject:
        subject = re.split(r"\s*[;:]\s*|\s+\(", after, maxsplit=1)[0]
        subject = re.sub(r"^\s*(?:trở lên|trở xuống)?\s*(?:/\s*(?:năm|quý|tháng))?\s*", "", subject)
    if direction is None and re.match(r"^\s*(?:[\wÀ-ỹ\"“”]+\s+){0,6}?đạt(?![\wÀ-ỹ])", after, re.IGNORECASE):
        direction = "đạt"
    return subject.strip(" ,.;:"), direction


# "5 mô hình dân vận khéo mỗi năm": the period closing the figure's own phrase.
_RECURRENCE_NEAR_RE = re.compile(r"^[^,;:.]{0,40}?(?<![\wÀ-ỹ])(?:mỗi|hằng|hàng)\s+(năm|quý|tháng)(?![\wÀ-ỹ])",
                                 re.IGNORECASE)


def _recurrence(before: str, after: str) -> str | None:
    m = _RECURRENCE_AFTER_RE.match(after) or _RECURRENCE_NEAR_RE.match(after)
    if m:
        return m.group(1).lower()
    for pattern, unit in _RECURRENCE_BEFORE:
        if pattern.search(before):
            return unit
    return None


def _scope(clause: str) -> str | None:
    m = _SCOPE_RE.search(clause)
    return m.group(0) if m else None


def _baseline(clause: str) -> str | None:
    m = _BASELINE_RE.search(clause)
    return m.group(0).strip() if m else None


def _clause_deadline(clause: str) -> int | None:
    m = _DEADLINE_RE.search(clause)
    return int(m.group(1)) if m else None


def _title_deadline(nodes: list[OutlineNode]) -> int | None:
    """The year in the nearest heading that states one ("Mục tiêu đến năm 2030")."""
    for node in reversed(nodes):
        title = node.title if len(node.title) < 120 else ""
        m = _TITLE_YEAR_RE.search(title)
        if m:
            return int(m.group(1))
    return None


def targets_in_clause(clause: str, sentence: str, section: str | None, deadline: int | None) -> list[Target]:
    """The targets of one clause (the part of a sentence between semicolons)."""
    found: list[Target] = []
    context: list[tuple[int | None, str | None, str | None]] = []

    def target(subject: str, direction: str | None, value: Value, unit: str | None,
               recurrence: str | None = None) -> Target:
        if not context:  # most clauses hold no target: read deadline, baseline and scope only when needed
            context.append((_clause_deadline(clause), _baseline(clause), _scope(clause) or _scope(sentence)))
        clause_deadline, baseline, scope = context[0]
        return Target(section=section, text=sentence, subject=subject, direction=direction, value=value,
                      unit=unit, recurrence=recurrence, deadline=clause_deadline or deadline,
                      baseline=baseline, scope=scope)

    previous_end = 0
    hits = _figures(clause)
    for i, hit in enumerate(hits):
        before = clause[previous_end:hit.start]
        if i:  # after an earlier figure, only what follows its last comma leads into this one
            before = before.rsplit(",", 1)[-1]
        after = clause[hit.end:hits[i + 1].start if i + 1 < len(hits) else len(clause)]
        after = re.split(r",\s*trong đó|,\s*(?:khoảng|có)\s*$", after, maxsplit=1)[0]
        if i + 1 < len(hits):
            after = after.split(",", 1)[0]  # "…, tỷ lệ hộ nghèo giảm 1,5%": the comma opens the next target
        if _achieved(before):
            previous_end = hit.end
            continue  # "năm 2022 đã có 60% số xã …": a result reported beside the targets
        subject, direction = _subject_and_direction(before, after)
        if hit.unit != "%" and after.strip() and subject == after.strip(" ,.;:"):
            subject = f"{hit.unit} {subject}"  # "3 đơn vị cấp huyện đạt chuẩn": the unit heads the subject
        found.append(target(subject, direction, hit.value, hit.unit, _recurrence(before, after)))
        previous_end = hit.end
    if hits:
        return found
    m = _NOT_GONE_RE.search(clause) if "còn" in clause.lower() else None
    if m and not m.group(1).lower().startswith(_NOT_GONE_AFTER):
        return [target(m.group(1).strip(" ,.;:"), "không còn", 0, None)]
    m = _COMPARATIVE_RE.search(clause) if "so với" in clause.lower() else None
    if m:
        return [target(m.group(2).strip(" ,"), m.group(1).lower(), None, None)]
    return []


# Parts that report what was done ("I. KẾT QUẢ THỰC HIỆN …", "1. Tình hình", "Hạn chế, nguyên nhân"): their
# figures are achievements, not targets — unless the title also announces objectives.
_REVIEW_TITLE_RE = re.compile(r"^(?:\W*)(?:ket qua|tinh hinh|thuc trang|danh gia|kiem diem|so ket|tong ket|"
                              r"han che|nguyen nhan|bai hoc|qua \d+ nam|sau \d+ nam)")
_OBJECTIVE_TITLE_RE = re.compile(r"muc tieu|chi tieu|nhiem vu|giai phap|phuong huong|dinh huong")
# A figure reported as done: "đã huy động trên 10.950 tỷ đồng", "đã có 83,2% số xã đạt chuẩn".
_ACHIEVED_RE = re.compile(r"(?<![\wÀ-ỹ])(?:đã|đã được|đạt được)(?![\wÀ-ỹ])", re.IGNORECASE)
_AIM_RE = re.compile(r"(?<![\wÀ-ỹ])(?:phấn đấu|mục tiêu|chỉ tiêu|đến năm|đến cuối năm|sẽ)(?![\wÀ-ỹ])", re.IGNORECASE)


def _is_review(node: OutlineNode) -> bool:
    f = fold(node.title[:80])
    return bool(_REVIEW_TITLE_RE.match(f)) and not _OBJECTIVE_TITLE_RE.search(f)


def _achieved(clause: str) -> bool:
    """A clause that reports a result ("toàn tỉnh đã huy động …") rather than sets one."""
    return bool(_ACHIEVED_RE.search(clause)) and not _AIM_RE.search(clause)


def find_targets(plan: Plan) -> list[Target]:
    """Every quantified objective of the plan's outline, in reading order; figures of the parts that
    report results, and clauses saying what has been done, are achievements and left out."""
    targets: list[Target] = []
    for node, ancestors in walk_with_ancestors(plan):
        if any(_is_review(n) for n in [*ancestors, node]):
            continue
        title_deadline = _title_deadline([*ancestors, node])
        list_deadline: int | None = None
        for block in node.blocks:
            if block.kind == "table":
                rows = [r.split("\t") for r in block.text.split("\n")]
                targets += targets_in_table(rows, node.path, title_deadline)
        for text in node_texts(node):
            for sentence in sentences(text):
                for clause in sentence.split(";"):
                    if _achieved(clause):
                        continue
                    targets += targets_in_clause(clause.strip(), sentence, node.path,
                                                 list_deadline or title_deadline)
            # "Một số chỉ tiêu cụ thể đến năm 2030:" sets the deadline of the list that follows it.
            if text.rstrip().endswith(":"):
                year = _clause_deadline(text) or (int(m.group(1)) if (m := _TITLE_YEAR_RE.search(text)) else None)
                if year:
                    list_deadline = year
    return targets
