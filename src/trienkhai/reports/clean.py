"""The last pass over every text of a report: one tone-placement style (the document's own), no doubled
or misplaced punctuation, no space before a mark, numbers held to their unit on one line."""

from __future__ import annotations

import re

from trienkhai.text.vietnamese import new_tone_placement, nfc, old_tone_placement

NBSP = "\u00a0"
OLD, NEW = "old", "new"

_OLD_SAMPLES = re.compile(r"(?i)(?<![qQ])(?:uỷ|uý|uỳ|uỹ|uỵ|oà|oá|oả|oã|oạ|oè|oé|oẻ|oẽ|oẹ)(?![^\W\d_])")
_NEW_SAMPLES = re.compile(r"(?i)(?:ủy|úy|ùy|ũy|ụy|òa|óa|ỏa|õa|ọa|òe|óe|ỏe|õe|ọe)(?![^\W\d_])")


def tone_style(text: str) -> str:
    """OLD ("uỷ", "hoà") when the text writes tones the old way more often than the new ("ủy", "hòa")."""
    # Words in capitals are left out: headings' fixed formulas ("CỘNG HÒA", "ỦY BAN NHÂN DÂN") are written the
    # same in every office, whatever it does in its own sentences.
    old = sum(1 for m in _OLD_SAMPLES.findall(text or "") if not m.isupper())
    new = sum(1 for m in _NEW_SAMPLES.findall(text or "") if not m.isupper())
    return OLD if old > new else NEW


_STACKED = re.compile(r"[,;:]\s*([,;:])")
_DOUBLED = re.compile(r"([.,;:!?])(?:\s*\1)+")
_MIXED = re.compile(r"[,;:]\s*([.!?])|([.!?])\s*[,;:](?=\s|$)")
_SPACE_BEFORE = re.compile(r"\s+([.,;:!?)%])")
_SPACE_AFTER_OPEN = re.compile(r"\(\s+")
_SPACES = re.compile(r"[ \t]{2,}")
NB_HYPHEN = "\u2011"
_DOC_NUMBER = re.compile(r"(?<![\w/])(\d+)-([A-ZĐ][A-Za-zĐđ]*/[A-ZĐ][A-ZĐ]*)")
_NUMBER_UNIT = re.compile(r"(\d)[ \u00a0](%|người|lượt|hội nghị|nhiệm vụ|chỉ tiêu|đơn vị|tin|cuộc|ngày)")


_QU = re.compile(r"(?i)\b(q)([úùủũụ])(y)")
_QU_BACK = {"ú": "uý", "ù": "uỳ", "ủ": "uỷ", "ũ": "uỹ", "ụ": "uỵ", "Ú": "UÝ", "Ù": "UỲ", "Ủ": "UỶ", "Ũ": "UỸ", "Ụ": "UỴ"}


def _qu(match: re.Match[str]) -> str:
    """"Qúy" → "Quý": after "q" the "u" is part of the consonant, the tone stays on "y" in both styles."""
    back = _QU_BACK[match.group(2)]
    return match.group(1) + (back if match.group(3).islower() else back.upper())


def clean(text: str, style: str = NEW) -> str:
    """The text as it goes into the document."""
    if not text:
        return text
    text = nfc(text)
    text = old_tone_placement(text) if style == OLD else new_tone_placement(text)
    text = _QU.sub(_qu, text)
    text = _MIXED.sub(lambda m: m.group(1) or m.group(2), text)
    text = _DOUBLED.sub(r"\1", text)
    text = _STACKED.sub(r"\1", text)
    text = text.replace("…" + ".", "…").replace("….", "…")
    text = _SPACE_BEFORE.sub(lambda m: (NBSP + "%") if m.group(1) == "%" else m.group(1), text)
    text = _SPACE_AFTER_OPEN.sub("(", text)
    text = _SPACES.sub(" ", text)
    text = _NUMBER_UNIT.sub(lambda m: f"{m.group(1)}{NBSP}{m.group(2)}", text)
    # A Party document number ("55-CTr/TU") never breaks at its hyphen.
    text = _DOC_NUMBER.sub(lambda m: f"{m.group(1)}{NB_HYPHEN}{m.group(2)}", text)
    return text.strip()
