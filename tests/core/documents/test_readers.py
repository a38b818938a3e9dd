from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.core.documents.make_docs import EXPECTED_LABELS
from trienkhai.documents.limits import MAX_FILE_BYTES
from trienkhai.documents.read import read_document
from trienkhai.errors import DocumentError, EncodingError, NoTextLayerError
from trienkhai.text.legacy import encode_cp1258, encode_legacy

SAMPLE = "KẾ HOẠCH\n\nThực hiện Nghị quyết số 43-NQ/TW của Ban Chấp hành Trung ương Đảng khoá XIII.\n\nI. MỤC ĐÍCH, YÊU CẦU\n"


def paras(doc) -> list[str]:
    return [b.text for b in doc.blocks if b.kind == "paragraph"]


def test_corpus_reads_without_warnings(corpus_docs: Path) -> None:
    for f in sorted(corpus_docs.glob("*.txt")):
        doc = read_document(f)
        assert doc.warnings == [] and doc.format == "txt" and doc.encoding == "utf-8"
        assert len(doc.blocks) > 10


def test_not_wrapped_file_is_unchanged_paragraph_for_paragraph(corpus_docs: Path) -> None:
    f = next(corpus_docs.glob("003_*.txt"))
    lines = [ln.strip() for ln in f.read_text().splitlines() if ln.strip()]
    got = paras(read_document(f))
    # Only joins: the page-break continuations ("… trên" / "các lĩnh vực …") of this copy.
    assert len(got) >= len(lines) - 3
    assert "I. MỤC ĐÍCH, YÊU CẦU" in got and "1.1. Vận động Nhân dân" in " ".join(got)


def test_hard_wrapped_copy_is_reassembled(corpus_docs: Path) -> None:
    got = paras(read_document(next(corpus_docs.glob("002_*.txt"))))
    assert got[0].endswith("Tỉnh ủy ban hành Chương trình hành động thực hiện như sau:")
    assert "Kế hoạch số 21-KH/TW" in got[0]
    assert "I. MỤC ĐÍCH, YÊU CẦU" in got and "9" not in got
    assert any(p.startswith("2. Tham gia xây dựng chủ trương") and p.endswith("khát vọng phát triển đất nước") for p in got)


def test_glued_heading_split_and_emphasis(corpus_docs: Path) -> None:
    doc = read_document(next(corpus_docs.glob("001_*.txt")))
    texts = paras(doc)
    i = texts.index("I. MỤC ĐÍCH, YÊU CẦU")
    assert texts[i + 1] == "1. Mục đích"
    assert next(b for b in doc.blocks if b.text == "1. Mục đích").bold
    assert not any("**" in t or "<i>" in t for t in texts)
    notes = [b for b in doc.blocks if b.kind == "footnote"]
    assert notes[0].note_id == "1" and notes[0].text.startswith("Quy định số 1877-QĐ/TU")


def test_flattened_header_table_cells_and_rules(corpus_docs: Path) -> None:
    texts = paras(read_document(next(corpus_docs.glob("qd_645_*.txt"))))
    assert "|" not in texts and not any(t.startswith("---") for t in texts)
    assert "Số: 645/QĐ-UBDT" in texts and "Hà Nội, ngày 28 tháng 9 năm 2021" in texts
    assert any(t.startswith("Căn cứ Nghị định số 13/2017/NĐ-CP ngày 10/02/2017") for t in texts)


def test_tab_rows_become_tables(corpus_docs: Path) -> None:
    doc = read_document(next(corpus_docs.glob("004_*.txt")))
    tables = [b for b in doc.blocks if b.kind == "table"]
    assert tables and tables[0].rows[0][0] == "TT"
    assert not any("\t" in b.text for b in doc.blocks)


def test_italic_label_and_bold_spanning_lines() -> None:
    doc = read_document("x.txt", data="*Xây dựng giai cấp công nhân*\n\n**T/M BAN THƯỜNG VỤ\nBÍ THƯ**\n".encode())
    assert doc.blocks[0].italic and doc.blocks[0].text == "Xây dựng giai cấp công nhân"
    assert doc.blocks[1].bold and doc.blocks[2].bold and doc.blocks[2].text == "BÍ THƯ"


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_legacy_encodings_detected(encoding: str) -> None:
    doc = read_document("x.txt", data=encode_legacy(SAMPLE, encoding))
    assert doc.encoding == encoding
    assert "Thực hiện Nghị quyết số 43-NQ/TW của Ban Chấp hành Trung ương Đảng khoá XIII." in paras(doc)


@pytest.mark.parametrize(("data", "encoding"), [
    (SAMPLE.encode("utf-8-sig"), "utf-8-sig"), (SAMPLE.encode("utf-16"), "utf-16"),
    (SAMPLE.encode("utf-16-le"), "utf-16"), (encode_cp1258(SAMPLE), "cp1258"),
], ids=["utf-8-sig", "utf-16", "utf-16-le", "cp1258"])  # short ids: the default spells out every byte
def test_unicode_and_cp1258(data: bytes, encoding: str) -> None:
    doc = read_document("x.txt", data=data)
    assert doc.encoding == encoding and paras(doc)[0] == "KẾ HOẠCH"


def test_docx_numbering_emphasis_tables_footnotes(made_docs: dict[str, Path]) -> None:
    doc = read_document(made_docs["docx"])
    texts = paras(doc)
    labels = [t.split(" ", 1)[0] for t in texts if t.split(" ", 1)[0] in set(EXPECTED_LABELS)]
    assert labels == EXPECTED_LABELS
    title = doc.blocks[0]
    assert title.text == "KẾ HOẠCH" and title.bold and title.centered and title.style == "Normal"
    assert next(b for b in doc.blocks if b.text == "Xây dựng giai cấp công nhân").italic
    i = [b.text for b in doc.blocks].index("Quán triệt sâu sắc Quy định số 1877-QĐ/TU.")
    assert doc.blocks[i + 1].kind == "footnote" and "05/7/2019" in doc.blocks[i + 1].text
    table = next(b for b in doc.blocks if b.kind == "table")
    assert table.rows[1][2] == "Ban Tuyên giáo" and table.rows[2][2] == ""  # vertical merge continuation


def test_pdf_lines_to_paragraphs(made_docs: dict[str, Path]) -> None:
    doc = read_document(made_docs["pdf"])
    texts = paras(doc)
    assert doc.format == "pdf" and doc.pages == 1
    for t in ["I. MỤC ĐÍCH, YÊU CẦU", "1.1. Nâng cao nhận thức", "a) Về công tác tuyên truyền", "II. NHIỆM VỤ, GIẢI PHÁP"]:
        assert t in texts
    assert doc.blocks[0].bold and [b for b in doc.blocks if b.kind == "footnote"]


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(595, 842)
    buf = io.BytesIO()
    w.write(buf)
    with pytest.raises(NoTextLayerError) as e:
        read_document("scan.pdf", data=buf.getvalue())
    assert "OCR" in e.value.message


def test_encrypted_pdf(made_docs: dict[str, Path]) -> None:
    from pypdf import PdfReader, PdfWriter

    w = PdfWriter(clone_from=PdfReader(made_docs["pdf"]))
    w.encrypt("secret")
    buf = io.BytesIO()
    w.write(buf)
    with pytest.raises(DocumentError, match="mật khẩu"):
        read_document("x.pdf", data=buf.getvalue())


def test_zip_bomb_docx() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"\0" * (50 * 1024 * 1024))
    with pytest.raises(DocumentError, match="bom nén"):
        read_document("bomb.docx", data=buf.getvalue())


BAD_INPUT = [
    ("empty.txt", b"", DocumentError), ("blank.docx", b"   \n", DocumentError),
    ("garbage.bin", bytes(range(256)) * 40, DocumentError),
    ("x.docx", b"PK\x03\x04 truncated", DocumentError), ("x.pdf", b"%PDF-1.7\n truncated", DocumentError),
    ("x.txt", "Ça été très différent, où est la clé? ".encode("latin-1") * 30, EncodingError),
    ("huge.txt", b"a" * (MAX_FILE_BYTES + 1), DocumentError),
]


@pytest.mark.parametrize(("name", "data", "error"), BAD_INPUT,
                         ids=[name for name, *_ in BAD_INPUT])  # the file name, not 20 MB of bytes
def test_bad_input_gets_vietnamese_error(name: str, data: bytes, error: type) -> None:
    with pytest.raises(error) as e:
        read_document(name, data=data)
    assert e.value.message and any(c in e.value.message for c in "ệảữ")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000), st.sampled_from(["a.txt", "a.docx", "a.pdf", "a"]))
def test_fuzz_random_bytes(data: bytes, name: str) -> None:
    try:
        read_document(name, data=data)
    except DocumentError:
        pass


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(st.data())
def test_fuzz_mutated_docx_and_pdf(made_docs: dict[str, Path], data: st.DataObject) -> None:
    kind = data.draw(st.sampled_from(["docx", "pdf"]))
    raw = bytearray(made_docs[kind].read_bytes())
    for _ in range(data.draw(st.integers(1, 8))):
        pos = data.draw(st.integers(0, len(raw) - 1))
        raw[pos] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(len(raw) // 2, len(raw)))
    try:
        doc = read_document(f"m.{kind}", data=bytes(raw[:cut]))
        assert doc.blocks
    except DocumentError:
        pass


def test_the_size_limit_is_the_callers_and_one_message(tmp_path) -> None:
    text = "KẾ HOẠCH thực hiện Nghị quyết\n".encode() * 40
    with pytest.raises(DocumentError) as small:
        read_document("a.txt", data=text, max_bytes=100)
    assert small.value.message == f"Tệp a.txt quá lớn ({len(text) // 1024} KB); giới hạn là 100 byte mỗi tệp."
    path = tmp_path / "a.txt"
    path.write_bytes(text)
    with pytest.raises(DocumentError) as on_disk:
        read_document(path, max_bytes=100)
    assert on_disk.value.message == small.value.message
    # Above the default, under a raised limit: opened (and found corrupt here), not refused for its size.
    big = b"PK\x03\x04" + b"x" * MAX_FILE_BYTES
    with pytest.raises(DocumentError) as other:
        read_document("big.docx", data=big, max_bytes=MAX_FILE_BYTES * 2)
    assert "quá lớn" not in other.value.message and "hỏng" in other.value.message
