"""The production path, as far as it runs here: gunicorn with several workers, DEBUG off, static files
collected, the health endpoint and a page served through it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.skipif(os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="runs once, on SQLite")
def test_gunicorn_with_two_workers_serves_health_and_login(tmp_path: Path):
    bindir = Path(sys.executable).parent
    env = {
        **{k: v for k, v in os.environ.items() if k not in {"DEBUG", "DATABASE_URL"}},
        "SECRET_KEY": "test-" + "k" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "TRIENKHAI_VAR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "trienkhai_web.settings",
    }
    subprocess.run([sys.executable, "-m", "django", "migrate", "-v0"], env=env, check=True)
    subprocess.run([sys.executable, "-m", "django", "collectstatic", "--noinput", "-v0"], env=env, check=True)
    port = _free_port()
    server = subprocess.Popen([str(bindir / "gunicorn"), "trienkhai_web.wsgi", "--workers", "2",
                               "--bind", f"127.0.0.1:{port}"], env=env, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as r:
                    assert r.status == 200
                    assert b'"database": "sqlite"' in r.read()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.3)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/dang-nhap/", timeout=5) as r:
            html = r.read().decode()
        assert "Đăng nhập" in html
        assert "/static/css/app." in html  # hashed name from the manifest: collectstatic really ran
        cookie_headers = r.headers.get_all("Set-Cookie") or []
        assert all("Secure" in c for c in cookie_headers if c.startswith("csrftoken"))
    finally:
        server.terminate()
        server.wait(timeout=10)
