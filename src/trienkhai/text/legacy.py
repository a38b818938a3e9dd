"""Legacy 8-bit Vietnamese font encodings (TCVN3/ABC and VNI) to Unicode, and back for tests.

A file typed in a `.VnTime` (TCVN3) or `VNI-Times` (VNI) font stores its letters as Latin-1 bytes:
read as Latin-1 it shows "Céng hoµ" or "Coäng hoøa". The tables below are written from the two
standards (TCVN3: one byte per letter; VNI: base letter + mark byte) and cross-checked in the tests
against viparse 0.1.31's corpus-derived tables on every character both define.

TCVN3 has no upper-case toned letters (headings used the separate `.VnTimeH` font): they come back
lower case, which `to_tcvn3` mirrors.
"""

from __future__ import annotations

import re
import unicodedata

# TCVN3 (TCVN 5712:1993, VN3): byte → letter.
_TCVN3_BYTES: dict[int, str] = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}
TCVN3: dict[str, str] = {chr(b): u for b, u in _TCVN3_BYTES.items()}

# VNI-Windows: tone marks after the vowel; lower-case mark bytes after lower-case letters.
_TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")  # none, sắc, huyền, hỏi, ngã, nặng
_VNI_TONE = ("", "ù", "ø", "û", "õ", "ï")          # after a, e, o, u, y, ơ, ư, i
_VNI_CIRC_TONE = ("â", "á", "à", "å", "ã", "ä")     # â ê ô with a tone
_VNI_BREVE_TONE = ("ê", "é", "è", "ú", "ü", "ë")    # ă with a tone
_VNI_SINGLE = {"ơ": "ô", "ư": "ö", "đ": "ñ", "ì": "ì", "í": "í", "ỉ": "æ", "ĩ": "ó", "ị": "ò"}


def _vni_table() -> dict[str, str]:
    """Unicode letter → VNI sequence, for every Vietnamese letter (both cases)."""
    table: dict[str, str] = {}

    def put(letter: str, seq: str) -> None:
        for lo, hi in ((letter, seq), (letter.upper(), seq.upper())):
            table[unicodedata.normalize("NFC", lo)] = hi

    for t in range(1, 6):
        for base in "aeouy":
            put(base + _TONES[t], base + _VNI_TONE[t])
        put("ơ" + _TONES[t], "ô" + _VNI_TONE[t])
        put("ư" + _TONES[t], "ö" + _VNI_TONE[t])
    for t in range(6):
        for base in "aeo":
            put(base + "\u0302" + _TONES[t], base + _VNI_CIRC_TONE[t])
        put("a\u0306" + _TONES[t], "a" + _VNI_BREVE_TONE[t])
    for letter, seq in _VNI_SINGLE.items():
        put(letter, seq)
    return table


VNI_ENCODE: dict[str, str] = _vni_table()
VNI: dict[str, str] = {seq: letter for letter, seq in VNI_ENCODE.items()}
# Some VNI fonts write ì/í as i + mark like the other vowels.
VNI.update({"iø": "ì", "iù": "í", "IØ": "Ì", "IÙ": "Í"})

TABLES: dict[str, dict[str, str]] = {"tcvn3": TCVN3, "vni": VNI}


def _pattern(table: dict[str, str]) -> re.Pattern[str]:
    keys = sorted(table, key=len, reverse=True)  # longest first: "aù" before "a"
    return re.compile("|".join(re.escape(k) for k in keys))


_PATTERNS = {name: _pattern(t) for name, t in TABLES.items()}


def convert(text: str, encoding: str) -> str:
    """Text read as Latin-1 from a TCVN3 or VNI file → Unicode NFC."""
    table = TABLES[encoding]
    out = _PATTERNS[encoding].sub(lambda m: table[m.group(0)], text)
    return unicodedata.normalize("NFC", out)


# Windows fonts put curly quotes and dashes in 0x80-0x9F as cp1252 does.
_C1_AS_CP1252 = {
    b: bytes([b]).decode("cp1252") for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}


def decode_legacy(data: bytes, encoding: str) -> str:
    """Bytes of a TCVN3 or VNI text file → Unicode NFC."""
    return convert(data.decode("latin-1").translate(_C1_AS_CP1252), encoding)


_TCVN3_ENCODE = {u: chr(b) for b, u in _TCVN3_BYTES.items()}


def encode_legacy(text: str, encoding: str) -> bytes:
    """Unicode → TCVN3/VNI bytes (to make test documents). Upper-case toned letters become
    lower case in TCVN3, which has none."""
    text = unicodedata.normalize("NFC", text)
    out: list[str] = []
    for ch in text:
        if encoding == "vni":
            out.append(VNI_ENCODE.get(ch, ch))
        else:
            seq = _TCVN3_ENCODE.get(ch) or _TCVN3_ENCODE.get(ch.lower())
            if seq is None and unicodedata.decomposition(ch):
                # Upper-case toned letter: TCVN3 only has its lower-case form.
                seq = _TCVN3_ENCODE.get(ch.lower())
            out.append(seq or ch)
    return "".join(out).encode("cp1252", errors="replace")


def encode_cp1258(text: str) -> bytes:
    """Unicode → Windows-1258 (toned letters as letter + combining tone), to make test documents."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in _TONES[1:])
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES[1:]))
        out += (base + tones).encode("cp1258", errors="replace")
    return bytes(out)
