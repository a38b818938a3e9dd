from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "trienkhai_web.accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from trienkhai_web.accounts import throttling  # noqa: F401  (connects the lockout audit receiver)
