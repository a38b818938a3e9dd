"""Bytes of a text file → Unicode, detecting BOMs, UTF-8, UTF-16, cp1258, TCVN3, VNI and VISCII."""

from __future__ import annotations

import codecs
import re
import unicodedata

from trienkhai.errors import DocumentError, EncodingError
from trienkhai.text.legacy import decode_legacy
from trienkhai.text.letters import VIETNAMESE_LETTERS, syllable_rate, vietnamese_score

__all__ = ["VIETNAMESE_LETTERS", "decode_text", "vietnamese_score"]

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _check_not_binary(text: str, name: str) -> None:
    sample = text[:100_000]
    if sample and len(_CONTROL_RE.findall(sample)) > max(2, len(sample) // 1000):
        raise DocumentError(
            f"Tệp {name} không phải là văn bản đọc được (có dữ liệu nhị phân); "
            "hãy dùng tệp .docx, .pdf hoặc .txt."
        )


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Decode a text file's bytes; returns (text NFC, encoding name).

    Encoding names: "utf-8", "utf-8-sig", "utf-16", "cp1258", "tcvn3", "vni", "viscii".
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
    for enc in ("tcvn3", "vni", "viscii"):
        candidates[enc] = decode_legacy(data, enc)
    scored = sorted(((vietnamese_score(t) + syllable_rate(t), e) for e, t in candidates.items()), reverse=True)
    best_score, best = scored[0]
    if best_score < 1.6:
        raise EncodingError(
            f"Không nhận ra bảng mã của tệp {name}: không phải UTF-8, UTF-16, Windows-1258, "
            "TCVN3 (ABC), VNI hay VISCII. Hãy lưu lại tệp dưới dạng Unicode (UTF-8) rồi thử lại."
        )
    return candidates[best], best
