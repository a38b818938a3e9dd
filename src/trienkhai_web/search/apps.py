from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "trienkhai_web.search"
    verbose_name = _("Search")

    def ready(self) -> None:
        from trienkhai_web.search import signals

        signals.connect()
