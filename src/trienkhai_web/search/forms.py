"""The search form: the query and its filters (plan, unit, period, kind), parsed from the GET parameters."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from trienkhai_web.search.models import Kind

MAX_QUERY_LEN = 200


KIND_CHOICES = [("", _("All")), *Kind.choices]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=MAX_QUERY_LEN, required=False, strip=True)
    plan = forms.IntegerField(label=_("Plan"), required=False, min_value=1)
    unit = forms.IntegerField(label=_("Unit"), required=False, min_value=1)
    period = forms.IntegerField(label=_("Period"), required=False, min_value=1)
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=KIND_CHOICES)
    page = forms.IntegerField(required=False, min_value=1)

    def filters(self) -> dict[str, Any]:
        data = self.cleaned_data if self.is_valid() else {}
        return {"plan": data.get("plan"), "unit": data.get("unit"), "period": data.get("period"),
                "kind": data.get("kind") or None}
