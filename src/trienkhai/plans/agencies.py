"""Agency names: splitting a list of responsible bodies, and a canonical form with abbreviations expanded.

Splitting keeps the document's wording ("các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy" → three
names; "các cơ quan, đơn vị liên quan" stays one: a bare generic noun shares the qualifier after it).
"""

from __future__ import annotations

import re

from trienkhai.text.vietnamese import collapse_spaces, fold, new_tone_placement

# Abbreviation → full form, in the document's capitalisation conventions. Longest first.
ABBREVIATIONS: dict[str, str] = {
    "BTVTU": "Ban Thường vụ Tỉnh ủy",
    "BTVHU": "Ban Thường vụ Huyện ủy",
    "BCHTW": "Ban Chấp hành Trung ương",
    "UBMTTQ": "Ủy ban Mặt trận Tổ quốc",
    "MTTQVN": "Mặt trận Tổ quốc Việt Nam",
    "MTTQ VN": "Mặt trận Tổ quốc Việt Nam",
    "UBMTTQ VN": "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "Hội LHPN": "Hội Liên hiệp Phụ nữ",
    "LHTN": "Liên hiệp Thanh niên",
    "HND": "Hội Nông dân",
    "HCCB": "Hội Cựu chiến binh",
    "ĐTNCS": "Đoàn Thanh niên Cộng sản",
    "TNCS": "Thanh niên Cộng sản",
    "QSND": "Quân sự nhân dân",
    "BCHQS": "Ban Chỉ huy Quân sự",
    "UBKTTU": "Ủy ban Kiểm tra Tỉnh ủy",
    "VPUBND": "Văn phòng Ủy ban nhân dân",
    "MTTQ": "Mặt trận Tổ quốc",
    "HĐND": "Hội đồng nhân dân",
    "UBND": "Ủy ban nhân dân",
    "UBKT": "Ủy ban Kiểm tra",
    "LHPN": "Liên hiệp Phụ nữ",
    "LĐLĐ": "Liên đoàn Lao động",
    "ĐUTT": "đảng ủy trực thuộc",
    "CT-XH": "chính trị - xã hội",
    "VPTU": "Văn phòng Tỉnh ủy",
    "VPHU": "Văn phòng Huyện ủy",
    "BCH": "Ban Chấp hành",
    "BTV": "Ban Thường vụ",
    "HTX": "hợp tác xã",
    "TW": "Trung ương",
    "TU": "Tỉnh ủy",
    "HU": "Huyện ủy",
    "CCB": "Cựu chiến binh",
    "ĐTN": "Đoàn Thanh niên",
}
_ABBR_RE = re.compile(
    r"(?<![\w/-])(" + "|".join(re.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True)) + r")(?![\w-])"
)

# Words a body's name starts with (folded, after "các"/"những"/"giao"): what tells a name from a clause.
_HEADS = (
    "ban", "dang doan", "dang uy", "dang bo", "chi bo", "chi,", "chi ", "uy ban", "ubnd", "hdnd", "mttq",
    "mat tran", "huyen uy", "thanh uy", "tinh uy", "thi uy", "quan uy", "tinh doan", "huyen doan", "doan",
    "hoi", "lien doan", "lien hiep", "so ", "phong", "van phong", "truong", "cong an", "quan su", "bo chi huy",
    "co quan", "don vi", "dia phuong", "cap uy", "to chuc", "chinh quyen", "btv", "thuong truc", "trung tam",
    "bao ", "dai ", "vien ", "bo ", "nganh", "lien", "chi ", "hoi dong", "uy ban kiem tra", "ubkt", "vptu",
    "dutt", "lhpn", "hoi quan chung", "cac hoi", "cap ", "toa an", "vien kiem sat", "kho bac", "ngan hang",
    "thanh doan", "quan doan", "bo doi", "bien phong", "doanh nghiep", "hop tac xa", "htx", "ct-xh",
    # Beyond the dev corpus: mass organisations, State bodies and the heads of bodies named as assignees.
    "cuu chien binh", "cong ty", "tong cong ty", "benh vien", "chi cuc", "cuc", "tong cuc", "ban quan ly",
    "chu tich", "pho chu tich", "giam doc", "thu truong", "chanh van phong", "truong ban", "bi thu",
)
# One regex for all heads (a head must end at a word boundary: "bao " is not "bảo đảm", "ban" not "bán").
_HEAD_RE = re.compile("(?:" + "|".join(re.escape(h.strip()) for h in _HEADS) + r")(?![^\W_])")
# Generic nouns that, bare, share the qualifier of the next name ("các cơ quan, đơn vị liên quan").
_BARE_GENERIC = {
    "co quan", "don vi", "to chuc", "dia phuong", "ban", "nganh", "so", "cap", "doan the", "chi",
    "phong", "hoi", "ban nganh", "so nganh", "cap uy", "chinh quyen cac cap",
}
_START_WINDOW = 80  # enough for "giao các những" + the longest head
_LEADING_RE = re.compile(r"^(?:giao\s+|cac\s+|nhung\s+)+")
_SPLIT_RE = re.compile(r"\s*[,;]\s*|\s+(?:và|cùng|với)\s+|\s*&\s*(?=[A-ZĐ])")


def expand_abbreviations(name: str) -> str:
    """"Đảng đoàn HĐND tỉnh" → "Đảng đoàn Hội đồng nhân dân tỉnh"."""
    return _ABBR_RE.sub(lambda m: ABBREVIATIONS[m.group(1)], name)


def canonical_name(name: str) -> str:
    """The canonical form of a body's name: abbreviations expanded, new tone placement, no "các"/"giao",
    single spaces, first letter upper case ("các ban Đảng" → "Ban Đảng")."""
    s = collapse_spaces(new_tone_placement(expand_abbreviations(name))).strip(" .,;:-")
    s = re.sub(r"^(?:[Gg]iao|[Cc]ác|[Nn]hững)\s+", "", s)
    s = re.sub(r"^(?:[Cc]ác|[Nn]hững)\s+", "", s)
    return s[:1].upper() + s[1:]


def is_agency_start(text: str) -> bool:
    """Whether `text` starts like the name of a body ("các huyện ủy", "Ban Dân vận", "MTTQ")."""
    # Only the start matters: folding a whole paragraph per sentence was the parser's main cost.
    f = _LEADING_RE.sub("", fold(expand_abbreviations(text[:_START_WINDOW]))) + " "
    return _HEAD_RE.match(f) is not None


def _is_bare_generic(text: str) -> bool:
    return _LEADING_RE.sub("", fold(text)).strip() in _BARE_GENERIC


def _paren_depths(text: str) -> list[int]:
    """For each position, how many brackets are open there."""
    depths, depth = [], 0
    for c in text:
        if c == "(":
            depth += 1
        elif c == ")" and depth:
            depth -= 1
        depths.append(depth)
    return depths


def split_agencies(text: str) -> list[str]:
    """Split a coordinated list of bodies into names, keeping each name's own wording.

    A piece that does not start like a body ("giúp việc Tỉnh ủy", "Thể thao và Du lịch") belongs to the
    name before it; a bare generic noun ("các cơ quan") belongs to the name after it.
    """
    text = collapse_spaces(text).strip(" .,;:")
    if not text:
        return []
    # Spans of the pieces between separators, so that merged pieces keep their original separators.
    spans: list[tuple[int, int]] = []
    pos = 0
    depth_at = _paren_depths(text)
    for m in _SPLIT_RE.finditer(text):
        if depth_at[m.start()]:
            continue  # "các đoàn thể (Hội LHPN, ĐTN, CCB)": a list in brackets belongs to its name
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    spans = [(a, b) for a, b in spans if text[a:b].strip()]
    merged: list[list[int]] = []
    pending_generic = False
    for a, b in spans:
        piece = text[a:b]
        if merged and (pending_generic or not is_agency_start(piece)):
            merged[-1][1] = b
        else:
            merged.append([a, b])
        pending_generic = _is_bare_generic(piece)
    return [text[a:b].strip(" ,;") for a, b in merged if text[a:b].strip(" ,;")]


def canonical_map(names: list[str]) -> dict[str, str]:
    """Original name → canonical form, for the names given."""
    return {n: canonical_name(n) for n in names}


_CELL_SPLIT_RE = re.compile(r"[;\n]+")


def split_names(text: str | None) -> list[str]:
    """The bodies named in a cell or a typed list ("Sở Nội vụ; Sở Tư pháp, UBND các xã" → three names).

    Semicolons and line breaks always separate; commas and "và" only where a new body's name starts
    (`split_agencies`), since they also occur inside one name ("Các cơ quan, đơn vị liên quan")."""
    return [name.strip(" .") for piece in _CELL_SPLIT_RE.split(text or "") for name in split_agencies(piece)
            if name.strip(" .")]
