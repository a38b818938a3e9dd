"""`trienkhai serve`: migrate if needed, then serve the site.

Development (DEBUG) uses Django's server; otherwise gunicorn with several workers, as in production
(see docs/deploy.md for the reverse proxy in front of it).
"""

from __future__ import annotations

import os

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Chạy ứng dụng web trên máy này."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", default="8000")
        parser.add_argument("--workers", type=int, default=settings.WEB_CONCURRENCY)

    def handle(self, *args, host: str, port: str, workers: int, **options):
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write(f"trienkhai: http://{host}:{port}/  (Ctrl+C để dừng)")
        if settings.DEBUG:
            call_command("runserver", f"{host}:{port}", use_reloader=False, use_threading=True)
            return
        call_command("collectstatic", interactive=False, verbosity=0)
        os.execvp("gunicorn", ["gunicorn", "trienkhai_web.wsgi", "--bind", f"{host}:{port}",
                               "--workers", str(workers), "--access-logfile", "-"])
