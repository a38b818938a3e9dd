"""Canonical identifiers of document numbers, so that a citation finds the plan it names.

"43-NQ/TW", "43 -NQ/TW", "043-nq/tw" are the same document; State numbers keep their own shape
("236/QĐ-TTg", "30/2020/NĐ-CP"), only spaces, case and leading zeros are normalised.
"""

from __future__ import annotations

import re

from trienkhai.text.vietnamese import nfc

_LEADING_ZEROS = re.compile(r"(?<![0-9])0+(?=[0-9])")


def canonical_ref(number: str | None) -> str:
    """The id used to link a citation to a loaded plan ("" for an empty number)."""
    if not number:
        return ""
    text = re.sub(r"\s+", "", nfc(number)).strip(".,;:")
    text = re.sub(r"^(số|so)[:.]?", "", text, flags=re.IGNORECASE)
    return _LEADING_ZEROS.sub("", text).upper()
