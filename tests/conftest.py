"""Shared test set-up: where the sample documents are, and the rule that on CI nothing is skipped
for want of PostgreSQL or a browser."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TRIENKHAI_SHARED", ROOT.parent / "shared"))
CORPUS_DOCS = SHARED / "corpus" / "dev" / "docs"
CORPUS_GOLD = SHARED / "corpus" / "dev" / "gold"

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("DO_NOT_TRACK", "1")


@pytest.fixture(scope="session")
def corpus_docs() -> Path:
    if not CORPUS_DOCS.is_dir():
        pytest.fail(f"the sample documents are missing: {CORPUS_DOCS} (../shared beside the clone)")
    return CORPUS_DOCS


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """On CI, a browser, PostgreSQL or Redis-and-worker test that would be skipped is reported as a failure."""
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("CI") == "true" and report.skipped and (
        item.get_closest_marker("browser") or item.get_closest_marker("postgres")
        or item.get_closest_marker("worker")
    ):
        report.outcome = "failed"
        report.longrepr = f"skipped on CI, which must run it: {report.longrepr}"


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix: None, request: pytest.FixtureRequest) -> None:
    """Tests with a real worker process (marked `worker`) need a test database another process can open:
    on SQLite a file instead of the in-memory default, when such tests are in the session."""
    if not any(item.get_closest_marker("worker") for item in request.session.items):
        return
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        import tempfile

        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        name = Path(tempfile.gettempdir()) / f"trienkhai-test-{os.getpid()}-{worker}.sqlite3"
        database.setdefault("TEST", {})["NAME"] = str(name)
