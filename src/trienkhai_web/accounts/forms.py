"""Forms of the people pages: they only read input; `accounts.services` decides and writes."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from trienkhai_web.accounts.models import Role
from trienkhai_web.accounts.permissions import UNIT_ROLES, is_admin
from trienkhai_web.accounts.queries import assignable_organisations


def _role_choices(user: Any) -> list[tuple[str, str]]:
    roles = list(Role) if is_admin(user) else [Role(r) for r in UNIT_ROLES]
    return [(r.value, str(r.label)) for r in roles]


class RoleFields(forms.Form):
    role = forms.ChoiceField(label=_("Role"))
    organisation: forms.ModelChoiceField = forms.ModelChoiceField(label=_("Organisation"), queryset=None, required=False,
                                          empty_label=_("— none (for the whole system) —"))

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = _role_choices(user)  # type: ignore[attr-defined]
        self.fields["organisation"].queryset = assignable_organisations(user)  # type: ignore[attr-defined]


class AccountForm(RoleFields):
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    email = forms.EmailField(label=_("E-mail"), required=False)
    username = forms.CharField(label=_("User name"), max_length=150,
                               help_text=_("What the person types to sign in: letters, digits and . _ - @."))
    field_order = ["full_name", "email", "username", "role", "organisation"]


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Workbook (.xlsx)"))
