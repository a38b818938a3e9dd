"""Who a name denotes: one body (its kind, level, head words and the body it belongs to) or a collective
scope (every body of some kinds at a level under the issuer, or unnamed partners).

`identify("Đảng đoàn Ủy ban MTTQ tỉnh")` and `identify("Đảng đoàn Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh")`
give identities with the same `key`; "Ban cán sự đảng UBND tỉnh tỉnh" is read as written once. A body
named without its locality ("Ban Dân vận Tỉnh ủy") is of the issuer's locality: the caller qualifies it
(the web places it in the issuer's province). The data is `trienkhai.vocab.bodies`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from trienkhai.plans.agencies import (
    canonical_name,
    expand_abbreviations,
    is_agency_start,
    is_collective_scope,
)
from trienkhai.text.vietnamese import collapse_spaces, fold, new_tone_placement, nfc
from trienkhai.vocab.bodies import (
    CENTRAL,
    CENTRAL_CITIES,
    COMMITTEE_WORDS,
    KINDS,
    LEVEL_BELOW,
    LEVEL_NAMED,
    LEVEL_WORDS,
    LEVELS,
    PROVINCE,
    RELATED_WORDS,
    SAME_BODY,
    SCOPES,
    Kind,
)

T = TypeVar("T")
_DEPARTMENT = next(k for k in KINDS if k.code == "department")


@dataclass(frozen=True)
class BodyIdentity:
    """One body: `kind` (an organisation kind code), `level` (central/province/district/commune or None when
    the name does not say), `head` (folded words that tell it from bodies of the same kind and level),
    `of` (the body it belongs to: "Ban Dân vận" of the "Tỉnh ủy"), `locality` as written ("Lạng Sơn")."""

    kind: str
    head: str
    level: str | None = None
    of: BodyIdentity | None = None
    locality: str | None = None
    name: str = ""

    @property
    def key(self) -> str:
        """Equal for two spellings of one body of the same locality (the locality itself left out)."""
        own = f"{self.kind}:{self.head}@{self.level or '?'}"
        return f"{own}/{self.of.key}" if self.of is not None else own


@dataclass(frozen=True)
class ScopeIdentity:
    """Many bodies named at once: every body of `kinds` at `level` (or, when None, at the levels `reach`
    says relative to the issuer: below / same / all); `unnamed`: partners no one in particular is meant by
    ("các cơ quan, đơn vị liên quan"), who create no organisation and no report."""

    text: str
    kinds: tuple[str, ...] = ()
    reach: str = "below"
    level: str | None = None
    unnamed: bool = False


Identity = BodyIdentity | ScopeIdentity


def _repair(name: str) -> str:
    """Abbreviations written out, one tone placement, no level said twice ("UBND tỉnh tỉnh" → "… tỉnh")."""
    s = collapse_spaces(new_tone_placement(nfc(expand_abbreviations(name)))).strip(" .,;:-")
    words = s.split(" ")
    kept = [w for i, w in enumerate(words)
            if i == 0 or fold(w) != fold(words[i - 1]) or fold(w) not in LEVEL_WORDS]
    return " ".join(kept)


_OPENING_RE = re.compile(r"^(?:(?:giao|cac|nhung|đề nghị|de nghi)\s+)+", re.IGNORECASE)
_SAME = sorted(SAME_BODY, key=lambda p: -len(p[0]))
_LEVEL_WORDS = sorted(LEVEL_WORDS, key=len, reverse=True)


def _same_body(f: str) -> str:
    for written, form in _SAME:
        f = re.sub(rf"(?<!\w){re.escape(written)}(?!\w)", form, f)
    return f


def _qualifier(f: str, s: str) -> tuple[str, str | None, str | None]:
    """(head words, level, locality) of the end of a name: "so tu phap tinh" → ("so tu phap", province, None);
    "uy ban nhan dan tinh bac ninh" → ("uy ban nhan dan", province, "Bắc Ninh")."""
    words_f, words_s = f.split(" "), s.split(" ")
    if len(words_f) != len(words_s):
        words_s = words_f
    for i in range(len(words_f) - 1, -1, -1):
        for lw in _LEVEL_WORDS:
            n = lw.count(" ") + 1
            if " ".join(words_f[i:i + n]) != lw or (i and words_f[i - 1] in ("lien", "co", "dia")):
                continue  # "liên quan", "cơ quan", "địa phương" end no name with a level
            tail_s = words_s[i + n:]
            if tail_s and not all(w[:1].isupper() or w[:1].isdigit() for w in tail_s):
                continue  # "xã hội", "tỉnh táo": not a qualifier unless a proper name (or nothing) follows
            locality = " ".join(tail_s) or None
            level = LEVEL_WORDS[lw]
            if lw == "thanh pho" and locality and fold(locality) in CENTRAL_CITIES:
                level = PROVINCE
            return " ".join(words_f[:i]), level, locality
    return f, None, None


def _kind_of(f: str) -> tuple[Kind, str] | None:
    for kind in KINDS:
        for head in kind.heads:
            h = head.strip()
            if f == h or f.startswith(h + " ") or f.startswith(h + ","):
                return kind, h
    return None


def _committee(f: str, s: str) -> BodyIdentity | None:
    """A party committee named by its level: "tỉnh ủy", "huyện ủy Than Uyên", "đảng ủy xã Tân Lập"."""
    for words, level in sorted(COMMITTEE_WORDS.items(), key=lambda kv: -len(kv[0])):
        if f == words or f.startswith(words + " "):
            rest_s = s[len(words):].strip()
            if rest_s and fold(rest_s) in LEVEL_WORDS:
                rest_s = ""  # "Tỉnh ủy tỉnh": the level said twice
            if rest_s and not rest_s[:1].isupper():
                return None
            if words == "thanh uy" and rest_s and fold(rest_s) in CENTRAL_CITIES:
                level = PROVINCE
            return BodyIdentity("party_committee", "cap uy", level, locality=rest_s or None)
    if f in ("ban chap hanh trung uong", "trung uong dang", "trung uong"):
        return BodyIdentity("party_committee", "cap uy", CENTRAL)
    return None


def _body(f: str, s: str) -> BodyIdentity | None:
    committee = _committee(f, s)
    if committee is not None:
        return committee
    if f in LEVEL_NAMED:
        return BodyIdentity("mass_organisation", *LEVEL_NAMED[f])
    for named, (youth, youth_level) in LEVEL_NAMED.items():
        if f.startswith(named + " "):
            return BodyIdentity("mass_organisation", youth, youth_level, locality=s[len(named):].strip() or None)
    found = _kind_of(f)
    if found is None:
        return None
    kind, head = found
    rest_f, rest_s = f[len(head):].strip(" ,"), s[len(head):].strip(" ,")
    if kind.of_body:
        if not rest_f:
            return BodyIdentity(kind.code, head)
        parent = _body(rest_f, rest_s)
        if parent is None:
            head_rest, level, locality = _qualifier(rest_f, rest_s)
            if head_rest:
                return BodyIdentity(kind.code, f"{head} {head_rest}", level, locality=locality)
            # "Ban Dân vận Trung ương", "Ban Thường vụ tỉnh": of the party committee of that level.
            parent = BodyIdentity(kind.default_parent or "party_committee", "cap uy", level, locality=locality)
        if head == "van phong" and parent.kind != "party_committee":
            kind = _DEPARTMENT  # "Văn phòng UBND tỉnh" is a department, "Văn phòng Tỉnh ủy" a Party body
        if kind.code == "standing_committee" and head in ("thuong truc", "ban thuong truc") \
                and parent.kind != "party_committee":
            head = f"thuong truc {parent.head}"  # "Thường trực HĐND tỉnh" is the council's standing body
        return BodyIdentity(kind.code, head, parent.level, of=parent, locality=parent.locality)
    if kind.code == "party_committee" and head == "dang uy":
        # "Đảng ủy Công an tỉnh", "Đảng ủy các cơ quan Đảng tỉnh", "Đảng ủy xã Tân Lập".
        head_rest, level, locality = _qualifier(rest_f, rest_s)
        if head_rest:
            return BodyIdentity("party_committee", f"dang uy {head_rest}", level, locality=locality)
        return BodyIdentity("party_committee", "cap uy", level, locality=locality)
    head_all, level, locality = _qualifier(f, s)
    if kind.code == "department" and level is None and head.startswith("so"):
        level = PROVINCE  # a Sở is of a province
    return BodyIdentity(kind.code, head_all or head, level, locality=locality)


def _scope(f: str, written: str) -> ScopeIdentity | None:
    unnamed = any(f.endswith(w) or f" {w}" in f for w in RELATED_WORDS)
    for scope in SCOPES:
        for phrase in scope.phrases:
            if f == phrase or f.startswith(phrase + " ") or f.startswith(phrase + ","):
                rest = f[len(phrase):].strip(" ,")
                _, level, _ = _qualifier(phrase, phrase)
                if scope.reach == "same" and rest:
                    level = _qualifier(rest, rest)[1] or level
                return ScopeIdentity(written, scope.kinds, scope.reach, level, unnamed=unnamed or scope.unnamed)
    return None


_PLACE_KINDS = ("party_committee", "peoples_committee", "peoples_council", "party_cell")
_SUBORDINATE = "truc thuoc"


def _class_name(f: str, s: str) -> tuple[tuple[str, ...], str, str | None] | None:
    """(kinds, reach, level) when a name without "các" still names a class of bodies: a bare "Đảng đoàn" or
    "ban cán sự đảng" (of no body), "đảng ủy trực thuộc …", "chính quyền", or a committee word in lower case
    inside a list ("các huyện ủy, thành ủy" gives "thành ủy")."""
    if f.startswith(("dang doan", "ban can su dang")) and f in ("dang doan", "ban can su dang"):
        return ("party_delegation",), "same", None
    if f.startswith(("dang uy", "chi bo", "dang bo")) and _SUBORDINATE in f:
        return ("party_committee", "party_cell"), "below", None
    if f in ("chinh quyen", "chinh quyen dia phuong"):
        return ("peoples_committee",), "all", None
    for words, level in COMMITTEE_WORDS.items():
        if f == words and s[:1].islower():
            return ("party_committee",), "below", level
    return None


def identify(name: str) -> Identity | None:
    """What `name` denotes: a body, a collective scope, or None when it names no body at all."""
    written = collapse_spaces(name or "").strip(" .,;:")
    if not written:
        return None
    repaired = _repair(written)
    f = _same_body(fold(repaired))
    scope = _scope(f, written)
    if scope is not None:
        return scope
    if is_collective_scope(written):
        body = _body(_OPENING_RE.sub("", f), _OPENING_RE.sub("", repaired))
        kinds = (body.kind,) if body is not None and body.kind != "other" else ()
        unnamed = any(w in f for w in RELATED_WORDS) or not kinds
        reach = "below" if kinds and kinds[0] in _PLACE_KINDS else "same"
        return ScopeIdentity(written, kinds, reach, body.level if body else None, unnamed=unnamed)
    s = _OPENING_RE.sub("", repaired)
    fs = _same_body(fold(s))
    plural = _class_name(fs, s)
    if plural is not None:
        return ScopeIdentity(written, *plural)
    if len(fs) != len(s):  # a written form was replaced: the locality is read from the folded text
        s = fs
    body = _body(fs, s)
    if body is None:
        if not is_agency_start(written):
            return None
        head, level, locality = _qualifier(fs, s)
        body = BodyIdentity("other", head or fs, level, locality=locality)
    return BodyIdentity(body.kind, body.head, body.level, body.of, body.locality, name=canonical_name(repaired))


def qualify(identity: BodyIdentity, level: str | None) -> BodyIdentity:
    """The identity with the issuer's level where the name did not say one ("Ban Dân vận" of a province's
    plan is of the province level; so is the "Tỉnh ủy" it belongs to)."""
    if level is None:
        return identity
    of = qualify(identity.of, level) if identity.of is not None else None
    own = identity.level or (of.level if of is not None else None) or level
    return BodyIdentity(identity.kind, identity.head, own, of, identity.locality, identity.name)


def same_body(a: str, b: str) -> bool:
    """Whether two names are spellings of one body (of the same locality)."""
    ia, ib = identify(a), identify(b)
    return isinstance(ia, BodyIdentity) and isinstance(ib, BodyIdentity) and ia.key == ib.key


def compatible(a: Identity | None, b: Identity | None) -> bool:
    """Whether a fuzzy match between two names may be offered: never across kinds or levels, never a
    scope for a body ("Các ban đảng" is not "Ban cán sự đảng", "thành ủy" is not "Tỉnh ủy")."""
    if isinstance(a, ScopeIdentity) or isinstance(b, ScopeIdentity):
        return False
    if a is None or b is None:
        return a is None and b is None
    if "other" in (a.kind, b.kind):  # the registry cannot tell what one of them is: only levels may differ
        return not (a.level and b.level and a.level != b.level)
    if a.kind != b.kind:
        return False
    if a.level and b.level and a.level != b.level:
        return False
    if a.kind == "party_committee" and a.head != b.head:
        return False
    if (a.of is None) != (b.of is None):
        return a.of is None or b.of is None  # "Ban Dân vận" and "Ban Dân vận Tỉnh ủy" may be one
    return a.of is None or b.of is None or compatible(a.of, b.of)


def scope_levels(scope: ScopeIdentity, issuer_level: str | None, present: Iterable[str]) -> set[str]:
    """The levels a scope reaches under an issuer of `issuer_level`, given the levels that exist (after
    1/7/2025 a province has no districts: "below" a province is then its communes)."""
    if scope.level:
        return {scope.level}
    present = set(present)
    issuer_level = issuer_level or PROVINCE
    below = [lv for lv in LEVELS[LEVELS.index(issuer_level) + 1:] if lv in present]
    if scope.reach == "same":
        return {issuer_level}
    if scope.reach == "all":
        return {issuer_level, *below}
    first = LEVEL_BELOW.get(issuer_level)
    return {first} if first in present else set(below[:1])


def resolve_scope(scope: ScopeIdentity, bodies: Iterable[T], *, issuer_level: str | None,
                  kind: Callable[[T], str], level: Callable[[T], str | None]) -> list[T]:
    """The bodies (among those of the issuer's locality) a scope names; none for an unnamed one."""
    if scope.unnamed or not scope.kinds:
        return []
    bodies = list(bodies)
    levels = scope_levels(scope, issuer_level, (lv for b in bodies if (lv := level(b))))
    return [b for b in bodies if kind(b) in scope.kinds and level(b) in levels]


__all__ = ["CENTRAL", "BodyIdentity", "Identity", "ScopeIdentity", "compatible", "identify", "qualify", "resolve_scope",
           "same_body", "scope_levels"]
