"""`trienkhai serve` on a fresh machine: the embedded queue (folders under var/, no server), a real worker
started beside the web server that runs a job, and both stopped together by one SIGTERM."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]

START_JOB = """
import django, time
django.setup()
from trienkhai_web.jobs import services
from trienkhai_web.jobs.models import Job
job = services.start(None, kind="reminders", key="serve-test")
deadline = time.monotonic() + 60
while not job.finished and time.monotonic() < deadline:
    time.sleep(0.2)
    job.refresh_from_db()
print(job.status, job.attempts)
"""


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _children(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


@pytest.mark.xdist_group("worker")
def test_serve_runs_jobs_in_its_own_worker_and_stops_it(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "CELERY_BROKER_URL", "DEBUG"}}
    env.update(PYTHONPATH=str(ROOT / "src"), TRIENKHAI_VAR=str(tmp_path / "var"), DJANGO_SETTINGS_MODULE="trienkhai_web.settings",
               JOBS_WORKER_CONCURRENCY="1")
    port = _port()
    log = open(tmp_path / "serve.log", "wb")
    serve = subprocess.Popen([sys.executable, "-m", "trienkhai_web.cli", "serve", "--port", str(port)], cwd=ROOT,
                             env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                assert urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2).status == 200
                break
            except OSError:
                assert serve.poll() is None and time.monotonic() < deadline, (tmp_path / "serve.log").read_text()
                time.sleep(0.3)
        (worker,) = [p for p in _children(serve.pid) if b"celery" in Path(f"/proc/{p}/cmdline").read_bytes()]
        done = subprocess.run([sys.executable, "-c", START_JOB], cwd=ROOT, env=env, capture_output=True, text=True,
                              timeout=90)
        assert done.stdout.split() == ["succeeded", "1"], done.stderr[-2000:]
        assert (tmp_path / "var" / "queue").is_dir()  # the embedded queue: folders, no server
        serve.send_signal(signal.SIGTERM)
        serve.wait(40)
        deadline = time.monotonic() + 10
        while Path(f"/proc/{worker}").exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not Path(f"/proc/{worker}").exists()  # stopped (and reaped) with the server
    finally:
        if serve.poll() is None:
            os.killpg(serve.pid, signal.SIGKILL)
        log.close()
