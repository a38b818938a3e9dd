import pytest


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Each test creates one user per role: the production hasher would dominate the run time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
