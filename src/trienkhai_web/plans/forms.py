"""Forms of the plans pages (validation only; the writes are in services). Every form that changes
something carries the version the user read (`VersionField`), parsed here, once."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from trienkhai.plans.editing import EDITABLE, HEADER_FIELDS, KINDS
from trienkhai_web.locking import VersionField
from trienkhai_web.organisations.models import Organisation, OrganisationKind, OrganisationLevel
from trienkhai_web.plans.limits import max_length
from trienkhai_web.plans.models import Plan, Recurrence, Target, Task
from trienkhai_web.widgets import date_field

ITEM_ACTIONS = ("edit", "delete", "add", "split", "merge")
AGENCY_ACTIONS = ("map", "alias", "none", "create", "undo", "scope", "accept")
NAME_LISTS = ("leads", "partners")


def _choices(values: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(v, v) for v in values]  # codes posted by the page's buttons, never shown


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Document (.docx, .pdf, .doc, .txt) or a scan or photo of it (.pdf, .jpg, .png, .tif)"))


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
        """The item's fields the form posted (only those: an edit changes what it sends). Leads and partners
        come from the organisation picker as one value per name (`getlist`; the picker also posts an empty
        one, so that removing every name is a change too) or, typed, as one text."""
        kind = self.cleaned_data["kind"]
        out: dict[str, Any] = {}
        for name in EDITABLE[kind]:
            if name not in self.data:
                continue
            values = self.data.getlist(name) if hasattr(self.data, "getlist") else [self.data[name]]
            out[name] = values if name in NAME_LISTS and len(values) > 1 else values[-1]
        return out

    def picked(self) -> dict[str, list[int]]:
        """Organisations chosen in the picker for each list of names ("leads" → ids)."""
        out: dict[str, list[int]] = {}
        for name in NAME_LISTS:
            raw = self.data.getlist(f"{name}_org") if hasattr(self.data, "getlist") else []
            ids = [int(v) for v in raw if str(v).isdigit()]
            if ids:
                out[name] = ids
        return out


class HeaderForm(forms.Form):
    """The document's header as the reviewer corrects it; the core checks each value (editing.edit_header)."""

    version = VersionField()
    number = forms.CharField(label=_("Number and symbol"), required=False, max_length=max_length(Plan, "number"))
    date = forms.CharField(label=_("Date of issue"), required=False, max_length=10)
    title = forms.CharField(label=_("Summary (trích yếu)"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    issuer = forms.CharField(label=_("Issuing body"), required=False, max_length=max_length(Plan, "issuer_name"))
    signer_name = forms.CharField(label=_("Signer"), required=False, max_length=max_length(Plan, "signer_name"))
    signer_title = forms.CharField(label=_("Signer's title"), required=False,
                                   max_length=max_length(Plan, "signer_title"))
    recipients = forms.CharField(label=_("Recipients (one per line)"), required=False,
                                 widget=forms.Textarea(attrs={"rows": 4}))

    def header_fields(self) -> dict[str, Any]:
        """The header fields the form posted (a published plan's form posts the number and date only)."""
        return {name: self.cleaned_data[name] for name in HEADER_FIELDS if name in self.data}


class BulletsForm(forms.Form):
    """Bullets of one heading to make tasks: the one at `index`, or (no index) all of the part."""

    version = VersionField()
    path = forms.CharField(error_messages={"required": _("The form is incomplete: reload the page.")})
    index = forms.IntegerField(required=False, min_value=0)


class AgencyDecisionForm(forms.Form):
    version = VersionField()
    action = forms.ChoiceField(choices=_choices(AGENCY_ACTIONS),
                               error_messages={"invalid_choice": _("Unknown action."), "required": _("Unknown action.")})
    name = forms.CharField(required=False)
    organisation = forms.ModelChoiceField(Organisation.objects.all(), required=False)
    # A scope's bodies; the confidence of "accept all"; a new body's kind, level and parent.
    organisations = forms.ModelMultipleChoiceField(Organisation.objects.all(), required=False)
    min_score = forms.IntegerField(required=False, min_value=50, max_value=100)
    kind = forms.ChoiceField(choices=[("", ""), *OrganisationKind.choices], required=False)
    level = forms.ChoiceField(choices=OrganisationLevel.choices, required=False)
    parent = forms.ModelChoiceField(Organisation.objects.all(), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("action") in ("map", "alias") and not data.get("organisation"):
            raise forms.ValidationError(_("Choose an organisation."))
        if data.get("action") != "accept" and not data.get("name"):
            raise forms.ValidationError(_("This field is required: %(field)s.") % {"field": _("name")})
        if data.get("action") == "accept" and not data.get("min_score"):
            raise forms.ValidationError(_("Choose a confidence between 50% and 100%."))
        return data


class PublishForm(forms.Form):
    version = VersionField()
    allow_leadless = forms.BooleanField(required=False)  # "publish anyway": tasks without a lead were listed


class TaskAssignmentForm(forms.Form):
    version = VersionField()
    # Chosen with the organisation picker (plans/_org_picker.html): one hidden id per organisation.
    leads = forms.ModelMultipleChoiceField(Organisation.objects.order_by("name"), label=_("Lead"),
                                           widget=forms.MultipleHiddenInput)
    partners = forms.ModelMultipleChoiceField(Organisation.objects.order_by("name"), label=_("Partners"),
                                              required=False, widget=forms.MultipleHiddenInput)
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
