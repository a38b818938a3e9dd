"""The error pages: Vietnamese, inside the site's layout with its menu and a way back, with DEBUG on or off."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.test import override_settings
from django.urls import path

from trienkhai_web import errors_pages
from trienkhai_web.urls import urlpatterns as site_patterns


def _boom(request):
    raise RuntimeError("kaboom")


def _denied(request):
    raise PermissionDenied("Bạn không được đọc nhật ký.")


urlpatterns = [path("loi-thu/", _boom), path("cam-thu/", _denied), *site_patterns]
handler403 = errors_pages.permission_denied
handler404 = errors_pages.page_not_found
handler500 = errors_pages.server_error

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]


@pytest.mark.parametrize("debug", [False, True])
def test_404_is_vietnamese_inside_the_layout(client, alice, debug):
    client.force_login(alice)
    with override_settings(DEBUG=debug):
        response = client.get("/khong-co-trang-nay/", HTTP_REFERER="http://testserver/ke-hoach/")
    body = response.content.decode()
    assert response.status_code == 404
    assert "Không tìm thấy trang" in body
    assert 'class="mainnav"' in body  # the menu
    assert 'href="http://testserver/ke-hoach/"' in body and "Quay lại trang trước" in body
    assert "Về trang chủ" in body
    assert "Page not found at" not in body and "Traceback" not in body


@pytest.mark.parametrize("debug", [False, True])
def test_403_says_why_in_vietnamese(client, carol, debug):
    client.force_login(carol)
    with override_settings(DEBUG=debug):
        response = client.get("/cam-thu/")
    body = response.content.decode()
    assert response.status_code == 403
    assert "Bạn không có quyền mở trang này" in body and "Bạn không được đọc nhật ký." in body
    assert 'class="mainnav"' in body


@pytest.mark.parametrize("debug", [False, True])
def test_500_is_our_page_not_the_debug_page(client, alice, debug):
    client.raise_request_exception = False
    client.force_login(alice)
    with override_settings(DEBUG=debug, DEBUG_PROPAGATE_EXCEPTIONS=False):
        response = client.get("/loi-thu/")
    body = response.content.decode()
    assert response.status_code == 500
    assert "Hệ thống gặp sự cố" in body
    assert "kaboom" not in body and "Traceback" not in body


def test_api_404_stays_json(client, alice):
    client.force_login(alice)
    with override_settings(DEBUG=True):
        response = client.get("/api/plans/999999/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")


def test_signed_out_visitor_is_offered_the_login(client):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Đăng nhập" in response.content.decode()


def test_csrf_failure_is_vietnamese(alice):
    from django.test import Client

    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(alice)
    response = csrf_client.post("/dang-xuat/")
    assert response.status_code == 403
    assert "Biểu mẫu đã hết hạn" in response.content.decode()
