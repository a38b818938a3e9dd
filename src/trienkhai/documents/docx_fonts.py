"""Runs of a .docx set in a legacy Vietnamese font (.VnTime, .VnTimeH, VNI-Times) → Unicode.

Word keeps the letters such a font draws as the Latin-1 characters of its code points ("Céng hoµ"),
with the font name on the run, its character style, its paragraph's style or the document default.
The font tells the table (TCVN3 or VNI) and, for TCVN3, whether the run is in a capitals font
(`.VnTimeH` draws even "ch­¬ng" as "CHƯƠNG"). Runs in other fonts are left to the content check
(`legacy_repair`), which also catches legacy letters set in a Unicode font.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from typing import Any

from trienkhai.documents.numbering import W
from trienkhai.text.legacy import convert, font_encoding
from trienkhai.text.legacy_repair import ENCODING_LABELS
from trienkhai.text.letters import VIETNAMESE_LETTERS

_LEGACY_FONT_RE = re.compile(rb'w:(?:ascii|hAnsi)="(?:\.?vn|vni)', re.IGNORECASE)
_CONTAINERS = {W + t for t in ("hyperlink", "ins", "smartTag", "fldSimple", "sdt", "sdtContent", "customXml")}
_UNICODE_ONLY = frozenset(ch for ch in VIETNAMESE_LETTERS if ord(ch) > 0xFF)


def _rfonts(rpr: Any) -> str | None:
    if rpr is None:
        return None
    rf = rpr.find(W + "rFonts")
    if rf is None:
        return None
    # Word draws characters above 0x7F (where the legacy letters are) with the hAnsi font.
    return rf.get(W + "hAnsi") or rf.get(W + "ascii")


def _runs(p: Any) -> Any:
    for child in p:
        if child.tag == W + "r":
            yield child
        elif child.tag in _CONTAINERS:
            yield from _runs(child)


class LegacyFonts:
    """Font of each run, resolved through run, character style, paragraph style and defaults."""

    def __init__(self, document: Any) -> None:
        root = document.styles.element
        default = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        self.default = _rfonts(default)
        self.by_id = {st.get(W + "styleId"): st for st in root.findall(W + "style")}
        self._style_font: dict[str, str | None] = {}
        self.converted: Counter[str] = Counter()

    @classmethod
    def of(cls, document: Any, data: bytes) -> LegacyFonts | None:
        """The resolver when the package names a legacy font anywhere, else None (the usual case:
        nothing to do per run)."""
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = [n for n in zf.namelist() if n in ("word/document.xml", "word/styles.xml")]
                found = any(_LEGACY_FONT_RE.search(zf.read(n)) for n in names)
        except (zipfile.BadZipFile, KeyError):
            return None
        return cls(document) if found else None

    def style_font(self, sid: str | None) -> str | None:
        if sid is None:
            return None
        if sid not in self._style_font:
            found = None
            seen = 0
            st = self.by_id.get(sid)
            while st is not None and found is None and seen < 20:
                found = _rfonts(st.find(W + "rPr"))
                based = st.find(W + "basedOn")
                st = self.by_id.get(based.get(W + "val")) if based is not None else None
                seen += 1
            self._style_font[sid] = found
        return self._style_font[sid]

    def run_font(self, r: Any, para_style: Any) -> str | None:
        rpr = r.find(W + "rPr")
        own = _rfonts(rpr)
        if own:
            return own
        if rpr is not None:
            rs = rpr.find(W + "rStyle")
            if rs is not None:
                f = self.style_font(rs.get(W + "val"))
                if f:
                    return f
        return self.style_font(para_style.style_id if para_style is not None else None) or self.default

    def paragraph_text(self, p: Any, para_style: Any) -> str:
        """The paragraph's text with legacy-font runs converted; neighbouring runs in the same
        table are converted together (TCVN3 capitals are judged on whole words)."""
        segments: list[tuple[str, tuple[str, bool] | None]] = []
        for r in _runs(p):
            text = r.text or ""
            if not text:
                continue
            enc = font_encoding(self.run_font(r, para_style))
            if segments and segments[-1][1] == enc:
                segments[-1] = (segments[-1][0] + text, enc)
            else:
                segments.append((text, enc))
        out: list[str] = []
        for text, enc in segments:
            # Unicode letters no legacy table has: the run was typed in Unicode despite its font.
            if enc is None or any(ch in _UNICODE_ONLY for ch in text):
                out.append(text)
                continue
            encoding, capitals = enc
            new = convert(text, encoding)
            if capitals:
                new = new.upper()
            if new != text:
                self.converted[encoding] += 1
            out.append(new)
        return "".join(out)

    def warning(self) -> str:
        parts = [f"{n} đoạn chữ ở bảng mã {ENCODING_LABELS[enc]}" for enc, n in self.converted.most_common()]
        return ("Văn bản có chữ gõ bằng phông chữ cũ; đã chuyển sang Unicode " + ", ".join(parts)
                + ". Hãy kiểm tra lại các chữ có dấu.")
