from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from trienkhai_web.locking import VersionField


class ReportSettingsForm(forms.Form):
    superior_body = forms.CharField(label=_("Superior body (first header line)"), required=False, max_length=255)
    issuing_body = forms.CharField(label=_("Issuing body"), required=False, max_length=255)
    number = forms.CharField(label=_("Report number"), required=False, max_length=32)
    place = forms.CharField(label=_("Place"), required=False, max_length=128)
    signer_on_behalf_of = forms.CharField(label=_("Signing on behalf of"), required=False, max_length=128)
    signer_title = forms.CharField(label=_("Signer's title"), required=False, max_length=128)
    signer_name = forms.CharField(label=_("Signer"), required=False, max_length=128)
    recipients = forms.CharField(label=_("Recipients, one per line"), required=False,
                                 widget=forms.Textarea(attrs={"rows": 4}))
    version = VersionField(min_value=0)  # 0: no settings saved yet

    def clean_recipients(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["recipients"].splitlines() if line.strip()]
