"""The operations tests back up the tracking tests' small province (plans, units, reports, evidence)."""

from tests.web.tracking.conftest import fast_passwords, world  # noqa: F401 (fixtures re-exported)
