"""PDF pages through pdfium (pypdfium2): characters with positions and font names, drawn lines,
images — what `pdf.py` reads a page from, several times faster than pdfminer (via pdfplumber).

`PdfiumPage` offers the part of pdfplumber's page that `pdf.py` uses (`width`, `height`,
`extract_words`, `lines`, `rects`, `images`, `find_tables`, `flush_cache`). Words are formed much as
pdfplumber forms them: characters on one baseline band (3 pt), in position order (a fallback font's
glyphs are often drawn last), split at spaces drawn and at gaps wider than a sixth of the font size (pdfium does not always report a space drawn in a fallback font). Ruled tables are
found by `lattice` from the page's strokes, only on a page whose drawn lines could form a grid.
"""

from __future__ import annotations

import ctypes
from typing import Any

from trienkhai.documents import lattice

_TOLERANCE = 3.0
_GAP = 0.16


class PdfiumPage:
    def __init__(self, doc: Any, index: int) -> None:
        import pypdfium2.raw as raw

        self._raw = raw
        self._page = doc[index]
        self._index = index
        self._words: list[dict] | None = None
        self.width, self.height = self._page.get_size()
        self.lines: list[dict] = []
        self.rects: list[dict] = []
        self.images: list[Any] = []
        for obj in self._page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_IMAGE], max_depth=2):
            x0, y0, x1, y1 = obj.get_bounds()
            box = {"x0": x0, "x1": x1, "top": self.height - y1, "bottom": self.height - y0}
            (self.images if obj.type == raw.FPDF_PAGEOBJ_IMAGE else self.rects).append(box)

    def _chars(self) -> list[dict]:
        raw = self._raw
        tp = self._page.get_textpage()
        out: list[dict] = []
        try:
            n = tp.count_chars()
            buf = ctypes.create_string_buffer(256)
            flags = ctypes.c_int()
            # Font and size belong to the text object a character is drawn by: looked up once each.
            styles: dict[int, tuple[str, float]] = {}
            h = self.height
            get_unicode, get_box = raw.FPDFText_GetUnicode, raw.FPDFText_GetLooseCharBox
            # The text object's address as a plain int (a key), without a ctypes cast per character.
            get_object = ctypes.cast(raw.FPDFText_GetTextObject,
                                     ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int))
            rect = raw.FS_RECTF()
            pending_gap: float | None = None
            get_origin = raw.FPDFText_GetCharOrigin
            ox, oy = ctypes.c_double(), ctypes.c_double()
            page = tp.raw
            for k in range(n):
                u = get_unicode(page, k)
                if u in (0, 0xFFFE, 0xFFFF):
                    continue
                # pdfium reports a hyphen that ends a line as U+0002 (its "soft hyphen" mark).
                ch = "-" if u == 2 else chr(u)
                space = ch.isspace()
                if space and raw.FPDFText_IsGenerated(page, k):
                    # pdfium's guess at a space, where the glyph before (in drawing order) ends:
                    # a word break if the glyph drawn next starts a space further on. (A guess
                    # also comes where drawing jumps back to fill in a fallback font's glyph.)
                    get_box(page, k, rect)
                    pending_gap = rect.left
                    continue
                get_box(page, k, rect)
                key = get_object(page, k) or 0
                style = styles.get(key)
                if style is None:
                    length = raw.FPDFText_GetFontInfo(page, k, buf, len(buf), flags)
                    style = (buf.raw[:max(0, length - 1)].decode("utf-8", "replace"), raw.FPDFText_GetFontSize(page, k))
                    styles[key] = style
                get_origin(page, k, ox, oy)
                # Heights from the baseline and the size, not the font's box: a fallback font's
                # glyphs (Vietnamese letters missing from the main font) have other ascents and
                # would fall out of their line.
                base, size = h - oy.value, style[1]
                breaks = pending_gap is not None and rect.left >= pending_gap + _GAP * size
                pending_gap = None
                out.append({"text": " " if space else ch, "x0": rect.left, "x1": rect.right, "break": breaks,
                            "top": base - 0.8 * size, "bottom": base + 0.2 * size, "fontname": style[0], "size": size})
        finally:
            tp.close()
        return out

    def extract_words(self, **_: Any) -> list[dict]:
        """Words with `text`, `x0`, `x1`, `top`, `bottom` and their `chars` (each with `fontname`, `size`);
        formed once per page (the table finder reads them too)."""
        if self._words is not None:
            return self._words
        glyphs = self._chars()
        glyphs.sort(key=lambda c: (round(c["top"]), c["x0"]))
        lines: list[list[dict]] = []
        for c in glyphs:
            if lines and abs(lines[-1][0]["top"] - c["top"]) <= _TOLERANCE:
                lines[-1].append(c)
            else:
                lines.append([c])
        words: list[dict] = []
        for line in lines:
            line.sort(key=lambda c: c["x0"])
            current: list[dict] = []
            for c in line:
                if c["text"] == " ":  # a space drawn in the text ends the word
                    if current:
                        words.append(_word(current))
                    current = []
                    continue
                # Letters of a word touch; words are a space apart (a quarter of the size).
                if current and (c["break"] or c["x0"] > current[-1]["x1"] + min(_TOLERANCE, _GAP * c["size"])):
                    words.append(_word(current))
                    current = []
                current.append(c)
            if current:
                words.append(_word(current))
        self._words = words
        return words

    def find_tables(self) -> list[Any]:
        """Ruled tables (`lattice`), from the strokes pdfium reports: no second reading of the page."""
        if not _could_be_grid(self.rects):
            return []
        if self._words is None:
            self.extract_words()
        strokes, boxes = self._strokes()
        return lattice.find_tables(lattice.edges_from_segments(strokes, boxes), self._words or [])

    def _strokes(self) -> tuple[list[tuple[float, float, float, float]], list[tuple[float, float, float, float]]]:
        """Straight segments of the page's paths, in page coordinates from the top (as pdfplumber takes
        line, rectangle and curve edges: curves contribute their straight pieces), and, for paths inside
        a form (whose coordinates are the form's), their bounds when they are thin enough to be a rule."""
        raw = self._raw
        strokes: list[tuple[float, float, float, float]] = []
        boxes: list[tuple[float, float, float, float]] = []
        h, w = self.height, self.width
        x, y = ctypes.c_float(), ctypes.c_float()
        matrix = raw.FS_MATRIX()
        for obj in self._page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH], max_depth=2):
            if obj.level > 0 or not raw.FPDFPageObj_GetMatrix(obj.raw, matrix):
                x0, y0, x1, y1 = obj.get_bounds()
                if 0 <= x0 <= x1 <= w and 0 <= y0 <= y1 <= h and min(x1 - x0, y1 - y0) < lattice.THIN:
                    boxes.append((x0, h - y1, x1, h - y0))
                continue
            a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
            start = last = None
            for k in range(raw.FPDFPath_CountSegments(obj.raw)):
                segment = raw.FPDFPath_GetPathSegment(obj.raw, k)
                raw.FPDFPathSegment_GetPoint(segment, x, y)
                point = (a * x.value + c * y.value + e, h - (b * x.value + d * y.value + f))
                kind = raw.FPDFPathSegment_GetType(segment)
                if kind == raw.FPDF_SEGMENT_LINETO and last is not None:
                    strokes.append((*last, *point))
                elif kind == raw.FPDF_SEGMENT_MOVETO:
                    start = point
                last = point  # a curve's pieces are not rules; the path goes on from where it ends
                if raw.FPDFPathSegment_GetClose(segment) and start is not None:
                    strokes.append((*last, *start))
                    last = start
        return strokes, boxes

    def flush_cache(self) -> None:
        self._page.close()


def _word(chars: list[dict]) -> dict:
    return {"text": "".join(c["text"] for c in chars), "x0": chars[0]["x0"], "x1": max(c["x1"] for c in chars),
            "top": min(c["top"] for c in chars), "bottom": max(c["bottom"] for c in chars), "chars": chars}


def _could_be_grid(boxes: list[dict]) -> bool:
    """Two horizontal and two vertical strokes at least: the least a ruled table draws."""
    # Bounds include the stroke's width (a rule drawn 2 pt wide has bounds 3 pt across).
    flat = sum(1 for b in boxes if b["bottom"] - b["top"] < 4 and b["x1"] - b["x0"] > 10)
    tall = sum(1 for b in boxes if b["x1"] - b["x0"] < 4 and b["bottom"] - b["top"] > 10)
    boxed = sum(1 for b in boxes if b["x1"] - b["x0"] > 10 and b["bottom"] - b["top"] > 10)
    return (flat >= 2 and tall >= 2) or boxed >= 2
