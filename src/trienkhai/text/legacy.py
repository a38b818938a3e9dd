"""Legacy 8-bit Vietnamese encodings (TCVN3/ABC, VNI, VISCII) to Unicode, and back for tests.

A file typed in a `.VnTime` (TCVN3) or `VNI-Times` (VNI) font stores its letters as Latin-1 bytes:
read as Latin-1 it shows "Céng hoµ" or "Coäng hoøa". The tables below are written from the two
standards (TCVN3: one byte per letter; VNI: base letter + mark byte) and cross-checked in the tests
against viparse 0.1.31's corpus-derived tables on every character both define.

TCVN3 has no upper-case toned letters: headings were set in a capitals font (`.VnTimeH`) that draws
the lower-case code points as capitals, and typed with upper-case ASCII letters around them
("CH¦¥NG TR×NH" is "CHƯƠNG TRÌNH"). `convert` gives such words back their capitals from the case
of the letters around the toned ones (see `_tcvn3_words`); a run known to be in a capitals font is
upper-cased whole by the caller.

VISCII is a character set rather than a font encoding (every letter its own byte, both cases); its
bytes 0x80-0x9F arrive as cp1252 punctuation when pasted, or as C1 controls when read as Latin-1,
and both forms are in the table.
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

# VISCII (RFC 1456), bytes 0x80-0xFF and the six C0 bytes it redefines, as glibc's charmap has them.
_VISCII_HIGH = ("ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲÕắằặấầẩậẽẹếềểễệốồổỗỠƠộờởịỰỨỪỬơớƯÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳĐứÒÓÔạỷừửÙÚỹỵÝ"
                "ỡưàáâãảăữẫèéêẻìíĩỉđựòóôõỏọụùúũủýợỮ")
_VISCII_BYTES: dict[int, str] = {0x02: "Ẳ", 0x05: "Ẵ", 0x06: "Ẫ", 0x14: "Ỷ", 0x19: "Ỹ", 0x1E: "Ỵ"} | {
    0x80 + i: ch for i, ch in enumerate(_VISCII_HIGH)}


def _viscii_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for b, u in _VISCII_BYTES.items():
        if chr(b) != u:
            table[chr(b)] = u
        if 0x80 <= b < 0xA0:
            try:
                table[bytes([b]).decode("cp1252")] = u
            except UnicodeDecodeError:
                pass  # undefined in cp1252: only the Latin-1 form exists
    return table


VISCII: dict[str, str] = _viscii_table()

TABLES: dict[str, dict[str, str]] = {"tcvn3": TCVN3, "vni": VNI, "viscii": VISCII}


def _pattern(table: dict[str, str]) -> re.Pattern[str]:
    keys = sorted(table, key=len, reverse=True)  # longest first: "aù" before "a"
    return re.compile("|".join(re.escape(k) for k in keys))


_PATTERNS = {name: _pattern(t) for name, t in TABLES.items()}


def _substitute(text: str, encoding: str) -> str:
    table = TABLES[encoding]
    return _PATTERNS[encoding].sub(lambda m: table[m.group(0)], text)


def convert(text: str, encoding: str) -> str:
    """Text in the letters of a legacy encoding ("Céng hoµ", "Coäng hoøa") → Unicode NFC.

    TCVN3 words typed in capitals get their toned letters back in capitals.
    """
    if encoding != "tcvn3":
        return unicodedata.normalize("NFC", _substitute(text, encoding))
    out: list[str] = []
    for line in text.split("\n"):
        parts = SPACE_RE.split(line)
        words = parts[0::2]
        converted = _tcvn3_words(words, [True] * len(words))
        parts[0::2] = converted
        out.append("".join(parts))
    return unicodedata.normalize("NFC", "\n".join(out))


# Spaces only: "\s" would also split at C1 and C0 controls, which are VISCII letters read as Latin-1.
SPACE_RE = re.compile(r"([ \t\u00a0\u2000-\u200b\u3000]+)")
_LETTERS_ONLY_RE = re.compile(r"^[^\w\s]*[^\W\d_]{2,}[^\w\s]*$")
_TCVN3_CAPITALS = frozenset("¡¢£¤¥¦§")  # Ă Â Ê Ô Ơ Ư Đ: the only capitals TCVN3 has besides ASCII


def _case(word: str) -> str | None:
    """Case evidence of a TCVN3 word as typed: "upper", "lower", "?" (one capital, toned letters:
    "VÒ" is "Về" or "VỀ") or None (no letters)."""
    upper = lower = 0
    for ch in word:
        if ch in _TCVN3_CAPITALS or ("A" <= ch <= "Z"):
            upper += 1
        elif "a" <= ch <= "z":
            lower += 1
    if lower:
        return "lower"
    if upper >= 2:
        return "upper"
    return "?" if upper or any(ch in TCVN3 for ch in word) else None


def _tcvn3_words(words: list[str], convert_mask: list[bool]) -> list[str]:
    """Convert the masked words of one line; toned letters of a word typed in capitals become
    capitals, and a word with too few letters to tell takes the case of the nearest converted word
    that can ("VÒ VIÖC" → "VỀ VIỆC", "VÒ viÖc" → "Về việc")."""
    cases: list[str | None] = []
    toned: list[bool] = []
    for w, m in zip(words, convert_mask, strict=True):
        has = m and any(ch in TCVN3 and TCVN3[ch].islower() for ch in w)
        toned.append(has)
        cases.append(_case(w) if m else None)
    # Who decides: converted words with toned letters; else converted words of letters only
    # ("TH¦", not "645/Q§-UBDT"); else plain ASCII words of three letters or more.
    decided = [i for i, c in enumerate(cases) if c in ("upper", "lower") and toned[i]]
    if not decided:
        decided = [i for i, c in enumerate(cases) if c in ("upper", "lower") and _LETTERS_ONLY_RE.match(words[i])]
    if not decided:
        decided = [i for i, w in enumerate(words) if len(w) >= 3 and w.isascii() and w.isalpha()]
        for i in decided:
            cases[i] = "upper" if words[i].isupper() else "lower"
    out: list[str] = []
    for i, (w, m) in enumerate(zip(words, convert_mask, strict=True)):
        if not m:
            out.append(w)
            continue
        c = _substitute(w, "tcvn3")
        case = cases[i]
        if toned[i] and case == "?":
            near = min(decided, key=lambda j: (abs(j - i), j > i), default=None)
            case = cases[near] if near is not None else "lower"
        out.append(c.upper() if toned[i] and case == "upper" else c)
    return out


# Windows fonts put curly quotes and dashes in 0x80-0x9F as cp1252 does.
_C1_AS_CP1252 = {
    b: bytes([b]).decode("cp1252") for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}


def decode_legacy(data: bytes, encoding: str) -> str:
    """Bytes of a TCVN3, VNI or VISCII text file → Unicode NFC."""
    text = data.decode("latin-1")
    if encoding != "viscii":  # VISCII has letters at 0x80-0x9F
        text = text.translate(_C1_AS_CP1252)
    return convert(text, encoding)


_TCVN3_ENCODE = {u: chr(b) for b, u in _TCVN3_BYTES.items()}


_VISCII_ENCODE = {u: bytes([b]) for b, u in _VISCII_BYTES.items()}


def encode_legacy(text: str, encoding: str) -> bytes:
    """Unicode → TCVN3/VNI/VISCII bytes (to make test documents). Upper-case toned letters become
    lower case in TCVN3, which has none (as a `.VnTimeH` capitals font stores them)."""
    text = unicodedata.normalize("NFC", text)
    if encoding == "viscii":
        return b"".join(_VISCII_ENCODE.get(ch) or ch.encode("latin-1", errors="replace") for ch in text)
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


# What a legacy document has where Unicode has typographic marks: its 8-bit table has no room.
_PLAIN = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "...",
                        "¹": "1", "²": "2", "³": "3", "•": "-", "\u00a0": " "})


def legacy_surface(text: str, encoding: str, charset: str = "cp1252") -> str:
    """The Unicode text a legacy document shows when copied or read as `charset` ("cp1252", as
    Word pastes a .VnTime run, or "latin-1"): "Cộng hoà" → "Céng hoµ" (to make test documents)."""
    table = TABLES[encoding]
    data = encode_legacy(text.translate({k: v for k, v in _PLAIN.items() if chr(k) in table}), encoding)
    if charset == "latin-1":
        return data.decode("latin-1")
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


def font_encoding(font: str | None) -> tuple[str, bool] | None:
    """(encoding, capitals font) of a legacy Vietnamese font name, or None: ".VnTime" → ("tcvn3",
    False), ".VnTimeH" → ("tcvn3", True), "VNI-Times" → ("vni", False). A PDF's subset tag
    ("ABCDEF+") and style suffixes (",Bold", "-Bold") are ignored."""
    if not font:
        return None
    name = re.sub(r"^[A-Z]{6}\+", "", font.strip())
    name = re.split(r"[,-](?:Bold|Italic|BoldItalic|Regular)\b", name, maxsplit=1)[0].strip()
    low = name.lower()
    if low.startswith(".vn") or (low.startswith("vn") and not low.startswith("vni") and name[2:3].isupper()):
        return "tcvn3", name.endswith("H")
    if low.startswith("vni"):
        return "vni", False
    return None
