"""Login throttling: wrong passwords lock the account and the address; a locked login is refused cheaply."""

from __future__ import annotations

from unittest import mock

import pytest
from axes.utils import reset
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.test import RequestFactory, override_settings
from django.urls import reverse

from tests.web.factories import PASSWORD, UserFactory
from trienkhai_web.accounts.throttling import client_ip
from trienkhai_web.audit.actions import Action
from trienkhai_web.audit.models import AuditEntry

pytestmark = pytest.mark.django_db
LOGIN = reverse("login")


@pytest.fixture(autouse=True)
def _fast_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _try(client, username, password, address="10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def _fail(client, username, times, address="10.0.0.1"):
    """`times` wrong passwords; the one that reaches the limit is answered with the lockout page."""
    for i in range(1, times + 1):
        expected = 429 if i >= django_settings.AXES_FAILURE_LIMIT else 200
        assert _try(client, username, "sai-mat-khau", address).status_code == expected


def test_the_right_password_is_refused_after_five_wrong_ones(client, settings):
    UserFactory(username="giamsat")
    _fail(client, "giamsat", settings.AXES_FAILURE_LIMIT)
    response = _try(client, "giamsat", PASSWORD)
    assert response.status_code == 429
    assert "Nhập sai mật khẩu quá nhiều lần" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_locked_login_is_refused_before_any_password_hashing(client, settings):
    UserFactory(username="giamsat")
    _fail(client, "giamsat", settings.AXES_FAILURE_LIMIT)
    with mock.patch.object(get_user_model(), "check_password", autospec=True) as check:
        assert _try(client, "giamsat", PASSWORD).status_code == 429
    check.assert_not_called()


def test_one_address_guessing_many_accounts_is_locked_too(client, settings):
    for i in range(settings.AXES_FAILURE_LIMIT):
        _try(client, f"khong-co-{i}", "sai-mat-khau", address="10.0.0.9")
    UserFactory(username="baocao")
    assert _try(client, "baocao", PASSWORD, address="10.0.0.9").status_code == 429
    # the same account from another computer is still open: only the address reached the limit
    assert _try(client, "baocao", PASSWORD, address="10.0.0.10").status_code == 302


def test_a_lockout_is_audited_and_an_administrator_can_unlock(client, settings):
    user = UserFactory(username="truongdonvi")
    _fail(client, "truongdonvi", settings.AXES_FAILURE_LIMIT)
    entry = AuditEntry.objects.get(action=Action.LOGIN_LOCKED_OUT)
    assert entry.object_id == str(user.pk) and entry.after["username"] == "truongdonvi"
    reset(username="truongdonvi")
    reset(ip="10.0.0.1")
    assert _try(client, "truongdonvi", PASSWORD).status_code == 302


def test_fewer_failures_than_the_limit_do_not_lock_and_success_resets(client, settings):
    UserFactory(username="lanhdao")
    _fail(client, "lanhdao", settings.AXES_FAILURE_LIMIT - 1)
    assert _try(client, "lanhdao", PASSWORD).status_code == 302
    client.logout()
    _fail(client, "lanhdao", settings.AXES_FAILURE_LIMIT - 1)
    assert _try(client, "lanhdao", PASSWORD).status_code == 302


@pytest.mark.parametrize(("behind_tls", "forwarded", "expected"), [
    (True, "1.2.3.4, 203.0.113.7", "203.0.113.7"),  # the hop nginx appended, not what the client wrote
    (True, "", "127.0.0.1"),
    (False, "203.0.113.7", "127.0.0.1"),  # without the proxy the header is the client's own words
])
def test_client_address_behind_the_proxy(behind_tls, forwarded, expected):
    request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    with override_settings(BEHIND_TLS=behind_tls):
        assert client_ip(request) == expected
