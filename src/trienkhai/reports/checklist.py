"""What an office checks before a review report goes to be signed (HD 36-HD/VPTW, NĐ 30/2020, and the parts
of a review in REVIEW_REPORTS.md), as one function over the written .docx and its data: `problems(data,
docx)` lists what is wrong, in Vietnamese; an empty list is a report that passes.

Also `repeated_share`: how much of a body repeats the plan's own sentences.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence

from docx import Document
from docx.oxml.ns import qn
from rapidfuzz import fuzz

from trienkhai.reports.model import TASK_STATUSES, ReportKind, ReviewReportData, Variant
from trienkhai.reports.review import ACTIVITY_VERBS, DONE, NOT_REPORTED, NOT_REPORTED_LABEL
from trienkhai.reports.synthesis import folded
from trienkhai.tracking.assess import Assessment

# The parts each kind must have (folded words of its headings), in order.
PARTS = {
    ReportKind.MID_TERM: ["lanh dao chi dao quan triet", "ket qua thuc hien cac nhiem vu", "danh gia chung",
                          "uu diem", "han che", "nguyen nhan khach quan", "nguyen nhan chu quan",
                          "bai hoc kinh nghiem", "phuong huong", "de xuat kien nghi"],
    ReportKind.PERIODIC: ["ket qua thuc hien trong ky", "cong tac lanh dao chi dao", "han che",
                          "nguyen nhan khach quan", "nguyen nhan chu quan", "bai hoc kinh nghiem",
                          "nhiem vu trong tam ky toi", "de xuat kien nghi"],
}
PARTS[ReportKind.FINAL] = [*PARTS[ReportKind.MID_TERM], "khen thuong"]

PLACEHOLDERS = ("Chưa có thông tin", "Chưa có báo cáo kết quả", "Chưa ghi nhận", "(Chưa", "Không có.", "TODO",
                "None", "{", "}", "[", "]", "Tập trung chỉ đạo đẩy nhanh tiến độ nhiệm vụ:")
# The codes that must never reach the text, read from where they are defined (a new status is checked too):
# period codes, report kinds, task statuses, target assessments, activity kinds (the snake_case ones: "dat"
# and "vuot" are also Vietnamese words without their marks).
_CODES = sorted({*(k for k, _ in TASK_STATUSES), *(a.value for a in Assessment), *(k.value for k in ReportKind),
                 *ACTIVITY_VERBS, NOT_REPORTED} - {""}, key=len, reverse=True)
RAW_CODES = re.compile(r"\b\d{4}-(?:Q[1-4]|H[12])\b|\bso-ket\b|\btong-ket\b|\bdraft\b|\b(?:"
                       + "|".join(re.escape(c) for c in _CODES if "_" in c) + r")\b")
DOUBLED = re.compile(r"([.,;:])\s*\1|[,;:]\s*\.(?!\.)|\.\s*[,;]")
SAME_RANGE = re.compile(r"(?<![\d,.])(\d+(?:,\d+)?) - \1(?![\d,])")
OLD_TONE = re.compile(r"(?i)(?<![qQ])(?:uỷ|uý|oà|oá|oả|oạ)(?![^\W\d_])")
NEW_TONE = re.compile(r"(?i)(?<![qQ])(?:ủy|úy|òa|óa|ỏa|ọa)(?![^\W\d_])")
PARTY_NUMBER = re.compile(r"^Số\u00a0[\d\u00a0]*-BC/(?:TU|HU|QU|ĐU|[A-ZĐ]+)$")
STATE_NUMBER = re.compile(r"^Số:\u00a0[\d\u00a0]*/BC-[A-ZĐ]+$")
PLACE_DATE = re.compile(r"^[^,]+, ngày \d{2} tháng (?:0[12]|[3-9]|1[0-2]) năm \d{4}$")


def _texts(doc) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.text for p in doc.paragraphs]


def problems(data: ReviewReportData, docx: bytes) -> list[str]:
    doc = Document(io.BytesIO(docx))
    out: list[str] = []
    out += _header(data, doc)
    paragraphs = _texts(doc)
    body_end = next((i for i, t in enumerate(paragraphs) if t.strip() == "PHỤ LỤC"), len(paragraphs))
    body = paragraphs[:body_end]
    headings = [folded(p.text) for p in doc.paragraphs[:body_end]
                if p.style is not None and (p.style.name or "").startswith("Heading")]
    position = 0
    for part in PARTS[data.kind]:
        found = next((i for i, h in enumerate(headings) if part in h and i >= position), None)
        if found is None:
            out.append(f"thiếu phần: {part}")
        else:
            position = found
    tables = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    everything = [*paragraphs, *tables]
    for text in everything:
        for word in PLACEHOLDERS:
            if word in text:
                out.append(f"chữ giữ chỗ “{word}”: {text[:80]}")
        if RAW_CODES.search(text):
            out.append(f"mã nội bộ: {text[:80]}")
        if DOUBLED.search(text.replace("…", "")):
            out.append(f"dấu câu lặp: {text[:80]}")
        if SAME_RANGE.search(text):
            out.append(f"khoảng giá trị lặp: {text[:80]}")
    joined = " ".join(body)
    if OLD_TONE.search(joined) and NEW_TONE.search(joined):
        out.append("kiểu bỏ dấu không thống nhất (uỷ/ủy)")
    if data.draft != any(t.strip() == "DỰ THẢO" for t in paragraphs[:6]):
        out.append("dấu DỰ THẢO không đúng với kỳ báo cáo")
    out += _language(doc)
    out += _consistency(data, doc, joined)
    return out


def _header(data: ReviewReportData, doc) -> list[str]:  # type: ignore[no-untyped-def]
    out = []
    left, right = doc.tables[0].rows[0].cells
    lines = [p.text for p in left.paragraphs]
    right_lines = [p.text for p in right.paragraphs if p.text.strip()]
    if data.variant is Variant.PARTY:
        if right_lines[:1] != ["ĐẢNG CỘNG SẢN VIỆT NAM"]:
            out.append("thiếu tiêu đề ĐẢNG CỘNG SẢN VIỆT NAM")
        if "*" not in lines:
            out.append("thiếu dấu * dưới tên cơ quan")
        if not PARTY_NUMBER.match(lines[-1]):
            out.append(f"số, ký hiệu không đúng HD 36: {lines[-1]!r}")
    else:
        if right_lines[:2] != ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]:
            out.append("thiếu quốc hiệu, tiêu ngữ")
        if not STATE_NUMBER.match(lines[-1]):
            out.append(f"số, ký hiệu không đúng NĐ 30: {lines[-1]!r}")
    if not PLACE_DATE.match(right_lines[-1]):
        out.append(f"địa danh, ngày tháng không đúng: {right_lines[-1]!r}")
    name = data.issuer.name
    if not name or "  " in name or name != name.upper():
        out.append(f"tên cơ quan ban hành: {name!r}")
    if "TỈNH" in name and not data.issuer.superior and data.variant is Variant.STATE:
        out.append("thiếu ỦY BAN NHÂN DÂN trên tên địa phương")
    return out


def _language(doc) -> list[str]:  # type: ignore[no-untyped-def]
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    lang = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang")) if defaults is not None else None
    ok = lang is not None and lang.get(qn("w:val")) == "vi-VN"
    normal = doc.styles["Normal"].element.find(qn("w:rPr"))
    ok = ok and normal is not None and normal.find(qn("w:lang")) is not None
    return [] if ok else ["ngôn ngữ văn bản không phải tiếng Việt (vi-VN)"]


def _consistency(data: ReviewReportData, doc, body: str) -> list[str]:  # type: ignore[no-untyped-def]
    """What the body says equals what the appendices and the figures say."""
    f = data.figures
    if f is None:
        return ["thiếu số liệu tổng hợp"]
    out = []
    body = body.replace("\u00a0", " ")
    said = re.search(r"(\d+)/(\d+) cơ quan, đơn vị đã gửi báo cáo", body)
    if not said or (int(said.group(1)), int(said.group(2))) != (f.reported, f.units):
        out.append(f"số đơn vị đã báo cáo trong thân bài khác số liệu: {said.group(0) if said else '—'}")
    if len(data.not_reported) != len(f.not_reported):
        out.append("phụ lục đơn vị chưa báo cáo khác thân bài")
    done = re.search(r"(\d+)/(\d+) nhiệm vụ đã hoàn thành", body)
    if done and (int(done.group(1)), int(done.group(2))) != (f.status(DONE), f.tasks):
        out.append("số nhiệm vụ hoàn thành trong thân bài khác số liệu")
    rows = {r.organisation: r.counts for r in data.tasks_by_status if r.total}
    if {o: dict(c) for o, c in rows.items()} != f.unit_status:
        out.append("phụ lục 1 khác số liệu theo đơn vị")
    table = next((t for t in doc.tables if t.rows[0].cells[-1].text == NOT_REPORTED_LABEL), None)
    if table is not None and f.lead_assignments:
        total = table.rows[-1].cells
        if total[2].text != str(f.lead_assignments):
            out.append("tổng phụ lục 1 khác tổng số lượt giao chủ trì")
        if total[-1].text != str(sum(c.get(NOT_REPORTED, 0) for c in f.unit_status.values())):
            out.append("cột chưa báo cáo của phụ lục 1 khác số liệu")
    return out


# --- repetition of the plan's own sentences -------------------------------------------------------------

SIMILAR = 0.8
_SENTENCE = re.compile(r"(?<=[.;!?])\s+|\n+")


def sentences(texts: Iterable[str]) -> list[str]:
    out = []
    for text in texts:
        out += [s.strip() for s in _SENTENCE.split(text or "") if len(s.strip().split()) >= 4]
    return out


def repeats(sentence: str, plan: Sequence[str]) -> bool:
    """Whether a sentence of the body says again a sentence of the plan (≥ 0.8 similar): the same words in
    any order, or one quoted inside the other (partial match, for sentences of 40 characters or more)."""
    a = folded(sentence)
    for p in plan:
        b = folded(p)
        if not b:
            continue
        if fuzz.token_sort_ratio(a, b) >= SIMILAR * 100:
            return True
        if len(a) >= 40 and len(b) >= 40 and fuzz.partial_ratio(a, b) >= SIMILAR * 100 + 10:
            return True
    return False


def repeated_share(body: Sequence[str], plan_texts: Iterable[str]) -> float:
    """The share of the body's words that are in sentences repeating the plan's own (0–1)."""
    plan = sentences(plan_texts)
    total = repeated = 0
    for sentence in sentences(body):
        words = len(sentence.split())
        total += words
        if repeats(sentence, plan):
            repeated += words
    return repeated / total if total else 0.0
