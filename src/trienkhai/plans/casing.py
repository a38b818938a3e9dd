"""Readable casing for names written in capitals in headers and signature blocks
("BAN THƯỜNG VỤ" → "Ban Thường vụ", "PHÓ BÍ THƯ THƯỜNG TRỰC" → "Phó Bí thư Thường trực"), and for a
trích yếu written in capitals (`sentence_case`), where proper names keep their capitals: places after
"tỉnh", "huyện", "xã" …, the Party, the Front and the central bodies, document names with their number
("Nghị quyết số 26-NQ/TW"), and every name the document itself spells in lower case elsewhere."""

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
_PLACE_RE = re.compile(r"(?<!\w)((?:tỉnh|huyện|thành) [uủ][yỷ]|tỉnh|huyện|thành phố|thị xã|xã(?! hội)|quận|phường) "
                       r"(?![uủ][yỷ]\b)(\S+(?: \S+){0,2})$", re.IGNORECASE)
_PROPER_AFTER = re.compile(r"(?<!\w)(dân tộc)(?!\w)")


# A ministry's or department's own name: "BỘ NỘI VỤ" → "Bộ Nội vụ", "SỞ GIÁO DỤC VÀ ĐÀO TẠO" → "Sở Giáo dục
# và Đào tạo" (the first word of each part of the name is capitalised).
_DEPARTMENT_RE = re.compile(r"^(Bộ|Sở|Phòng|Cục|Tổng cục|Vụ|Chi cục) (?!trưởng\b|phó\b)(.+)$")

# Proper names as conventionally written; matched on the lower-cased title.
PROPER_NAMES = (
    "Đảng Cộng sản Việt Nam", "Mặt trận Tổ quốc Việt Nam", "Mặt trận Tổ quốc", "Cộng hòa xã hội chủ nghĩa Việt Nam",
    "Việt Nam", "Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành Trung ương", "Trung ương", "Quốc hội", "Chính phủ",
    "Thủ tướng Chính phủ", "Hồ Chí Minh", "Bắc Trung Bộ", "Nam Trung Bộ", "Trung Bộ", "Bắc Bộ", "Nam Bộ",
    "Đông Nam Bộ", "Tây Nguyên", "Tây Bắc", "Đồng bằng sông Cửu Long", "Đồng bằng sông Hồng", "Đảng bộ",
    "Hội đồng nhân dân", "Ủy ban nhân dân", "Ban Thường vụ", "Ban Chấp hành", "Tỉnh ủy", "Thành ủy", "Huyện ủy",
)
# Document names followed by their number keep their capital ("Nghị quyết số 26-NQ/TW").
_DOC_NAME_RE = re.compile(r"(?<!\w)(nghị quyết|quyết định|chỉ thị|kết luận|kế hoạch|chương trình hành động|"
                          r"chương trình|quy định|nghị định|thông tư|luật|hướng dẫn|đề án|thông báo)(?= số\b| \d+[-/])")
_LOCALITY_WORD_RE = re.compile(r"(?<!\w)(tỉnh|thành phố|huyện|thị xã|quận|phường|thị trấn|xã(?! hội))\s+")
# Words that never belong to a place name: a place after "tỉnh" ends before them.
_NOT_PLACE = frozenset(
    "giai đoạn đến năm và về trong theo thực hiện nhiệm kỳ tầm nhìn trên của cho với từ khóa khoá lần thứ "
    "định hướng năm tới sau trước giai-đoạn là có nhằm để khu vực vùng các những mới đạt chuẩn".split())
_PLACE_MAX_WORDS = 3


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
    return _department(_cap(low))


def _department(text: str) -> str:
    m = _DEPARTMENT_RE.match(text)
    if not m:
        return text
    parts = re.split(r"(\s*,\s*|\s+và\s+)", m.group(2))
    return m.group(1) + " " + "".join(p if i % 2 else _cap(p) for i, p in enumerate(parts))


def sentence_case(text: str, names: tuple[str, ...] | list[str] = ()) -> str:
    """A trích yếu written in capitals in sentence case, proper names kept: `names` are the spellings the
    document uses elsewhere ("Quảng Nam", "Kiên Giang"), tried first, so a place keeps the document's own
    spelling ("Thanh Hóa" stays as written); then the conventional names and the places after a locality word."""
    if text != text.upper():
        return text
    originals = text.split()
    low_words = [w.lower() if not any(c.isdigit() for c in w) else w for w in originals]
    low = " ".join(low_words)
    spans: list[tuple[int, int, str]] = []  # (start, end, replacement) in `low`
    for name in sorted({*names, *PROPER_NAMES}, key=len, reverse=True):
        for m in re.finditer(rf"(?<!\w){re.escape(name.lower())}(?!\w)", low):
            if not any(a < m.end() and m.start() < b for a, b, _ in spans):
                spans.append((m.start(), m.end(), name))
    for m in _LOCALITY_WORD_RE.finditer(low):
        start = m.end()
        if any(a <= start < b for a, b, _ in spans):
            continue
        words: list[re.Match[str]] = []
        for w in re.finditer(r"[^\s,;.()]+", low[start:]):
            # "Bà Rịa - Vũng Tàu": each side of the hyphen is a name of its own length.
            after_hyphen = [k for k, x in enumerate(words) if x.group(0) == "-"]
            counted = words[after_hyphen[-1] + 1:] if after_hyphen else words
            if len(counted) == _PLACE_MAX_WORDS or w.group(0) in _NOT_PLACE or any(c.isdigit() for c in w.group(0)):
                break
            if words and low[start + words[-1].end():start + w.start()].strip():
                break  # a comma or bracket ends the name
            words.append(w)
        if words:
            end = start + words[-1].end()
            spans.append((start, end, " ".join(_cap(x) for x in low[start:end].split())))
    for m in _DOC_NAME_RE.finditer(low):
        if not any(a <= m.start() < b for a, b, _ in spans):
            spans.append((m.start(), m.start() + 1, low[m.start()].upper()))
    out = low
    for a, b, rep in sorted(spans, reverse=True):
        out = out[:a] + rep + out[b:]
    return _cap(out)
