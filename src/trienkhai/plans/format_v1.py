"""`trienkhai.plan/1` ↔ `/2`: the only place that knows how the older format wrote several names.

In `/1` a task's `lead` and `partners` and an assignment's `lead` were single strings ("A; B", or a
cell as written); `/2` has the lists `leads` and `partners`. Reading `/1` splits those strings with the
core's own splitter (`agencies.split_names`); writing `/1` (for readers that do not know `/2`, such as
the evaluation script) joins the lists with "; ", the separator `/1` documented.
"""

from __future__ import annotations

import copy
from typing import Any

from trienkhai.plans.agencies import split_names
from trienkhai.plans.model import SCHEMA_ID, SCHEMA_V1


def _names(value: Any) -> list[str]:
    if isinstance(value, list):  # already one name an element (assignments' lists were lists in /1)
        return [str(v).strip() for v in value if str(v).strip()]
    return split_names(value) if isinstance(value, str) else []


def _joined(names: list[str]) -> str | None:
    return "; ".join(names) or None


def upgrade(d: dict[str, Any]) -> dict[str, Any]:
    """A `/1` dict as `/2` (a new dict; `d` is left as it was)."""
    out = copy.deepcopy(d)
    out["schema"] = SCHEMA_ID
    for a in out.get("assignments", []):
        a["leads"] = _names(a.pop("lead", None))
        a["partners"] = _names(a.get("partners"))
        a["responsible"] = _names(a.get("responsible"))
    for t in out.get("tasks", []):
        t["leads"] = _names(t.pop("lead", None))
        t["partners"] = _names(t.get("partners"))
    for t in out.get("targets", []):
        # Targets added by hand in earlier versions of the application could lack their sentence.
        t.setdefault("section", None)
        t.setdefault("text", t.get("subject") or "")
        t.setdefault("subject", t["text"])
    return out


def downgrade(d: dict[str, Any]) -> dict[str, Any]:
    """A `/2` dict as `/1` (a new dict)."""
    out = copy.deepcopy(d)
    out["schema"] = SCHEMA_V1
    out.get("source", {}).pop("ocr", None)  # a /2 field
    for a in out.get("assignments", []):
        a["lead"] = _joined(a.pop("leads", []))
    for t in out.get("tasks", []):
        t["lead"] = _joined(t.pop("leads", []))
        t["partners"] = _joined(t.get("partners") or [])
    return out
