"""Cited documents: Party numbers (43-NQ/TW, "69 -KL/TU", "21-\\nKH/TW") and State numbers (236/QĐ-TTg,
30/2020/NĐ-CP, 16/2021/QH15), with the date and issuer written right after them.

One compiled regex scans the text once (linear); ids are canonical: no leading zeros, spaces removed,
otherwise as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from trienkhai.plans.kinds import kind_before, kind_from_symbol
from trienkhai.plans.model import Reference
from trienkhai.text.vietnamese import collapse_spaces

_UP = "A-ZĐÀ-Ỹ"
_LETTER = "A-Za-zĐđ"
# Party: NUMBER - SYMBOL / ISSUER, spaces tolerated around "-" and "/" (hard wraps, typos).
_PARTY = rf"(?P<pn>\d{{1,5}})\s*-\s*(?P<ps>[{_UP}][{_LETTER}]{{0,4}})\s*/\s*(?P<pi>[{_UP}][{_UP}Ư]{{1,5}})"
# State: NUMBER[/YEAR]/SYMBOL-ISSUER; with a year the tail may lack a hyphen (16/2021/QH15).
_STATE_YEAR = rf"(?P<yn>\d{{1,5}})/(?P<yy>(?:19|20)\d\d)/(?P<ys>[{_UP}][{_LETTER}0-9]*(?:-[{_UP}][{_LETTER}0-9]*)*)"
_STATE = rf"(?P<sn>\d{{1,5}})/(?P<ss>[{_UP}][{_LETTER}]{{0,5}}(?:-[{_UP}][{_LETTER}0-9]*)+)"
# "(?=\d)" first: a pattern opening with a look-behind is tried at every position; this halves the scan.
REF_RE = re.compile(rf"(?=\d)(?<![\w/.-])(?:{_PARTY}|{_STATE_YEAR}|{_STATE})(?![\w/])")

_DATE_NUM = re.compile(r"\s*,?\s*(?:ban hành\s+)?ngày\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")
_DATE_WORDS = re.compile(r"\s*,?\s*(?:ban hành\s+)?ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
_ISSUER = re.compile(r"\s*,?\s*của\s+([^,;()\"“”]{3,90}?)(?=\s+(?:về|khóa|khoá|tại|thực hiện|ban hành|"
                     r"quy định|hướng dẫn|Hội nghị)\b|[,;()\"“”.]|$)")
# Issuer codes whose case is conventional (documents sometimes write them in capitals).
_ISSUER_CASE = {"TTG": "TTg"}
# Party symbol variants written for the same kind: "QĐi" (quy định) is cited as QĐ in the registers.
_PARTY_SYMBOL = {"QĐi": "QĐ", "QĐI": "QĐ", "Qđi": "QĐ"}


def _strip_zeros(number: str) -> str:
    return str(int(number)) if number.isdigit() else number


def canonical_id(match: re.Match[str]) -> tuple[str, str]:
    """The canonical id of a matched number and its kind symbol."""
    g = match.groupdict()
    if g["pn"]:
        symbol = _PARTY_SYMBOL.get(g["ps"], g["ps"])
        return f"{_strip_zeros(g['pn'])}-{symbol}/{g['pi']}", g["ps"]
    if g["yn"]:
        tail = "-".join(_ISSUER_CASE.get(p, p) for p in g["ys"].split("-"))
        return f"{_strip_zeros(g['yn'])}/{g['yy']}/{tail}", g["ys"].split("-")[0]
    parts = g["ss"].split("-")
    tail = "-".join(_ISSUER_CASE.get(p, p) for p in parts)
    return f"{_strip_zeros(g['sn'])}/{tail}", parts[0]


def kind_of_number(number: str) -> str | None:
    """The kind a document number names by its symbol, Party or State: "43-NQ/TW" → "nghi_quyet",
    "236/QĐ-TTg" → "quyet_dinh", "30/2020/NĐ-CP" → "nghi_dinh"; None when it holds no known symbol."""
    m = REF_RE.search(number)
    return kind_from_symbol(canonical_id(m)[1]) if m else None


def id_key(ref_id: str) -> str:
    """The form two ids are compared in: lower case, no spaces, no leading zeros."""
    key = ref_id.lower().replace(" ", "")
    return re.sub(r"(?<![\d/])0+(\d)", r"\1", key)


def parse_id(text: str) -> str | None:
    """The canonical id of the first number in `text` ("Số: 02-NQ/TW" → "2-NQ/TW"), or None."""
    m = REF_RE.search(text)
    return canonical_id(m)[0] if m else None


def _iso(day: str, month: str, year: str) -> str | None:
    d, m, y = int(day), int(month), int(year)
    if 1 <= d <= 31 and 1 <= m <= 12:
        return f"{y:04d}-{m:02d}-{d:02d}"
    return None


# "Quy định số 217, 218-QĐ/TW", "Nghị quyết số 10 và 11/2020/NQ-HĐND": numbers sharing the symbol written
# after the last one. The bare numbers stand right before the full one, after "số".
_SHARED_SYMBOL = re.compile(r"(?<!\w)số\s+(?P<nums>\d{1,5}(?:\s*(?:,|và|;)\s*\d{1,5})*)\s*(?:,|và)\s*$")


def _shared(text: str, m: re.Match[str], ref_id: str) -> list[str]:
    """Ids of the bare numbers before `m` that share its symbol ("217" in "số 217, 218-QĐ/TW")."""
    if m.start() == 0 or (not text[m.start() - 1].isspace() and text[m.start() - 1] != ","):
        return []
    sm = _SHARED_SYMBOL.search(text, max(0, m.start() - 60), m.start())
    if not sm:
        return []
    number = m.group("pn") or m.group("yn") or m.group("sn")
    tail = ref_id[len(_strip_zeros(number)):]
    return [_strip_zeros(n) + tail for n in re.findall(r"\d{1,5}", sm.group("nums"))]


def references_in(text: str) -> list[Reference]:
    """Every number cited in `text`, in order, with kind, date and issuer when written right after it."""
    out: list[Reference] = []
    for m in REF_RE.finditer(text):
        ref_id, symbol = canonical_id(m)
        kind = kind_before(text[max(0, m.start() - 40):m.start()]) or kind_from_symbol(symbol)
        shared = _shared(text, m, ref_id) if "," in text[max(0, m.start() - 3):m.start()] or \
            "và" in text[max(0, m.start() - 5):m.start()] else []
        if shared:
            kind = kind_before(text[max(0, m.start() - 100):m.start()].rsplit(" số ", 1)[0] + " số ") or kind
        out.extend(Reference(id=s, kind=kind, text=s) for s in shared)
        tail = text[m.end():m.end() + 160]
        date = None
        dm = _DATE_NUM.match(tail) or _DATE_WORDS.match(tail)
        if dm:
            date = _iso(*dm.groups())
            tail = tail[dm.end():]
        im = _ISSUER.match(tail)
        issuer = collapse_spaces(im.group(1)) if im else None
        out.append(Reference(id=ref_id, kind=kind, date=date, issuer=issuer,
                             text=collapse_spaces(m.group(0))))
    return out


def merge_references(refs: Iterable[Reference]) -> list[Reference]:
    """Deduplicated by id (first mention wins; a later mention fills a missing date or issuer)."""
    seen: dict[str, Reference] = {}
    for r in refs:
        key = id_key(r.id)
        first = seen.get(key)
        if first is None:
            seen[key] = r
            continue
        first.date = first.date or r.date
        first.issuer = first.issuer or r.issuer
        first.kind = first.kind or r.kind
    return list(seen.values())


def find_references(texts: Iterable[str]) -> list[Reference]:
    """References cited anywhere in `texts` (each text scanned once), deduplicated."""
    return merge_references(r for t in texts for r in references_in(t))

