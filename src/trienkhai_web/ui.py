"""Template filters every page has without `{% load %}` (TEMPLATES' `builtins`): numbers, dates and titles as
Vietnamese readers expect them, each through the core's one rule.

- `{{ x|vn_number }}` / `{{ x|vn_number:4 }}`: "1.250,5", "8,5" (`trienkhai.reports.numbers.fmt_number`);
- `{{ d|vn_date }}`: "05/03/2026" (`fmt_date`);
- `{{ title|cut_words:80 }}`: cut at a word boundary with "…" (`cut_words` below); pair it with
  `title="{{ title }}"` so the whole title shows on hover;
- `{{ target|target_level }}`: "đạt 90 %", "3 - 5 mô hình" (what the plan asks of a target);
- `{{ mapping|get_item:key }}`: a dict's value in a template.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from django import template

from trienkhai.reports.numbers import fmt_date, fmt_number

register = template.Library()


@register.filter
def vn_number(value: Any, digits: int = 4) -> str:
    if value is None or value == "":
        return ""
    if not isinstance(value, Decimal | float | int):
        try:
            value = Decimal(str(value))
        except InvalidOperation:
            return str(value)
    return fmt_number(value, int(digits))


@register.filter
def vn_date(value: Any) -> str:
    if isinstance(value, dt.datetime):
        value = value.date()
    return fmt_date(value) if isinstance(value, dt.date) else ""


def cut_words(text: str, limit: int) -> str:
    """`text` whole when it fits in `limit` characters, else cut at the last word boundary before it, "…" added."""
    text = " ".join(str(text or "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-–") + "…"


@register.filter(name="cut_words")
def cut_words_filter(text: Any, limit: int = 80) -> str:
    return cut_words(str(text or ""), int(limit))


@register.filter
def target_level(target: Any) -> str:
    low, high = getattr(target, "value_low", None), getattr(target, "value_high", None)
    figures = " - ".join(fmt_number(v, 4) for v in (low, high) if v is not None)
    if not figures:
        return ""
    parts = [getattr(target, "direction", "") or "", figures, getattr(target, "unit", "") or ""]
    return " ".join(p for p in parts if p).replace(" %", "%")


@register.filter
def get_item(mapping: Any, key: Any) -> Any:
    try:
        return mapping.get(key)
    except AttributeError:
        return None


@register.filter
def unit_key(key: Any) -> str:
    """A coverage unit's key as users read it ("task:12" → "nhiệm vụ 12"; `trienkhai.cascade.units.key_title`)."""
    from trienkhai.cascade.units import key_title

    return key_title(str(key or ""))
