"""Forms of the plans pages (validation only; the writes are in services). Every form that changes
something carries the version the user read (`VersionField`), parsed here, once."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from trienkhai.plans.editing import EDITABLE, KINDS
from trienkhai_web.locking import VersionField
from trienkhai_web.organisations.models import Organisation
from trienkhai_web.plans.limits import max_length
from trienkhai_web.plans.models import Recurrence, Target, Task
from trienkhai_web.widgets import date_field

ITEM_ACTIONS = ("edit", "delete", "add", "split", "merge")
AGENCY_ACTIONS = ("map", "alias", "none", "create")


def _choices(values: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(v, v) for v in values]  # codes posted by the page's buttons, never shown


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Document (.docx, .pdf, .doc, .txt)"))


class DraftItemForm(forms.Form):
    """One correction of a draft item: the action, which item, and the fields typed for it."""

    version = VersionField()
    action = forms.ChoiceField(choices=_choices(ITEM_ACTIONS), error_messages={"invalid_choice": _("Unknown action."),
                                                                              "required": _("Unknown action.")})
    kind = forms.ChoiceField(choices=_choices(KINDS), error_messages={"invalid_choice": _("Unknown kind of item."),
                                                                      "required": _("Unknown kind of item.")})
    key = forms.CharField(required=False)
    parent = forms.CharField(required=False)
    at = forms.CharField(required=False)
    new_title = forms.CharField(required=False)

    def item_fields(self) -> dict[str, Any]:
        """The item's fields the form posted (only those: an edit changes what it sends)."""
        kind = self.cleaned_data["kind"]
        return {name: self.data[name] for name in EDITABLE[kind] if name in self.data}


class AgencyDecisionForm(forms.Form):
    version = VersionField()
    action = forms.ChoiceField(choices=_choices(AGENCY_ACTIONS),
                               error_messages={"invalid_choice": _("Unknown action."), "required": _("Unknown action.")})
    name = forms.CharField()
    organisation = forms.ModelChoiceField(Organisation.objects.all(), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("action") in ("map", "alias") and not data.get("organisation"):
            raise forms.ValidationError(_("Choose an organisation."))
        return data


class PublishForm(forms.Form):
    version = VersionField()


class TaskAssignmentForm(forms.Form):
    version = VersionField()
    leads = forms.ModelMultipleChoiceField(Organisation.objects.order_by("name"), label=_("Lead"),
                                           widget=forms.SelectMultiple(attrs={"size": 6}))
    partners = forms.ModelMultipleChoiceField(Organisation.objects.order_by("name"), label=_("Partners"),
                                              required=False, widget=forms.SelectMultiple(attrs={"size": 6}))
    timeframe = forms.CharField(label=_("Timeframe"), required=False,
                                max_length=max_length(Task, "timeframe"))
    recurrence = forms.ChoiceField(label=_("Recurrence"), choices=Recurrence.choices, required=False)
    due_date = date_field(_("Due date"))
    targets = forms.ModelMultipleChoiceField(Target.objects.none(), label=_("Linked targets"), required=False,
                                             widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, plan=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if plan is not None:
            cast(forms.ModelMultipleChoiceField, self.fields["targets"]).queryset = plan.targets.all()


def first_error(form: forms.Form) -> str:
    """The form's first message, for pages that show one line (the review panel)."""
    for errors in form.errors.values():
        if errors:
            return str(errors[0])
    return str(_("The form is incomplete: reload the page."))
