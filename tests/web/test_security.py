"""Site-wide protections: CSP without inline code, sessions that end, no public file URLs, a private schema."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import Client

from tests.web.factories import user_with_role
from trienkhai_web.accounts.models import Role

pytestmark = pytest.mark.django_db
TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "trienkhai_web"


def test_pages_carry_a_content_security_policy_without_inline_code(client):
    client.force_login(user_with_role(Role.LEADER))
    policy = client.get("/").headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'" and directives["object-src"] == "'none'"


@pytest.mark.parametrize("template", sorted(p.relative_to(TEMPLATES).as_posix()
                                            for p in TEMPLATES.rglob("templates/**/*.html")))
def test_no_template_needs_inline_script_or_style(template):
    """What the policy would block: inline handlers, inline <script>, style attributes and <style>."""
    text = (TEMPLATES / template).read_text(encoding="utf-8")
    assert not re.search(r"\son[a-z]+\s*=", text), "inline event handler"
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), "inline <script>"
    assert not re.search(r"\sstyle\s*=|<style", text), "inline style"


def test_a_session_ends_with_the_browser_and_after_idle_hours(client, settings):
    user = user_with_role(Role.UNIT_REPORTER)
    client.force_login(user)
    response = client.get("/")
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE and client.session.get_expire_at_browser_close()
    assert client.session.get_expiry_age() == 8 * 3600
    cookie = response.cookies.get(settings.SESSION_COOKIE_NAME) or client.cookies[settings.SESSION_COOKIE_NAME]
    assert not cookie["max-age"] and not cookie["expires"]  # a browser-session cookie


def test_activity_moves_the_idle_expiry(client):
    from trienkhai_web.sessions import _SEEN
    client.force_login(user_with_role(Role.UNIT_REPORTER))
    client.get("/")
    session = client.session
    session[_SEEN] = 0  # last activity long ago: the next request writes a fresh expiry
    session.save()
    client.get("/")
    assert client.session[_SEEN] > 0


def test_uploaded_files_have_no_public_url_even_in_debug(client, settings):
    name = default_storage.save("plans/2026/12/du-thao.txt", ContentFile(b"KE HOACH mat"))
    try:
        for signed_in in (False, True):
            if signed_in:
                client.force_login(user_with_role(Role.LEADER))
            response = client.get("/" + settings.MEDIA_URL + name)
            assert response.status_code == 404
            assert b"KE HOACH mat" not in response.content
    finally:
        default_storage.delete(name)


def test_the_api_schema_and_its_docs_need_a_login():
    anonymous = Client()
    assert anonymous.get("/api/schema/").status_code in (401, 403)
    docs = anonymous.get("/api/docs/")
    assert docs.status_code == 302 and "/dang-nhap/" in docs["Location"]
