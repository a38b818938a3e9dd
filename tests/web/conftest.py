"""Fixtures for the application's tests.

- Passwords are hashed with MD5 for the whole session: the production hasher (PBKDF2) made user set-up
  dominate the run time (one file took 14.7 s instead of 3 s).
- One named person per role (like a cast), all with the password `tests.web.factories.PASSWORD`:

  | fixture | username      | role                                    |
  |---------|---------------|-----------------------------------------|
  | alice   | `quantri`     | administrator                           |
  | bob     | `giamsat`     | monitor, for `monitoring_body`          |
  | carol   | `baocao`      | unit reporter, for `unit`               |
  | dave    | `truongdonvi` | unit head, for `unit`                   |
  | erin    | `lanhdao`     | leader                                  |

  `monitoring_body` is "Ban Dân vận Tỉnh ủy" and `unit` "Hội Liên hiệp Phụ nữ tỉnh"; a test folder whose
  world has other organisations overrides these two fixtures in its own conftest.
- A real browser (Playwright driving Debian's Chromium): `browser`, `page`, and `login()`.
"""

from __future__ import annotations

import os
import shutil

import pytest
from django.test import override_settings

from tests.web.factories import OrganisationFactory, user_with_role
from trienkhai_web.accounts.models import Role

CHROMIUM = os.environ.get("TRIENKHAI_CHROMIUM", "/usr/bin/chromium")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hashing():
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture
def monitoring_body(db):
    return OrganisationFactory(name="Ban Dân vận Tỉnh ủy")


@pytest.fixture
def unit(db):
    return OrganisationFactory(name="Hội Liên hiệp Phụ nữ tỉnh")


@pytest.fixture
def alice(db):
    return user_with_role(Role.ADMINISTRATOR, None, "quantri")


@pytest.fixture
def bob(monitoring_body):
    return user_with_role(Role.MONITOR, monitoring_body, "giamsat")


@pytest.fixture
def carol(unit):
    return user_with_role(Role.UNIT_REPORTER, unit, "baocao")


@pytest.fixture
def dave(unit):
    return user_with_role(Role.UNIT_HEAD, unit, "truongdonvi")


@pytest.fixture
def erin(db):
    return user_with_role(Role.LEADER, None, "lanhdao")


@pytest.fixture(scope="session")
def browser():
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        pytest.skip("Chromium is not installed (scripts/setup.sh installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser tab at 1366×768 whose relative URLs point at the live test server."""
    context = browser.new_context(viewport={"width": 1366, "height": 768}, base_url=live_server.url,
                                  locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


def login(page, username: str, password: str) -> None:
    """Sign in through the real login form."""
    page.goto("/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")
