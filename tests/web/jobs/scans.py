"""Scanned plans made for the tests: the pages of a short plan drawn as grey images (like a 150 dpi
scanner's), in one PDF without a text layer, so that reading it needs OCR page by page."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"
DPI = 150

HEADER = [
    ("b", "TỈNH ỦY QUẢNG TRỊ"),
    ("b", "KẾ HOẠCH"),
    ("b", "thực hiện công tác dân vận năm {year}"),
    ("b", "I. MỤC ĐÍCH, YÊU CẦU"),
    ("", "1. Nâng cao nhận thức của cán bộ, đảng viên về công tác dân vận."),
]
PAGE = [
    ("b", "{roman}. NHIỆM VỤ TRỌNG TÂM {n}"),
    ("", "1. Tuyên truyền, vận động đồng bào dân tộc thiểu số và người có uy tín."),
    ("", "2. Ban Dân vận Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan."),
]
ROMAN = ["II", "III", "IV", "V", "VI", "VII"]


def _page(lines: list[tuple[str, str]]) -> Image.Image:
    width, height = int(5.8 * DPI), int(4.1 * DPI)  # an A6-sized page keeps OCR to a second or two
    img = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(img)
    regular, bold = ImageFont.truetype(FONT, 20), ImageFont.truetype(BOLD, 20)
    y = 50
    for style, text in lines:
        draw.text((50, y), text, fill=25, font=bold if style else regular)
        y += 42
    return img


def scanned_plan(pages: int = 2, year: int = 2026) -> bytes:
    """A plan of `pages` scanned pages (the first with the header), as PDF bytes; `year` makes it a
    different file (a different document for the duplicate check)."""
    images = [_page([(s, t.format(year=year)) for s, t in HEADER])]
    for n in range(1, pages):
        images.append(_page([(s, t.format(roman=ROMAN[n - 1], n=n)) for s, t in PAGE]))
    buffer = io.BytesIO()
    images[0].save(buffer, format="PDF", resolution=float(DPI), save_all=True, append_images=images[1:])
    return buffer.getvalue()
