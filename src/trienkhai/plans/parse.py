"""Parse a plan document into the dataclasses of `trienkhai.plan/2`: `parse_file(path)` reads it,
`parse_document(source)` finds the header, preamble, outline, closing and references, then runs the
extraction of targets, assignments and tasks over the result."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from trienkhai.documents.model import SourceDocument
from trienkhai.documents.ocr import OcrPage
from trienkhai.errors import NotAPlanError
from trienkhai.plans.assignments import find_assignments
from trienkhai.plans.header import Front, read_front
from trienkhai.plans.implements import find_implements, issuer_from_preamble
from trienkhai.plans.kinds import document_kind, kind_before, kind_from_title
from trienkhai.plans.lines import Line, prepare
from trienkhai.plans.model import DocumentInfo, OcrPageInfo, Plan, Reference, Signer, Source
from trienkhai.plans.outline import build_outline
from trienkhai.plans.references import (
    REF_RE,
    find_references,
    id_key,
    kind_of_number,
    parse_id,
    references_in,
)
from trienkhai.plans.signature import Closing, find_closing, flatten_closing_tables
from trienkhai.plans.targets import find_targets
from trienkhai.plans.tasks import find_tasks, link_to_outline
from trienkhai.text.vietnamese import collapse_spaces
from trienkhai.vocab.kinds import BY_CODE

NO_NUMBER = "Văn bản không ghi số, ký hiệu."  # warnings a reviewer's correction of the header answers
NO_DATE = "Văn bản không ghi ngày ban hành."

_ATTACHED = re.compile(r"Kèm theo\s+(?P<what>[^\d()]{2,60}?)\s*(?:số\s*)?(?=\d)", re.IGNORECASE)
_PROVINCE = re.compile(r"(?:\btỉnh|[Tt]ỉnh [uủ][yỷ])\s+(?P<name>[A-ZĐÀ-Ỹ][a-zđà-ỹ]+(?:\s[A-ZĐÀ-Ỹ][a-zđà-ỹ]+){0,2})")
_META_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def parse_file(path: str | Path, progress: Callable[[int, int], None] | None = None) -> Plan:
    """Read the document at `path` (any supported format, scans too) and parse it;
    `progress(done, total)` is called after each page read by OCR."""
    from trienkhai.documents.read import read_document

    return parse_document(read_document(path, progress=progress))


def _text_of(lines: list[Line]) -> str:
    """The lines as one text (tables cell by cell), for scans that must see across line breaks."""
    parts: list[str] = []
    for ln in lines:
        if ln.kind == "table":
            parts.extend(" \t ".join(r) for r in ln.rows)
        else:
            parts.append(ln.text)
    return "\n".join(parts)


def _paragraphs(lines: list[Line]) -> list[str]:
    """Lines re-joined into paragraphs: a paragraph ends with final punctuation."""
    out: list[str] = []
    for ln in lines:
        if ln.kind != "paragraph":
            continue
        if out and not out[-1].endswith((".", ":", ";", "!", "?")):
            joiner = "" if out[-1].endswith("-") else " "
            out[-1] = collapse_spaces(out[-1] + joiner + ln.text)
        else:
            out.append(ln.text)
    return out


def _attached_number(text: str, kind: str | None) -> tuple[str | None, str | None]:
    """The document's own number and date from an annex line "(Kèm theo Chương trình hành động số 55-CTr/TU
    ngày 31/01/2024 …)", when the annex names a document of this kind."""
    for m in _ATTACHED.finditer(text):
        what_kind = kind_before(m.group("what") + " số ")
        refs = references_in(text[m.end():m.end() + 200])
        if refs and REF_RE.match(text, m.end()) and (kind is None or what_kind == kind):
            return refs[0].id, refs[0].date
    return None, None


def _cited(references: list[Reference], own_number: str | None) -> list[Reference]:
    """The documents cited, without the document itself (its number recurs in an appendix caption,
    "Kèm theo Chương trình hành động số 55-CTr/TU …": that is no citation)."""
    own = id_key(parse_id(own_number) or own_number) if own_number else None
    return [r for r in references if id_key(r.id) != own]


def _province(text: str) -> str | None:
    counts = Counter(m.group("name") for m in _PROVINCE.finditer(text))
    if not counts:
        return None
    name, n = counts.most_common(1)[0]
    return name if n >= 2 else None


def _document(front: Front, preamble: str, text: str, closing: Closing | None) -> DocumentInfo:
    issuer, province, pre_kind = issuer_from_preamble(preamble)
    number = front.number
    kind = front.kind or pre_kind
    if kind is None and number:
        kind = kind_of_number(number)
    date = front.date
    if number is None:
        number, attached_date = _attached_number(text, kind)
        date = date or attached_date
    if number is None and front.meta.get("Số hiệu"):
        number = front.meta["Số hiệu"].split()[0]
    if date is None and front.meta.get("Ngày ban hành"):
        dm = _META_DATE.search(front.meta["Ngày ban hành"])
        if dm:
            d, mo, y = (int(x) for x in dm.groups())
            date = f"{y:04d}-{mo:02d}-{d:02d}"
    if kind is None and number:
        kind = kind_of_number(number)
    signer = closing.signer if closing else None
    if front.meta.get("Người ký") and (signer is None or not signer.name):
        signer = Signer(name=front.meta["Người ký"], title=signer.title if signer else None,
                        on_behalf_of=signer.on_behalf_of if signer else None)
    return DocumentInfo(
        kind=document_kind(kind), number=number, date=date, place=front.place,
        issuer=front.issuer or issuer, superior=front.superior if front.issuer else None,
        province=front.province or province or _province(text),
        title=front.title, implements=find_implements(preamble), signer=signer,
        recipients=closing.recipients if closing else [],
    )


def _named_in_first_line(front: Front, lines: list[Line]) -> None:
    """A text copied without its header often opens with the line that names it, as a web page's title
    does: "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về …". Its kind, number, date, issuer and
    subject are read from that line (only when the front says neither kind nor number)."""
    if front.kind or front.number:
        return
    # Without a heading nor a preamble, the front reads the whole text as header: look from its start.
    first = next((ln for ln in lines[:front.outline_from] if ln.kind == "paragraph"), None)
    if first is None:
        return
    m = REF_RE.search(first.text[:80])
    kind = kind_from_title(first.text) if m else None
    if m is None or kind is None or len(first.text[:m.start()].split()) > 4:
        return  # the line does not open with a kind word right before the number: a citation, not a name
    ref = references_in(first.text[m.start():])[0]
    front.kind, front.number, front.date = kind, ref.id, ref.date
    front.issuer = front.issuer or ref.issuer
    about = re.search(r"\s(về|V/v)\s+(.+)$", first.text)
    front.title = collapse_spaces(about.group(2)) if about else first.text
    front.preamble_from = first.index + 1
    front.body_from = first.index


def parse_document(source: SourceDocument) -> Plan:
    """The plan format of a document already read into blocks."""
    lines = prepare(source)
    front = read_front(lines)
    _named_in_first_line(front, lines)
    flat = flatten_closing_tables(lines, front.preamble_from)
    if flat is not lines:
        lines = flat
        front = read_front(lines)  # the same front: only lines after it were renumbered
        _named_in_first_line(front, lines)
    body_from = front.outline_from if front.outline_from < len(lines) else front.preamble_from
    closing = find_closing(lines, body_from)
    if closing is None and front.preamble_from < front.outline_from:
        # A decision that issues a plan: its "Nơi nhận" and signature come before the plan it issues.
        closing = find_closing(lines, front.preamble_from)
    body_end = closing.start if closing and closing.start >= front.outline_from else len(lines)
    preamble_lines = lines[front.preamble_from:min(front.outline_from, body_end)]
    preamble = "\n".join(_paragraphs(preamble_lines))
    outline, outline_warnings = build_outline(lines[front.outline_from:body_end], ocr=bool(source.ocr))
    cited = lines[front.body_from:]
    text = _text_of(cited)
    document = _document(front, preamble, text, closing)
    plan = Plan(
        source=Source(filename=source.filename, sha256=source.sha256, format=source.format,
                      encoding=source.encoding, ocr=[_ocr_info(r) for r in source.ocr]),
        document=document, outline=outline, references=_cited(find_references([text]), document.number),
        warnings=list(source.warnings), preamble=_paragraphs(preamble_lines),
    )
    headings = sum(1 for _ in plan.nodes())
    if headings == 0 and not (front.kind or front.number or document.implements):
        raise NotAPlanError(
            "Văn bản này không giống một kế hoạch, chương trình, nghị quyết hay văn bản chỉ đạo: "
            "không có phần đầu (số, ký hiệu, tên loại văn bản) và không có đề mục đánh số nào."
        )
    plan.warnings.extend(_front_warnings(front, document))
    plan.warnings.extend(outline_warnings)
    if closing is None:
        plan.warnings.append("Không tìm thấy phần ký (T/M, K/T, chức vụ, họ tên) và nơi nhận.")
    plan.targets = find_targets(plan)
    plan.assignments = find_assignments(plan)
    plan.tasks = find_tasks(source, plan)
    link_to_outline(plan)
    return plan


def _front_warnings(front: Front, document: DocumentInfo) -> list[str]:
    out: list[str] = []
    if not front.has_header:
        out.append("Không tìm thấy phần đầu văn bản (cơ quan ban hành, số, ký hiệu): "
                   "các thông tin này có thể thiếu.")
    if document.number is None:
        out.append(NO_NUMBER)
    if document.date is None:
        out.append(NO_DATE)
    if front.kind is None:
        kind = BY_CODE.get(document.kind)  # the kind's name, never its code
        out.append(f"Không thấy tên loại văn bản ở đầu; loại được suy ra: {kind.name if kind else 'khác'}.")
    return out


def _ocr_info(record: OcrPage) -> OcrPageInfo:
    return OcrPageInfo(page=record.page, confidence=record.confidence, size=list(record.size), rotated=record.rotated,
                       low=[{"text": w.text, "confidence": round(w.confidence, 1), "box": list(w.box)}
                            for w in record.low])
