"""An oversized upload is refused before its body is read, with a Vietnamese page; nothing is stored."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import StopUpload
from django.urls import reverse

from tests.web.factories import user_with_role
from trienkhai_web.accounts.models import Role
from trienkhai_web.plans.models import Plan
from trienkhai_web.uploads import LimitedUploadHandler

pytestmark = pytest.mark.django_db
MB = 1024 * 1024


def test_a_declared_oversize_body_is_refused_before_reading(client, settings):
    settings.TRIENKHAI_MAX_UPLOAD_BYTES = 1 * MB
    client.force_login(user_with_role(Role.MONITOR))
    upload = SimpleUploadedFile("ke-hoach.txt", b"KE HOACH\n" * (MB // 4), content_type="text/plain")
    response = client.post(reverse("plans:upload"), {"file": upload}, HTTP_REFERER="http://testserver/ke-hoach/")
    assert response.status_code == 413
    page = response.content.decode()
    assert "Tệp lớn hơn 1 MB" in page and 'href="http://testserver/ke-hoach/"' in page
    assert Plan.objects.count() == 0


def test_a_body_under_the_limit_reaches_the_form(client, settings):
    settings.TRIENKHAI_MAX_UPLOAD_BYTES = 1 * MB
    client.force_login(user_with_role(Role.MONITOR))
    response = client.post(reverse("plans:upload"), {"file": SimpleUploadedFile("x.txt", b"abc")})
    assert response.status_code != 413


def test_the_stream_is_stopped_once_the_limit_is_passed(settings):
    """For a body that does not declare its length: counting chunk by chunk, across files."""
    settings.TRIENKHAI_MAX_UPLOAD_BYTES = 1 * MB
    handler = LimitedUploadHandler()
    handler.new_file("file", "a.pdf", "application/pdf", None)
    chunk = b"x" * (256 * 1024)
    for start in range(0, MB, len(chunk)):
        assert handler.receive_data_chunk(chunk, start) == chunk
    with pytest.raises(StopUpload):
        handler.receive_data_chunk(b"y", MB)
    handler.new_file("other", "b.pdf", "application/pdf", None)  # a second file counts afresh
    assert handler.receive_data_chunk(chunk, 0) == chunk
