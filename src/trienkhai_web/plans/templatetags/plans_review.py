"""Template helpers of the review page."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.simple_tag
def name_chips(names: list[str], field: str, mapped: dict[str, Any]) -> list[dict[str, Any]]:
    """The chips of a draft item's names for the organisation picker: the name as the document gives it,
    and the organisation it is mapped to when that reads differently."""
    chips = []
    for name in names or []:
        org = mapped.get(name)
        label = f"{name} → {org.name}" if org is not None and org.name != name else name
        chips.append({"name": field, "value": name, "label": label})
    return chips
