"""Which format a report takes, and its number symbol, from the plan's own number and issuer.

Party documents are numbered "55-CTr/TU" (number-kind/issuer: TU tỉnh ủy, HU huyện ủy, ĐU đảng ủy …);
State documents "123/KH-UBND" (number/kind-issuer). The report keeps the issuer part: "-BC/TU" or "/BC-UBND".
"""

from __future__ import annotations

import re

from trienkhai.reports.model import Variant
from trienkhai.text.vietnamese import fold

_PARTY_NUMBER = re.compile(r"^\s*\d+\s*-\s*[A-Za-zĐđ]+\s*/\s*(?P<issuer>[A-Za-zĐđ\-]+)\s*$")
_STATE_NUMBER = re.compile(r"^\s*\d+\s*/\s*(?:\d{4}\s*/\s*)?[A-Za-zĐđ]+\s*-\s*(?P<issuer>[A-Za-zĐđ\-]+)\s*$")
_STATE_ISSUER_WORDS = ("uy ban nhan dan", "ubnd", "hoi dong nhan dan", "hdnd", "so ", "chinh phu", "bo ")


def detect_variant(plan_number: str | None, issuer_name: str | None = None) -> Variant:
    """PARTY or STATE; the number symbol decides, the issuer's name when there is no number."""
    number = plan_number or ""
    if _STATE_NUMBER.match(number):
        return Variant.STATE
    if _PARTY_NUMBER.match(number):
        return Variant.PARTY
    name = fold(issuer_name or "").lower()
    if any(name.startswith(word) or f" {word.strip()} " in f" {name} " for word in _STATE_ISSUER_WORDS):
        return Variant.STATE
    return Variant.PARTY


def number_suffix(plan_number: str | None, variant: Variant) -> str:
    """The report's number symbol: "-BC/TU" after "55-CTr/TU", "/BC-UBND" after "123/KH-UBND"."""
    number = plan_number or ""
    if variant is Variant.STATE:
        match = _STATE_NUMBER.match(number)
        return f"/BC-{match.group('issuer').upper() if match else 'UBND'}"
    match = _PARTY_NUMBER.match(number)
    return f"-BC/{match.group('issuer').upper() if match else 'TU'}"
