"""Two-step sign-in: the password alone does not sign in a user with a key; the code does; the site can
require it for administrators and monitoring bodies; wrong codes end the attempt."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.web.factories import PASSWORD
from trienkhai_web.accounts import two_factor
from trienkhai_web.audit.actions import Action
from trienkhai_web.audit.models import AuditEntry

pytestmark = pytest.mark.django_db
LOGIN, VERIFY, SETUP = reverse("login"), reverse("accounts:two_factor_verify"), reverse("accounts:two_factor")


def _code(device: TOTPDevice, shift: int = 0) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits) + shift:06d}"[-6:]


def _key_for(user) -> TOTPDevice:
    device = two_factor.start_setup(user)
    two_factor.confirm_setup(user, code=_code(device))
    device.refresh_from_db()
    device.last_t = -1  # a test may use the same 30-second code again
    device.save()
    return device


def _password(client, user):
    return client.post(LOGIN, {"username": user.username, "password": PASSWORD}, REMOTE_ADDR="10.0.0.9")


def test_setting_up_shows_a_qr_code_and_is_on_only_after_a_right_code(client, bob):
    client.force_login(bob)
    page = client.post(SETUP, {"action": "start"}).content.decode()
    assert "<svg" in page and "Khóa" in page
    device = TOTPDevice.objects.get(user=bob)
    assert not device.confirmed
    wrong = client.post(SETUP, {"action": "confirm", "code": "000000" if _code(device) != "000000" else "111111"})
    assert wrong.status_code == 400 and "Mã chưa đúng" in wrong.content.decode()
    assert client.post(SETUP, {"action": "confirm", "code": _code(device)}).status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert AuditEntry.objects.filter(action=Action.TWO_FACTOR_ENABLE, user=bob).exists()


def test_the_password_alone_does_not_sign_in_a_user_with_a_key(client, bob):
    device = _key_for(bob)
    response = _password(client, bob)
    assert response.status_code == 302 and response.url == VERIFY
    assert "_auth_user_id" not in client.session  # half-way is not signed in
    assert client.get(reverse("home")).status_code == 302  # the site still sends to the sign-in page
    signed_in = client.post(VERIFY, {"code": _code(device)})
    assert signed_in.status_code == 302
    assert client.session["_auth_user_id"] == str(bob.pk)


def test_wrong_codes_end_the_attempt_and_are_audited(client, bob):
    device = _key_for(bob)
    _password(client, bob)
    bad = "123456" if _code(device) != "123456" else "654321"
    for _ in range(two_factor.MAX_WRONG_CODES - 1):
        assert client.post(VERIFY, {"code": bad}).status_code == 400
    last = client.post(VERIFY, {"code": bad})
    assert last.status_code == 429 and "Nhập sai mã quá nhiều lần" in last.content.decode()
    # The right code no longer helps: the password step has to be done again.
    assert client.post(VERIFY, {"code": _code(device)}).status_code == 302
    assert "_auth_user_id" not in client.session
    assert AuditEntry.objects.filter(action=Action.LOGIN_SECOND_FACTOR_FAILED).count() == two_factor.MAX_WRONG_CODES


def test_a_user_without_a_key_signs_in_with_the_password(client, carol):
    assert _password(client, carol).status_code == 302
    assert client.session["_auth_user_id"] == str(carol.pk)


def test_when_required_a_monitor_without_a_key_reaches_only_the_setup_page(client, settings, bob, carol):
    settings.TWO_FACTOR_REQUIRED = True
    client.force_login(bob)
    assert client.get(reverse("plans:list")).url == SETUP
    assert client.get(SETUP).status_code == 200
    assert "phải đăng nhập hai bước" in client.get(SETUP).content.decode()
    client.force_login(carol)  # a unit's reporter is not required to
    assert client.get(reverse("plans:list")).status_code in (200, 403)


def test_when_required_it_cannot_be_turned_off(client, settings, bob):
    device = _key_for(bob)
    settings.TWO_FACTOR_REQUIRED = True
    _password(client, bob)
    client.post(VERIFY, {"code": _code(device)})
    refused = client.post(SETUP, {"action": "disable", "code": _code(device)})
    assert refused.status_code == 400 and TOTPDevice.objects.filter(user=bob).exists()


def test_turning_it_off_needs_the_current_code(client, bob):
    device = _key_for(bob)
    client.force_login(bob)
    assert client.post(SETUP, {"action": "disable", "code": "12"}).status_code == 400
    assert client.post(SETUP, {"action": "disable", "code": _code(device)}).status_code == 302
    assert not TOTPDevice.objects.filter(user=bob).exists()
    assert AuditEntry.objects.filter(action=Action.TWO_FACTOR_DISABLE).exists()


def test_the_administrator_resets_a_lost_key(bob):
    from django.core.management import call_command
    _key_for(bob)
    call_command("reset_two_factor", bob.username)
    assert not TOTPDevice.objects.filter(user=bob).exists()
    assert AuditEntry.objects.filter(action=Action.TWO_FACTOR_RESET).exists()


def test_the_code_step_redirects_only_inside_the_site(client, bob):
    device = _key_for(bob)
    client.post(LOGIN, {"username": bob.username, "password": PASSWORD, "next": "https://evil.example/"},
                REMOTE_ADDR="10.0.0.9")
    response = client.post(VERIFY, {"code": _code(device)})
    assert response.status_code == 302 and "evil" not in response.url
