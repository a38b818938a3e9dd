""".pdf with a text layer → blocks: characters from pdfium (`pdf_pages.py`), ruled tables from its strokes (`lattice.py`).

Words → lines (same baseline) → paragraphs with `reflow.reassemble`, using geometry: a line ending
well before the right margin or followed by a larger gap ends a paragraph, a first-line indent
starts one. Bold from font names. Page numbers and lines repeated at the top/bottom of most pages
(running headers/footers) are dropped; lines in a smaller font at the bottom of a page are footnotes.
"""

from __future__ import annotations

import functools
import itertools
import re
import statistics
from collections import Counter

from trienkhai.documents.limits import MAX_PDF_PAGES
from trienkhai.documents.model import Block
from trienkhai.documents.ocr import OcrPage, Progress
from trienkhai.documents.patterns import FOOTNOTE_LINE_RE, PAGE_NUMBER_RE, SUPERSCRIPT_DIGITS
from trienkhai.documents.reflow import Line, reassemble
from trienkhai.errors import DocumentError, NoTextLayerError
from trienkhai.text.legacy import convert, font_encoding
from trienkhai.text.legacy_repair import ENCODING_LABELS

SUPERSCRIPT_LABEL_RE = re.compile(r"^(?:\d{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3})$")
_DIGIT_NOTE_RE = re.compile(r"^(\d{1,3})\s+(\S.*)$")
_NO_TEXT = ("Tệp PDF không có chữ: không có lớp chữ, và nhận dạng chữ (OCR) không thấy chữ nào trên các trang. "
            "Hãy dùng bản quét rõ hơn, bản .docx hoặc bản PDF xuất trực tiếp từ Word.")


def _check_encrypted(data: bytes, name: str) -> None:
    import pypdfium2 as pdfium

    try:
        pdfium.PdfDocument(data).close()
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise DocumentError(f"Tệp {name} được mã hóa/đặt mật khẩu; hãy gỡ mật khẩu rồi tải lên lại.") from exc
        raise DocumentError(f"Tệp {name} bị hỏng, không đọc được như tệp PDF.", detail=repr(exc)) from exc


def _page_lines(page, page_no: int) -> list[dict]:
    # Font attributes come from each word's characters rather than `extra_attrs`, which would split
    # a word wherever the font changes — Vietnamese letters missing from a font are drawn from a
    # fallback font ("K", "Ế" from DejaVu, "HO"…), and such words must stay whole. Positions, not the
    # content stream order, give the reading order: fallback glyphs are often drawn last.
    tables = _page_tables(page, page_no)
    words = page.extract_words(keep_blank_chars=False, use_text_flow=False, return_chars=True)
    words = [w for w in words if not any(_inside(w, t["bbox"]) for t in tables)]
    for w in words:
        chars = [c for c in w.pop("chars") if not c["text"].isspace()] or [{"fontname": "", "size": 0.0}]
        names = {c.get("fontname") or "" for c in chars}
        sizes = {float(c.get("size") or 0.0) for c in chars}
        # Most words are in one font and size: no counting needed.
        w["size"] = sizes.pop() if len(sizes) == 1 else statistics.median(float(c.get("size") or 0.0) for c in chars)
        w["fontname"] = next(iter(names)) if len(names) == 1 else Counter(
            c.get("fontname") or "" for c in chars).most_common(1)[0][0]
        legacy = _legacy_font(w["fontname"])
        if legacy is not None:
            # A word set in .VnTime/.VnTimeH or VNI-Times: its letters are the font's code points.
            converted = convert(w["text"], legacy[0])
            w["text"] = converted.upper() if legacy[1] else converted
            w["legacy"] = legacy[0]
        lowered = [n.lower() for n in names]
        w["bold"] = all("bold" in n for n in lowered)
        w["italic"] = all("italic" in n or "oblique" in n for n in lowered)
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
    lines = _two_columns(lines, page.width)
    # Footnote separator: a short horizontal rule in the lower half of the page.
    rules = [e["top"] for e in page.lines + page.rects
             if abs(e["bottom"] - e["top"]) < 2 and 0 < e["x1"] - e["x0"] < 0.5 * page.width
             and e["top"] > 0.5 * page.height]
    rule_top = min(rules) if rules else None
    for t in tables:
        lines.append(t)
    lines.sort(key=lambda ln: (ln.get("region", ln["top"]), ln.get("col", 0), ln["top"]))
    for ln in lines:
        if "rows" in ln:
            continue
        ln["below_rule"] = rule_top is not None and ln["top"] > rule_top
        ws = sorted(ln["words"], key=lambda w: w["x0"])
        ln["text"] = " ".join(w["text"] for w in ws)
        ln["size"] = statistics.median(w["size"] for w in ws)
        # A numbering label is often set in the body font: judge emphasis on the words after it.
        styled = ws[1:] if len(ws) > 1 and len(ws[0]["text"]) <= 6 and not ws[0]["text"].isalpha() else ws
        ln["bold"] = all(w["bold"] for w in styled)
        ln["italic"] = all(w["italic"] for w in styled)
    return lines


@functools.lru_cache(maxsize=256)
def _legacy_font(name: str) -> tuple[str, bool] | None:
    return font_encoding(name)


def _split_line(ln: dict, gap: float) -> list[dict]:
    """A line whose words are set apart by a wide gap: one line per column."""
    ws = sorted(ln["words"], key=lambda w: w["x0"])
    parts: list[list[dict]] = [[ws[0]]]
    for w in ws[1:]:
        if w["x0"] - parts[-1][-1]["x1"] > gap:
            parts.append([w])
        else:
            parts[-1].append(w)
    return [dict(ln, words=p, x0=p[0]["x0"], x1=max(w["x1"] for w in p)) for p in parts]


def _two_columns(lines: list[dict], width: float) -> list[dict]:
    """Text set side by side (the two-column header, "Nơi nhận" beside the signature block), read
    column by column: a run of narrow lines, some split by a wide gap, is given a `region` (its top)
    and each piece a `col` (0 left, 1 right) so sorting keeps each column's lines together."""
    out: list[dict] = []
    for ln in lines:
        size = statistics.median(w["size"] for w in ln["words"]) if ln["words"] else 12.0
        out.extend(_split_line(ln, max(3.0 * size, 30.0)))
    narrow = [ln["x1"] - ln["x0"] < 0.5 * width for ln in out]
    i = 0
    while i < len(out):
        if not narrow[i]:
            i += 1
            continue
        j = i
        while j < len(out) and narrow[j]:
            j += 1
        tops = [ln["top"] for ln in out[i:j]]
        split = [ln for k, ln in enumerate(out[i:j]) if tops.count(ln["top"]) > 1 and ln["x0"] > 0.35 * width]
        if split:
            mid = min(ln["x0"] for ln in split) - 10
            first = next(k for k in range(i, j) if out[k] in split)
            # The region is the lines around the split ones that keep to one side of the gutter
            # (a centred title across it ends the region).
            # A left-column line far below (or above) the left line next to it is body text again
            # ("KẾ HOẠCH" under the header): the right column may have gaps (the signature's space).
            def far(a: dict, b: dict) -> bool:
                size = statistics.median(w["size"] for w in a["words"]) if a["words"] else 12.0
                return abs(b["top"] - a["top"]) > 2.5 * size

            start, near_left = first, out[first]
            while start > i and (out[start - 1]["x1"] < mid or out[start - 1]["x0"] >= mid):
                if out[start - 1]["x1"] < mid:
                    if far(out[start - 1], near_left):
                        break
                    near_left = out[start - 1]
                start -= 1
            end, near_left = first, out[first]
            while end < j and (out[end]["x1"] < mid or out[end]["x0"] >= mid):
                if out[end]["x1"] < mid:
                    if far(out[end], near_left):
                        break
                    near_left = out[end]
                end += 1
            for ln in out[start:end]:
                ln["region"] = out[start]["top"]
                ln["col"] = 1 if ln["x0"] >= mid else 0
            j = max(end, first + 1)
        i = j
    return out


def _inside(w: dict, bbox: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = bbox
    cx, cy = (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2
    return x0 <= cx <= x1 and top <= cy <= bottom


def _page_tables(page, page_no: int) -> list[dict]:
    """Ruled tables (`lattice`: pdfplumber's method over pdfium's strokes) as pseudo-lines holding their rows."""
    out: list[dict] = []
    for t in page.find_tables():
        rows = [[" ".join((c or "").split()) for c in row] for row in t.extract()]
        rows = [r for r in rows if any(r)]
        if len(rows) < 2 or max(len(r) for r in rows) < 2:
            continue  # a framed paragraph, not a table
        x0, top, x1, bottom = t.bbox
        out.append({"rows": rows, "bbox": t.bbox, "top": top, "bottom": bottom, "x0": x0, "x1": x1,
                    "page": page_no, "height": page.height, "text": "", "size": 0.0})
    return out


def _merge_tables(blocks: list[Block]) -> list[Block]:
    """A table running over a page break is one table: drop the repeated header row and re-join a
    row whose text was split by the break (the continuation has an empty number cell)."""
    out: list[Block] = []
    for b in blocks:
        # Footnotes of the page the table starts on sit between its parts: set them before the table.
        notes: list[Block] = []
        while b.kind == "table" and out and out[-1].kind == "footnote":
            notes.insert(0, out.pop())
        prev = out[-1] if out else None
        if notes and not (prev is not None and prev.kind == "table" and (b.page or 0) > (prev.page or 0)):
            out.extend(notes)
            notes = []
            prev = out[-1]
        elif notes and prev is not None:
            out[-1:-1] = notes
        if (b.kind == "table" and prev is not None and prev.kind == "table" and b.rows and prev.rows
                and len(b.rows[0]) == len(prev.rows[0]) and (b.page or 0) > (prev.page or 0)):
            rows = [list(r) for r in b.rows]
            if rows[0] == prev.rows[0]:
                rows.pop(0)
            if rows and not rows[0][0].strip() and prev.rows[-1][0].strip():
                cont = rows.pop(0)
                last = prev.rows[-1]
                for i, c in enumerate(cont[: len(last)]):
                    if c.strip():
                        last[i] = (last[i] + " " + c).strip() if last[i] else c
            prev.rows.extend(rows)
            continue
        out.append(b)
    return out


def read_pdf(data: bytes, name: str, progress: Progress | None = None) -> tuple[list[Block], int, list[str], list[OcrPage]]:
    """(blocks, pages, warnings, OCR records): pages without a text layer that show an image (a
    scan) are read by OCR, the others from their text."""
    _check_encrypted(data, name)
    import pypdfium2 as pdfium

    from trienkhai.documents.pdf_pages import PdfiumPage

    warnings: list[str] = []
    all_lines: list[dict] = []
    scanned: list[int] = []
    pdf = pdfium.PdfDocument(data)
    try:
        n_pages = len(pdf)
        if n_pages > MAX_PDF_PAGES:
            raise DocumentError(f"Tệp {name} có {n_pages} trang, vượt giới hạn {MAX_PDF_PAGES} trang.")
        for i in range(1, n_pages + 1):
            page = PdfiumPage(pdf, i - 1)
            found = _page_lines(page, i)
            if not any(ln.get("rows") or ln["text"].strip() for ln in found) and page.images:
                scanned.append(i)
            all_lines.extend(found)
            page.flush_cache()
    finally:
        pdf.close()
    legacy = Counter(w["legacy"] for ln in all_lines for w in ln.get("words", []) if "legacy" in w)
    if legacy:
        warnings.append("Văn bản có chữ gõ bằng phông chữ cũ; đã chuyển sang Unicode " + ", ".join(
            f"{n} chữ ở bảng mã {ENCODING_LABELS[enc]}" for enc, n in legacy.most_common())
            + ". Hãy kiểm tra lại các chữ có dấu.")
    records: list[OcrPage] = []
    ocr_blocks: dict[int, list[Block]] = {}
    if scanned:
        from trienkhai.documents.scan import ocr_pdf

        whole = len(scanned) == n_pages
        ocr_blocks, records = ocr_pdf(data, scanned, warnings, whole=whole, progress=progress)
        if whole:
            read = ocr_blocks[scanned[0]]
            if not any(b.text.strip() or b.rows for b in read):
                raise NoTextLayerError(_NO_TEXT)
            return read, n_pages, warnings, records
    text_lines = [ln for ln in all_lines if "rows" not in ln]
    if not any(ln["text"].strip() for ln in text_lines) and len(text_lines) == len(all_lines):
        raise NoTextLayerError(_NO_TEXT)
    if not text_lines:
        text_lines = [{"size": 12.0, "x0": 0.0, "x1": 1.0, "text": "", "top": 0.0, "height": 1.0}]
    body_size = statistics.median(ln["size"] for ln in text_lines)
    left = Counter(round(ln["x0"]) for ln in text_lines if abs(ln["size"] - body_size) < 0.5).most_common(1)[0][0]
    right = sorted(ln["x1"] for ln in text_lines)[int(len(text_lines) * 0.9)]
    # Running headers/footers: the same text at the top or bottom of several pages.
    edge = Counter(ln["text"] for ln in text_lines if ln["top"] < 0.1 * ln["height"] or ln["top"] > 0.9 * ln["height"])
    running = {t for t, c in edge.items() if c >= 2 and n_pages >= 2}
    lines: list[Line] = []
    prev: dict | None = None
    gaps = [b["top"] - a["top"] for a, b in itertools.pairwise(text_lines) if a["page"] == b["page"] and b["top"] > a["top"]]
    pitch = statistics.median(gaps) if gaps else body_size * 1.2
    segments: list[list[Line] | Block] = []
    pending_label: str | None = None
    for ln in all_lines:
        if "rows" in ln:
            if lines:
                segments.append(lines)
            segments.append(Block(kind="table", rows=ln["rows"], page=ln["page"]))
            lines, prev = [], None
            continue
        text = ln["text"].strip()
        if ln["below_rule"]:
            # Below the footnote rule: a superscript label the line grouping set apart ("1"),
            # a labelled note, or the continuation of the note above.
            if SUPERSCRIPT_LABEL_RE.match(text) and ln["x0"] < left + 0.25 * (right - left):
                pending_label = text.translate(SUPERSCRIPT_DIGITS)
                continue
            m = FOOTNOTE_LINE_RE.match(text) or _DIGIT_NOTE_RE.match(text)
            if m is None and pending_label is None and lines and lines[-1].footnote is not None:
                lines[-1].text += " " + text
                continue
            if m is not None:
                note, text = m.group(1).translate(SUPERSCRIPT_DIGITS).strip("[]()"), m.group(2)
            else:
                note = pending_label or "*"
            pending_label = None
            lines.append(Line(text=text, page=ln["page"], footnote=note))
            prev = ln
            continue
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
            text=text, gap=gap, barrier=prev is not None and prev.get("col") != ln.get("col"),
            # Lines set side by side in columns are each their own paragraph (header, signature).
            short=ln["x1"] < right - 0.12 * (right - left) or "region" in ln,
            indent=ln["x0"] > left + 8, page=ln["page"], bold=ln["bold"], italic=ln["italic"], footnote=note,
        ))
        prev = ln

    if lines:
        segments.append(lines)
    # Lines followed by a gap end their paragraph.
    for seg in segments:
        if isinstance(seg, list):
            for a, b in itertools.pairwise(seg):
                if b.gap:
                    a.short = True
    blocks: list[Block] = []
    for seg in segments:
        if isinstance(seg, Block):
            blocks.append(seg)
            continue
        for p in reassemble(seg, wrapped=True):
            if p.footnote is not None:
                blocks.append(Block(kind="footnote", text=p.text, note_id=p.footnote, page=p.page))
            else:
                blocks.append(Block(kind="paragraph", text=p.text, bold=p.bold, italic=p.italic, page=p.page))
    return _with_pages(_merge_tables(blocks), ocr_blocks), n_pages, warnings, records


def _with_pages(blocks: list[Block], inserted: dict[int, list[Block]]) -> list[Block]:
    """`blocks` with the blocks of each OCR page put before the first block of a later page."""
    if not inserted:
        return blocks
    out: list[Block] = []
    pending = sorted(inserted.items())
    for b in blocks:
        while pending and b.page is not None and b.page > pending[0][0]:
            out.extend(pending.pop(0)[1])
        out.append(b)
    for _, extra in pending:
        out.extend(extra)
    return out
