"""The API's one exception handler: a service's refusal becomes 400 / 409 / 404 / 403 with its message."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from rest_framework.permissions import AllowAny
from rest_framework.test import APIRequestFactory
from rest_framework.views import APIView

from tests.web.api.conftest import client_for
from trienkhai_web.accounts.models import Role
from trienkhai_web.audit.models import AuditEntry
from trienkhai_web.errors import Conflict, NotFound, UserError
from trienkhai_web.organisations.models import Organisation


def _raising(error: Exception) -> APIView:
    class Raising(APIView):
        permission_classes = [AllowAny]
        authentication_classes: list = []

        def get(self, request):  # type: ignore[no-untyped-def]
            raise error

    return Raising.as_view()


@pytest.mark.parametrize("error,status,body", [
    (UserError("Sai dữ liệu"), 400, {"detail": "Sai dữ liệu"}),
    (UserError("Chưa nộp được:", ["Thiếu trạng thái"]), 400,
     {"detail": "Chưa nộp được:", "problems": ["Thiếu trạng thái"]}),
    (Conflict("Người khác đã sửa"), 409, {"detail": "Người khác đã sửa"}),
    (NotFound("Không còn nữa"), 404, {"detail": "Không còn nữa"}),
    (PermissionDenied("Bạn không có quyền"), 403, {"detail": "Bạn không có quyền"}),
])
def test_handler_maps_each_refusal(error, status, body):
    response = _raising(error)(APIRequestFactory().get("/"))
    assert (response.status_code, response.data) == (status, body)


def test_permission_denied_without_message_keeps_drf_default():
    response = _raising(PermissionDenied())(APIRequestFactory().get("/"))
    assert response.status_code == 403 and response.data["detail"]


def test_through_the_organisation_endpoints(world):
    url = f"/api/organisations/{world.unit.pk}/"
    monitor, leader = client_for(world.users[Role.MONITOR]), client_for(world.users[Role.LEADER])
    refused = leader.patch(url, {"version": 1, "name": "Đổi tên"}, format="json")
    assert refused.status_code == 403 and refused.json()["detail"] == "Bạn không có quyền thay đổi tổ chức."
    missing = monitor.patch(url, {"name": "Đổi tên"}, format="json")
    assert missing.status_code == 409 and "version" in missing.json()["detail"]
    garbage = monitor.patch(url, {"version": "hai", "name": "Đổi tên"}, format="json")
    assert garbage.status_code == 400 and garbage.json()["detail"] == "Biểu mẫu thiếu thông tin: hãy tải lại trang."
    bad = monitor.post("/api/organisations/", {"name": "Sở mới", "kind": "department", "valid_from": "2025-07-01",
                                               "valid_to": "2025-01-01"}, format="json")
    assert bad.status_code == 400 and bad.json() == {"detail": "Ngày kết thúc không thể trước ngày bắt đầu."}
    assert not Organisation.objects.filter(name="Sở mới").exists()
    unit = Organisation.objects.get(pk=world.unit.pk)
    assert (unit.name, unit.version) == (world.unit.name, 1)
    assert not AuditEntry.objects.filter(action="organisation.update").exists()
