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
    """On CI, a browser or PostgreSQL test that would be skipped is reported as a failure."""
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("CI") == "true" and report.skipped and (
        item.get_closest_marker("browser") or item.get_closest_marker("postgres")
    ):
        report.outcome = "failed"
        report.longrepr = f"skipped on CI, which must run it: {report.longrepr}"
