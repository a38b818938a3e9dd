"""`trienkhai serve`: migrate if needed, then serve the site, with a background worker beside it.

Development (DEBUG) uses Django's server; otherwise gunicorn with several workers, as in production
(see docs/deploy.md for the reverse proxy in front of it). Unless JOBS_WORKER_IN_SERVE=0, a Celery worker
with the beat (reminders, the sweep of lost jobs) runs as a child process on the configured broker (the
embedded queue by default): it is started first and stopped with the server, whichever ends first.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


def worker_command(concurrency: int, beat: bool = True) -> list[str]:
    """The worker's command line (this interpreter, this settings module)."""
    command = [sys.executable, "-m", "celery", "-A", "trienkhai_web.celery_app", "worker", "--loglevel=INFO",
               f"--concurrency={concurrency}", "--without-mingle", "--without-gossip",
               "-Q", settings.CELERY_TASK_DEFAULT_QUEUE]
    if beat:
        command += ["--beat", "--schedule", str(settings.VAR_DIR / "celerybeat-schedule")]
    return command


def stop(process: subprocess.Popen[Any] | None, timeout: float = 20.0) -> None:
    """A warm shutdown (the running job finishes or goes back to the queue), then a kill if it hangs."""
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class Command(BaseCommand):
    help = "Chạy ứng dụng web trên máy này (cùng tiến trình chạy việc nền)."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", default="8000")
        parser.add_argument("--workers", type=int, default=settings.WEB_CONCURRENCY)
        parser.add_argument("--no-worker", action="store_true", help="không chạy tiến trình việc nền")

    def handle(self, *args, host: str, port: str, workers: int, no_worker: bool = False, **options):
        call_command("migrate", interactive=False, verbosity=0)
        # Stopped by a service manager (SIGTERM): stop the worker and the server too, not leave them behind.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        worker = None
        if settings.JOBS_WORKER_IN_SERVE and not no_worker:
            worker = subprocess.Popen(worker_command(settings.JOBS_WORKER_CONCURRENCY))
            self.stdout.write(f"trienkhai: việc nền chạy trong tiến trình {worker.pid}")
        self.stdout.write(f"trienkhai: http://{host}:{port}/  (Ctrl+C để dừng)")
        try:
            if settings.DEBUG:
                call_command("runserver", f"{host}:{port}", use_reloader=False, use_threading=True)
                return
            call_command("collectstatic", interactive=False, verbosity=0)
            server = subprocess.Popen(["gunicorn", "trienkhai_web.wsgi", "--bind", f"{host}:{port}",
                                       "--workers", str(workers), "--access-logfile", "-"])
            try:
                server.wait()
            finally:
                stop(server)
        except KeyboardInterrupt:
            pass
        finally:
            stop(worker)
