"""Find text in the letters of a legacy font inside Unicode text, and convert it.

Text set in .VnTime (TCVN3), VNI-Times (VNI) or VISCII reaches us as Unicode letters of the legacy
code points ("Céng hoµ", "Coäng hoøa") when it is pasted from Word, exported to .txt, or comes from
a .docx run or PDF whose font we do not know. Documents mix such runs with Unicode ones, so the
decision is made word by word within each line:

- a word holding a Vietnamese letter outside Latin-1 ("ộ", "ư", "đ") is Unicode: no legacy table
  produces one;
- a word holding a character that is no Vietnamese letter nor an ordinary symbol, but is a letter
  of some legacy table ("µ", "¶", "ö", "Ð"), is legacy;
- a word of ASCII and Latin-1 Vietnamese letters only ("có", "và", "KÕ") could be either, and
  takes the side of the nearest decided word in its line; in a line with no decided word, the
  side most of the document's lines take.

A line's legacy words are converted with the table whose output reads best as Vietnamese (see
`vietnamese_score`), and only when that is clearly better than leaving them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from trienkhai.text.legacy import SPACE_RE, TABLES, _substitute, _tcvn3_words
from trienkhai.text.letters import COMMON_SYMBOLS, VIETNAMESE_LETTERS, syllable_rate, vietnamese_score

ENCODING_LABELS = {
    "tcvn3": "TCVN3 (ABC, phông .VnTime)",
    "vni": "VNI (phông VNI-Times)",
    "viscii": "VISCII",
}
"""How a user knows each legacy encoding."""

# Symbols a Unicode document may hold beside letters: never evidence of a legacy font by themselves
# (a word with nothing else follows its neighbours; TCVN3 "§" is "Đ", "­" is "ư").
_WEAK = COMMON_SYMBOLS | frozenset("«»§·×°±\u00ad")
_EVIDENCE = frozenset(
    ch for table in TABLES.values() for key in table for ch in key
    if not ch.isascii() and ch not in VIETNAMESE_LETTERS and ch not in _WEAK
)
_EVIDENCE_RE = re.compile("[" + re.escape("".join(sorted(_EVIDENCE))) + "]")
_UNICODE_ONLY = frozenset(ch for ch in VIETNAMESE_LETTERS if ord(ch) > 0xFF)
_MARGIN = 0.2
_OTHER_MARGIN = 0.3
_MIN_QUALITY = 1.4
_SAMPLE_WORDS = 5000


@dataclass
class Repair:
    """What `repair_lines` converted: lines changed per encoding."""

    lines: Counter[str] = field(default_factory=Counter)

    def warning(self) -> str | None:
        """A Vietnamese sentence saying what was converted, or None."""
        if not self.lines:
            return None
        parts = [f"{n} đoạn từ bảng mã {ENCODING_LABELS[enc]}" for enc, n in self.lines.most_common()]
        return ("Văn bản có chữ gõ bằng phông chữ cũ; đã chuyển sang Unicode " + ", ".join(parts)
                + ". Hãy kiểm tra lại các chữ có dấu.")


def _kind(word: str) -> str | None:
    """"u" (Unicode), "l" (legacy), "?" (either) or None (ASCII or symbols only: nothing to decide)."""
    if word.isascii():
        return None
    legacy = False
    either = False
    for ch in word:
        if ch in _UNICODE_ONLY:
            return "u"
        if ch in _EVIDENCE:
            legacy = True
        elif ord(ch) > 127 and (ch in VIETNAMESE_LETTERS or ch in _WEAK):
            either = True
    return "l" if legacy else ("?" if either else None)


def _sides(kinds: list[str | None]) -> list[bool]:
    """Which words are legacy: decided words as decided, undecided ones as their nearest decided
    neighbour (the one before on a tie)."""
    decided = [i for i, k in enumerate(kinds) if k in ("u", "l")]
    out = []
    for i, k in enumerate(kinds):
        if k in ("u", "l"):
            out.append(k == "l")
        elif k == "?" and decided:
            near = min(decided, key=lambda j: (abs(j - i), j > i))
            out.append(kinds[near] == "l")
        else:
            out.append(False)
    return out


def _quality(text: str) -> float:
    """Vietnamese letters (up to 1) plus words spelt as syllables (up to 1)."""
    return vietnamese_score(text) + syllable_rate(text)


def _ranked(words: list[str]) -> list[tuple[float, str]]:
    sample = " ".join(words)
    return sorted(((_quality(_substitute(sample, enc)), enc) for enc in TABLES), reverse=True)


def _line_encoding(words: list[str], doc_enc: str | None) -> str | None:
    """The table for one line's legacy words: the document's unless another reads clearly better
    (each table is judged on what it converts: VISCII, which leaves most Latin-1 letters as
    they are, must not win a short line by changing little)."""
    ranked = _ranked(words)
    quality = dict((enc, q) for q, enc in ranked)
    before = _quality(" ".join(words))
    best_q, best = ranked[0]
    enc = doc_enc if doc_enc is not None and best_q <= quality[doc_enc] + _OTHER_MARGIN else best
    return enc if quality[enc] >= _MIN_QUALITY and quality[enc] > before + _MARGIN else None


def _convert(words: list[str], mask: list[bool], enc: str) -> list[str]:
    if enc == "tcvn3":
        return _tcvn3_words(words, mask)
    return [_substitute(w, enc) if m else w for w, m in zip(words, mask, strict=True)]


def repair_lines(lines: list[str]) -> tuple[list[str], Repair]:
    """Each line with its legacy-font words converted to Unicode (not NFC-normalised)."""
    repair = Repair()
    if not any(_EVIDENCE_RE.search(ln) for ln in lines):
        return lines, repair  # the usual case: nothing that a legacy font would produce
    plans: list[tuple[list[str], list[str | None]] | None] = []
    votes: Counter[str] = Counter()
    evidence: list[str] = []
    for ln in lines:
        if not ln or ln.isascii():
            plans.append(None)
            continue
        parts = SPACE_RE.split(ln)
        kinds = [_kind(w) for w in parts[0::2]]
        plans.append((parts, kinds))
        if "l" in kinds:
            votes["l"] += 1
            if len(evidence) < _SAMPLE_WORDS:
                evidence.extend(w for w, k in zip(parts[0::2], kinds, strict=True) if k == "l")
        elif "u" in kinds:
            votes["u"] += 1
    ranked = _ranked(evidence)
    doc_enc = ranked[0][1] if ranked[0][0] >= _MIN_QUALITY else None
    # A line of undecided words only ("KÕ"): converted when most lines with evidence are legacy.
    prior_legacy = doc_enc is not None and votes["l"] > votes["u"]
    out = list(lines)
    for i, plan in enumerate(plans):
        if plan is None:
            continue
        parts, kinds = plan
        words = parts[0::2]
        if "l" in kinds:
            mask = _sides(kinds)
            enc = _line_encoding([w for w, k in zip(words, kinds, strict=True) if k == "l"], doc_enc)
        elif prior_legacy and "u" not in kinds and "?" in kinds:
            mask, enc = [k == "?" for k in kinds], doc_enc
        else:
            continue
        if enc is None:
            continue
        new = _convert(words, mask, enc)
        if new != words:
            parts[0::2] = new
            out[i] = "".join(parts)
            repair.lines[enc] += 1
    return out, repair


def repair_text(text: str) -> tuple[str, Repair]:
    """`repair_lines` over the lines of a text."""
    lines, repair = repair_lines(text.split("\n"))
    return ("\n".join(lines) if repair.lines else text), repair
