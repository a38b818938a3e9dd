from __future__ import annotations

import unicodedata

from viparse.normalize.tcvn3 import TCVN3 as VIPARSE_TCVN3
from viparse.normalize.vni import VNI as VIPARSE_VNI

from trienkhai.documents.decode import VIETNAMESE_LETTERS
from trienkhai.text.legacy import TCVN3, VNI, VNI_ENCODE, decode_legacy, encode_legacy


def test_vni_round_trips_every_vietnamese_letter() -> None:
    letters = sorted(c for c in VIETNAMESE_LETTERS if not c.isascii())
    assert len(letters) == 134
    for ch in letters:
        assert decode_legacy(encode_legacy(ch, "vni"), "vni") == ch, ch


def test_tcvn3_round_trips_every_letter_it_has() -> None:
    lower = [c for c in VIETNAMESE_LETTERS if c == c.lower() and not c.isascii()]
    assert len(lower) == 67
    for ch in lower + list("ĂÂÊÔƠƯĐ"):
        assert decode_legacy(encode_legacy(ch, "tcvn3"), "tcvn3") == ch, ch


def test_tables_agree_with_viparse_on_every_shared_entry() -> None:
    for ours, theirs in ((TCVN3, VIPARSE_TCVN3), (VNI, VIPARSE_VNI)):
        shared = [(k, v) for k, v in theirs.pairs if k in ours]
        assert len(shared) >= 70
        for k, v in shared:
            assert ours[k] == unicodedata.normalize("NFC", v), k
    assert len(VNI_ENCODE) == 134
