"""Admin for organisations. Saving goes through the services, so match keys, versions and the audit
trail stay right whoever edits."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from trienkhai.text.vietnamese import fold
from trienkhai_web.audit.actions import Action
from trienkhai_web.audit.services import record
from trienkhai_web.errors import UserError
from trienkhai_web.locking import VersionField
from trienkhai_web.organisations import services
from trienkhai_web.organisations.models import Organisation, OrganisationAlias, Succession


class AliasInline(admin.TabularInline):
    model = OrganisationAlias
    extra = 1
    fields = ["name"]


class SuccessionInline(admin.TabularInline):
    model = Succession
    fk_name = "predecessor"
    extra = 0
    autocomplete_fields = ["successor"]
    fields = ["successor", "kind", "date"]


class EndedFilter(admin.SimpleListFilter):
    title = "hiệu lực"
    parameter_name = "ended"

    def lookups(self, request: Any, model_admin: Any) -> list[tuple[str, str]]:
        return [("no", "Đang hoạt động"), ("yes", "Đã kết thúc")]

    def queryset(self, request: Any, queryset: Any) -> Any:
        if self.value() == "no":
            return queryset.filter(valid_to__isnull=True)
        if self.value() == "yes":
            return queryset.filter(valid_to__isnull=False)
        return queryset


class OrganisationAdminForm(forms.ModelForm):
    # The version the editor opened, sent back with the form: a later save by someone else is refused.
    expected_version = VersionField(required=False)

    class Meta:
        model = Organisation
        fields = ["name", "short_name", "kind", "parent", "code", "email", "valid_from", "valid_to"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["expected_version"].initial = self.instance.version


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "kind", "parent", "code", "valid_from", "valid_to"]
    list_filter = ["kind", EndedFilter]
    search_fields = ["name", "short_name", "code", "match_key", "aliases__name", "aliases__match_key"]
    autocomplete_fields = ["parent"]
    inlines = [AliasInline, SuccessionInline]
    form = OrganisationAdminForm
    readonly_fields = ["match_key", "version"]
    fields = ["name", "short_name", "kind", "parent", "code", "email", "valid_from", "valid_to", "match_key",
              "version", "expected_version"]

    def get_search_results(self, request: Any, queryset: Any, search_term: str) -> Any:
        # Searching "ban dan van" finds "Ban Dân vận": the term is folded like the match keys.
        qs, distinct = super().get_search_results(request, queryset, search_term)
        if search_term:
            key = fold(search_term)
            qs = qs | queryset.filter(match_key__contains=key) | queryset.filter(aliases__match_key__contains=key)
            distinct = True
        return qs, distinct

    def save_model(self, request: Any, obj: Organisation, form: Any, change: bool) -> None:
        fields = {f: form.cleaned_data.get(f) for f in services.EDITABLE_FIELDS if f in form.cleaned_data}
        try:
            if change:
                saved = services.update_organisation(request.user, obj.pk, version=form.cleaned_data.get("expected_version"),
                                                     **fields)
            else:
                saved = services.create_organisation(request.user, **fields)
        except UserError as exc:
            raise ValidationError(exc.message) from exc
        obj.pk, obj.version, obj.match_key = saved.pk, saved.version, saved.match_key
        obj._state.adding = False
        obj.refresh_from_db()

    def save_formset(self, request: Any, form: Any, formset: Any, change: bool) -> None:
        instances = formset.save(commit=False)
        for alias in formset.deleted_objects:
            services.remove_alias(request.user, alias)
        for inst in instances:
            if isinstance(inst, OrganisationAlias):
                services.add_alias(request.user, form.instance, inst.name)
            else:
                inst.save()
                record(request.user, Action.ORGANISATION_SUCCESSORS, form.instance,
                       after={"successor": inst.successor_id, "kind": inst.kind, "date": inst.date.isoformat()})
        formset.save_m2m()
