"""Editing a parsed plan, as a reviewer corrects the parser's draft: edit, add, split, merge, delete.

Plain functions over the `Plan` dataclasses. An item is named by its kind and key: an outline heading
by its path ("II.1"), a target, assignment or task by its index in its list ("0", "3"). Every operation
checks everything first and changes the plan only when it can be done whole; otherwise it raises
`DraftEditError` with a Vietnamese message and leaves the plan as it was.

Fields arrive as a reviewer typed them: text is stripped, an empty text clears the field, a list of
bodies may be typed as one text ("Sở Nội vụ; Sở Tư pháp") and is split by the core's own splitter, a
task's edited timeframe is read again for its due date and recurrence. Length limits belong to whoever
stores the plan, not here.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator, Mapping
from datetime import date as _date
from typing import Any

from trienkhai.errors import DraftEditError
from trienkhai.plans.agencies import split_names
from trienkhai.plans.model import (
    Assignment,
    DocumentInfo,
    OutlineBlock,
    OutlineNode,
    Plan,
    Signer,
    Target,
    Task,
)
from trienkhai.plans.parse import NO_DATE, NO_NUMBER
from trienkhai.plans.references import REF_RE, kind_of_number
from trienkhai.plans.timeframes import parse_timeframe
from trienkhai.text.numbering import roman_numeral, roman_value
from trienkhai.text.vietnamese import fold
from trienkhai.vocab.parts import TASK_PART_WORDS

KINDS = ("outline", "target", "assignment", "task")
EDITABLE: dict[str, tuple[str, ...]] = {
    "outline": ("title", "text"),
    "target": ("subject", "text", "direction", "unit", "deadline", "section"),
    "assignment": ("leads", "partners", "duties", "item"),
    "task": ("no", "content", "leads", "partners", "timeframe", "product"),
}
_REQUIRED = {"outline": "title", "target": "subject", "assignment": "duties", "task": "content"}
_LABELS = {"title": "tiêu đề", "subject": "nội dung chỉ tiêu", "duties": "nhiệm vụ được giao",
           "content": "nội dung", "deadline": "năm đạt chỉ tiêu"}
_SPLIT_FIELD = {"target": "text", "assignment": "duties", "task": "content"}
_NAME_LISTS = ("leads", "partners")
_LEADING_NUMBER = re.compile(r"^([0-9]{1,3}|[IVXL]{1,6}|[a-zđ])[.)]\s+")

_GONE = "Mục này không còn trong bản nháp."
_NOT_FOUND = "Không tìm thấy đoạn chữ dùng để tách trong mục này."

Row = Target | Assignment | Task


# --- finding items ---------------------------------------------------------------------------------

def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise DraftEditError("Loại mục không hợp lệ.")


def _rows(plan: Plan, kind: str) -> list[Any]:
    _check_kind(kind)
    if kind == "outline":
        raise DraftEditError("Loại mục không hợp lệ.")
    rows: dict[str, list[Any]] = {"target": plan.targets, "assignment": plan.assignments, "task": plan.tasks}
    return rows[kind]


def _index(rows: list[Any], key: str | int) -> int:
    try:
        index = int(key)
    except (TypeError, ValueError):
        raise DraftEditError(_GONE) from None
    if not 0 <= index < len(rows):
        raise DraftEditError(_GONE)
    return index


def find_node(plan: Plan, path: str) -> tuple[list[OutlineNode], int]:
    """The list holding the heading `path` and its index there."""
    def search(nodes: list[OutlineNode]) -> tuple[list[OutlineNode], int] | None:
        for i, n in enumerate(nodes):
            if n.path == path:
                return nodes, i
            if found := search(n.children):
                return found
        return None

    found = search(plan.outline)
    if found is None:
        raise DraftEditError(_GONE)
    return found


def outline_rows(plan: Plan) -> Iterator[tuple[OutlineNode, int, str | None]]:
    """(heading, depth, parent path) for every heading, depth first: the outline as a reviewer reads it."""
    def walk(nodes: list[OutlineNode], depth: int, parent: str | None) -> Iterator[tuple[OutlineNode, int, str | None]]:
        for n in nodes:
            yield n, depth, parent
            yield from walk(n.children, depth + 1, n.path)

    yield from walk(plan.outline, 0, None)


def node_text(node: OutlineNode) -> str:
    """The heading's own text, one block a line."""
    return "\n".join(b.text for b in node.blocks)


# --- field values ----------------------------------------------------------------------------------

def _value(kind: str, name: str, raw: Any) -> Any:
    """The typed value of one edited field (raises for a value that cannot be that field)."""
    if name in _NAME_LISTS:
        if isinstance(raw, list | tuple):
            return [str(n).strip() for n in raw if str(n).strip()]
        return split_names(str(raw or ""))
    text = raw.strip() if isinstance(raw, str) else raw
    if name == "deadline":
        if text in (None, ""):
            return None
        if isinstance(text, int) or (isinstance(text, str) and text.isdigit() and len(text) == 4):
            return int(text)
        raise DraftEditError(f"Năm đạt chỉ tiêu phải là một năm, ví dụ 2030 (đã nhập: {raw}).")
    if name == "no" and (isinstance(text, int) or (isinstance(text, str) and text.isdigit())):
        return int(text)
    if name == "text" and kind == "outline":
        return [OutlineBlock(kind="paragraph", text=line.strip()) for line in str(text or "").split("\n")
                if line.strip()]
    return str(text) if text not in (None, "") else None


def _typed(kind: str, fields: Mapping[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(fields) - set(EDITABLE[kind]))
    if unknown:
        raise DraftEditError(f"Không sửa được trường: {', '.join(unknown)}.")
    return {name: _value(kind, name, raw) for name, raw in fields.items()}


def _apply(kind: str, item: Any, values: dict[str, Any]) -> None:
    if kind == "assignment" and values.keys() & set(_NAME_LISTS):
        # The bodies named without a role stay responsible (they are the doers when there is no lead);
        # a lead or partner the reviewer removed is no longer named at all.
        unroled = [n for n in item.responsible if n not in item.leads and n not in item.partners]
        leads, partners = values.get("leads", item.leads), values.get("partners", item.partners)
        item.responsible = list(dict.fromkeys([*leads, *unroled, *partners]))
    for name, value in values.items():
        setattr(item, "blocks" if kind == "outline" and name == "text" else name, value)
    if kind == "task" and "timeframe" in values:
        tf = parse_timeframe(item.timeframe) if item.timeframe else None
        item.due, item.recurrence = (tf.due, tf.recurrence) if tf else (None, None)


def _require(kind: str, item: Any) -> None:
    name = _REQUIRED[kind]
    if not getattr(item, name):
        raise DraftEditError(f"Cần nhập: {_LABELS[name]}.")


def _changed(kind: str, item: Any, fields: Mapping[str, Any]) -> Any:
    """A copy of `item` with the fields applied, checked; the caller puts it in place."""
    values = _typed(kind, fields)
    new = copy.deepcopy(item)
    _apply(kind, new, values)
    _require(kind, new)
    return new


# --- the operations --------------------------------------------------------------------------------

def edit_item(plan: Plan, kind: str, key: str | int, fields: Mapping[str, Any]) -> Any:
    """Change some fields of one item (see `EDITABLE`); returns the changed item."""
    _check_kind(kind)
    if kind == "outline":
        nodes, i = find_node(plan, str(key))
        new = _changed(kind, nodes[i], fields)
        nodes[i].title, nodes[i].blocks = new.title, new.blocks
        return nodes[i]
    rows = _rows(plan, kind)
    i = _index(rows, key)
    rows[i] = _changed(kind, rows[i], fields)
    return rows[i]


def delete_item(plan: Plan, kind: str, key: str | int) -> Any:
    """Remove one item (a heading with its sub-headings); returns what was removed."""
    _check_kind(kind)
    if kind == "outline":
        nodes, i = find_node(plan, str(key))
        return nodes.pop(i)
    rows = _rows(plan, kind)
    return rows.pop(_index(rows, key))


def add_item(plan: Plan, kind: str, fields: Mapping[str, Any], *, parent: str | None = None) -> str:
    """Append a new item and return its key; a heading goes under `parent` (or at the top level), numbered
    after its last sibling (a number already taken gets a prime: "3'")."""
    _check_kind(kind)
    if kind == "outline":
        siblings = plan.outline
        if parent:
            nodes, i = find_node(plan, parent)
            siblings = nodes[i].children
        # "3" after "2", "IV" after "III"; a sub-heading's number is its last part ("2", not "2.2").
        number = next_number(siblings[-1].number.rpartition(".")[2]) if siblings else ("1" if parent else "I")
        existing = {n.path for n in plan.nodes()}
        while (path := f"{parent}.{number}" if parent else number) in existing:
            number += "'"
        node = _changed(kind, OutlineNode(path=path, number=number, title=""), fields)
        siblings.append(node)
        return path
    blank: Row
    if kind == "target":
        blank = Target(section=None, text="", subject="")
    elif kind == "assignment":
        blank = Assignment(item=None)
    else:
        blank = Task(no=None, content="")
    rows = _rows(plan, kind)
    rows.append(_changed(kind, blank, fields))
    return str(len(rows) - 1)


def merge_item(plan: Plan, kind: str, key: str | int) -> Any:
    """Join an item with the next one of the same kind (texts joined; a heading takes the next heading's
    title as a paragraph, its blocks and its sub-headings); returns the item merged in."""
    _check_kind(kind)
    rows: list[Any]
    if kind == "outline":
        rows, i = find_node(plan, str(key))
    else:
        rows = _rows(plan, kind)
        i = _index(rows, key)
    if i + 1 >= len(rows):
        raise DraftEditError("Không có mục tiếp theo để gộp.")
    first: Any = rows[i]
    second: Any = rows.pop(i + 1)
    if kind == "outline":
        first.blocks = [*first.blocks, OutlineBlock(kind="paragraph", text=second.title), *second.blocks]
        first.children.extend(second.children)
        _repath(plan, second.children, first.path)
    else:
        name = _SPLIT_FIELD[kind]
        setattr(first, name, f"{getattr(first, name) or ''} {getattr(second, name) or ''}".strip())
        if kind in ("assignment", "task"):
            first.leads = list(dict.fromkeys([*first.leads, *second.leads]))
            first.partners = list(dict.fromkeys([*first.partners, *second.partners]))
        if kind == "assignment":
            first.responsible = list(dict.fromkeys([*first.responsible, *second.responsible]))
    return second


def split_item(plan: Plan, kind: str, key: str | int, at: str, *, title: str = "") -> str:
    """Cut an item in two where the text `at` begins; returns the key of the second part.

    A target, assignment or task is cut in its text (target: `text`, assignment: `duties`, task:
    `content`); both parts keep the other fields. A heading: see `split_heading`."""
    _check_kind(kind)
    if kind == "outline":
        return split_heading(plan, str(key), at, title=title)
    rows = _rows(plan, kind)
    i = _index(rows, key)
    name = _SPLIT_FIELD[kind]
    text = getattr(rows[i], name) or ""
    pos = text.find(at.strip()) if at.strip() else -1
    if pos <= 0:
        raise DraftEditError(_NOT_FOUND)
    second = copy.deepcopy(rows[i])
    setattr(rows[i], name, text[:pos].strip())
    setattr(second, name, text[pos:].strip())
    if kind == "target":
        second.subject = second.text[:120]
    rows.insert(i + 1, second)
    return str(i + 1)


def split_heading(plan: Plan, path: str, at: str, *, title: str = "") -> str:
    """Cut heading `path` where `at` begins, in document order (title, then blocks, then sub-headings).

    Everything from that point on (the rest of the title or of the block the cut falls in, the later
    blocks and the sub-headings) moves to a new sibling right after it, numbered next (V after IV, 3
    after 2, c after b); a number already taken gets a prime, as added headings do. Without `title`
    the new heading is titled by the first paragraph of the moved text: the usual case is a heading
    the parser read as a paragraph, and a number written at its start ("3. Phát triển …") is kept.
    Targets, tasks and assignments citing a moved sub-heading follow it. Returns the new path."""
    at = at.strip()
    if not at:
        raise DraftEditError(_NOT_FOUND)
    nodes, i = find_node(plan, path)
    node = nodes[i]
    blocks = node.blocks
    pos = node.title.find(at)
    if pos > 0:
        first_title, moved_title = node.title[:pos].strip(), node.title[pos:].strip()
        kept, moved = [], list(blocks)
    else:
        hit = next(((b, p) for b, block in enumerate(blocks) if (p := block.text.find(at)) >= 0), None)
        if hit is None:
            raise DraftEditError(_NOT_FOUND)
        b, p = hit
        kept, moved = list(blocks[:b]), list(blocks[b + 1:])
        head, tail = blocks[b].text[:p].strip(), blocks[b].text[p:].strip()
        if head:  # the cut falls inside the block: it becomes two blocks
            kept.append(OutlineBlock(kind=blocks[b].kind, text=head, label=blocks[b].label))
        moved.insert(0, OutlineBlock(kind=blocks[b].kind, text=tail, label=blocks[b].label))
        first_title, moved_title = node.title, ""
    if title.strip():
        if moved_title:  # the cut-off end of the old title stays as text of the new heading
            moved.insert(0, OutlineBlock(kind="paragraph", text=moved_title))
        moved_title = title.strip()
    elif not moved_title:
        moved_title = moved.pop(0).text
    number = next_number(node.number)
    if written := _LEADING_NUMBER.match(moved_title):
        moved_title = moved_title[written.end():].strip() or moved_title
        number = number.rpartition(".")[0] + "." + written.group(1) if "." in number else written.group(1)
    prefix = path.rpartition(".")[0] if "." in path else ""
    existing = {n.path for n in plan.nodes()}
    last = number.rpartition(".")[2]
    while (new_path := f"{prefix}.{last}" if prefix else last) in existing:
        number, last = number + "'", last + "'"
    second = OutlineNode(path=new_path, number=number, title=moved_title, kind=node.kind, blocks=moved,
                         children=node.children)
    node.title, node.blocks, node.children = first_title, kept, []
    nodes.insert(i + 1, second)
    _repath(plan, second.children, new_path)
    return new_path


def _repath(plan: Plan, children: list[OutlineNode], parent: str) -> None:
    """Sub-headings that moved under `parent` take its path (with a prime when that path is taken);
    the targets, tasks and assignments citing them follow."""
    moving = {n.path for c in children for n in c.walk()}
    taken = {n.path for n in plan.nodes()} - moving
    renamed: dict[str, str] = {}

    def walk(nodes: list[OutlineNode], parent: str) -> None:
        for n in nodes:
            last = n.path.rpartition(".")[2]
            while (path := f"{parent}.{last}") in taken:
                last += "'"
            renamed[n.path], n.path = path, path
            taken.add(path)
            walk(n.children, path)

    walk(children, parent)
    rows: list[Target | Task] = [*plan.targets, *plan.tasks]
    for row in rows:
        if row.section in renamed:
            row.section = renamed[row.section]
    for task in plan.tasks:
        if task.outline_path in renamed:
            task.outline_path = renamed[task.outline_path]
    for a in plan.assignments:
        if a.item in renamed:
            a.item = renamed[a.item]


def next_number(number: str) -> str:
    """The number that follows `number` among its siblings: IV→V, 2→3, 2.1→2.2, b→c; else a prime."""
    head, dot, last = number.rpartition(".")
    prefix = head + dot
    if last.isdigit():
        return f"{prefix}{int(last) + 1}"
    if last and (value := roman_value(last)):
        return prefix + roman_numeral(value + 1)
    if len(last) == 1 and "a" <= last.lower() < "z":
        return prefix + chr(ord(last) + 1)
    return number + "'"


# --- the document's header -------------------------------------------------------------------------

HEADER_FIELDS = ("number", "date", "title", "issuer", "signer_name", "signer_title", "recipients")
FUTURE_DAYS = 30  # a document dated further ahead than this is a typing error (a plan is signed, then loaded)
EARLIEST_YEAR = 1945
_NUMBER_PREFIX = re.compile(r"^\s*(?:số|so)\s*[:.]?\s*", re.IGNORECASE)
_DMY = re.compile(r"^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$")


def header_number(raw: str) -> str | None:
    """A document number as a reviewer typed it ("Số: 55-KH/TU", "236/QĐ-TTg"), checked: the number
    and symbol only, as the document writes them; None when empty. Anything that is not one number with
    its symbol ("55 KH TU", "KH/TU") raises `DraftEditError`."""
    text = _NUMBER_PREFIX.sub("", " ".join(raw.split()))
    if not text:
        return None
    compact = re.sub(r"\s*([-/])\s*", r"\1", text)
    m = REF_RE.match(compact)
    if m is None or m.end() != len(compact):
        raise DraftEditError(f"Số, ký hiệu không đúng dạng: “{raw.strip()}”. Viết số rồi ký hiệu, ví dụ "
                             "55-KH/TU (văn bản của Đảng) hoặc 236/QĐ-UBND (văn bản nhà nước).")
    return compact


def header_date(raw: str | _date | None, *, today: _date) -> str | None:
    """An issue date typed as dd/mm/yyyy or picked (yyyy-mm-dd), as ISO text; None when empty. A date
    that does not exist, before 1945, or more than `FUTURE_DAYS` days after `today` raises."""
    if raw is None or isinstance(raw, _date):
        day = raw
    else:
        text = raw.strip()
        if not text:
            return None
        day = None
        try:
            if m := _DMY.match(text):
                day = _date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            else:
                day = _date.fromisoformat(text)
        except ValueError:
            raise DraftEditError(f"Ngày ban hành không đúng: “{text}”. Viết theo dạng ngày/tháng/năm, "
                                 "ví dụ 31/01/2024.") from None
    if day is None:
        return None
    if day.year < EARLIEST_YEAR:
        raise DraftEditError(f"Ngày ban hành {day:%d/%m/%Y} quá sớm: kiểm tra lại năm.")
    if (day - today).days > FUTURE_DAYS:
        raise DraftEditError(f"Ngày ban hành {day:%d/%m/%Y} ở quá xa trong tương lai (quá {FUTURE_DAYS} ngày "
                             "sau hôm nay): kiểm tra lại ngày.")
    return day.isoformat()


def _header_value(name: str, raw: Any, today: _date) -> Any:
    if name == "recipients":
        lines = raw if isinstance(raw, list | tuple) else str(raw or "").split("\n")
        return [" ".join(str(n).split()).strip(" -+•;,.") for n in lines if str(n).strip(" -+•;,.")]
    if name == "number":
        return header_number(str(raw or ""))
    if name == "date":
        return header_date(raw, today=today)
    text = " ".join(str(raw or "").split())
    return text or None


def edit_header(plan: Plan, fields: Mapping[str, Any], *, today: _date) -> DocumentInfo:
    """Correct the document's header: its number and symbol, issue date, summary (trích yếu), issuer,
    signer (name, title) and recipients (a list, or a text one per line). Checked whole, then applied;
    the summary may not be emptied; a number whose symbol names a kind gives the kind when the parser
    found none. Returns the changed header."""
    unknown = sorted(set(fields) - set(HEADER_FIELDS))
    if unknown:
        raise DraftEditError(f"Không sửa được trường: {', '.join(unknown)}.")
    values = {name: _header_value(name, raw, today) for name, raw in fields.items()}
    doc = copy.deepcopy(plan.document)
    for name in ("number", "date", "title", "issuer", "recipients"):
        if name in values:
            setattr(doc, name, values[name])
    if "title" in values and not doc.title:
        raise DraftEditError("Cần nhập: trích yếu của văn bản.")
    if values.keys() & {"signer_name", "signer_title"}:
        signer = doc.signer or Signer()
        signer.name = values.get("signer_name", signer.name)
        signer.title = values.get("signer_title", signer.title)
        doc.signer = signer if (signer.name or signer.title or signer.on_behalf_of) else None
    if doc.number and doc.kind in ("other", "", None):
        doc.kind = kind_of_number(doc.number) or doc.kind
    plan.document = doc
    # The parser's notes that the number or the date is missing no longer hold once they are given.
    answered = {w for w, given in ((NO_NUMBER, doc.number), (NO_DATE, doc.date)) if given}
    plan.warnings = [w for w in plan.warnings if w not in answered]
    return doc


# --- bullets that become tasks ---------------------------------------------------------------------

TASK_BLOCKS = ("bullet", "paragraph")


def part_bullets(node: OutlineNode) -> list[tuple[str, int, OutlineBlock]]:
    """(heading path, block index, block) of every bullet in a heading and its sub-headings, in order."""
    return [(n.path, i, b) for n in node.walk() for i, b in enumerate(n.blocks) if b.kind == "bullet"]


def _is_task_of(task: Task, path: str, text: str) -> bool:
    return task.section == path and " ".join(task.content.split()) == " ".join(text.split())


def bullets_to_tasks(plan: Plan, path: str, index: int | None = None) -> list[str]:
    """Make bullets of heading `path` trackable tasks: the one at block `index`, or (None) every bullet
    of the heading and its sub-headings. Each new task is the bullet's text and keeps the heading it sits
    under (`Task.section`), so its results roll up to that part; its lead is left for the reviewer. A
    bullet that is already a task is skipped. Returns the new tasks' keys (none: `DraftEditError`)."""
    nodes, i = find_node(plan, path)
    node = nodes[i]
    if index is None:
        chosen = part_bullets(node)
        if not chosen:
            raise DraftEditError("Mục này không có ý gạch đầu dòng nào để biến thành nhiệm vụ.")
    else:
        if not 0 <= index < len(node.blocks) or node.blocks[index].kind not in TASK_BLOCKS:
            raise DraftEditError(_GONE)
        chosen = [(path, index, node.blocks[index])]
    keys = []
    for section, _i, block in chosen:
        text = block.text.strip().lstrip("-+•–").strip()
        if not text or any(_is_task_of(t, section, text) for t in plan.tasks):
            continue
        plan.tasks.append(Task(no=None, content=text, section=section))
        keys.append(str(len(plan.tasks) - 1))
    if not keys:
        raise DraftEditError("Các ý này đã là nhiệm vụ.")
    return keys


def is_task_block(plan: Plan, path: str, block: OutlineBlock) -> bool:
    """Whether a bullet of heading `path` is already one of the draft's tasks."""
    text = block.text.strip().lstrip("-+•–").strip()
    return any(_is_task_of(t, path, text) for t in plan.tasks)


_TASK_PART = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(fold(w)) for w in TASK_PART_WORDS) + r")(?!\w)")


def task_parts(plan: Plan) -> set[str]:
    """Paths of the headings that set tasks (nhiệm vụ, giải pháp, tổ chức thực hiện) and of all the
    headings under them (`trienkhai.vocab.parts`)."""
    out: set[str] = set()
    for node, _depth, parent in outline_rows(plan):
        if (parent in out) or _TASK_PART.search(fold(node.title)):
            out.add(node.path)
    return out
