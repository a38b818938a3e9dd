"""Word automatic numbering rendered back into text: numbering.xml's abstractNum/lvl definitions
(numFmt, lvlText like "%1.%2.", start, restarts) and counters kept while walking the body."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from trienkhai.text.numbering import roman_numeral

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _letter(n: int) -> str:
    # Vietnamese documents use a, b, c, d, đ, e …: Word's lowerLetter has no đ, so a), b), c), d), e).
    s = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        s = chr(97 + r) + s
    return s


def format_number(n: int, fmt: str) -> str:
    if fmt == "upperRoman":
        return roman_numeral(n)
    if fmt == "lowerRoman":
        return roman_numeral(n).lower()
    if fmt == "upperLetter":
        return _letter(n).upper()
    if fmt == "lowerLetter":
        return _letter(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


@dataclass
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    restart: int | None = None  # lvlRestart: restart after this (1-based) level; None = after any higher


@dataclass
class Numbering:
    """Level definitions per numId and the running counters (per abstractNum, as Word counts)."""

    levels: dict[str, dict[int, Level]] = field(default_factory=dict)      # abstractNumId → levels
    num_to_abstract: dict[str, str] = field(default_factory=dict)
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)     # numId → ilvl → start
    counters: dict[str, list[int]] = field(default_factory=dict)
    started_nums: set[str] = field(default_factory=set)

    @classmethod
    def from_part(cls, element: Any | None) -> Numbering:
        self = cls()
        if element is None:
            return self
        for absn in element.iter(W + "abstractNum"):
            aid = absn.get(W + "abstractNumId")
            lv: dict[int, Level] = {}
            for lvl in absn.iter(W + "lvl"):
                ilvl = int(lvl.get(W + "ilvl", "0"))
                level = Level()
                for child in lvl:
                    tag, val = child.tag, child.get(W + "val")
                    if tag == W + "numFmt" and val:
                        level.fmt = val
                    elif tag == W + "lvlText" and val is not None:
                        level.text = val
                    elif tag == W + "start" and val and val.lstrip("-").isdigit():
                        level.start = int(val)
                    elif tag == W + "lvlRestart" and val and val.isdigit():
                        level.restart = int(val)
                lv[ilvl] = level
            self.levels[aid or ""] = lv
        for num in element.iter(W + "num"):
            nid = num.get(W + "numId") or ""
            ref = num.find(W + "abstractNumId")
            if ref is not None:
                self.num_to_abstract[nid] = ref.get(W + "val") or ""
            for ov in num.iter(W + "lvlOverride"):
                st = ov.find(W + "startOverride")
                if st is not None and (st.get(W + "val") or "").isdigit():
                    self.overrides.setdefault(nid, {})[int(ov.get(W + "ilvl", "0"))] = int(st.get(W + "val"))
        return self

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance the counters for a paragraph at (numId, ilvl) and return its rendered label."""
        aid = self.num_to_abstract.get(num_id)
        if aid is None or num_id == "0":
            return ""
        levels = self.levels.get(aid, {})
        level = levels.get(ilvl, Level())
        counters = self.counters.setdefault(aid, [0] * 10)
        ilvl = max(0, min(ilvl, 9))
        if num_id not in self.started_nums:
            # A new num instance with startOverride restarts the list.
            self.started_nums.add(num_id)
            for lv, start in self.overrides.get(num_id, {}).items():
                if 0 <= lv < 10:
                    counters[lv] = start - 1
        starts = [levels.get(i, Level()).start for i in range(10)]
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] >= starts[ilvl] else starts[ilvl]
        for deeper in range(ilvl + 1, 10):
            rl = levels.get(deeper, Level()).restart
            if rl is None or rl == 0 or rl - 1 >= ilvl:
                counters[deeper] = starts[deeper] - 1
        if level.fmt == "bullet":
            return "-"
        text = level.text
        for i in range(9):
            token = f"%{i + 1}"
            if token in text:
                fmt = levels.get(i, Level()).fmt
                n = counters[i] if counters[i] >= starts[i] else starts[i]
                text = text.replace(token, format_number(n, fmt))
        return text.strip()
