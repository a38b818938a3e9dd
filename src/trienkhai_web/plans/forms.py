"""Forms of the plans pages (validation only; the writes are in services)."""

from __future__ import annotations

from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from trienkhai_web.organisations.models import Organisation
from trienkhai_web.plans.models import Recurrence, Target


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Document (.docx, .pdf, .doc, .txt)"))


class TaskAssignmentForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    leads = forms.ModelMultipleChoiceField(Organisation.objects.order_by("name"), label=_("Lead"),
                                           widget=forms.SelectMultiple(attrs={"size": 6}))
    partners = forms.ModelMultipleChoiceField(Organisation.objects.order_by("name"), label=_("Partners"),
                                              required=False, widget=forms.SelectMultiple(attrs={"size": 6}))
    timeframe = forms.CharField(label=_("Timeframe"), required=False, max_length=128)
    recurrence = forms.ChoiceField(label=_("Recurrence"), choices=Recurrence.choices, required=False)
    due_date = forms.DateField(label=_("Due date"), required=False, input_formats=["%d/%m/%Y", "%Y-%m-%d"],
                               widget=forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"}))
    targets = forms.ModelMultipleChoiceField(Target.objects.none(), label=_("Linked targets"), required=False,
                                             widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, plan=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if plan is not None:
            cast(forms.ModelMultipleChoiceField, self.fields["targets"]).queryset = plan.targets.all()
