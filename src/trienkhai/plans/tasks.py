"""Task registers: the appendix tables listing tasks (TT | Nội dung | Chủ trì | Phối hợp | Thời gian | Sản phẩm).

Rows come from real tables (`table` blocks, where a vertically merged cell's continuation is empty) or
from tab-separated text lines. Columns are found by the words of the header (folded, tolerant), not by
position. The header may repeat on every page; a row whose number cell is empty continues the task
above (a row split by a page break); an empty lead/partner/timeframe cell takes the value above (the
original merged it); group rows ("I. Nhóm nhiệm vụ …") are not tasks but name the `section` of the
tasks under them.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from trienkhai.documents.model import SourceDocument
from trienkhai.plans._text import clean, node_texts, walk_with_ancestors
from trienkhai.plans.agencies import split_names
from trienkhai.plans.model import OutlineNode, Plan, Task
from trienkhai.plans.timeframes import parse_timeframe
from trienkhai.text.vietnamese import fold
from trienkhai.vocab.headers import header_role

_ROLES = ("no", "content", "lead", "partners", "timeframe", "product")
_INHERITED = ("lead", "partners", "timeframe")
_GROUP_NO_RE = re.compile(r"^(?:[IVXLC]+|[A-ZĐ])[.)]?$")
_GROUP_CONTENT_RE = re.compile(r"^(?:[IVXLC]+|[A-ZĐ])[.)\-]\s+\S")
_TASK_NO_RE = re.compile(r"^(\d+)[.)]?$|^(\d+(?:\.\d+)+)[.)]?$")
_COLUMN_NUMBER_RE = re.compile(r"^\(?\d{1,2}\)?$|^\(?[IVX]+\)?$")
_PAGE_NUMBER_RE = re.compile(r"^(?:trang\s*)?\d{1,3}(?:\s*/\s*\d{1,3})?$", re.IGNORECASE)


def _role(cell: str) -> str | None:
    """The role of a header cell (the vocabulary's header words), artefacts of conversion dropped."""
    return header_role(clean(cell), in_table=True)


def header_columns(cells: list[str]) -> dict[str, int] | None:
    """Role → column index when `cells` is the header of a task register, else None."""
    columns: dict[str, int] = {}
    for i, cell in enumerate(cells):
        role = _role(cell)
        if role and role not in columns:
            columns[role] = i
    if "content" in columns and ("lead" in columns or "timeframe" in columns):
        return columns
    return None


@dataclass
class _Register:
    """The state of reading one register: its columns and what the next row may continue or inherit."""

    columns: dict[str, int]
    section: str | None = None
    last: Task | None = None
    above: dict[str, str | None] = field(default_factory=dict)
    last_cells: dict[str, str] = field(default_factory=dict)  # the last task's cells as written


def _cell(cells: list[str], columns: dict[str, int], role: str) -> str:
    i = columns.get(role)
    return clean(cells[i]) if i is not None and i < len(cells) else ""


def _number(text: str) -> int | str | None:
    m = _TASK_NO_RE.match(text)
    if not m:
        return None
    return int(m.group(1)) if m.group(1) else m.group(2)


_NAME_ROLES = {"lead": "leads", "partners": "partners"}  # cells naming bodies → the Task's lists


def _set(task: Task, role: str, text: str | None) -> None:
    if role in _NAME_ROLES:
        setattr(task, _NAME_ROLES[role], split_names(text))
    else:
        setattr(task, role, text or None)


def _finish(task: Task) -> None:
    tf = parse_timeframe(task.timeframe) if task.timeframe else None
    task.due = tf.due if tf else None
    task.recurrence = tf.recurrence if tf else None


def _row(cells: list[str], reg: _Register, tasks: list[Task]) -> None:
    values = {role: _cell(cells, reg.columns, role) for role in _ROLES}
    if not any(values.values()):
        return
    if all(_COLUMN_NUMBER_RE.match(v) for v in values.values() if v):
        return  # the "(1) (2) (3) …" row under a header
    no_text = values["no"]
    others_empty = not any(values[r] for r in ("lead", "partners", "timeframe", "product"))
    if others_empty and (_GROUP_NO_RE.match(no_text) or (not no_text and _GROUP_CONTENT_RE.match(values["content"]))):
        group = values["content"] or no_text
        reg.section = f"{no_text}. {group}" if no_text and values["content"] else group
        reg.last, reg.above = None, {}
        return
    number = _number(no_text)
    if not no_text and reg.last is not None:
        # The rest of a row that a page break split: append each cell to the task above.
        last = reg.last
        last.content = f"{last.content} {values['content']}".strip()
        for role in ("lead", "partners", "timeframe", "product"):
            if values[role]:
                joined = f"{reg.last_cells.get(role, '')} {values[role]}".strip()
                reg.last_cells[role] = joined
                _set(last, role, joined)
                if role in _INHERITED:
                    reg.above[role] = joined
        _finish(last)
        return
    if not values["content"]:
        return
    task = Task(no=number if number is not None else (no_text or None), content=values["content"],
                product=values["product"] or None, section=reg.section)
    reg.last_cells = {"product": values["product"]}
    for role in _INHERITED:
        value = values[role] or reg.above.get(role)
        _set(task, role, value)
        reg.above[role] = value
        reg.last_cells[role] = value or ""
    _finish(task)
    tasks.append(task)
    reg.last = task


def _rows(source: SourceDocument):
    """Table rows in reading order, with None where a non-table paragraph interrupts them."""
    for block in source.blocks:
        if block.kind == "table":
            yield from block.rows
        elif "\t" in block.text:
            yield block.text.split("\t")
        elif block.kind == "paragraph" and not _PAGE_NUMBER_RE.match(block.text.strip()):
            yield None


def find_tasks(source: SourceDocument, plan: Plan) -> list[Task]:
    """Every row of the document's task registers, in order."""
    tasks: list[Task] = []
    reg: _Register | None = None
    for cells in _rows(source):
        if cells is None:
            if reg is not None:
                reg.last = None  # a paragraph between two tables: nothing continues across it
            continue
        columns = header_columns(cells)
        if columns is None and reg is not None and reg.last is None and not reg.section:
            # A two-row header: "Cơ quan thực hiện" above "Chủ trì | Phối hợp".
            sub = {_role(c): i for i, c in enumerate(cells) if _role(c) in ("lead", "partners")}
            if sub and not any(r in reg.columns for r in sub):
                reg.columns.update({r: i for r, i in sub.items() if r is not None})
                continue
        if columns is not None:
            if reg is None or columns != reg.columns:
                reg = _Register(columns)
            continue  # a header repeated on a new page keeps the register going
        if reg is not None:
            _row(cells, reg, tasks)
    return tasks


# Parts of an outline that set no work a register row could carry out.
_NOT_WORK = ("muc dich", "yeu cau", "quan diem", "to chuc thuc hien", "ket qua", "tinh hinh", "danh gia")
_WORD_RE = re.compile(r"[a-z0-9]+")
_MIN_SHARE = 0.12  # the share of a row's word pairs that must recur in a part's text to link it
_GROUP_LABEL_RE = re.compile(r"^\s*(?:[IVXLC]+|[A-ZĐ]|\d+)[.)\-]\s*")


def _pairs(text: str) -> set[tuple[str, str]]:
    words = [w for w in _WORD_RE.findall(fold(text)) if len(w) > 1 or w.isdigit()]
    return set(itertools.pairwise(words))


def _candidates(plan: Plan) -> list[tuple[OutlineNode, set[tuple[str, str]], set[tuple[str, str]]]]:
    """(node, pairs of its title, pairs of its whole text) for the parts that set work."""
    out = []
    for node, ancestors in walk_with_ancestors(plan):
        if any(fold(n.title).startswith(_NOT_WORK) for n in [*ancestors, node]):
            continue
        if not ancestors and node.children:
            continue  # a whole part ("III. NHIỆM VỤ VÀ GIẢI PHÁP") is too coarse when it has items
        text = " ".join([node.title, *node_texts(node, title=False), *(t for c in node.walk() if c is not node
                                                                      for t in node_texts(c))])
        out.append((node, _pairs(node.title), _pairs(text)))
    return out


def _best(pairs: set[tuple[str, str]], candidates, *, on_title: bool = False) -> OutlineNode | None:
    if not pairs:
        return None
    best, best_score = None, _MIN_SHARE
    for node, title_pairs, text_pairs in candidates:
        score = len(pairs & (title_pairs if on_title else text_pairs)) / len(pairs)
        if score > best_score or (best is not None and score == best_score and node.path.startswith(best.path)):
            best, best_score = node, score
    return best


def link_to_outline(plan: Plan) -> None:
    """Link each register row to the outline part it carries out (`Task.outline_path`): the part whose
    heading its group heading ("I. Nhóm nhiệm vụ về …") resembles, else the part (among those that set
    tasks, never "Mục đích, yêu cầu" or "Tổ chức thực hiện") whose text shares the most of its words;
    under a linked group, a row goes to the sub-part of the group's part it resembles most."""
    candidates = _candidates(plan)
    if not candidates:
        return
    groups: dict[str, OutlineNode | None] = {}
    for task in plan.tasks:
        if task.outline_path:
            continue
        group = None
        if task.section:
            if task.section not in groups:
                groups[task.section] = _best(_pairs(_GROUP_LABEL_RE.sub("", task.section)), candidates, on_title=True)
            group = groups[task.section]
        pool = candidates
        if group is not None:
            pool = [c for c in candidates if c[0].path == group.path or c[0].path.startswith(group.path + ".")]
        node = _best(_pairs(task.content), pool) or group
        task.outline_path = node.path if node is not None else None
