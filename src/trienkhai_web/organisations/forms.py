"""Forms of the organisation pages; they only validate input, the services do the writing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django import forms
from django.utils.translation import gettext_lazy as _

from trienkhai_web.locking import VersionField
from trienkhai_web.organisations.models import Organisation, OrganisationKind, SuccessionKind
from trienkhai_web.widgets import date_field

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise



def _date_field(label: StrOrPromise, required: bool = False) -> forms.DateField:
    return date_field(label, required=required)


class OrganisationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Organisation) -> str:
        return f"{obj.name} ({obj.code})" if obj.code else obj.name


class OrganisationsChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Organisation) -> str:
        return f"{obj.name} ({obj.code})" if obj.code else obj.name


class OrganisationForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=255)
    short_name = forms.CharField(label=_("Short name"), max_length=100, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=OrganisationKind.choices, initial=OrganisationKind.OTHER)
    parent = OrganisationChoiceField(label=_("Parent organisation"), required=False,
                                     queryset=Organisation.objects.order_by("name"))
    code = forms.SlugField(label=_("Code"), max_length=64, required=False,
                           help_text=_("Letters, digits and hyphens; used in imported files."))
    email = forms.EmailField(label=_("E-mail"), required=False)
    valid_from = _date_field(_("Valid from"))
    valid_to = _date_field(_("Valid to"))
    version = VersionField(required=False)  # none when creating; the service refuses an update without it

    @classmethod
    def for_organisation(cls, org: Organisation) -> OrganisationForm:
        return cls(initial={
            "name": org.name, "short_name": org.short_name, "kind": org.kind, "parent": org.parent_id,
            "code": org.code, "email": org.email, "valid_from": org.valid_from, "valid_to": org.valid_to,
            "version": org.version,
        })

    def fields_for_service(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("version", None)
        return data


class EndForm(forms.Form):
    on = _date_field(_("Last day"), required=True)
    kind = forms.ChoiceField(label=_("What happened"), choices=SuccessionKind.choices)
    successors = OrganisationsChoiceField(
        label=_("Successor organisations"), queryset=Organisation.objects.filter(valid_to__isnull=True).order_by("name"),
        widget=forms.SelectMultiple(attrs={"size": 8}))
    move_children_to = OrganisationChoiceField(
        label=_("Move its units still open under"), required=False,
        queryset=Organisation.objects.filter(valid_to__isnull=True).order_by("name"))
    reason = forms.CharField(label=_("Reason, decision"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    version = VersionField()


class AliasForm(forms.Form):
    name = forms.CharField(label=_("Another name"), max_length=255)


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV or XLSX file"))
