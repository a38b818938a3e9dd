"""The front of a document: site banner / metadata block, issuing body and motto, number, place and date,
title (kind word + trích yếu), then the preamble ("Thực hiện …", "Căn cứ …") up to the first heading.

Every field is taken from what the text carries; a field it does not carry stays None (never a guess).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from trienkhai.plans.agencies import expand_abbreviations, is_agency_start
from trienkhai.plans.casing import pretty, sentence_case
from trienkhai.plans.headings import match_heading
from trienkhai.plans.kinds import kind_from_title
from trienkhai.plans.lines import Line
from trienkhai.plans.references import REF_RE
from trienkhai.text.vietnamese import collapse_spaces, fold

_META_LABEL = re.compile(
    r"(Số hiệu|Loại văn bản|Nơi ban hành|Người ký|Ngày ban hành|Ngày hiệu lực|Ngày công báo|Số công báo|"
    r"Lĩnh vực|Tình trạng|Ngày hết hiệu lực|Cơ quan ban hành)\s*:"
)
_META_VALUE = re.compile(
    r"(?P<label>Số hiệu|Người ký|Ngày ban hành)\s*:\s*(?P<value>.+?)(?=\s+[A-ZĐÀ-Ỹ][\wà-ỹ ]{1,20}:|$)"
)
_MOTTO = ("dang cong san viet nam", "cong hoa xa hoi chu nghia viet nam", "doc lap - tu do - hanh phuc",
          "doc lap tu do hanh phuc")
_PROVINCE_IN = re.compile(r"(?:^|\s)(?:ĐẢNG BỘ )?(?:TỈNH|THÀNH PHỐ)(?: [UỦ][YỶ])?\s+(\S.*)$")
_MOTTO_INSIDE = re.compile(r"\s(ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG H[OÒ]À XÃ HỘI CHỦ NGHĨA VIỆT NAM)")
_NUMBER_LINE = re.compile(r"^Số\s*:?\s*(?=\d)")
# The place is whole words on the date's own line: the header's lines are joined with "\n", and the
# motto ending "… Hạnh phúc" may come straight before ("úc Bắc Ninh" is not a place). `À-Ỹ` also
# holds lower-case letters, hence the word-start lookbehind.
_PLACE_DATE = re.compile(
    r"(?<!\w)(?P<place>(?:(?:Thành phố|Thị xã|Thị trấn|TP\.|Tp\.)[ \t]*)?(?:[A-ZĐÀ-Ỹ][a-zđà-ỹ]+\.?[ \t]+){0,3}"
    r"[A-ZĐÀ-Ỹ][a-zđà-ỹ]+)[ \t]*,\s*ngày\s+(?P<d>\d{1,2})\s+"
    r"tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})"
)
# "tỉnh Quảng Nam", "thành phố Hồ Chí Minh": a place as the document spells it in running text.
_NAMED_PLACE = re.compile(r"(?<!\w)(?:tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn)\s+"
                          r"(?P<name>[A-ZĐÀ-Ỹ][a-zđà-ỹ]+(?:\s(?:-\s)?[A-ZĐÀ-Ỹ][a-zđà-ỹ]+){0,3})")
# A line holding only the first words of a place ("Kiên", "Hà"), its rest wrapped onto the date's line.
_PLACE_WORDS = re.compile(r"^(?:[A-ZĐÀ-Ỹ][a-zđà-ỹ]+\.?[ \t]*){1,2}$")
_PLACE_START = re.compile(r"^(?:[A-ZĐÀ-Ỹ][a-zđà-ỹ]+\.?[ \t]+){0,3}[A-ZĐÀ-Ỹ][a-zđà-ỹ]+[ \t]*,\s*ngày\b")
_PREAMBLE_START = re.compile(r"^(?:[-+•]\s*)?(Thực hiện|Căn cứ|Theo đề nghị|Xét |Để |Nhằm |Kính gửi|"
                             r"Tại (?:[Hh]ội nghị|phiên họp|kỳ họp)|Sau khi nghe)")  # a conclusion: "Tại hội nghị ngày …"
_AUTHORITY = re.compile(r"(?<!\w)(BỘ TRƯỞNG|CHỦ TỊCH|THỦ TƯỚNG|GIÁM ĐỐC|CHỦ NHIỆM|TỔNG CỤC TRƯỞNG|CỤC TRƯỞNG|"
                        r"TRƯỞNG BAN|BÍ THƯ|HỘI ĐỒNG NHÂN DÂN|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|CHÍNH PHỦ|QUỐC HỘI)(?!\w)")
# "KHÓA XVIII, KỲ HỌP THỨ 8": the session line under a council's name, before its "Căn cứ".
_SESSION = re.compile(r"^(?:KHÓA|KHOÁ)\s+[IVXL]+\b|^KỲ HỌP\b")
# Titles of documents of other kinds (a Party "QUY ĐỊNH", a "HƯỚNG DẪN", a work "CHƯƠNG TRÌNH"): the trích yếu
# follows the kind word as for a plan.
_OTHER_TITLE = re.compile(r"^(?:QUY ĐỊNH|HƯỚNG DẪN|THÔNG BÁO|TỜ TRÌNH|QUY CHẾ|CHƯƠNG TRÌNH)(?:\s|$)")
# "V/v triển khai …" / "Về việc …": the trích yếu of an official letter, written under its number.
_LETTER_SUBJECT = re.compile(r"^(?:V/v|V/V|Về việc)\s*:?\s*(?P<title>\S.*)$")
# Words of a caps header line that is no body's name: a kind word or the decision's "QUYẾT NGHỊ:".
_NOT_A_BODY = re.compile(r"^(?:QUYẾT NGHỊ|QUYẾT ĐỊNH|CHƯƠNG TRÌNH|KẾ HOẠCH|NGHỊ QUYẾT|KẾT LUẬN|CHỈ THỊ|ĐỀ ÁN|"
                         r"BÁO CÁO|QUY ĐỊNH|HƯỚNG DẪN|THÔNG BÁO|CÔNG VĂN|TỜ TRÌNH)\b|:$")
# Bodies that issue documents but that the assignee heads (agencies._HEADS) do not list.
_ISSUER_HEADS = ("quoc hoi", "chinh phu", "thu tuong", "chu tich", "kiem toan", "dang cong san", "bo ", "uy ban",
                 "hoi dong", "tinh uy", "thanh uy", "huyen uy", "dang uy", "dang bo", "ban ", "so ", "phong ", "cuc ",
                 "tong cuc", "van phong", "toa an", "vien kiem sat", "mat tran", "trung uong", "ubnd", "hdnd",
                 "thuong truc", "dang doan", "chi bo", "tinh doan", "lien doan", "hoi ")
_SUB_BODY = re.compile(r"^(BAN |ĐẢNG ĐOÀN|VĂN PHÒNG|THƯỜNG TRỰC)")
_LOCALITY = re.compile(r"^(TỈNH [UỦ][YỶ]|HUYỆN [UỦ][YỶ]|THÀNH [UỦ][YỶ]|ĐẢNG [UỦ][YỶ]|ĐẢNG BỘ TỈNH|ĐẢNG BỘ HUYỆN|"
                       r"TỈNH|THÀNH PHỐ|HUYỆN)\s+(.+)$")

# A bare locality line ("TỈNH BẮC NINH") completes the body above it rather than naming another body.
_PROVINCE_ONLY = re.compile(r"^(TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)\s(?![UỦ][YỶ]\b)")


@dataclass
class Front:
    """What the front of the document says, and where its parts lie in the line sequence."""

    number: str | None = None
    date: str | None = None
    place: str | None = None
    issuer: str | None = None
    superior: str | None = None  # the body above the issuer in the header
    province: str | None = None
    kind: str | None = None
    title: str | None = None
    meta: dict[str, str] = field(default_factory=dict)  # the web page's metadata block, when there is one
    body_from: int = 0  # first line of the title (or preamble): what comes before is banner and header
    preamble_from: int = 0
    outline_from: int = 0  # first heading (== len(lines) when there is none)
    has_header: bool = False


def _is_motto(text: str) -> bool:
    """A line of "ĐẢNG CỘNG SẢN VIỆT NAM" or the national motto, also when cut over two lines."""
    f = fold(text).strip(" -")
    return len(f) >= 8 and any(m.startswith(f) or f.startswith(m) or m.endswith(f) for m in _MOTTO)


def _title_case(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:].lower() for w in text.split())


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _iso(d: str, m: str, y: str) -> str | None:
    di, mi = int(d), int(m)
    return f"{int(y):04d}-{mi:02d}-{di:02d}" if 1 <= di <= 31 and 1 <= mi <= 12 else None


def _metadata(lines: list[Line], limit: int) -> tuple[int, dict[str, str]]:
    """End of a web page's banner + metadata block (0 when there is none) and its values."""
    end, meta = 0, {}
    for line in lines[:limit]:
        if _META_LABEL.search(line.text):
            end = line.index + 1
            for m in _META_VALUE.finditer(line.text):
                meta[m.group("label")] = m.group("value").strip()
    return end, meta


def _issuer(body_lines: list[str]) -> tuple[str | None, str | None, str | None]:
    """Issuing body, province and superior body from the header's capital lines: "TỈNH ỦY LẠNG SƠN" /
    "BAN THƯỜNG VỤ" → ("Ban Thường vụ Tỉnh ủy", "Lạng Sơn", "Tỉnh ủy Lạng Sơn"); "ỦY BAN NHÂN DÂN" /
    "TỈNH BẮC NINH" → the two joined, no superior; "UBND TỈNH X" / "SỞ TƯ PHÁP" → the lower line, under
    the upper one (the superior line above the issuing body, as the official formats set it)."""
    if not body_lines:
        return None, None, None
    province = None
    for ln in body_lines:
        m = _PROVINCE_IN.search(ln)
        if m:
            province = _title_case(m.group(1))
    first, last = body_lines[0], body_lines[-1]
    loc = _LOCALITY.match(first)
    superior = pretty(expand_abbreviations(" ".join(body_lines[:-1])).upper()) if len(body_lines) > 1 else None
    if len(body_lines) == 1:
        issuer = pretty(first)
    elif _SUB_BODY.match(last) and loc:
        issuer = f"{pretty(last)} {pretty(loc.group(1))}"
    elif _LOCALITY.match(last) and loc and not _PROVINCE_ONLY.match(last):
        # "ĐẢNG BỘ HUYỆN X" / "ĐẢNG ỦY XÃ Y": the superior above, the issuing body below.
        issuer = pretty(last)
    elif _LOCALITY.match(last):
        issuer, superior = pretty(" ".join(body_lines)), None
    else:
        issuer = pretty(last)
    return issuer, province, superior


def read_front(lines: list[Line]) -> Front:
    """Find the header, title and preamble at the start of `lines`."""
    front = Front()
    first_heading = next((ln.index for ln in lines if ln.kind == "paragraph" and match_heading(ln.text)),
                         len(lines))
    start, front.meta = _metadata(lines, min(first_heading, 40))
    # The title: the first line, in capitals, that starts with a kind word.
    title_at = next((ln.index for ln in lines[start:first_heading]
                     if ln.kind == "paragraph" and _is_caps(ln.text.split(" ", 2)[0] + " ")
                     and _title_kind(lines, ln.index)[1]), None)
    preamble_at = next((ln.index for ln in lines[start:first_heading] if _PREAMBLE_START.match(ln.text)),
                       first_heading)
    header_end = title_at if title_at is not None else preamble_at
    _read_header(front, lines[start:header_end])
    front.body_from = header_end
    front.outline_from = first_heading
    if title_at is not None:
        front.kind = _title_kind(lines, title_at)[0]
        front.preamble_from = _read_title(front, lines, title_at, first_heading)
    else:
        front.preamble_from = preamble_at
    return front


def _title_kind(lines: list[Line], at: int) -> tuple[str | None, bool]:
    """(kind, is a title line) for the line at `at`: "KẾ HOẠCH", "CHƯƠNG TRÌNH" / "HÀNH ĐỘNG …" (the kind
    word wrapped), and titles of kinds a plan is not ("QUY ĐỊNH", "HƯỚNG DẪN": a title, kind unknown)."""
    text = lines[at].text
    kind = kind_from_title(text)
    if kind:
        return kind, True
    if _is_caps(text) and len(text.split()) <= 3 and at + 1 < len(lines):
        joined = kind_from_title(f"{text} {lines[at + 1].text}")
        if joined:
            return joined, True
    if _OTHER_TITLE.match(text):
        return ("chuong_trinh_hanh_dong" if text.startswith("CHƯƠNG TRÌNH") else None), True
    return None, False


def _join_wrapped_place(texts: list[str]) -> list[str]:
    """"Kiên" / "Giang, ngày 20 tháng 3 năm 2023": a place the header column wrapped, joined back."""
    out: list[str] = []
    for t in texts:
        # The place's first words may stand one line further up, above the number's line ("Kiên" /
        # "Số: 58/KH-UBND" / "Giang, ngày …") when the two header columns were read one after the other.
        back = None
        for k in range(1, min(len(out), 6) + 1):
            if _PLACE_WORDS.match(out[-k]) and _PLACE_START.match(f"{out[-k]} {t}"):
                back = k
                break
            if not (_is_motto(out[-k]) or _is_motto_fragment(out[-k]) or _NUMBER_LINE.match(out[-k])):
                break  # only the other column's lines (motto, number) may stand in between
        if back is None:
            out.append(t)
            continue
        words = out.pop(-back)
        out.append(f"{words} {t}")
    return out


def _is_motto_fragment(text: str) -> bool:
    """"CỘNG" / "HÒA XÃ HỘI …": a short piece of a motto cut where the header column wrapped."""
    f = fold(text).strip(" -")
    return bool(f) and _is_caps(text) and any(f" {f} " in f" {m} " for m in _MOTTO)


def _is_body(text: str) -> bool:
    """Whether a caps header line can be (part of) an issuing body's name."""
    if _NOT_A_BODY.search(text):
        return False
    f = fold(expand_abbreviations(text)) + " "
    return f.startswith(_ISSUER_HEADS) or bool(_LOCALITY.match(text)) or bool(_PROVINCE_ONLY.match(text)) \
        or is_agency_start(text)


def _read_header(front: Front, header: list[Line]) -> None:
    texts = _join_wrapped_place([ln.text for ln in header if ln.kind == "paragraph"])
    for k, t in enumerate(texts):
        sm = _LETTER_SUBJECT.match(t)
        if sm and front.title is None:
            # An official letter: its trích yếu under the number, maybe wrapped onto lower-case lines.
            title = [sm.group("title")]
            for nxt in texts[k + 1:]:
                if not nxt[:1].islower() or _PLACE_DATE.search(nxt):
                    break
                title.append(nxt)
            subject = collapse_spaces(" ".join(title))
            front.title = subject[:1].upper() + subject[1:]
    joined = "\n".join(texts)
    body_lines: list[str] = []
    for t in texts:
        if _NUMBER_LINE.match(t):
            m = REF_RE.search(t)
            if m:
                front.number = re.sub(r"\s+", "", m.group(0))
            break
        if _PLACE_DATE.search(t):
            break
        if _is_motto(t) or _is_motto_fragment(t):
            continue  # two header columns may come interleaved: the body's lines can follow the motto
        motto_at = _MOTTO_INSIDE.search(t)
        if motto_at:  # both columns on one line: "TỈNH ỦY LẠNG SƠN ĐẢNG CỘNG SẢN VIỆT NAM"
            t = t[:motto_at.start()].strip()
        if t and _is_caps(t) and (body_lines or _is_body(t)):
            body_lines.append(t)
    front.has_header = bool(body_lines or front.number)
    m = _PLACE_DATE.search(joined)
    if m:
        front.place = collapse_spaces(m.group("place"))
        front.date = _iso(m.group("d"), m.group("m"), m.group("y"))
    front.issuer, front.province, front.superior = _issuer(body_lines)
    if front.number is None:
        # A number written in the header but not on a "Số:" line (flattened header tables).
        for t in texts:
            if t.startswith("Số") and REF_RE.search(t):
                front.number = re.sub(r"\s+", "", REF_RE.search(t).group(0))  # type: ignore[union-attr]
                break


def _read_title(front: Front, lines: list[Line], at: int, stop: int) -> int:
    """Collect the trích yếu after the kind word; return where the preamble starts."""
    kind_line = lines[at].text
    words = len(kind_line.split())
    kind_words = {"chuong_trinh_hanh_dong": 4, "other": 2}.get(front.kind or "", 2)
    if front.kind == "chuong_trinh_hanh_dong" and fold(kind_line).strip() == "chuong trinh":
        kind_words = 2  # "CHƯƠNG TRÌNH" alone (a work programme, or "HÀNH ĐỘNG" on the next line)
    parts = [kind_line.split(" ", kind_words)[kind_words]] if words > kind_words else []
    i = at + 1
    if words == kind_words and i < stop and re.match(r"HÀNH ĐỘNG(?:\s|$)", lines[i].text):
        rest = lines[i].text[len("HÀNH ĐỘNG"):].strip()  # "CHƯƠNG TRÌNH" / "HÀNH ĐỘNG THỰC HIỆN …"
        parts = [rest] if rest else []
        i += 1
    while i < stop and i < at + 8:
        ln = lines[i]
        t = ln.text
        if ln.kind != "paragraph":
            break
        nxt = lines[i + 1].text if i + 1 < len(lines) else ""
        if _PREAMBLE_START.match(t) and (parts or t.endswith(":") or "như sau" in t):
            break
        if parts and _SESSION.match(t):
            i += 1  # "KHÓA XVIII, KỲ HỌP THỨ 8" under the council's name
            continue
        bases_next = _PREAMBLE_START.match(nxt) or _SESSION.match(nxt)
        if parts and _is_caps(t) and bases_next:
            # The authority line of a decision ("BỘ TRƯỞNG, CHỦ NHIỆM …", "HỘI ĐỒNG NHÂN DÂN TỈNH …"), maybe
            # glued to the title's end.
            am = _AUTHORITY.search(t)
            if am and am.start() > 0:
                parts.append(t[:am.start()])
            if am or (len(t.split()) <= 10 and nxt.startswith("Căn cứ")):
                i += 1
                while i < stop and _SESSION.match(lines[i].text):
                    i += 1
                break
        if parts and parts[-1].endswith((".", ":")):
            break
        if kind_from_title(t) and _is_caps(t) and t.split()[0] == kind_line.split()[0] and parts:
            break
        parts.append(t)
        i += 1
    front.title = collapse_spaces(" ".join(parts)) or None
    if front.title and _is_caps(front.title):
        front.title = sentence_case(front.title, _names_in(front, lines[i:i + 60]))
    return i


def _names_in(front: Front, lines: list[Line]) -> list[str]:
    """Proper names as the document spells them: its place, and the places it names in the preamble."""
    names = [n for n in (front.place, front.province) if n]
    for ln in lines:
        names.extend(m.group("name") for m in _NAMED_PLACE.finditer(ln.text))
    return names
