"""Optical character recognition of page images with Tesseract (`vie`), for scans and photos.

A page image is cleaned first: grey, small images enlarged, salt-and-pepper noise removed, skew
measured and undone (the angle whose horizontal projection has the sharpest rows, i.e. where text
lines fall on pixel rows). Tesseract then reads it (`--psm 3`, TSV output: every word with its box
and confidence). A page read with low confidence is retried after Tesseract's orientation and
script detection (`--psm 0`), which finds pages scanned sideways or upside down.

The words come back as text, one line per OCR line and a blank line between OCR paragraphs, for the
text reader (`txt.text_blocks`) to reassemble as it does any hard-wrapped copy; with it a
per-page record (`OcrPage`: mean confidence, the words read with low confidence and their boxes)
so that the import review can mark them.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from trienkhai.documents.limits import MAX_IMAGE_PIXELS, MAX_OCR_PAGES, OCR_PAGE_TIMEOUT_SECONDS
from trienkhai.errors import DocumentError

Progress = Callable[[int, int], None]
"""Called as `progress(done, total)` after each page read by OCR."""

LOW_CONFIDENCE = 60.0
"""A word Tesseract is less sure of than this (0-100) is marked for review."""

RETRY_BELOW = 45.0
"""A page whose mean confidence is below this is read again after orientation detection."""

RENDER_DPI = 300
"""Resolution PDF pages without text are rendered at for OCR."""

_MIN_WIDTH = 1600
"""Images narrower than this (a photo sent small, a 100 dpi scan) are enlarged before OCR."""


@dataclass
class OcrWord:
    text: str
    confidence: float
    box: tuple[int, int, int, int]
    """(left, top, right, bottom) in pixels of the page image as read."""


@dataclass
class OcrPage:
    """How one page was read by OCR."""

    page: int
    confidence: float
    """Mean word confidence, 0-100."""
    words: int
    low: list[OcrWord] = field(default_factory=list)
    rotated: int = 0
    """Degrees the page was turned (clockwise) before reading."""
    skew: float = 0.0
    """Degrees of skew undone."""
    size: tuple[int, int] = (0, 0)
    """(width, height) in pixels of the image the boxes refer to."""


def _tesseract() -> str:
    exe = shutil.which("tesseract")
    if exe is None:
        raise DocumentError("Máy chủ chưa cài chương trình nhận dạng chữ (Tesseract) nên chưa đọc được bản quét; "
                            "hãy báo quản trị hệ thống hoặc dùng bản .docx/.pdf có lớp chữ.")
    return exe


def _run(args: list[str], png: bytes) -> str:
    try:
        r = subprocess.run([_tesseract(), "stdin", "stdout", *args], input=png, capture_output=True,
                           timeout=OCR_PAGE_TIMEOUT_SECONDS, check=False)
    except subprocess.TimeoutExpired as exc:
        raise DocumentError(f"Nhận dạng chữ một trang mất quá {OCR_PAGE_TIMEOUT_SECONDS} giây; "
                            "hãy dùng bản quét rõ hơn hoặc bản có lớp chữ.") from exc
    if r.returncode != 0 and not r.stdout:
        raise DocumentError("Không nhận dạng được chữ trên ảnh trang (ảnh hỏng hoặc định dạng lạ).",
                            detail=r.stderr.decode("utf-8", "replace")[-500:])
    return r.stdout.decode("utf-8", "replace")


def _png(img: Any) -> bytes:
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


def _deskew_angle(grey: Any) -> float:
    """The skew of the text lines in degrees (positive: counter-clockwise), within ±6°."""
    import numpy as np
    from PIL import Image

    small = grey.copy()
    small.thumbnail((900, 900))
    a = np.asarray(small, dtype=np.uint8)
    ink = Image.fromarray(((a < _otsu(a)) * 255).astype(np.uint8))

    def sharpness(angle: float) -> float:
        rows = np.asarray(ink.rotate(angle, resample=Image.Resampling.NEAREST, fillcolor=0), dtype=np.float32).sum(axis=1)
        return float(np.square(np.diff(rows)).sum())

    best = max((k * 1.0 for k in range(-6, 7)), key=sharpness)
    return max((best + k * 0.1 for k in range(-10, 11)), key=sharpness)


def _otsu(a: Any) -> int:
    import numpy as np

    hist = np.bincount(a.ravel(), minlength=256).astype(np.float64)
    total = hist.sum()
    if total == 0:
        return 128
    levels = np.arange(256)
    w0 = np.cumsum(hist)
    m0 = np.cumsum(hist * levels)
    w1 = total - w0
    mean_all = m0[-1]
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (mean_all * w0 / total - m0) ** 2 / (w0 * w1)
    between = np.nan_to_num(between)
    return int(np.argmax(between))


def clean(img: Any) -> tuple[Any, float]:
    """(the page image ready for OCR: grey, enlarged if small, denoised, deskewed; skew undone)."""
    from PIL import Image, ImageFilter, ImageOps

    grey = ImageOps.exif_transpose(img).convert("L")
    if grey.width < _MIN_WIDTH:
        factor = _MIN_WIDTH / grey.width
        grey = grey.resize((_MIN_WIDTH, round(grey.height * factor)), Image.Resampling.LANCZOS)
    grey = grey.filter(ImageFilter.MedianFilter(3))
    angle = _deskew_angle(grey)
    if abs(angle) >= 0.2:
        grey = grey.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    return grey, angle


def _orientation(png: bytes) -> int:
    """Degrees to turn the page clockwise, from Tesseract's OSD (0 when unsure)."""
    try:
        out = _run(["--psm", "0", "-l", "osd"], png)
    except DocumentError:
        return 0
    rotate, conf = 0, 0.0
    for line in out.splitlines():
        key, _, value = line.partition(":")
        if key.strip() == "Rotate":
            rotate = int(value.strip() or 0)
        elif key.strip() == "Orientation confidence":
            conf = float(value.strip() or 0)
    return rotate if conf >= 1.0 else 0


# Tesseract reads the Vietnamese Đ as the Icelandic Ð (U+00D0), or as both ("QĐÐ-UBDT"): never Vietnamese.
_ETH_RE = re.compile(r"[ĐÐ]{2}|Ð")
_ETH_LOWER_RE = re.compile(r"[đð]{2}|ð")


def _read_tsv(tsv: str) -> list[dict]:
    rows = []
    for r in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        if r.get("level") != "5" or not (r.get("text") or "").strip():
            continue
        r["text"] = _ETH_LOWER_RE.sub("đ", _ETH_RE.sub("Đ", r["text"]))
        rows.append(r)
    return rows


_UPPER_REST = r"(?=\s*[^\W\d_]{2,}(?:\W+[^\W\d_]+)*\W*$)"
# Numbering labels as OCR misreads them at the start of a heading line in capitals: "H." for "II.",
# "IH." for "III.", "l."/"1." for "I.", the full stop dropped ("I MỤC TIÊU") or read as a comma
# ("1, Mục tiêu").
_ROMAN_MISREAD_RE = re.compile(r"^([IVXHl|1]{1,4}|L)([.\-]?)\s+" + _UPPER_REST)
_COMMA_LABEL_RE = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)[,;:]\s+(?=[A-ZĐÀ-Ỹ])")


# "1.4... Đẩy mạnh", "2... Ban Dân vận": a full stop read as several; "I. _NỘI DUNG": a stray mark
# (an underline, a bar) between a label and its title.
_DOTS_LABEL_RE = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\.{2,}\s*(?=[A-ZĐÀ-Ỹ])")
_STRAY_AFTER_LABEL_RE = re.compile(r"^([IVX]{1,4}\.|\d{1,2}(?:\.\d{1,2})*\.)\s*[_|~]+\s*(?=[A-ZĐÀ-Ỹ])")


# A speck read as a spacing modifier or an accent glued to a label ("Iˆ MỤC TIÊU", "II` NHIỆM VỤ").
_SPECK_ON_LABEL_RE = re.compile(r"^([IVXLHl|1]{1,4}|\d{1,2}(?:\.\d{1,2})*)[\u02b0-\u02ff\u00b4`'’]+(?=[.\s])")


def _fix_label(line: str) -> str:
    line = _SPECK_ON_LABEL_RE.sub(r"\1", line)
    line = _STRAY_AFTER_LABEL_RE.sub(r"\1 ", _DOTS_LABEL_RE.sub(r"\1. ", line))
    m = _ROMAN_MISREAD_RE.match(line)
    if m and line[m.end():].upper() == line[m.end():]:
        label = m.group(1).replace("H", "II").replace("l", "I").replace("|", "I").replace("1", "I")
        label = "I" if label == "L" else label
        if re.fullmatch(r"[IVX]+", label) and (m.group(1) != label or not m.group(2)):
            return f"{label}{m.group(2) or '.'} {line[m.end():]}"
    return _COMMA_LABEL_RE.sub(r"\1. ", line)


# A gap this wide (a share of the page width) between two words of one OCR line parts two columns:
# the header's issuing body | motto, number | place and date; the closing's recipients | signature.
COLUMN_GAP = 0.06


def _segments(words: list[dict], width: int) -> list[list[dict]]:
    """The words of one OCR line, split where the gap between two is a column's; a piece with no
    letter or digit between columns is a speck of the stamp or the paper (":") and is dropped."""
    out: list[list[dict]] = [[words[0]]]
    for before, word in pairwise(words):
        if int(word["left"]) - (int(before["left"]) + int(before["width"])) >= COLUMN_GAP * width:
            out.append([])
        out[-1].append(word)
    return [seg for seg in out if any(ch.isalnum() for w in seg for ch in w["text"])] or out


def _left(words: list[dict]) -> int:
    return int(words[0]["left"])


def _right(words: list[dict]) -> int:
    return max(int(w["left"]) + int(w["width"]) for w in words)


def _fits(segments: list[list[dict]], gutter: int, tolerance: float, centre: float) -> bool:
    """Whether a line can belong to a two-column run whose gutter is at `gutter`: split by a column gap
    with its left part left of the gutter, or keeping to one side of it and not centred on the text
    block (a title: "KẾ HOẠCH", "QUYẾT ĐỊNH")."""
    if len(segments) >= 2 and _right(segments[0]) <= max(gutter, _left(segments[1])):
        return True
    line = [w for seg in segments for w in seg]
    if abs((_left(line) + _right(line)) / 2 - centre) <= 3 * tolerance:
        return False
    return _right(line) <= gutter or _left(line) >= gutter - tolerance


def _zones(split: list[list[list[dict]]], width: int) -> list[tuple[int, int, int]]:
    """(first line, last line, gutter x) of each run of lines set in two columns: the lines split by a
    column gap, with the lines around them that keep to one side of the gutter. A line running across
    the gutter (a centred title, a paragraph) ends the run."""
    zones: list[tuple[int, int, int]] = []
    k = 0
    n = len(split)
    every = [w for segments in split for seg in segments for w in seg]
    centre = (min(_left([w]) for w in every) + max(_right([w]) for w in every)) / 2 if every else width / 2
    while k < n:
        if len(split[k]) < 2:
            k += 1
            continue
        gutter = _left(split[k][1])
        tolerance = 0.02 * width
        first = k
        while first > 0 and (zones == [] or first - 1 > zones[-1][1]) and len(split[first - 1]) == 1 \
                and _left(split[first - 1][0]) >= gutter - tolerance:
            first -= 1  # the right column began a line earlier than the left one
        last = k
        while last + 1 < n and _fits(split[last + 1], gutter, tolerance, centre):
            last += 1
            if len(split[last]) >= 2:
                gutter = min(gutter, _left(split[last][1]))
        zones.append((first, last, gutter))
        k = last + 1
    return zones


def _page_text(words: list[dict], width: int = 0) -> str:
    """One line per OCR line, a blank line between OCR paragraphs; numbering labels misread at the
    start of a heading put right (`_fix_label`). Lines set in two columns (the header's issuing body |
    motto, number | date; the closing's recipients | signature) are read column by column, as the PDF
    reader reads them: the left column's lines, then the right column's."""
    lines: list[list[dict]] = []
    breaks: list[bool] = []  # a paragraph starts at this line
    last_par = last_line = None
    for w in words:
        par = (w["block_num"], w["par_num"])
        line = (*par, w["line_num"])
        if line != last_line:
            lines.append([w])
            breaks.append(last_line is not None and par != last_par)
        else:
            lines[-1].append(w)
        last_par, last_line = par, line
    split = [_segments(ln, width) if width > 0 else [ln] for ln in lines]
    zones = {first: (last, gutter) for first, last, gutter in (_zones(split, width) if width > 0 else [])}
    out: list[str] = []

    def text(segment: list[dict]) -> str:
        return _fix_label(" ".join(w["text"] for w in segment))

    k = 0
    while k < len(split):
        if k in zones:
            last, gutter = zones[k]
            left = [seg for segments in split[k:last + 1] for seg in segments if _right(seg) <= gutter]
            right = [seg for segments in split[k:last + 1] for seg in segments if _right(seg) > gutter]
            out.extend(["", *[text(seg) for seg in left], "", *[text(seg) for seg in right], ""])
            k = last + 1
            continue
        if breaks[k]:
            out.append("")
        out.append(text([w for seg in split[k] for w in seg]))
        k += 1
    return "\n".join(out).strip("\n")


def _ocr_once(img: Any, dpi: int) -> tuple[list[dict], float]:
    tsv = _run(["-l", "vie", "--psm", "3", "--dpi", str(dpi), "tsv"], _png(img))
    words = _read_tsv(tsv)
    confs = [float(w["conf"]) for w in words if float(w["conf"]) >= 0]
    return words, (sum(confs) / len(confs) if confs else 0.0)


def _image_dpi(img: Any) -> float:
    """The resolution an image declares, or the one it has if it shows an A4 page edge to edge."""
    declared = img.info.get("dpi")
    if declared and 70 <= float(declared[0]) <= 1200:
        return float(declared[0])
    return min(img.width, img.height) / 8.27


def ocr_image(img: Any, page: int, dpi: int | None = None) -> tuple[str, OcrPage]:
    """(text, record) of one page image."""
    if img.width * img.height > MAX_IMAGE_PIXELS:
        raise DocumentError(f"Ảnh trang {page} quá lớn ({img.width}×{img.height} điểm ảnh); "
                            f"giới hạn là {MAX_IMAGE_PIXELS // 1_000_000} triệu điểm ảnh mỗi trang.")
    cleaned, skew = clean(img)
    # Tesseract sizes its filters by the resolution: the source's, scaled as the cleaning enlarged it.
    eff_dpi = max(70, round((dpi or _image_dpi(img)) * cleaned.width / max(1, img.width)))
    words, conf = _ocr_once(cleaned, eff_dpi)
    rotated = 0
    if conf < RETRY_BELOW:
        rotated = _orientation(_png(cleaned))
        if rotated:
            turned = cleaned.rotate(-rotated, expand=True, fillcolor=255)
            words2, conf2 = _ocr_once(turned, eff_dpi)
            if conf2 > conf:
                cleaned, words, conf = turned, words2, conf2
            else:
                rotated = 0
    low = [OcrWord(w["text"], float(w["conf"]),
                   (int(w["left"]), int(w["top"]), int(w["left"]) + int(w["width"]), int(w["top"]) + int(w["height"])))
           for w in words if 0 <= float(w["conf"]) < LOW_CONFIDENCE]
    record = OcrPage(page=page, confidence=round(conf, 1), words=len(words), low=low, rotated=rotated,
                     skew=round(skew, 2), size=(cleaned.width, cleaned.height))
    return _page_text(words, cleaned.width), record


def ocr_pages(images: list[tuple[int, Callable[[], Any]]], dpi: int | None,
              progress: Progress | None = None) -> list[tuple[str, OcrPage]]:
    """OCR of (page number, image loader) pairs in order, reporting progress after each."""
    if len(images) > MAX_OCR_PAGES:
        raise DocumentError(f"Bản quét có {len(images)} trang cần nhận dạng chữ, vượt giới hạn {MAX_OCR_PAGES} trang "
                            "mỗi lần; hãy tách tệp thành nhiều phần.")
    out = []
    for k, (page, load) in enumerate(images, start=1):
        out.append(ocr_image(load(), page, dpi))
        if progress is not None:
            progress(k, len(images))
    return out


def summary(records: list[OcrPage]) -> list[str]:
    """Vietnamese warnings: which pages were read by OCR, how surely, and the doubtful words."""
    if not records:
        return []
    pages = ", ".join(str(r.page) for r in records)
    mean = sum(r.confidence for r in records) / len(records)
    out = [f"Đã nhận dạng chữ (OCR) {len(records)} trang bản quét (trang {pages}); độ tin cậy trung bình "
           f"{mean:.0f}%. Hãy đối chiếu với bản gốc."]
    for r in records:
        notes = []
        if r.rotated:
            notes.append(f"đã xoay {r.rotated}°")
        if r.low:
            shown = ", ".join(f"“{w.text}”" for w in r.low[:12])
            more = f" và {len(r.low) - 12} chữ khác" if len(r.low) > 12 else ""
            notes.append(f"{len(r.low)} chữ nhận dạng kém: {shown}{more}")
        if notes or r.confidence < LOW_CONFIDENCE:
            out.append(f"Trang {r.page}: độ tin cậy {r.confidence:.0f}%" + ("; " + "; ".join(notes) if notes else "") + ".")
    return out
