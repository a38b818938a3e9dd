from __future__ import annotations

from django.contrib import admin

from trienkhai_web.accounts.models import Membership


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "organisation"]
    list_filter = ["role"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "organisation__name"]
    autocomplete_fields = ["organisation", "user"]
