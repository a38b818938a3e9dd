"""Ruled tables from a page's strokes (`lattice`): the grid, merged cells, borders drawn as thin filled
rectangles, framed paragraphs; and the same tables as pdfplumber finds, on PDFs from two producers."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest

from trienkhai.documents.lattice import edges_from_segments, find_tables
from trienkhai.documents.pdf_pages import PdfiumPage


def _word(text: str, x: float, top: float) -> dict:
    return {"text": text, "x0": x, "x1": x + 6 * len(text), "top": top, "bottom": top + 10}


def _grid(xs: list[float], ys: list[float]) -> list[tuple[float, float, float, float]]:
    return [(x, ys[0], x, ys[-1]) for x in xs] + [(xs[0], y, xs[-1], y) for y in ys]


def test_a_grid_of_strokes_is_a_table_of_rows_and_columns():
    words = [_word("TT", 12, 14), _word("Nội", 60, 14), _word("dung", 60, 26), _word("1", 12, 54),
             _word("Tuyên", 60, 54), _word("truyền", 100, 54)]
    tables = find_tables(edges_from_segments(_grid([10, 50, 200], [10, 45, 80])), words)
    assert len(tables) == 1
    assert tables[0].extract() == [["TT", "Nội\ndung"], ["1", "Tuyên truyền"]]
    assert tables[0].bbox == (10, 10, 200, 80)


def test_a_merged_cell_leaves_none_in_the_columns_it_spans():
    strokes = _grid([10, 50, 100, 150], [10, 30, 50])
    strokes = [s for s in strokes if s != (50, 10, 50, 50)] + [(50, 30, 50, 50)]  # top row: columns 1-2 merged
    rows = find_tables(edges_from_segments(strokes), [_word("Chung", 60, 14), _word("a", 60, 34)])[0].extract()
    assert rows == [["Chung", None, ""], ["", "a", ""]]


def test_borders_drawn_as_thin_filled_rectangles():
    boxes = [(x - 0.25, 10, x + 0.25, 80) for x in (10, 50, 200)] + [(10, y - 0.25, 200, y + 0.25) for y in (10, 45, 80)]
    tables = find_tables(edges_from_segments([], boxes), [_word("x", 20, 20)])
    assert [len(r) for r in tables[0].extract()] == [2, 2]


def test_a_framed_paragraph_is_not_a_table():
    assert find_tables(edges_from_segments(_grid([10, 200], [10, 80])), [_word("Ghi chú", 20, 20)]) == []


def test_strokes_that_do_not_meet_make_no_table():
    assert find_tables(edges_from_segments([(10, 10, 200, 10), (10, 60, 200, 60)]), []) == []


def _plumber_tables(path: Path) -> list[list[list[str]]]:
    out = []
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            out.append([[[" ".join((c or "").split()) for c in row] for row in t.extract()] for t in page.find_tables()])
    return out


def _our_tables(path: Path) -> list[list[list[str]]]:
    doc = pdfium.PdfDocument(str(path))
    try:
        return [[[[" ".join((c or "").split()) for c in row] for row in t.extract()]
                 for t in PdfiumPage(doc, i).find_tables()] for i in range(len(doc))]
    finally:
        doc.close()


def _matplotlib_table(path: Path) -> Path:
    """A register drawn by another producer (matplotlib): borders as filled rectangles, cells' text."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import Rectangle

    plt.rcParams["pdf.fonttype"] = 42  # TrueType with a Unicode map: the letters can be read back
    fig = plt.figure(figsize=(8.27, 11.69))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, 595)
    ax.set_ylim(842, 0)
    ax.axis("off")
    xs, ys = [60, 100, 330, 460, 540], [80 + 40 * k for k in range(6)]
    for x in xs:
        ax.add_patch(Rectangle((x - 0.4, ys[0]), 0.8, ys[-1] - ys[0], color="black"))
    for y in ys:
        ax.add_patch(Rectangle((xs[0], y - 0.4), xs[-1] - xs[0], 0.8, color="black"))
    rows = [["TT", "Nội dung", "Chủ trì", "Thời gian"]] + [[str(k), f"Nhiệm vụ số {k}", "Ban Dân vận", "Quý II/2026"]
                                                          for k in range(1, 5)]
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            ax.text(xs[c] + 4, ys[r] + 24, text, fontsize=9, family="DejaVu Sans")
    fig.savefig(path, format="pdf")
    plt.close(fig)
    return path


def test_same_tables_as_pdfplumber_on_a_libreoffice_pdf(layout_docs: dict[str, Path]):
    pdf = layout_docs["pdf"]
    ours, theirs = _our_tables(pdf), _plumber_tables(pdf)
    assert sum(len(t) for t in theirs) >= 2  # the register runs over pages
    assert ours == theirs


def test_same_tables_as_pdfplumber_on_a_pdf_drawn_with_rectangles(tmp_path: Path):
    pdf = _matplotlib_table(tmp_path / "bang.pdf")
    ours, theirs = _our_tables(pdf), _plumber_tables(pdf)
    assert ours == theirs
    assert ours[0][0][1] == ["1", "Nhiệm vụ số 1", "Ban Dân vận", "Quý II/2026"]


@pytest.fixture(scope="module")
def layout_docs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from tests.core.documents.make_docs import to_pdf
    from tests.core.documents.test_pdf_layout import _make

    d = tmp_path_factory.mktemp("lattice")
    docx_path = _make(d / "bang.docx")
    return {"pdf": to_pdf(docx_path, d)}
