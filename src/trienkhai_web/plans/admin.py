"""Plans in the Django admin: for inspection by administrators; reviewing and publishing happen in the
application's own pages (services keep the audit trail and the version checks)."""

from django.contrib import admin

from trienkhai_web.plans.models import Plan, PlanItem, PlanLink, Reference, Target, Task, TaskAssignment


class TaskAssignmentInline(admin.TabularInline):
    model = TaskAssignment
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["number", "kind", "status", "issued_on", "issuer_name"]
    list_filter = ["status", "kind"]
    search_fields = ["number", "ref_id", "title"]
    readonly_fields = ["source_sha256", "version", "created_at", "updated_at", "published_at"]


@admin.register(Task)
class TaskAdmin(admin.ModelAdmin):
    list_display = ["plan", "no", "content", "due_date", "recurrence"]
    list_filter = ["recurrence"]
    search_fields = ["content", "plan__number"]
    inlines = [TaskAssignmentInline]
    readonly_fields = ["version"]


admin.site.register([PlanItem, PlanLink, Reference, Target])
