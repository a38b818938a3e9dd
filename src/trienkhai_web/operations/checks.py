"""`manage.py check --deploy`: settings a production site must not leave at their development value."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import checks

DEVELOPMENT_SITE_URL = "http://127.0.0.1:8000"


@checks.register(checks.Tags.security, deploy=True)
def site_url_is_set(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    if settings.SITE_URL == DEVELOPMENT_SITE_URL:
        return [checks.Warning(
            "SITE_URL is the development address; reminder e-mails would link to this machine's loopback.",
            hint="Set SITE_URL to the site's public address, e.g. https://trienkhai.tinhuy.example.vn.",
            id="trienkhai.W001")]
    return []
