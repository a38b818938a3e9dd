"""Defensive clean-up of reader blocks: residue, glued headings, separators, page numbers, footnotes."""

from __future__ import annotations

from tests.core.plans.structure_helpers import source
from trienkhai.documents.model import Block
from trienkhai.plans.lines import prepare


def test_residue_flags_separators_and_page_numbers():
    lines = prepare(source(["**T/M BAN THƯỜNG VỤ**", "*Xây dựng giai cấp công nhân*", "-------", "| Số: 5 |",
                            "9", "<i>dựng và phát huy</i>", "² Chú thích."]))
    assert [(ln.kind, ln.text, ln.bold, ln.italic) for ln in lines] == [
        ("paragraph", "T/M BAN THƯỜNG VỤ", True, False),
        ("paragraph", "Xây dựng giai cấp công nhân", False, True),
        ("paragraph", "Số: 5", False, False),
        ("paragraph", "dựng và phát huy", False, False),
        ("footnote", "² Chú thích.", False, False),
    ]


def test_glued_bold_heading_is_split_and_tables_kept():
    lines = prepare(source(["I. MỤC ĐÍCH**1. Mục đích**", Block(kind="table", rows=[["TT", "Nội dung"]])]))
    assert [ln.text for ln in lines] == ["I. MỤC ĐÍCH", "1. Mục đích", ""]
    assert lines[2].kind == "table" and lines[2].rows == [["TT", "Nội dung"]]
