from django.contrib import admin

from trienkhai_web.tracking import models


@admin.register(models.ReportingSchedule)
class ReportingScheduleAdmin(admin.ModelAdmin):
    list_display = ("plan", "quarterly", "half_yearly", "yearly", "starts_on", "ends_on", "cutoff_day")


@admin.register(models.ReportingPeriod)
class ReportingPeriodAdmin(admin.ModelAdmin):
    list_display = ("plan", "code", "data_from", "cutoff", "unit_deadline", "compile_deadline")
    list_filter = ("kind",)


@admin.register(models.UnitReport)
class UnitReportAdmin(admin.ModelAdmin):
    list_display = ("period", "organisation", "status", "first_submitted_at", "reviewed_at")
    list_filter = ("status",)
    readonly_fields = ("version", "content_hash", "accepted_hash")  # writes go through the services


@admin.register(models.ReminderLog)
class ReminderLogAdmin(admin.ModelAdmin):
    list_display = ("period", "organisation", "kind", "manual", "created_at", "delivery", "attempts", "sent_at")
    list_filter = ("kind", "manual", "delivery")
