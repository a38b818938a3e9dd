"""A real Celery worker process on the real Redis (database 1), reading the test database.

The worker is started once per test process (session) on a queue of its own, with the test database's
address (a file on SQLite, see tests/conftest.py; the test database on PostgreSQL) and the same folders
for job files and media. Tests that use it are marked `worker` and commit their data
(`transactional_db`), so that the worker sees it. Without Redis they are skipped, and fail on CI.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

REDIS_URL = os.environ.get("TRIENKHAI_TEST_REDIS", "redis://127.0.0.1:6379/1")
ROOT = Path(__file__).resolve().parents[3]


def redis_ready() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


def database_url() -> str:
    from django.db import connection

    s = connection.settings_dict
    if s["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{s['NAME']}"
    user = s.get("USER") or "postgres"
    password = f":{s['PASSWORD']}" if s.get("PASSWORD") else ""
    return f"postgres://{user}{password}@{s.get('HOST') or '127.0.0.1'}:{s.get('PORT') or 5432}/{s['NAME']}"


class Worker:
    """A `celery worker` child process; `kill()` is SIGKILL of the worker and its pool, `start()` a new one."""

    def __init__(self, env: dict[str, str], queue: str, log: Path) -> None:
        self.env, self.queue, self.log = env, queue, log
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        command = [sys.executable, "-m", "celery", "-A", "trienkhai_web.celery_app", "worker", "--loglevel=INFO",
                   "--concurrency=1", "--without-mingle", "--without-gossip", "--without-heartbeat",
                   "-Q", self.queue, "-n", f"{self.queue}-{uuid.uuid4().hex[:6]}@%h"]
        with open(self.log, "ab") as out:
            self.process = subprocess.Popen(command, env=self.env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
                                            start_new_session=True)
        deadline = time.monotonic() + 30
        while b"ready." not in self.log.read_bytes().split(b"worker-start")[-1]:
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the worker did not start:\n{self.log.read_text(errors='replace')[-3000:]}")
            time.sleep(0.1)

    def kill(self) -> None:
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        with open(self.log, "ab") as out:
            out.write(b"\n--- killed ---\nworker-start\n")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(3)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


@pytest.fixture(scope="session")
def _worker_session(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[Worker]:
    if not redis_ready():
        pytest.skip(f"Redis is not reachable at {REDIS_URL}")
    from django.conf import settings

    from trienkhai_web.celery_app import app

    base = tmp_path_factory.mktemp("worker")
    queue = f"tests-{uuid.uuid4().hex[:10]}"
    with django_db_blocker.unblock():
        url = database_url()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "DATABASE_URL": url, "CELERY_BROKER_URL": REDIS_URL,
           "CELERY_QUEUE": queue, "JOBS_DIR": str(base / "jobs"), "MEDIA_ROOT": str(settings.MEDIA_ROOT),
           "EVIDENCE_ROOT": str(settings.EVIDENCE_ROOT), "TRIENKHAI_VAR": str(base / "var"),
           "JOBS_STALE_SECONDS": "2", "JOBS_VISIBILITY_TIMEOUT": "2", "JOBS_RETRY_SECONDS": "1",
           "DB_CONN_MAX_AGE": "0",
           "EMAIL_BACKEND": "tests.web.jobs.flaky_mail.FlakyBackend"}
    (base / "mail").mkdir()
    env["EMAIL_FILE_PATH"] = str(base / "mail")
    # This process sends to the same broker and queue and reads the same job folder.
    app.conf.broker_url = REDIS_URL
    app.conf.broker_transport_options = {"visibility_timeout": 2}
    app.conf.task_default_queue = queue
    app.amqp._producer_pool = None
    app._pool = None
    worker = Worker(env, queue, base / "worker.log")
    (base / "worker.log").write_bytes(b"worker-start\n")
    worker.start()
    worker.base = base  # type: ignore[attr-defined]
    yield worker
    worker.stop()


@pytest.fixture
def worker(_worker_session: Worker, transactional_db, settings) -> Iterator[Worker]:
    settings.JOBS_DIR = _worker_session.base / "jobs"  # type: ignore[attr-defined]
    settings.CELERY_TASK_DEFAULT_QUEUE = _worker_session.queue
    if _worker_session.process is None or _worker_session.process.poll() is not None:
        _worker_session.start()
    yield _worker_session


def wait_for(job, done=lambda j: j.finished, timeout: float = 60.0):  # type: ignore[no-untyped-def]
    """The job, reloaded until `done(job)` (by default: finished); fails with its state on time-out."""
    deadline = time.monotonic() + timeout
    while True:
        job.refresh_from_db()
        if done(job):
            return job
        if time.monotonic() > deadline:
            pytest.fail(f"job {job.pk} still {job.status} at step {job.step} {job.page}/{job.total}: {job.message}")
        time.sleep(0.1)
