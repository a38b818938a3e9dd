from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "trienkhai_web.jobs"
    verbose_name = _("Background jobs")

    def ready(self) -> None:
        # The tasks' Celery app (the broker settings) for this process, before anything is queued.
        from trienkhai_web import celery_app  # noqa: F401
