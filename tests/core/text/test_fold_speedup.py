"""`fold` and `collapse_spaces` were rewritten for speed (translate table, str.split, a cache for short
strings): they must give exactly what the plain definitions give."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from trienkhai.text.vietnamese import canonical, collapse_spaces, fold

_VIET = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯYđĐ hoáuỷÀÁẢÃẠàáảãạỳýỷỹỵ\u00a0\t\n\u0300\u0301\u0303\u0309\u0323"


def _plain_collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def _plain_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", canonical(text).replace("đ", "d"))
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


@given(st.text(alphabet=st.sampled_from(list(_VIET)) | st.characters(max_codepoint=0x2FFF), max_size=300))
def test_fold_and_collapse_match_their_plain_definitions(text):
    assert collapse_spaces(text) == _plain_collapse(text)
    assert fold(text) == _plain_fold(text)
    assert fold(text * 3) == _plain_fold(text * 3)  # long strings take the uncached path


def test_fold_examples():
    assert fold("Ủy ban MTTQ  Việt Nam") == "uy ban mttq viet nam"
    assert fold("Uỷ ban") == fold("Ủy ban") == "uy ban"
    assert fold("ĐẢNG ỦY") == "dang uy"
