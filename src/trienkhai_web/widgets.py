"""The one date field of the forms: a date picker (`<input type="date">`, which a Vietnamese browser shows as
dd/mm/yyyy and sends as yyyy-mm-dd), that also reads dd/mm/yyyy typed by hand or sent by a script."""

from __future__ import annotations

from typing import Any

from django import forms

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y"]


class DatePicker(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def date_field(label: Any, required: bool = False, **kwargs: Any) -> forms.DateField:
    return forms.DateField(label=label, required=required, input_formats=DATE_INPUT_FORMATS, widget=DatePicker(),
                           **kwargs)
