from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "trienkhai_web.reports"
    verbose_name = _("Periodic and review reports")
