"""The monitoring body's journey through two-step sign-in, in Chromium at desktop and phone width."""

from __future__ import annotations

import re

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.web.conftest import login
from tests.web.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _code(user) -> str:
    device = TOTPDevice.objects.get(user=user)
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


@pytest.mark.parametrize("width", [1366, 390])
def test_set_up_then_sign_in_with_the_code(page, bob, width, tmp_path):
    page.set_viewport_size({"width": width, "height": 800})
    login(page, bob.username, PASSWORD)
    page.click("a.who")
    page.click("text=Thiết lập đăng nhập hai bước")
    assert page.locator("figure.qr svg").is_visible()
    page.screenshot(path=str(tmp_path / f"setup-{width}.png"), full_page=True)
    secret = page.locator("figure.qr code").inner_text()
    assert re.fullmatch(r"[A-Z2-7 ]{20,}", secret)
    page.fill("#id_code", _code(bob))
    page.click("text=Bật đăng nhập hai bước")
    page.wait_for_selector("text=Đăng nhập hai bước đang bật")
    # Sign out, sign in: the password leads to the code page, the code into the site.
    page.click("form.logout button")
    login(page, bob.username, PASSWORD)
    assert "/dang-nhap/ma-xac-thuc/" in page.url
    page.screenshot(path=str(tmp_path / f"code-{width}.png"), full_page=True)
    device = TOTPDevice.objects.get(user=bob)
    device.last_t = -1  # the same 30-second code as at set-up is accepted again in this test
    device.save()
    page.fill("#id_code", _code(bob))
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert "/dang-nhap/" not in page.url
    assert page.locator("form.logout").is_visible()
