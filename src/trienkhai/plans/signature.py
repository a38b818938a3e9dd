"""The closing of a document: "Nơi nhận:" (recipients) and the signature block
(T/M | TM. | K/T | KT. …, title line(s), name). Neither is part of the outline."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from trienkhai.plans.casing import pretty
from trienkhai.plans.lines import Line
from trienkhai.plans.model import Signer
from trienkhai.text.vietnamese import collapse_spaces

RECIPIENTS_RE = re.compile(r"^Nơi\s+nhận\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
# The marks as typed and as PDF copies give them: "T/M", "TM.", "T.M", "TM/", "K/T", "KT.", "TL.", "T/L", "TUQ.", "Q.".
AUTHORITY_RE = re.compile(r"^(?P<mark>T/M\.?|T\.M\.?|TM[./]?|K/T\.?|K\.T\.?|KT[./]?|TL\.|T/L\.?|TUQ\.?|Q\.|Q/)"
                          r"\s*(?P<rest>[A-ZĐÀ-Ỹ].*)$")
_OFFICE_RE = re.compile(
    r"(?<!\w)(PHÓ |BÍ THƯ|CHỦ TỊCH|GIÁM ĐỐC|BỘ TRƯỞNG|THỦ TƯỚNG|CHỦ NHIỆM|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|"
    r"(?<!BỘ )(?<!CỤC )(?<!VỤ )(?<!VIỆN )TRƯỞNG |THỨ TRƯỞNG|TỔNG BÍ THƯ|KT\.|K/T)"
)
_SIGNED = re.compile(r"^[(\[]?\s*(đã ký|ký|ký tên|ký, ghi rõ họ tên|đã ký và đóng dấu)[^)\]]*[)\]]?$",
                     re.IGNORECASE)
_NAME = re.compile(r"^[A-ZĐÀ-Ỹ][a-zđà-ỹ]*(?:\s+[A-ZĐÀ-Ỹ][a-zđà-ỹ]*){1,4}$")
_CAPS_NAME = re.compile(r"^[A-ZĐÀ-Ỹ]+(?:\s+[A-ZĐÀ-Ỹ]+){1,4}$")
# A person's name in capitals opens with a family name ("NGUYỄN VĂN AN"); a body's name never does.
_CAPS_NAME_OF_PERSON = re.compile(r"^(?:NGUYỄN|TRẦN|LÊ|PHẠM|HOÀNG|HUỲNH|PHAN|VŨ|VÕ|ĐẶNG|BÙI|ĐỖ|HỒ|NGÔ|DƯƠNG|LÝ|"
                                  r"ĐINH|ĐÀO|TRỊNH|MAI|TÔ|HÀ|LƯU|TẠ|CAO|LÂM|TRƯƠNG|ĐẦU|TẢN)\s")
# A name with the rest of a recipient glued on ("Lê Thị Kim Dung cấp tỉnh,"): a page break in the
# "Nơi nhận" column put that rest after the signature, and the line joining made one paragraph of both.
_NAME_THEN_LOWER = re.compile(r"^(?P<name>[A-ZĐÀ-Ỹ][a-zđà-ỹ]*(?:\s+[A-ZĐÀ-Ỹ][a-zđà-ỹ]*){1,4})\s+(?P<rest>[a-zđà-ỹ].*)$")


@dataclass
class Closing:
    start: int  # first line of the closing (end of the body)
    end: int  # first line after the signer's name (an appendix may follow)
    signer: Signer | None = None
    recipients: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)  # the recipients as written (", ;" kept)
    listing: bool = False  # "Nơi nhận" has been met: "- …" lines are recipients
    glued: str | None = None  # a signature line read glued to a recipients line (two columns side by side)


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def flatten_closing_tables(lines: list[Line], body_from: int) -> list[Line]:
    """`lines` with a table that holds the closing ("Nơi nhận" beside "T/M BAN THƯỜNG VỤ": a layout table of
    a PDF, tab-separated columns of a text copy) read column by column into paragraphs, so that the closing
    is found as in any other layout; the lines are numbered again."""
    out: list[Line] = []
    changed = False
    closing_at: int | None = None
    for ln in lines:
        # The closing's table, and its pieces after it: a text copy's rows with one column left empty
        # come apart into short tables and paragraphs ("- Lưu Văn phòng Tỉnh ủy." / "(đã ký)").
        piece = (closing_at is not None and ln.index - closing_at <= _CLOSING_SPAN
                 and max((len(r) for r in ln.rows), default=0) <= 2)
        if ln.kind == "table" and ln.index >= body_from and (piece or _holds_closing(ln.rows)):
            closing_at = ln.index if closing_at is None else closing_at
            width = max(len(r) for r in ln.rows)
            for col in range(width):
                for row in ln.rows:
                    cell = row[col] if col < len(row) else ""
                    out.extend(Line(kind="paragraph", text=collapse_spaces(t)) for t in cell.split("\n")
                               if collapse_spaces(t))
            changed = True
        else:
            out.append(ln)
    if not changed:
        return lines
    for i, ln in enumerate(out):
        ln.index = i
    return out


_CLOSING_SPAN = 12  # lines after the closing's table where more of its pieces may stand


def _holds_closing(rows: list[list[str]]) -> bool:
    cells = [c.strip() for r in rows for c in r if c.strip()]
    recipients = any(RECIPIENTS_RE.match(c) for c in cells)
    signature = any(AUTHORITY_RE.match(c) or _office_line(c.split("\n")[0]) for c in cells)
    return recipients and signature and len(rows) <= 40


def find_closing(lines: list[Line], body_from: int) -> Closing | None:
    """Where the closing starts (the first "Nơi nhận" or authority line after `body_from`), and what it says."""
    start = next((ln.index for ln in lines[body_from:] if ln.kind == "paragraph"
                  and (RECIPIENTS_RE.match(ln.text) or AUTHORITY_RE.match(ln.text))), None)
    if start is None:
        start = _bare_signature(lines, body_from)
        if start is None:
            return None
    closing = Closing(start=start, end=start)
    i = start
    name_before: str | None = None
    while i < len(lines):
        ln = lines[i]
        if ln.kind != "paragraph":
            i += 1
            continue
        m = RECIPIENTS_RE.match(ln.text)
        if m:
            i = _read_recipients(lines, i, closing, m.group("rest"))
            if closing.signer is None and closing.glued:
                first, closing.glued = closing.glued, None
                i = _read_signer(lines, i, closing, first=first)
            continue
        if closing.signer is None and (AUTHORITY_RE.match(ln.text) or _office_line(ln.text)):
            i = _read_signer(lines, i, closing)
            if closing.signer is not None and closing.signer.name is None and name_before:
                closing.signer.name = name_before
            continue
        if closing.signer is None and name_before is None and _NAME.match(ln.text):
            # The name read before its signature block (the two columns of the closing read one after
            # the other, the name at the left margin).
            name_before = ln.text
            i += 1
            continue
        break
    closing.end = max(i, closing.end)
    closing.recipients = [collapse_spaces(x).rstrip(",;. ") for x in closing.items if x.strip(",;. ")]
    return closing


def _office_line(text: str) -> bool:
    return _is_caps(text) and len(text.split()) <= 8 and bool(_OFFICE_RE.search(text + " "))


def _bare_signature(lines: list[Line], body_from: int) -> int | None:
    """A signature without T/M: an office line in capitals followed closely by a name, near the end."""
    tail = [ln for ln in lines[max(body_from, len(lines) - 12):] if ln.kind == "paragraph"]
    for k, ln in enumerate(tail):
        if _office_line(ln.text) and any(_NAME.match(x.text) for x in tail[k + 1:k + 4]):
            return ln.index
    return None


_ITEM_RE = re.compile(r"^[-+•]\s*")
_SIGNED_TAIL = re.compile(r"\s*[(\[]\s*(?:đã ký|ký|đã ký và đóng dấu)[^)\]]*[)\]]\s*$", re.IGNORECASE)
_PAGE_FOOTNOTE = re.compile(r"^\d{1,2}\s+[A-ZĐÀ-Ỹ][a-zđà-ỹ]")


def _add_recipient(items: list[str], t: str) -> bool:
    """Add a recipients line ("- …" item, or the rest of the item above); False when it is neither."""
    if _SIGNED.match(t):
        return False  # "(đã ký)" of the signature column, read between the recipients
    if _ITEM_RE.match(t):
        items.append(_ITEM_RE.sub("", t))
    elif items and (t[:1].islower() or not items[-1].rstrip().endswith((".", ";", ","))):
        items[-1] = f"{items[-1]} {t}"
    elif items and len(t.split()) <= 12 and not _NAME.match(t):
        items[-1] = f"{items[-1]} {t}"
    else:
        return False
    return True


# A signature line side by side with a recipients line, read as one: "Nơi nhận: T/M BAN THƯỜNG VỤ",
# "- Chính phủ; PHÓ CHỦ TỊCH" (the office in capitals after the recipient's lower-case words).
_GLUED_MARK = re.compile(r"\s(?=(?:T/M|TM\.|K/T|KT\.|TL\.|TUQ\.)\s*[A-ZĐÀ-Ỹ])")
_GLUED_OFFICE = re.compile(r"(?<=[a-zđà-ỹ;,.)])\s+(?P<office>(?:PHÓ\s+)?(?:BÍ THƯ|CHỦ TỊCH|GIÁM ĐỐC|BỘ TRƯỞNG|"
                           r"THỨ TRƯỞNG|CHỦ NHIỆM|TRƯỞNG BAN|TRƯỞNG PHÒNG)(?:\s+[A-ZĐÀ-Ỹ]+){0,3})$")


def _unsigned(text: str) -> str:
    """`text` without a "(đã ký)" read glued to it from the signature column."""
    return _SIGNED_TAIL.sub("", text).strip() or text


def _split_glued(text: str, closing: Closing) -> str:
    """The recipients part of `text`; a signature part glued to it is added to `closing.glued`."""
    if closing.signer is not None:
        return text
    text = _unsigned(text)
    if AUTHORITY_RE.match(text) or _office_line(text):
        closing.glued = f"{closing.glued} {text}" if closing.glued else text
        return ""
    m = _GLUED_MARK.search(text) or _GLUED_OFFICE.search(text)
    if m:
        start = m.start("office") if "office" in m.groupdict() else m.end()
        part = text[start:].strip()
        closing.glued = f"{closing.glued} {part}" if closing.glued else part
        return text[:start].strip()
    return text


def _read_recipients(lines: list[Line], i: int, closing: Closing, rest: str) -> int:
    closing.listing = True
    rest = _split_glued(rest, closing) if rest else rest
    if rest:
        closing.items.extend(p for p in re.split(r"\s*[-+•]\s+", rest) if p.strip())
    i += 1
    while i < len(lines):
        t = lines[i].text
        if lines[i].kind != "paragraph" or AUTHORITY_RE.match(t) or _office_line(t):
            break
        if _SIGNED.match(t):
            i += 1
            continue
        part = _split_glued(t, closing)
        if part and not _add_recipient(closing.items, part):
            break
        i += 1
    closing.end = max(closing.end, i)
    return i


def _body_continues(text: str) -> bool:
    """A caps line under an authority line that goes on with the body's name, not a title or a name."""
    return (_is_caps(text) and len(text.split()) <= 4 and not AUTHORITY_RE.match(text)
            and not _OFFICE_RE.match(text + " ") and not _CAPS_NAME_OF_PERSON.match(text))


def _split_office(text: str) -> tuple[str, str | None]:
    """"BAN THƯỜNG VỤ PHÓ BÍ THƯ" → ("BAN THƯỜNG VỤ", "PHÓ BÍ THƯ") when a title follows on the same line."""
    m = _OFFICE_RE.search(text + " ", 1)
    if m and m.start() > 0:
        return text[:m.start()].strip(), text[m.start():].strip()
    return text.strip(), None


def _read_signer(lines: list[Line], i: int, closing: Closing, first: str | None = None) -> int:
    """Read the signature block from line `i` (or from `first`, a signature line read glued to a recipient,
    then from line `i` on)."""
    on_behalf: str | None = None
    titles: list[str] = []
    text = lines[i].text if first is None else first
    if first is not None:
        i -= 1  # `first` stands for the line before `i`
    # "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH": peel the marks off one by one; the body of the
    # first is whom the signer acts for, what is left is the signer's own title.
    while text:
        m = AUTHORITY_RE.match(text)
        if not m:
            titles.append(text)
            break
        body, more = _split_office(m.group("rest"))
        on_behalf = on_behalf or body
        text = more or ""
    i += 1
    # "T/M BAN THƯỜNG" / "VỤ": the body's name wrapped at the cell's edge (a .docx cell, a PDF column).
    while on_behalf and not titles and i < len(lines) and _body_continues(lines[i].text):
        on_behalf = f"{on_behalf} {lines[i].text}"
        i += 1
    name = None
    # A signature table broken by a page break (or a PDF read in content order) leaves the block's
    # parts among the recipients: "T/M TỈNH ỦY", "- …", "- …", "PHÓ BÍ THƯ", "- …", name. Recipients
    # met on the way are collected, and the title and name looked for past them.
    while i < len(lines) and i < closing.start + 80:
        ln = lines[i]
        t = _unsigned(ln.text)
        if ln.kind != "paragraph":
            break
        m = RECIPIENTS_RE.match(t)
        if m and closing.listing:
            break  # a second "Nơi nhận": not this block's
        i += 1
        if m:
            closing.listing = True
            if m.group("rest"):
                closing.items.extend(p for p in re.split(r"\s*[-+•]\s+", m.group("rest")) if p.strip())
            continue
        if _SIGNED.match(t) or _PAGE_FOOTNOTE.match(t):
            continue  # "(đã ký)"; a footnote of the page read between the signature's parts
        if not titles and on_behalf and len(t.split()) <= 2 and _body_continues(t):
            on_behalf = f"{on_behalf} {t}"  # the body's name, wrapped, read after the recipients
            continue
        if AUTHORITY_RE.match(t):
            body, more = _split_office(AUTHORITY_RE.match(t).group("rest"))  # type: ignore[union-attr]
            titles.extend([more] if more else [])
            continue
        if _is_caps(t) and _OFFICE_RE.search(t + " ") and not name:
            titles.append(t)
            continue
        if titles and _is_caps(t) and len(t.split()) == 1 and lines[i - 2].text == titles[-1]:
            titles[-1] = f"{titles[-1]} {t}"  # a title wrapped at the cell's edge ("… THƯỜNG" / "TRỰC")
            continue
        if closing.listing and _ITEM_RE.match(t):
            _add_recipient(closing.items, t)
            continue
        if _NAME.match(t) or (_CAPS_NAME.match(t) and titles):
            name = t if not _is_caps(t) else " ".join(w.capitalize() for w in t.split())
            break
        glued = _NAME_THEN_LOWER.match(t) if titles and closing.listing and closing.items else None
        if glued:
            name = glued.group("name")
            closing.items[-1] = f"{closing.items[-1]} {glued.group('rest')}"
            break
        if (closing.listing and closing.items and not _is_caps(t) and len(t.split()) <= 12
                and _add_recipient(closing.items, t)):
            continue
        if len(t.split()) > 8:
            i -= 1
            break
    title = pretty(titles[-1]) if titles else None
    closing.signer = Signer(name=name, title=title, on_behalf_of=pretty(on_behalf) if on_behalf else None)
    closing.end = max(closing.end, i)
    return i
