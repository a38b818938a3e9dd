from __future__ import annotations

from pathlib import Path

import pytest
from viparse.normalize.viscii import VISCII as VIPARSE_VISCII

from trienkhai.text.legacy import VISCII, convert, font_encoding, legacy_surface
from trienkhai.text.legacy_repair import repair_lines, repair_text
from trienkhai.text.letters import is_syllable
from trienkhai.text.vietnamese import nfc

HEADING = "CHƯƠNG TRÌNH HÀNH ĐỘNG thực hiện Nghị quyết số 43-NQ/TW của Ban Chấp hành Trung ương Đảng"


def test_tcvn3_capitals_come_back_as_capitals() -> None:
    assert convert("CH¦¥NG TR×NH HµNH §éNG", "tcvn3") == "CHƯƠNG TRÌNH HÀNH ĐỘNG"
    assert convert("T×NH H×NH", "tcvn3") == "TÌNH HÌNH"
    # One capital and toned letters: the case of the words around decides.
    assert convert("VÒ VIÖC", "tcvn3") == "VỀ VIỆC"
    assert convert("VÒ viÖc ban hµnh", "tcvn3") == "Về việc ban hành"
    assert convert("Sè: 645/Q§-UBDT", "tcvn3") == "Số: 645/QĐ-UBDT"


def test_viscii_table_agrees_with_viparse() -> None:
    shared = [(k, v) for k, v in VIPARSE_VISCII.pairs if k in VISCII]
    assert len(shared) == len(list(VIPARSE_VISCII.pairs)) >= 100
    for k, v in shared:
        assert VISCII[k] == nfc(v), k


@pytest.mark.parametrize(("encoding", "charset"), [
    ("tcvn3", "cp1252"), ("vni", "cp1252"), ("viscii", "cp1252"), ("viscii", "latin-1"),
])
def test_pasted_legacy_text_is_converted_line_by_line(corpus_docs: Path, encoding: str, charset: str) -> None:
    for f in sorted(corpus_docs.glob("*.txt")):
        original = f.read_text(encoding="utf-8")
        pasted = legacy_surface(original, encoding, charset)
        assert pasted != original
        fixed, repair = repair_text(pasted)
        expected = legacy_surface(original, encoding, charset)  # what the legacy table can hold
        wrong = [(a, b) for a, b in zip(nfc(fixed).split("\n"), original.split("\n"), strict=True)
                 if a != b and not _only_unrepresentable(a, b)]
        assert len(wrong) <= 0.06 * len(original.split("\n")), (f.name, wrong[:3])
        assert repair.lines[encoding] > 10 and set(repair.lines) == {encoding}, repair.lines
        assert expected  # the surface differs from Unicode, so the repair did the work
        warning = repair.warning()
        assert warning is not None and "Unicode" in warning


def _only_unrepresentable(fixed: str, original: str) -> bool:
    """Lines that differ only where the legacy table cannot hold the Unicode character (curly
    quotes, superscripts) or where TCVN3 has no capital for a toned letter ("Ủy" → "ủy")."""
    plain = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "...",
                           "¹": "1", "²": "2", "³": "3", "•": "-", "\u00a0": " "})
    a, b = fixed.translate(plain), original.translate(plain)
    return a == b or a.lower() == b.lower()


def test_unicode_corpus_is_left_alone(corpus_docs: Path) -> None:
    for f in sorted(corpus_docs.glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        fixed, repair = repair_text(text)
        assert fixed == text and not repair.lines and repair.warning() is None


def test_mixed_line_converts_only_its_legacy_words() -> None:
    line = "Căn cứ Nghị quyết số 43-NQ/TW cña Ban ChÊp hµnh Trung ­¬ng §¶ng; Quyết định có hiệu lực"
    (fixed,), repair = repair_lines([line])
    assert nfc(fixed) == "Căn cứ Nghị quyết số 43-NQ/TW của Ban Chấp hành Trung ương Đảng; Quyết định có hiệu lực"
    assert repair.lines == {"tcvn3": 1}


def test_latin1_letters_of_unicode_text_are_not_evidence() -> None:
    lines = ["Hà Nội, ngày 5 tháng 3 năm 2024", "Về việc § 2 « Quy chế » và các điều khoản"]
    assert repair_lines(lines) == (lines, repair_lines([])[1])


def test_line_without_evidence_follows_the_document() -> None:
    # "KÕ" alone could be Unicode; in a TCVN3 document it is "Kế".
    lines = ["KÕ", "ho¹ch thùc hiÖn NghÞ quyÕt", "cña TØnh ñy vµ UBND tØnh"]
    fixed, _ = repair_lines(lines)
    assert [nfc(x) for x in fixed] == ["Kế", "hoạch thực hiện Nghị quyết", "của Tỉnh ủy và UBND tỉnh"]


def test_font_names() -> None:
    assert font_encoding(".VnTime") == ("tcvn3", False)
    assert font_encoding("ABCDEF+.VnTimeH,Bold") == ("tcvn3", True)
    assert font_encoding(".VnArialH") == ("tcvn3", True)
    assert font_encoding("VNI-Times") == ("vni", False)
    assert font_encoding("Times New Roman") is None and font_encoding(None) is None


def test_syllables() -> None:
    assert all(map(is_syllable, "nghiêng người khuỷu quyết gì trường".split()))
    assert not any(map(is_syllable, "tỡnh hiỷu Viờũt".split()))
