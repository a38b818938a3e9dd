"""The application shell: health endpoint, Vietnamese by default, dd/mm/yyyy, production-safe settings."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import pytest
from django.test import Client
from django.utils import formats, translation

from tests.web.factories import PASSWORD, UserFactory


@pytest.mark.django_db
def test_health_endpoint_reports_the_database():
    response = Client().get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] in {"sqlite", "postgresql"}


@pytest.mark.django_db
def test_anonymous_visitor_is_sent_to_a_vietnamese_login_page():
    client = Client()
    response = client.get("/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/dang-nhap/")
    html = response.content.decode()
    assert 'lang="vi"' in html
    assert "Đăng nhập" in html
    assert "Mật khẩu" in html


@pytest.mark.django_db
def test_signed_in_user_sees_the_home_page_in_vietnamese():
    user = UserFactory(username="nguoixem")
    client = Client()
    assert client.login(username="nguoixem", password=PASSWORD)
    html = client.get("/").content.decode()
    assert "Đăng xuất" in html
    assert user.username in html or "Người dùng" in html


@pytest.mark.django_db
def test_english_is_available():
    user = UserFactory(username="english")
    client = Client()
    client.login(username=user.username, password=PASSWORD)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert "Log out" in client.get("/").content.decode()


def test_dates_are_shown_day_month_year():
    with translation.override("vi"):
        assert formats.date_format(dt.date(2025, 7, 1), "SHORT_DATE_FORMAT") == "01/07/2025"


def test_time_zone_is_vietnam(settings):
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert settings.LANGUAGE_CODE == "vi"


def _settings_in_subprocess(env: dict[str, str], expr: str) -> str:
    code = f"import django, os; os.environ['DJANGO_SETTINGS_MODULE']='trienkhai_web.settings'; " \
           f"from django.conf import settings; print({expr})"
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS"}}
    result = subprocess.run([sys.executable, "-c", code], env={**clean, **env}, capture_output=True, text=True,
                            check=True)
    return result.stdout.strip()


def test_production_defaults_are_safe():
    out = _settings_in_subprocess(
        {"SECRET_KEY": "x" * 50, "DATABASE_URL": "postgres://u@db/trienkhai", "BEHIND_TLS": "1"},
        "settings.DEBUG, settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE, settings.SECURE_HSTS_SECONDS,"
        " settings.ALLOWED_HOSTS, settings.DATABASES['default']['ENGINE']",
    )
    assert out == "False True True 31536000 [] django.db.backends.postgresql"


def test_development_needs_no_variable_at_all():
    out = _settings_in_subprocess({}, "settings.DEBUG, settings.DATABASES['default']['ENGINE']")
    assert out == "True django.db.backends.sqlite3"


def test_every_user_visible_string_has_a_vietnamese_translation():
    result = subprocess.run([sys.executable, "scripts/check_translations.py"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.django_db
def test_a_browser_set_to_english_still_gets_vietnamese_until_the_user_chooses():
    html = Client().get("/dang-nhap/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'lang="vi"' in html
    assert "Đăng nhập" in html
