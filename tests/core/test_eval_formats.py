"""The cross-format evaluation's variant maker: Word automatic numbering that renders back to the
typed numbers, table rows split by a page break re-joined, gold copies pointing at the variant."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

import pytest

from trienkhai.documents.read import read_document

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"

PLAN = """KẾ HOẠCH
Thực hiện Nghị quyết số 43-NQ/TW, ngày 24/11/2023 của Ban Chấp hành Trung ương Đảng.

I. MỤC ĐÍCH, YÊU CẦU

1. Mục đích

- Quán triệt sâu rộng Nghị quyết.

2. Yêu cầu

Các cấp ủy nêu cao trách nhiệm.

II. NHIỆM VỤ

1. Tuyên truyền

1.1. Tổ chức học tập Nghị quyết.

1.2. Biên soạn tài liệu.

TT\tNội dung\tChủ trì\tPhối hợp\tThời gian
1\tQuán triệt Nghị quyết\tBan Tuyên giáo\tCác cơ quan\tQuý I/2024
2\tKiểm tra việc thực hiện\tBan Tuyên giáo\tCác cơ quan\tHằng năm

Nơi nhận:
- Như trên,
- Lưu.
T/M BAN THƯỜNG VỤ
BÍ THƯ
Nguyễn Văn A
"""


def _load(name: str):
    if str(SCRIPTS) not in sys.path:
        sys.path.insert(0, str(SCRIPTS))
    return importlib.import_module(name)


@pytest.mark.parametrize("auto", [True, False])
def test_docx_variant_reads_back_as_typed(tmp_path: Path, auto: bool) -> None:
    mv = _load("make_variants")
    src = tmp_path / "plan.txt"
    src.write_text(PLAN, encoding="utf-8")
    counts = mv.make_docx(src, tmp_path / "plan.docx", auto_numbering=auto)
    assert counts["numbered" if auto else "typed"] >= 7
    blocks = read_document(tmp_path / "plan.docx").blocks
    texts = [b.text for b in blocks if b.kind == "paragraph"]
    for line in ("I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "2. Yêu cầu", "II. NHIỆM VỤ", "1. Tuyên truyền",
                 "1.1. Tổ chức học tập Nghị quyết.", "1.2. Biên soạn tài liệu.", "- Quán triệt sâu rộng Nghị quyết."):
        assert line in texts
    table = next(b for b in blocks if b.kind == "table")
    # The repeated lead is one vertically merged cell: the continuation reads as empty.
    assert [r[2] for r in table.rows] == ["Chủ trì", "Ban Tuyên giáo", ""]
    assert any(b.kind == "footnote" for b in blocks)


def test_table_parts_rejoined_and_gold_copies(tmp_path: Path) -> None:
    mv = _load("make_variants")
    from trienkhai.documents.model import Block

    head = ["TT", "Nội dung", "Chủ trì"]
    parts = [Block(kind="table", rows=[head, ["1", "Tổ chức quán triệt", "Ban A"]]),
             Block(kind="table", rows=[head, ["", "và tuyên truyền.", ""], ["2", "Kiểm tra", "Ban B"]])]
    merged = mv._merge_tables(parts)
    assert len(merged) == 1
    assert merged[0].rows == [head, ["1", "Tổ chức quán triệt và tuyên truyền.", "Ban A"], ["2", "Kiểm tra", "Ban B"]]

    ev = _load("eval_formats")
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.json").write_text(json.dumps({"schema": "gold/1", "file": "a.txt", "headings": []}), encoding="utf-8")
    out = ev.gold_copies(gold, tmp_path, "pdf", ".pdf")
    assert json.loads((out / "a.json").read_text(encoding="utf-8"))["file"] == "a.pdf"
    result = {"overall": 0.5, "figures": {"headings": {"tp": 3, "fp": 1, "fn": 0, "f1": 0.8571},
                                          "doc.kind": {"ok": 0, "n": 0, "acc": 1.0}}}
    assert ev.figure(result, "overall") == 0.5
    assert ev.figure(result, "headings") == 0.8571
    assert ev.figure(result, "doc.kind") is None  # nothing to score is not a perfect score
