"""Bytes of a text file → Unicode, detecting BOMs, UTF-8, UTF-16, cp1258, TCVN3 and VNI."""

from __future__ import annotations

import codecs
import re
import unicodedata

from trienkhai.errors import DocumentError, EncodingError
from trienkhai.text.legacy import decode_legacy

_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
# Every non-ASCII letter of Vietnamese, NFC.
VIETNAMESE_LETTERS = frozenset(
    unicodedata.normalize("NFC", b + m)
    for b in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
    for m in ("", *_TONE_MARKS)
) | frozenset("đĐ")
# Non-ASCII characters ordinary Vietnamese documents carry besides letters.
_COMMON_SYMBOLS = frozenset("“”‘’–—…•°§№\u00a0\u00ad«»·×÷±²³¹⁰⁴⁵⁶⁷⁸⁹€")
_WORD_RE = re.compile(r"[^\W\d_]+")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _tones(ch: str) -> int:
    return sum(1 for c in unicodedata.normalize("NFD", ch) if c in _TONE_MARKS)


def vietnamese_score(text: str) -> float:
    """How much `text` reads as Vietnamese: Vietnamese letters minus junk, per non-ASCII char.

    Junk is any non-ASCII character that is neither a Vietnamese letter nor a common symbol, and
    every word carrying two tone marks (what a wrong legacy table produces: "Viờũt").
    """
    sample = text[:200_000]
    good = bad = 0
    for ch in sample:
        if ord(ch) < 128:
            continue
        if ch in VIETNAMESE_LETTERS:
            good += 1
        elif ch not in _COMMON_SYMBOLS:
            bad += 1
    for word in _WORD_RE.findall(sample):
        if not word.isascii() and sum(_tones(c) for c in word) > 1:
            bad += 3
    total = good + bad
    return 1.0 if total == 0 else (good - bad) / total


def _check_not_binary(text: str, name: str) -> None:
    sample = text[:100_000]
    if sample and len(_CONTROL_RE.findall(sample)) > max(2, len(sample) // 1000):
        raise DocumentError(
            f"Tệp {name} không phải là văn bản đọc được (có dữ liệu nhị phân); "
            "hãy dùng tệp .docx, .pdf hoặc .txt."
        )


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Decode a text file's bytes; returns (text NFC, encoding name).

    Encoding names: "utf-8", "utf-8-sig", "utf-16", "cp1258", "tcvn3", "vni".
    """
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                raise EncodingError(f"Tệp {name} có dấu BOM {enc} nhưng nội dung bị hỏng.") from exc
            _check_not_binary(text, name)
            return unicodedata.normalize("NFC", text.lstrip("\ufeff")), enc
    # UTF-16 without a BOM: every other byte of ASCII text is NUL.
    if len(data) >= 4 and data[1::2].count(0) > len(data) // 4 and data[0::2].count(0) < len(data) // 16:
        enc = "utf-16-le"
    elif len(data) >= 4 and data[0::2].count(0) > len(data) // 4 and data[1::2].count(0) < len(data) // 16:
        enc = "utf-16-be"
    else:
        enc = ""
    if enc:
        try:
            text = data.decode(enc)
            _check_not_binary(text, name)
            return unicodedata.normalize("NFC", text), "utf-16"
        except UnicodeDecodeError:
            pass
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        _check_not_binary(text, name)
        return unicodedata.normalize("NFC", text), "utf-8"
    _check_not_binary(data[:100_000].decode("latin-1"), name)
    candidates: dict[str, str] = {}
    try:
        candidates["cp1258"] = unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        pass
    for enc in ("tcvn3", "vni"):
        candidates[enc] = decode_legacy(data, enc)
    scored = sorted(((vietnamese_score(t), e) for e, t in candidates.items()), reverse=True)
    best_score, best = scored[0]
    if best_score < 0.8:
        raise EncodingError(
            f"Không nhận ra bảng mã của tệp {name}: không phải UTF-8, UTF-16, Windows-1258, "
            "TCVN3 (ABC) hay VNI. Hãy lưu lại tệp dưới dạng Unicode (UTF-8) rồi thử lại."
        )
    return candidates[best], best
