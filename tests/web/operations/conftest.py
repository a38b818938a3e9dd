"""The operations tests back up the tracking tests' small province (plans, units, reports, evidence)."""

from tests.web.tracking.conftest import world  # noqa: F401 (the tracking world, re-exported)
