"""Every "Tổ chức thực hiện" item whose body is named gets a lead, in .txt, .docx and .pdf alike.

The documents in `lead_variants/` were written for this test (provinces, wordings and orders the dev
corpus lacks: "Đảng đoàn … lãnh đạo", "Ban cán sự đảng … chỉ đạo", "Sở Nội vụ" over its duties, "Giao …",
"Đề nghị …", collective subjects); the .docx and .pdf are made from them as an official would type them.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from trienkhai.plans.parse import parse_file

HERE = Path(__file__).parent / "lead_variants"
DOCS = sorted(HERE.glob("*.txt"))
# item → the bodies that lead it, as the document writes them
EXPECTED: dict[str, dict[str, list[str]]] = {
    "l1_tu_hagiang_ctr": {
        "III.1": ["Đảng đoàn Hội đồng nhân dân tỉnh"], "III.2": ["Ban cán sự đảng UBND tỉnh"],
        "III.3": ["Đảng đoàn Ủy ban MTTQ tỉnh", "các đoàn thể chính trị - xã hội tỉnh"],
        "III.4": ["Ban Tuyên giáo và Dân vận Tỉnh ủy"],
        "III.5": ["Các huyện ủy", "thành ủy", "đảng ủy trực thuộc Tỉnh ủy"],
        "III.6": ["Báo Hà Giang", "Đài Phát thanh và Truyền hình tỉnh"],
    },
    "l2_hu_muongte_kh": {
        "III.1": ["Ban Dân vận Huyện ủy"], "III.2": ["Ban Tuyên giáo Huyện ủy"], "III.3": ["Ủy ban nhân dân huyện"],
        "III.4": ["Ủy ban MTTQ huyện", "các tổ chức chính trị - xã hội huyện"],
        "III.5": ["Các chi, đảng bộ trực thuộc"],
    },
    "l3_ubnd_camau_kh": {
        "III.1": ["Sở Nội vụ"], "III.2": ["Sở Tài chính"],
        "III.3": ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "các tổ chức chính trị - xã hội tỉnh"],
        "III.4": ["UBND các huyện, thành phố"],
    },
}


def _leads(path: Path) -> dict[str, list[str]]:
    return {a.item or "": a.leads for a in parse_file(path).assignments}


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.stem)
def test_each_named_body_leads_its_item_in_text(doc: Path) -> None:
    leads = _leads(doc)
    for item, expected in EXPECTED[doc.stem].items():
        assert leads.get(item) == expected, item
    assert all(leads.values())


@pytest.mark.skipif(shutil.which("libreoffice") is None, reason="LibreOffice makes the .pdf")
@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.stem)
def test_each_named_body_leads_its_item_in_docx_and_pdf(doc: Path, tmp_path: Path) -> None:
    sys.path.insert(0, str(Path(__file__).parents[3] / "scripts"))
    from make_variants import make_docx, to_pdf

    docx = tmp_path / f"{doc.stem}.docx"
    make_docx(doc, docx, auto_numbering=False)
    pdf = to_pdf(docx, tmp_path)
    for made in (docx, pdf):
        leads = _leads(made)
        named = {item: v for item, v in EXPECTED[doc.stem].items() if item in leads}
        assert len(named) >= len(EXPECTED[doc.stem]) - 1, made.suffix  # a .pdf may join two short items
        for item, expected in named.items():
            assert leads[item] == expected, (made.suffix, item)
        assert all(leads.values()), made.suffix
