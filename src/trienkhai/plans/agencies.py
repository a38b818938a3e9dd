"""Agency names: splitting a list of responsible bodies, and a canonical form with abbreviations expanded.

Splitting keeps the document's wording ("các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy" → three
names; "các cơ quan, đơn vị liên quan" stays one: a bare generic noun shares the qualifier after it).
"""

from __future__ import annotations

import re

from trienkhai.text.vietnamese import collapse_spaces, fold, new_tone_placement
from trienkhai.vocab.abbreviations import ABBREVIATIONS
from trienkhai.vocab.agencies import BARE_GENERIC, HEADS, LEADING_WORDS, PLURAL_WORDS, RELATED
from trienkhai.vocab.phrases import alternation

_ABBR_RE = re.compile(
    r"(?<![\w/-])(" + alternation(ABBREVIATIONS) + r")(?![\w-])"
)

# One regex for all heads of names, folded (a head must end at a word boundary: "bao" is not "bảo đảm",
# "ban" not "bán"); generic nouns that, bare, share the qualifier of the next name. From the vocabulary.
_HEAD_RE = re.compile("(?:" + alternation(fold(h.words) for h in HEADS) + r")(?![^\W_])")
_BARE_GENERIC = frozenset(fold(g) for g in BARE_GENERIC)
_PLURAL = tuple(fold(w) for w in PLURAL_WORDS)
_RELATED = fold(RELATED)
_START_WINDOW = 80  # enough for "giao các những" + the longest head
_LEADING_RE = re.compile(r"^(?:(?:" + alternation(fold(w) for w in LEADING_WORDS) + r")\s+)+")
_OPENING_RE = re.compile(r"^(?:(?:" + alternation(LEADING_WORDS) + r")\s+)+", re.IGNORECASE)  # as written
_SPLIT_RE = re.compile(r"\s*[,;]\s*|\s+(?:và|cùng|với)\s+|\s*&\s*(?=[A-ZĐ])")


def expand_abbreviations(name: str) -> str:
    """"Đảng đoàn HĐND tỉnh" → "Đảng đoàn Hội đồng nhân dân tỉnh"."""
    return _ABBR_RE.sub(lambda m: ABBREVIATIONS[m.group(1)], name)


def canonical_name(name: str) -> str:
    """The canonical form of a body's name: abbreviations expanded, new tone placement, no "các"/"giao",
    single spaces, first letter upper case ("các ban Đảng" → "Ban Đảng")."""
    s = collapse_spaces(new_tone_placement(expand_abbreviations(name))).strip(" .,;:-")
    s = _OPENING_RE.sub("", s)
    return s[:1].upper() + s[1:]


def is_agency_start(text: str) -> bool:
    """Whether `text` starts like the name of a body ("các huyện ủy", "Ban Dân vận", "MTTQ")."""
    # Only the start matters: folding a whole paragraph per sentence was the parser's main cost.
    f = _LEADING_RE.sub("", fold(expand_abbreviations(text[:_START_WINDOW]))) + " "
    return _HEAD_RE.match(f) is not None


def is_collective_scope(name: str) -> bool:
    """Whether `name` is a collective scope rather than one body: every body of a kind ("các cấp ủy",
    "UBND các xã"), every body concerned ("các sở, ngành liên quan"), or a bare generic noun ("các đơn vị")."""
    f = collapse_spaces(fold(expand_abbreviations(name))).strip(" .,;:")
    words = f"  {f} ".replace(",", " , ")
    if any(f" {w} " in words for w in _PLURAL) or f.endswith(_RELATED):
        return True
    return all(_is_bare_generic(piece) for piece in f.split(","))  # "cơ quan, đơn vị"


def _is_bare_generic(text: str) -> bool:
    return _LEADING_RE.sub("", fold(text)).strip() in _BARE_GENERIC


def _paren_depths(text: str) -> list[int]:
    """For each position, how many brackets are open there."""
    depths, depth = [], 0
    for c in text:
        if c == "(":
            depth += 1
        elif c == ")" and depth:
            depth -= 1
        depths.append(depth)
    return depths


def split_agencies(text: str) -> list[str]:
    """Split a coordinated list of bodies into names, keeping each name's own wording.

    A piece that does not start like a body ("giúp việc Tỉnh ủy", "Thể thao và Du lịch") belongs to the
    name before it; a bare generic noun ("các cơ quan") belongs to the name after it.
    """
    text = collapse_spaces(text).strip(" .,;:")
    if not text:
        return []
    # Spans of the pieces between separators, so that merged pieces keep their original separators.
    spans: list[tuple[int, int]] = []
    pos = 0
    depth_at = _paren_depths(text)
    for m in _SPLIT_RE.finditer(text):
        if depth_at[m.start()]:
            continue  # "các đoàn thể (Hội LHPN, ĐTN, CCB)": a list in brackets belongs to its name
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    spans = [(a, b) for a, b in spans if text[a:b].strip()]
    merged: list[list[int]] = []
    pending_generic = False
    for a, b in spans:
        piece = text[a:b]
        if merged and (pending_generic or not is_agency_start(piece)):
            merged[-1][1] = b
        else:
            merged.append([a, b])
        pending_generic = _is_bare_generic(piece)
    return [text[a:b].strip(" ,;") for a, b in merged if text[a:b].strip(" ,;")]


def canonical_map(names: list[str]) -> dict[str, str]:
    """Original name → canonical form, for the names given."""
    return {n: canonical_name(n) for n in names}


_CELL_SPLIT_RE = re.compile(r"[;\n]+")


def split_names(text: str | None) -> list[str]:
    """The bodies named in a cell or a typed list ("Sở Nội vụ; Sở Tư pháp, UBND các xã" → three names).

    Semicolons and line breaks always separate; commas and "và" only where a new body's name starts
    (`split_agencies`), since they also occur inside one name ("Các cơ quan, đơn vị liên quan")."""
    return [name.strip(" .") for piece in _CELL_SPLIT_RE.split(text or "") for name in split_agencies(piece)
            if name.strip(" .")]
