from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """Running the site: serve, back up, load the demo."""

    name = "trienkhai_web.operations"
    verbose_name = _("Operations")

    def ready(self) -> None:
        from trienkhai_web.operations import checks  # noqa: F401 (registers the deploy checks)
