"""The outline: numbered headings nested into a tree, everything else as blocks of the heading above.

Roman parts reset the tree; an Arabic number "2.1" nests under "2" of the current part; `path` joins the
part and the number ("III.2.1"). Lines that continue a paragraph cut by a hard or page break (they start
in lower case after a line without final punctuation) are re-joined, skipping footnotes in between.
A numbered list that restarts at 1 inside an item is kept as `item` blocks, not as headings.
Lettered items ("a)", "b)", "đ)") under a numbered heading are nodes too, the letter ending the path
("II.1.a"), as long as they follow in alphabetical order from "a"; a letter out of order stays an `item`
block of the node above.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import pairwise

from trienkhai.plans.headings import (
    BULLET_RE,
    GLUED_ITEM_RE,
    LETTER_RE,
    Heading,
    letter_follows,
    letter_item,
    match_heading,
)
from trienkhai.plans.lines import Line
from trienkhai.plans.model import OutlineBlock, OutlineNode
from trienkhai.text.numbering import roman_numeral, roman_value
from trienkhai.text.vietnamese import collapse_spaces

_END_PUNCT = (".", ";", ":", "!", "?", "…", ".”", '."', ";”")
_TITLE_MAX = 200
_GLUED_COLON = re.compile(r"^(?P<head>[^:]{2,100}?)\s*:\s+(?P<body>\S.*)$")
# Words a figure must follow: a line ending with one was cut before its number.
_WANTS_NUMBER = re.compile(r"(?<![\wÀ-ỹ])(?:số|năm|ngày|tháng|quý|khóa|khoá|giai đoạn|đến|từ|Nghị quyết|"
                           r"Quyết định|Kết luận|Chỉ thị|Kế hoạch)$", re.IGNORECASE)
# A text that stops where no phrase can end: on a comma, a preposition or a conjunction.
_CUT_MID_PHRASE = re.compile(r"(?:,|(?<![\wÀ-ỹ])(?:của|và|các|cho|với|về|trong|theo|là|được|những|để|nhằm|tại|"
                             r"đối với|thực hiện|phối hợp|cùng|hoặc|từ|đến|sự|việc))$")
_SENTENCE_END = re.compile(r"(?<=[^\s.]{2})[.;](?=\s+[A-ZĐÀ-Ỹ\"“-])")


@dataclass
class _State:
    roots: list[OutlineNode] = field(default_factory=list)
    part: OutlineNode | None = None  # current Roman part
    part_value: int = 0
    last: OutlineNode | None = None  # node receiving blocks
    title_open: bool = False  # the last heading's title may continue on the next line
    # Arabic siblings seen under each parent path: parent path -> last number at that depth
    seen: dict[str, int] = field(default_factory=dict)
    inner_list: int = 0  # > 0 while inside a list restarting at 1 within an item: next expected number
    numbered: OutlineNode | None = None  # the last numbered (Roman or Arabic) node: parent of letter items
    letter: str | None = None  # the last letter item under `numbered`
    warnings: list[str] = field(default_factory=list)
    ocr: bool = False  # the lines come from text recognition: numbering misreads are put right


def _title_and_body(rest: str) -> tuple[str, str | None]:
    """Heading title and the body glued to it ("Mục đích: nội dung…" → "Mục đích", "nội dung…")."""
    rest = rest.strip()
    m = _GLUED_COLON.match(rest)
    if m and len(m.group("head").split()) <= 15:
        return m.group("head").strip(), m.group("body").strip()
    if len(rest) <= _TITLE_MAX:
        return rest.rstrip(":").strip(), None
    # A long numbered paragraph (typical of "Tổ chức thực hiện"): its start is the title, the text is kept.
    sm = _SENTENCE_END.search(rest, 20)
    cut = rest[:sm.start()] if sm and sm.start() <= _TITLE_MAX else rest[:_TITLE_MAX].rsplit(" ", 1)[0] + "…"
    return cut.strip(), rest


def _add_block(state: _State, block: OutlineBlock) -> None:
    if state.last is not None:
        state.last.blocks.append(block)


def _continues(state: _State, line: Line) -> bool:
    """Whether `line` continues the text before it (a paragraph or heading cut by a line/page break):
    it starts in lower case, or with a figure after a word that asks for one ("… Nghị quyết số" /
    "43-NQ/TW …", "… TẦM NHÌN ĐẾN NĂM" / "2045")."""
    first = line.text[:1]
    if state.last is None or letter_item(line.text):
        return False  # "a) …" opens an item of its own, even after a heading left open
    if not (first.islower() or first.isdigit()):
        # A capital after a line cut mid-phrase ("… vai trò của" / "Nhân dân …"): a page break in a
        # sentence, as PDFs give them; never a bullet or an emphasised label, which open blocks of their own.
        bullet = BULLET_RE.match(line.text)
        if bullet and bullet.group("mark") == "-" and bullet.group("rest")[:1].islower():
            # "… phát triển kinh tế" / "- xã hội, …": the hyphen of "kinh tế - xã hội" at a line start.
            return _open_block_text(state) is not None if not state.title_open else True
        if bullet or line.bold or line.italic or line.label:
            return False
        previous = state.last.title if state.title_open else _open_block_text(state)
        return previous is not None and bool(_CUT_MID_PHRASE.search(previous))
    if state.title_open:
        return first.islower() or bool(_WANTS_NUMBER.search(state.last.title))
    previous = _open_block_text(state)
    return previous is not None and (first.islower() or bool(_WANTS_NUMBER.search(previous)))


def _open_block_text(state: _State) -> str | None:
    """The text of the last block when it is a paragraph left without final punctuation."""
    assert state.last is not None
    for b in reversed(state.last.blocks):
        if b.kind == "footnote":
            continue
        return b.text if b.kind in ("paragraph", "bullet", "item") and not b.text.endswith(_END_PUNCT) else None
    return None


def _append_text(state: _State, text: str) -> None:
    node = state.last
    assert node is not None
    if state.title_open and not node.blocks:
        node.title = collapse_spaces(f"{node.title} {text}")
        if len(node.title) > _TITLE_MAX or node.title.endswith(_END_PUNCT):
            state.title_open = False
        return
    for b in reversed(node.blocks):
        if b.kind != "footnote":
            joiner = "" if b.text.endswith("-") and not b.text.endswith(" -") else " "
            b.text = collapse_spaces(b.text + joiner + text)
            return


def _open_node(state: _State, parent: OutlineNode | None, path: str, number: str, rest: str) -> None:
    title, body = _title_and_body(rest)
    node = OutlineNode(path=path, number=number, title=title)
    (parent.children if parent is not None else state.roots).append(node)
    state.last = node
    state.title_open = body is None and not rest.endswith(_END_PUNCT)
    if body:
        node.blocks.append(OutlineBlock(kind="paragraph", text=body))


def _roman(state: _State, h: Heading) -> None:
    expected = roman_numeral(state.part_value + 1)
    if state.ocr and h.number + "I" == expected:
        # OCR merges the strokes of a bold "II"/"III" and drops an "I": a part that would repeat the one
        # before, or go back, where one more stroke gives the next number, is the next part.
        h = Heading("roman", expected, h.rest)
    value = roman_value(h.number) or 0
    if value != state.part_value + 1:
        what = "lặp lại" if value <= state.part_value else "không liên tục"
        state.warnings.append(f"Số thứ tự phần {what}: sau phần {_roman_of(state.part_value)} là phần {h.number}.")
    state.part_value = value
    state.inner_list = 0
    rest = h.rest
    glued = GLUED_ITEM_RE.match(rest)
    if glued:
        rest = glued.group("caps")
    _open_node(state, None, h.number, h.number, rest)
    state.part = state.last
    state.numbered, state.letter = state.last, None
    if glued:
        item = match_heading(glued.group("item"))
        if item:
            _arabic(state, item, Line(kind="paragraph", text=glued.group("item")))


def _roman_of(value: int) -> str:
    if value <= 0:
        return "(đầu)"
    return roman_numeral(value)


def _find(nodes: list[OutlineNode], number: str) -> OutlineNode | None:
    for n in reversed(nodes):
        if n.number == number:
            return n
        found = _find(n.children, number)
        if found:
            return found
    return None


def _arabic(state: _State, h: Heading, line: Line) -> None:
    parts = h.number.split(".")
    value = int(parts[-1])
    prefix = state.part.path + "." if state.part else ""
    scope = state.part.children if state.part else state.roots
    parent = state.part
    if len(parts) > 1:
        parent = _find(scope, ".".join(parts[:-1])) or state.part
    parent_key = (parent.path if parent else "") + "/" + str(len(parts))
    previous = state.seen.get(parent_key, 0)
    if state.inner_list:
        if len(parts) == 1 and value == state.inner_list and not (value == previous + 1 and _headingish(line)):
            state.inner_list += 1
            _add_block(state, OutlineBlock(kind="item", text=h.rest, label=h.number))
            return
        state.inner_list = 0
    if len(parts) == 1 and value == 1 and previous >= 1 and not _headingish(line):
        # "1." again inside item N: a numbered list within the item, not a new heading.
        state.inner_list = 2
        _add_block(state, OutlineBlock(kind="item", text=h.rest, label=h.number))
        return
    if value != previous + 1:
        what = "lặp lại" if value <= previous else "không liên tục"
        state.warnings.append(f"Số thứ tự mục {what}: mục {prefix}{h.number} (mục trước là số {previous}).")
    state.seen[parent_key] = value
    for key in [k for k in state.seen if k.startswith(prefix + h.number + "/")]:
        del state.seen[key]  # a new item: its own sub-items start again
    _open_node(state, parent, prefix + h.number, h.number, h.rest)
    state.numbered, state.letter = state.last, None


def _letter(state: _State, letter: str, rest: str) -> bool:
    """Open the lettered item "b) …" under the numbered node above; False when it is no item of a list
    (no numbered node yet, or a letter out of order: "c)" with no "b)" before it)."""
    parent = state.numbered
    if parent is None or state.inner_list or not letter_follows(state.letter, letter):
        return False
    title, body = _title_and_body(rest)
    if body is None:
        # An item that runs on as a paragraph: its title is the opening sentence, the text stays whole.
        sm = _SENTENCE_END.search(rest, 10)
        if sm and rest[sm.end():].strip():
            title, body = rest[:sm.start()].strip(), rest
    node = OutlineNode(path=f"{parent.path}.{letter}", number=letter, title=title)
    parent.children.append(node)
    state.last, state.letter = node, letter
    state.title_open = body is None and not rest.endswith(_END_PUNCT)
    if body:
        node.blocks.append(OutlineBlock(kind="paragraph", text=body))
    return True


def _headingish(line: Line) -> bool:
    return line.bold or len(line.text) <= 120


def _group_label(line: Line) -> bool:
    return (line.italic or line.bold) and len(line.text.split()) <= 15 and not line.text.endswith(
        (".", ";"))


# A part title whose label was lost (OCR drops a bold "II." before the capitals; a copy keeps only the
# text): capitals, a few words, no sentence punctuation, maybe a stray mark before it ("_NỘI DUNG").
_LOST_LABEL_TITLE = re.compile(r"^[_|~—–\-•.,'`\s]*(?P<title>[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ ,\-–]{2,80})$")


def _restore_lost_part_labels(lines: list[Line]) -> list[Line]:
    """Give back the Roman label a part title lost, where the numbering says one is missing: between part
    v and part v + 2 exactly one line in capitals, followed by the item "1." of the missing part."""
    found: list[tuple[int, int]] = []  # (line index, value) of Roman parts
    for i, line in enumerate(lines):
        h = match_heading(line.text) if line.kind != "table" else None
        if h and h.level == "roman":
            found.append((i, roman_value(h.number) or 0))
    out = list(lines)
    for (start, value), (end, next_value) in pairwise(found):
        if next_value != value + 2:
            continue
        candidates = []
        for i in range(start + 2, end):  # start + 1 may be the part's own title on its own line
            m = _LOST_LABEL_TITLE.match(lines[i].text.strip()) if lines[i].kind == "paragraph" else None
            if m and len(m.group("title").split()) <= 10:
                candidates.append((i, m.group("title").strip()))
        if len(candidates) != 1:
            continue
        i, title = candidates[0]
        following = next((match_heading(ln.text) for ln in lines[i + 1:end] if match_heading(ln.text)), None)
        if following is None or following.level != "arabic" or following.number.split(".")[0] != "1":
            continue
        out[i] = replace(lines[i], text=f"{roman_numeral(value + 1)}. {title}")
    return out


def build_outline(lines: list[Line], *, ocr: bool = False) -> tuple[list[OutlineNode], list[str]]:
    """The outline tree of the body `lines`, and warnings about its numbering; `ocr` when the lines were
    read by text recognition (labels that lost a stroke are read as the number the sequence expects)."""
    state = _State(ocr=ocr)
    for line in _restore_lost_part_labels(lines):
        if line.kind == "table":
            _add_block(state, OutlineBlock(kind="table", text="\n".join("\t".join(r) for r in line.rows)))
            state.title_open = False
            continue
        if line.kind == "footnote":
            _add_block(state, OutlineBlock(kind="footnote", text=line.text))
            continue
        text = line.text
        h = match_heading(text)
        if h and h.level == "roman":
            _roman(state, h)
            continue
        if h:
            _arabic(state, h, line)
            continue
        if state.last is not None and not state.last.title and not state.last.blocks:
            state.last.title = text.rstrip(":").strip()  # "Phần I" / "MỤC ĐÍCH, YÊU CẦU" on the next line
            state.title_open = text.isupper() and not text.endswith(_END_PUNCT)
            continue
        if state.title_open and state.last and not state.last.blocks and state.last.title.isupper() \
                and text.isupper() and len(text.split()) <= 8:
            _append_text(state, text)  # a part title in capitals wrapped onto a second line
            continue
        if _continues(state, line):
            _append_text(state, text)
            continue
        state.title_open = False
        lettered = letter_item(text)
        if lettered and _letter(state, *lettered):
            continue
        _add_block(state, _block_of(line))
    if not state.roots:
        state.warnings.append("Không tìm thấy đề mục đánh số nào (I., 1., 1.1.): dàn ý trống.")
    return state.roots, state.warnings


def _block_of(line: Line) -> OutlineBlock:
    text = line.text
    m = LETTER_RE.match(text)
    if m:
        return OutlineBlock(kind="item", text=m.group("rest"), label=m.group("num"))
    m = BULLET_RE.match(text)
    if m:
        return OutlineBlock(kind="bullet", text=m.group("rest"), label=line.label)
    if _group_label(line):
        return OutlineBlock(kind="group", text=text, label=text)
    return OutlineBlock(kind="paragraph", text=text, label=line.label)
