"""The one place where the database's column sizes meet the core's unbounded text.

The core (`trienkhai.plans`) knows no length limits; a document's number, an agency's name or a
timeframe may be longer than a column. `fit` cuts each text to its column's `max_length`, read from the
model's own fields, so a limit changed in a model (and its migration) needs no other edit.
"""

from __future__ import annotations

from typing import Any

from django.db import models


def fit(model: type[models.Model], **values: Any) -> dict[str, Any]:
    """`values` for `model`'s fields with every text cut to its column (None → "" for a text column)."""
    out: dict[str, Any] = {}
    for name, value in values.items():
        field = model._meta.get_field(name)
        if isinstance(field, models.CharField | models.TextField) and not field.null:
            value = "" if value is None else str(value)
            if field.max_length:
                value = value[:field.max_length]
        out[name] = value
    return out


def max_length(model: type[models.Model], name: str) -> int | None:
    """The column size of one text field, for a form field that must not accept more."""
    field = model._meta.get_field(name)
    return getattr(field, "max_length", None)
