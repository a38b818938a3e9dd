"""Readable casing for names written in capitals in headers and signature blocks
("BAN THƯỜNG VỤ" → "Ban Thường vụ", "PHÓ BÍ THƯ THƯỜNG TRỰC" → "Phó Bí thư Thường trực")."""

from __future__ import annotations

import re

# Terms capitalised by convention inside titles and body names (matched on lower case, either tone style).
_TERMS = (
    "ban thường vụ", "ban chấp hành", "ban cán sự", "đảng đoàn", "đảng bộ", "đảng ủy", "đảng uỷ",
    "tỉnh ủy", "tỉnh uỷ", "huyện ủy", "huyện uỷ", "thành ủy", "thành uỷ", "ủy ban", "uỷ ban",
    "hội đồng", "bí thư", "chủ tịch", "thường trực", "phó", "bộ trưởng", "thứ trưởng", "chủ nhiệm",
    "giám đốc", "trưởng ban", "thủ tướng", "chính phủ", "trung ương", "bộ chính trị", "ban bí thư",
    "mặt trận tổ quốc", "văn phòng", "ban",
)
_TERM_RE = re.compile(r"(?<!\w)(" + "|".join(sorted(_TERMS, key=len, reverse=True)) + r")(?!\w)")
# A locality at the end of a name: "… tỉnh bắc ninh" → "… tỉnh Bắc Ninh" (never "xã hội").
_PLACE_RE = re.compile(r"(?<!\w)(tỉnh|huyện|thành phố|thị xã|xã(?! hội)|quận|phường) (\S+(?: \S+){0,2})$")
_PROPER_AFTER = re.compile(r"(?<!\w)(dân tộc)(?!\w)")


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


def pretty(text: str) -> str:
    """`text` in sentence case with conventional capitals, when it was written all in capitals."""
    if text != text.upper():
        return text
    low = text.lower()
    low = _TERM_RE.sub(lambda m: " ".join(_cap(w) if i == 0 else w for i, w in enumerate(m.group(1).split())),
                       low)
    # Only the first word of a term is capitalised, except the "Thường vụ"/"Chấp hành"/"Bí thư" style names.
    low = re.sub(r"Ban (thường vụ|chấp hành|cán sự|bí thư)", lambda m: "Ban " + _cap(m.group(1)), low)
    low = re.sub(r"(Phó|Tổng) bí thư", lambda m: m.group(1) + " Bí thư", low)
    low = re.sub(r"Bí thư thường trực", "Bí thư Thường trực", low)
    low = re.sub(r"Phó chủ tịch", "Phó Chủ tịch", low)
    low = re.sub(r"Ủy ban (dân tộc)\b", "Ủy ban Dân tộc", low)
    low = _PLACE_RE.sub(lambda m: m.group(1) + " " + " ".join(_cap(w) for w in m.group(2).split()), low)
    return _cap(low)
