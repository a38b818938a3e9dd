"""Words from pdfium: letters drawn from a fallback font (Vietnamese letters Liberation Serif lacks,
drawn from DejaVu after the rest of the line) stay in their words, and words stay apart."""

from __future__ import annotations

from pathlib import Path

import docx

from tests.core.documents.make_docs import to_pdf
from trienkhai.documents.read import read_document

LINES = ["Độc lập - Tự do - Hạnh phúc", "PHÓ BÍ THƯ THƯỜNG TRỰC", "Bắc Ninh, ngày 26 tháng 5 năm 2017",
         "Ủy ban nhân dân tỉnh chủ trì, phối hợp với các sở, ngành liên quan."]


def test_fallback_glyphs_and_word_gaps(tmp_path: Path) -> None:
    d = docx.Document()
    for i, text in enumerate(LINES):
        run = d.add_paragraph().add_run(text)
        run.bold = i < 2
        run.italic = i == 2
    src = tmp_path / "fonts.docx"
    d.save(str(src))
    doc = read_document(to_pdf(src, tmp_path))
    assert [b.text for b in doc.blocks] == LINES
    assert [b.bold for b in doc.blocks] == [True, True, False, False]


def test_words_in_a_legacy_font_are_converted_by_font_name(tmp_path: Path) -> None:
    from trienkhai.text.legacy import legacy_surface

    d = docx.Document()
    d.styles["Normal"].font.name = "Liberation Serif"
    d.add_paragraph(legacy_surface("Ủy ban nhân dân tỉnh chủ trì thực hiện", "tcvn3"))
    src = tmp_path / "vntime.docx"
    d.save(str(src))
    pdf = to_pdf(src, tmp_path)
    # The font as a PDF made from a .VnTime document names it (same length: offsets stay valid).
    data = pdf.read_bytes()
    assert b"LiberationSerif" in data
    doc = read_document("vntime.pdf", data=data.replace(b"LiberationSerif", b".VnTime-Regular"))
    assert [b.text for b in doc.blocks] == ["ủy ban nhân dân tỉnh chủ trì thực hiện"]
    assert "TCVN3" in doc.warnings[0]
