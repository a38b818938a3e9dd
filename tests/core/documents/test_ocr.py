"""Scans read by OCR (Tesseract `vie`): kept to one page each, OCR takes seconds a page."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from trienkhai.documents import ocr
from trienkhai.documents.limits import MAX_OCR_PAGES
from trienkhai.documents.read import read_document
from trienkhai.errors import DocumentError


def _page_image(pdf: Path, dpi: int = 200, angle: float = 0.0):
    import pypdfium2 as pdfium
    from PIL import Image

    doc = pdfium.PdfDocument(str(pdf))
    img = doc[0].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    doc.close()
    return img.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255) if angle else img


def test_skew_is_measured_and_undone(made_docs: dict[str, Path]) -> None:
    img = _page_image(made_docs["pdf"], dpi=100, angle=3.0)
    assert ocr._deskew_angle(img) == pytest.approx(-3.0, abs=0.3)
    assert abs(ocr._deskew_angle(_page_image(made_docs["pdf"], dpi=100))) <= 0.3


def test_skewed_scan_image_is_read_with_confidence_and_progress(made_docs: dict[str, Path]) -> None:
    buf = io.BytesIO()
    _page_image(made_docs["pdf"], angle=2.0).save(buf, format="PNG", dpi=(200, 200))
    calls: list[tuple[int, int]] = []
    doc = read_document("ban-quet.png", data=buf.getvalue(), progress=lambda d, t: calls.append((d, t)))
    texts = [b.text for b in doc.blocks]
    assert doc.format == "image" and doc.pages == 1 and calls == [(1, 1)]
    assert texts[0] == "KẾ HOẠCH" and "1.1. Nâng cao nhận thức" in texts and "a) Về công tác tuyên truyền" in texts
    assert any(t.endswith("MỤC ĐÍCH, YÊU CẦU") for t in texts) and any(t.endswith("NHIỆM VỤ, GIẢI PHÁP") for t in texts)
    (page,) = doc.ocr
    assert page.page == 1 and page.confidence > 80 and abs(page.skew + 2.0) < 0.3
    assert all(w.confidence < ocr.LOW_CONFIDENCE and w.box[2] > w.box[0] for w in page.low)
    assert doc.warnings[0].startswith("Đã nhận dạng chữ (OCR) 1 trang")


def test_mixed_pdf_reads_only_the_scanned_page_by_ocr(made_docs: dict[str, Path]) -> None:
    from pypdf import PdfReader, PdfWriter

    scanned = io.BytesIO()
    _page_image(made_docs["pdf"]).save(scanned, format="PDF", resolution=200.0)
    w = PdfWriter(clone_from=PdfReader(made_docs["pdf"]))
    w.append(PdfReader(io.BytesIO(scanned.getvalue())))
    buf = io.BytesIO()
    w.write(buf)
    doc = read_document("hon-hop.pdf", data=buf.getvalue())
    assert doc.pages == 2 and [p.page for p in doc.ocr] == [2]
    alone = read_document(made_docs["pdf"])
    first = [b.text for b in doc.blocks if b.page == 1]
    second = [b.text for b in doc.blocks if b.page == 2]
    # The text page as it reads alone, then the scanned copy of it, read by OCR.
    assert first == [b.text for b in alone.blocks]
    assert second[0] == "KẾ HOẠCH" and any("MỤC ĐÍCH, YÊU CẦU" in t for t in second)
    assert [b.page for b in doc.blocks] == sorted(b.page or 0 for b in doc.blocks)


def test_misread_numbering_labels_put_right() -> None:
    fix = ocr._fix_label
    assert fix("H. NHIỆM VỤ, GIẢI PHÁP") == "II. NHIỆM VỤ, GIẢI PHÁP"
    assert fix("IH. TỔ CHỨC THỰC HIỆN") == "III. TỔ CHỨC THỰC HIỆN"
    assert fix("I MỤC TIÊU") == "I. MỤC TIÊU" and fix("1, Mục tiêu tổng quát") == "1. Mục tiêu tổng quát"
    assert fix("1.4... Đẩy mạnh xây dựng") == "1.4. Đẩy mạnh xây dựng" and fix("2... Ban Dân vận") == "2. Ban Dân vận"
    assert fix("I. _NỘI DUNG") == "I. NỘI DUNG" and fix("2.| Nhiệm vụ") == "2. Nhiệm vụ"
    assert fix("Iˆ MỤC TIÊU") == "I. MỤC TIÊU" and fix("II` NHIỆM VỤ") == "II. NHIỆM VỤ"
    assert fix("L MỤC TIÊU") == "I. MỤC TIÊU" and fix("1: Mục tiêu tổng quát") == "1. Mục tiêu tổng quát"
    for unchanged in ("H. Nguyễn Văn A", "I. MỤC ĐÍCH", "III- NHIỆM VỤ", "1 Quy định số 12", "Hà Nội",
                      "Tăng 3... lần", "năm 2025..."):
        assert fix(unchanged) == unchanged


def test_bad_images_and_limits() -> None:
    with pytest.raises(DocumentError, match=r"ảnh .* bị hỏng"):
        read_document("x.png", data=b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    with pytest.raises(DocumentError, match="vượt giới hạn"):
        ocr.ocr_pages([(i, lambda: None) for i in range(MAX_OCR_PAGES + 1)], None)


def test_the_plan_keeps_what_ocr_was_unsure_of_and_the_page_can_be_redrawn_for_review(
        made_docs: dict[str, Path]) -> None:
    from PIL import Image

    from trienkhai.documents.scan import review_image
    from trienkhai.plans.model import Plan
    from trienkhai.plans.parse import parse_document

    scanned = io.BytesIO()
    _page_image(made_docs["pdf"], angle=1.5).save(scanned, format="PDF", resolution=200.0)
    data = scanned.getvalue()
    plan = parse_document(read_document("ban-quet.pdf", data=data))
    (info,) = plan.source.ocr
    assert info.page == 1 and info.confidence > 80 and info.size[0] > 1000
    again = Plan.from_dict(plan.to_dict())  # kept in the draft's JSON and read back
    assert again.source.ocr == plan.source.ocr
    png, scale = review_image(data, "ban-quet.pdf", 1, info.rotated, max_width=800)
    shown = Image.open(io.BytesIO(png))
    # The page as OCR read it, shrunk: the low-confidence boxes fit inside it at the same scale.
    assert shown.width == 800 and abs(shown.height - info.size[1] * scale) <= 1
    assert all(0 <= w["box"][0] < w["box"][2] <= info.size[0] for w in info.low)
    with pytest.raises(DocumentError):
        review_image(data, "ban-quet.pdf", 2)


def _words(line: int, *pieces: tuple[str, int, int]) -> list[dict]:
    return [{"text": t, "left": left, "width": width, "block_num": "1", "par_num": "1", "line_num": str(line)}
            for t, left, width in pieces]


def test_lines_set_in_two_columns_are_read_column_by_column() -> None:
    words = (_words(1, ("ỦY", 200, 60), ("BAN", 270, 80), ("NHÂN", 360, 100), ("DÂN", 470, 80),
                    ("CỘNG", 1000, 110), ("HÒA", 1120, 90), ("XÃ", 1220, 50), ("HỘI", 1280, 70))
             + _words(2, ("TỈNH", 220, 90), ("BẮC", 320, 80), ("NINH", 410, 90),
                      ("Độc", 1050, 70), ("lập", 1130, 60), ("-", 1200, 20), ("Tự", 1230, 40), ("do", 1280, 40))
             + _words(3, ("Hà", 1000, 50), ("Nội,", 1060, 60), ("ngày", 1130, 80))  # the right column alone
             + _words(4, ("KẾ", 700, 60), ("HOẠCH", 770, 140))  # a centred title ends the two columns
             + _words(5, ("Nâng", 200, 90), ("cao", 300, 60), ("nhận", 370, 1000)))
    assert ocr._page_text(words, width=1654).splitlines() == [
        "ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH", "", "CỘNG HÒA XÃ HỘI", "Độc lập - Tự do", "Hà Nội, ngày", "",
        "KẾ HOẠCH", "Nâng cao nhận"]


def test_the_closing_recipients_then_the_signature_and_a_speck_between_columns_dropped() -> None:
    words = (_words(1, ("Nơi", 200, 60), ("nhận:", 270, 90), (":", 640, 8), ("T/M", 900, 70), ("BAN", 980, 70))
             + _words(2, ("-", 200, 10), ("Như", 220, 60), ("trên,", 290, 80), ("BÍ", 1000, 40), ("THƯ", 1050, 70))
             + _words(3, ("-", 200, 10), ("Lưu.", 220, 70))
             + _words(4, ("Tản", 980, 60), ("Thị", 1050, 50), ("Quế", 1110, 60)))
    assert ocr._page_text(words, width=1654).splitlines() == [
        "Nơi nhận:", "- Như trên,", "- Lưu.", "", "T/M BAN", "BÍ THƯ", "Tản Thị Quế"]


def test_eth_is_read_as_dj() -> None:
    rows = ocr._read_tsv("level\ttext\n5\t645/QĐÐ-UBDT\n5\tÐảng\n")
    assert [r["text"] for r in rows] == ["645/QĐ-UBDT", "Đảng"]
