""".pdf with a text layer → blocks, with pdfplumber.

Words → lines (same baseline) → paragraphs with `reflow.reassemble`, using geometry: a line ending
well before the right margin or followed by a larger gap ends a paragraph, a first-line indent
starts one. Bold from font names. Page numbers and lines repeated at the top/bottom of most pages
(running headers/footers) are dropped; lines in a smaller font at the bottom of a page are footnotes.
"""

from __future__ import annotations

import io
import itertools
import statistics
from collections import Counter

from trienkhai.documents.limits import MAX_PDF_PAGES
from trienkhai.documents.model import Block
from trienkhai.documents.patterns import FOOTNOTE_LINE_RE, PAGE_NUMBER_RE, SUPERSCRIPT_DIGITS
from trienkhai.documents.reflow import Line, reassemble
from trienkhai.errors import DocumentError, NoTextLayerError

_NO_TEXT = ("Tệp PDF là bản quét, không có lớp chữ; chưa hỗ trợ nhận dạng chữ (OCR). "
            "Hãy dùng bản .docx hoặc bản PDF xuất trực tiếp từ Word.")


def _check_encrypted(data: bytes, name: str) -> None:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        encrypted = reader.is_encrypted
    except Exception as exc:
        raise DocumentError(f"Tệp {name} bị hỏng, không đọc được như tệp PDF.", detail=repr(exc)) from exc
    if encrypted:
        raise DocumentError(f"Tệp {name} được mã hóa/đặt mật khẩu; hãy gỡ mật khẩu rồi tải lên lại.")


def _page_lines(page, page_no: int) -> list[dict]:
    words = page.extract_words(extra_attrs=["fontname", "size"], keep_blank_chars=False, use_text_flow=True)
    lines: list[dict] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1]["top"] - w["top"]) <= max(2.0, w["size"] * 0.3):
            ln = lines[-1]
            ln["words"].append(w)
            ln["x1"] = max(ln["x1"], w["x1"])
            ln["bottom"] = max(ln["bottom"], w["bottom"])
        else:
            lines.append({"top": w["top"], "bottom": w["bottom"], "x0": w["x0"], "x1": w["x1"], "words": [w],
                          "page": page_no, "height": page.height})
    # Footnote separator: a short horizontal rule in the lower half of the page.
    rules = [e["top"] for e in page.lines + page.rects
             if abs(e["bottom"] - e["top"]) < 2 and 0 < e["x1"] - e["x0"] < 0.5 * page.width
             and e["top"] > 0.5 * page.height]
    rule_top = min(rules) if rules else None
    for ln in lines:
        ln["below_rule"] = rule_top is not None and ln["top"] > rule_top
        ws = sorted(ln["words"], key=lambda w: w["x0"])
        ln["text"] = " ".join(w["text"] for w in ws)
        ln["size"] = statistics.median(w["size"] for w in ws)
        # A numbering label is often set in the body font: judge emphasis on the words after it.
        styled = ws[1:] if len(ws) > 1 and len(ws[0]["text"]) <= 6 and not ws[0]["text"].isalpha() else ws
        ln["bold"] = all("bold" in (w["fontname"] or "").lower() for w in styled)
        ln["italic"] = all(any(k in (w["fontname"] or "").lower() for k in ("italic", "oblique")) for w in styled)
    return lines


def read_pdf(data: bytes, name: str) -> tuple[list[Block], int, list[str]]:
    """(blocks, pages, warnings)."""
    _check_encrypted(data, name)
    import pdfplumber

    warnings: list[str] = []
    all_lines: list[dict] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        n_pages = len(pdf.pages)
        if n_pages > MAX_PDF_PAGES:
            raise DocumentError(f"Tệp {name} có {n_pages} trang, vượt giới hạn {MAX_PDF_PAGES} trang.")
        for i, page in enumerate(pdf.pages, start=1):
            all_lines.extend(_page_lines(page, i))
            page.flush_cache()
    if not any(ln["text"].strip() for ln in all_lines):
        raise NoTextLayerError(_NO_TEXT)
    body_size = statistics.median(ln["size"] for ln in all_lines)
    left = Counter(round(ln["x0"]) for ln in all_lines if abs(ln["size"] - body_size) < 0.5).most_common(1)[0][0]
    right = sorted(ln["x1"] for ln in all_lines)[int(len(all_lines) * 0.9)]
    # Running headers/footers: the same text at the top or bottom of several pages.
    edge = Counter(ln["text"] for ln in all_lines if ln["top"] < 0.1 * ln["height"] or ln["top"] > 0.9 * ln["height"])
    running = {t for t, c in edge.items() if c >= 2 and n_pages >= 2}
    lines: list[Line] = []
    prev: dict | None = None
    gaps = [b["top"] - a["top"] for a, b in itertools.pairwise(all_lines) if a["page"] == b["page"] and b["top"] > a["top"]]
    pitch = statistics.median(gaps) if gaps else body_size * 1.2
    for ln in all_lines:
        text = ln["text"].strip()
        at_edge = ln["top"] < 0.1 * ln["height"] or ln["top"] > 0.88 * ln["height"]
        if (at_edge and PAGE_NUMBER_RE.match(text)) or text in running:
            continue
        note = None
        small = (ln["size"] < body_size - 1.0 and ln["top"] > 0.6 * ln["height"]) or ln["below_rule"]
        m = FOOTNOTE_LINE_RE.match(text)
        if small and (m or (prev is not None and prev.get("note"))):
            note = (m.group(1).translate(SUPERSCRIPT_DIGITS).strip("[]()") if m else (prev or {}).get("note"))
            if m:
                text = m.group(2)
            elif lines and lines[-1].footnote is not None:
                lines[-1].text += " " + text  # footnote continues on the next line
                prev = ln
                continue
        elif small and text[:1].isdigit() and " " in text and text.split(" ", 1)[0].isdigit():
            note, text = text.split(" ", 1)
        ln["note"] = note
        gap = prev is not None and prev["page"] == ln["page"] and ln["top"] - prev["top"] > 1.6 * pitch
        lines.append(Line(
            text=text, gap=gap, barrier=False,
            short=ln["x1"] < right - 0.12 * (right - left),
            indent=ln["x0"] > left + 8, page=ln["page"], bold=ln["bold"], italic=ln["italic"], footnote=note,
        ))
        prev = ln
    # Lines followed by a gap end their paragraph.
    for a, b in itertools.pairwise(lines):
        if b.gap:
            a.short = True
    blocks: list[Block] = []
    for p in reassemble(lines, wrapped=True):
        if p.footnote is not None:
            blocks.append(Block(kind="footnote", text=p.text, note_id=p.footnote, page=p.page))
        else:
            blocks.append(Block(kind="paragraph", text=p.text, bold=p.bold, italic=p.italic, page=p.page))
    return blocks, n_pages, warnings
