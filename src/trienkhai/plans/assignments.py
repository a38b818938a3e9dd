"""Assignments: who must do what, from "Tổ chức thực hiện" and from sentences elsewhere that assign work.

Each numbered paragraph of "Tổ chức thực hiện" is one assignment (`item` = its outline path). Its
responsible bodies are the subjects of its sentences (the words before the first verb, when they name
bodies); the lead is the subject of "X chủ trì" / "Giao X chủ trì", else the bodies that open the
item's first assignment sentence ("Đảng đoàn HĐND tỉnh lãnh đạo …"); partners follow "phối hợp với".
Outside that part only a sentence that opens with "Giao X …" or "X chủ trì" counts, so that ordinary
task sentences ("Mặt trận Tổ quốc … phối hợp với chính quyền …") are not taken for assignments.
"""

from __future__ import annotations

import re

from trienkhai.plans._text import node_texts, sentences, walk_with_ancestors
from trienkhai.plans.agencies import canonical_map, is_agency_start, split_agencies
from trienkhai.plans.model import Assignment, OutlineNode, Plan
from trienkhai.text.vietnamese import fold
from trienkhai.vocab.assignments import (
    DUTY_VERBS,
    LEAD_INS,
    LEAD_VERB,
    NOT_ORGANISE_BEFORE,
    ORGANISE,
    PARTNER_VERB,
    PREDICATES,
    REPORT_PERIODS,
    REPORT_VERB,
)
from trienkhai.vocab.phrases import alternation
from trienkhai.vocab.timeframes import RECURRING

# Verbs that end a subject (the vocabulary's), "tổ chức" only when no name goes on after it.
_PREDICATE = (alternation(PREDICATES)
              + rf"|{ORGANISE}(?!\s+(?:{alternation(NOT_ORGANISE_BEFORE)})|\s*[,;]|\s+và)")
_PREDICATE_RE = re.compile(rf"(?<![\wÀ-ỹ])(?<!chuyên trách )(?:{_PREDICATE})(?![\wÀ-ỹ])")
_VERBS = DUTY_VERBS
_LEAD_IN_RE = re.compile(rf"^(?:{alternation(LEAD_INS)})\s+", re.IGNORECASE)
_LEAD_RE = re.compile(rf"(?<![\wÀ-ỹ]){LEAD_VERB}(?![\wÀ-ỹ])")
_PARTNERS_RE = re.compile(
    rf"(?<![\wÀ-ỹ]){PARTNER_VERB}(?:\s+chặt chẽ)?\s+với\s+(.+?)(?=\s+(?<!chuyên trách )(?:{_PREDICATE})(?![\wÀ-ỹ])"
    r"|[;.(]|$)")
_REPORT_RE = re.compile(rf"(?<![\wÀ-ỹ]){REPORT_VERB}(?![\wÀ-ỹ])")
# How often a body reports: the recurring timeframe wordings and a few more.
_PERIOD_RE = re.compile("(" + alternation([*(w for code, words in RECURRING if code != "theo_nhiem_ky" for w in words),
                                           *REPORT_PERIODS]) + ")", re.IGNORECASE)
_IMPLEMENTATION = "to chuc thuc hien"


def _is_recipients(text: str) -> bool:
    return fold(text[:12]).startswith("noi nhan")


def _is_implementation(node: OutlineNode) -> bool:
    """"IV. TỔ CHỨC THỰC HIỆN" (or "Tổ chức thực hiện" as a short sub-heading)."""
    title = node.title
    return len(title) < 60 and fold(title).startswith(_IMPLEMENTATION)


def _subject(sentence: str) -> tuple[str, int] | None:
    """The subject of a sentence that opens with bodies' names, and where it ends; None otherwise."""
    body = _LEAD_IN_RE.sub("", sentence)
    offset = len(sentence) - len(body)
    if not is_agency_start(body) or _PREDICATE_RE.match(body[:40].lower()):
        return None  # "Chỉ đạo xây dựng kế hoạch …": the sentence opens with its verb, it names no body
    colon = body.find(":")
    if 0 < colon < 200 and not _PREDICATE_RE.search(body[:colon]):
        # "Sở Tư pháp: chủ trì, phối hợp …" / "Các sở, ban, ngành:" followed by their duties.
        return body[:colon].strip(" ,;"), offset + colon + 1
    m = _PREDICATE_RE.search(body)
    if not m or m.start() == 0:
        return None
    subject = body[:m.start()].strip(" ,;:")
    if not subject or len(subject) > 400:
        return None
    if fold(subject) in ("to chuc", "co quan", "don vi"):
        return None  # "Tổ chức tuyên truyền …" opens with a verb, not a body
    return subject, offset + m.start()


def _reporting(text: str) -> str | None:
    for sentence in sentences(text):
        for clause in sentence.split(";"):
            m = _REPORT_RE.search(clause)
            if not m or "(báo cáo)" in clause:
                continue
            start = m.start()
            period = None
            for p in _PERIOD_RE.finditer(clause[:m.start()]):
                period = p
            if period and m.start() - period.start() < 90:
                start = period.start()
                # "định kỳ 6 tháng báo cáo": periods written one after another form one period.
                earlier = [p for p in _PERIOD_RE.finditer(clause[:start]) if not clause[p.end():start].strip()]
                if earlier:
                    start = earlier[-1].start()
            return clause[start:].strip(" ,.;")
    return None


_VERB_RES = [(v, re.compile(rf"(?<![\wÀ-ỹ]){v}(?![\wÀ-ỹ])")) for v in _VERBS]


def _verbs(text: str) -> list[str]:
    found = [(text.find(v), v) for v, pattern in _VERB_RES if v in text and pattern.search(text)]
    return [v for _, v in sorted(found)]


def assignment_from_texts(item: str | None, texts: list[str], *, strict: bool = False) -> Assignment | None:
    """One assignment from the texts of an item. `strict`: only sentences opening with "Giao X" or
    "X chủ trì" count (outside "Tổ chức thực hiện")."""
    responsible: list[str] = []
    leads: list[str] = []
    partners: list[str] = []
    duties: list[str] = []
    kept: list[str] = []
    opening: list[str] = []  # the bodies that open the item's first assignment sentence
    for text in texts:
        if _is_recipients(text):
            break  # the distribution list closes the document: its names are recipients, not assignees
        kept.append(text)
        for sentence in sentences(text):
            found = _subject(sentence)
            if found is None:
                continue
            subject, end = found
            rest = sentence[end:]
            is_lead = bool(re.match(r"[\s:,\-–]*chủ trì", rest, re.IGNORECASE))
            if strict and not (is_lead or _LEAD_IN_RE.match(sentence)):
                continue
            names = split_agencies(subject)
            for name in names:
                if name not in responsible:
                    responsible.append(name)
            if is_lead and not leads:
                leads = names
            if not opening:
                opening = names
            for m in _PARTNERS_RE.finditer(sentence):
                for name in split_agencies(m.group(1)):
                    if name not in partners:
                        partners.append(name)
            duties.append(rest.strip())
    if not responsible:
        return None
    if not leads and not strict:
        # "Đảng đoàn HĐND tỉnh lãnh đạo …", "UBND tỉnh chỉ đạo …": the body that opens the work leads it.
        leads = [n for n in opening if n not in partners]
    full = " ".join(kept)
    names = list(dict.fromkeys(responsible + partners + leads))
    return Assignment(item=item, responsible=responsible, leads=leads, partners=partners, verbs=_verbs(full),
                      duties=" ".join(duties) or None, reporting=_reporting(full),
                      canonical=canonical_map(names), text=full)


def find_assignments(plan: Plan) -> list[Assignment]:
    """Assignments of the plan, in reading order."""
    found: list[Assignment] = []
    for node, ancestors in walk_with_ancestors(plan):
        inside = any(_is_implementation(n) for n in ancestors)
        if _is_implementation(node):
            # Numbered paragraphs are children; unnumbered paragraphs directly under the heading are
            # each an assignment of the heading's own path.
            for text in node_texts(node, title=False):
                if _is_recipients(text):
                    break
                a = assignment_from_texts(node.path, [text])
                if a:
                    found.append(a)
            continue
        a = assignment_from_texts(node.path, node_texts(node), strict=not inside)
        if a is None and inside and _names_a_body(node):
            # "2. Ban cán sự đảng Ủy ban nhân dân tỉnh:" over its lettered duties: the item names its body.
            names = split_agencies(node.title.strip().rstrip(":"))
            texts = node_texts(node, title=False)
            partners = list(dict.fromkeys(p for text in texts for m in _PARTNERS_RE.finditer(text)
                                          for p in split_agencies(m.group(1))))
            a = Assignment(item=node.path, responsible=names, leads=list(names), partners=partners,
                           canonical=canonical_map([*names, *partners]), text=" ".join([node.title, *texts]),
                           duties=" ".join(texts) or None, verbs=_verbs(" ".join(texts)),
                           reporting=_reporting(" ".join(texts)))
        if a:
            found.append(a)
    return found


def _names_a_body(node: OutlineNode) -> bool:
    """A heading that is only a body's name, its duties below it ("Sở Tài chính:" / "a) …")."""
    title = node.title.strip()
    return (bool(node.children or node.blocks) and 0 < len(title) <= 150 and is_agency_start(title)
            and not _PREDICATE_RE.search(title) and not title.endswith((".", ";")))
