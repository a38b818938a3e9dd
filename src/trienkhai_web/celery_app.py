"""The Celery application: `celery -A trienkhai_web.celery_app worker` (or `trienkhai serve`, which starts one).

Configured from Django's settings (the CELERY_* names in settings.py, read from the environment): Redis as
broker in production, the embedded file-system queue under var/ by default (docs/deploy.md says why).
"""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trienkhai_web.settings")

app = Celery("trienkhai")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks(["trienkhai_web.jobs"])
