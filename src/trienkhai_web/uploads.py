"""Uploads bounded while they arrive, never read whole before the size check.

`TRIENKHAI_MAX_UPLOAD_BYTES` is the largest file any form accepts (each use may accept less: evidence,
organisation lists). `RequestSizeLimitMiddleware` refuses a request whose declared length is already over
it before a byte of the body is read; `LimitedUploadHandler` counts the bytes as they stream in (for a
body that does not declare its length, or lies about it) and stops the upload, so nothing over the limit
is ever held in a worker's memory or written to disk.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

# Room for the other form fields and the multipart framing around the file itself.
_ENVELOPE = 64 * 1024


def too_large_message() -> str:
    return _("The file is larger than %(mb)s MB, the most this site accepts. Nothing was saved.") % {
        "mb": settings.TRIENKHAI_MAX_UPLOAD_BYTES // (1024 * 1024)}


class RequestSizeLimitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0
        if declared > settings.TRIENKHAI_MAX_UPLOAD_BYTES + _ENVELOPE:
            referer = request.META.get("HTTP_REFERER", "")
            back = referer if url_has_allowed_host_and_scheme(referer, {request.get_host()}) else reverse("home")
            return render(request, "upload_too_large.html", {"message": too_large_message(), "back": back},
                          status=413)
        return self.get_response(request)


class LimitedUploadHandler(FileUploadHandler):
    """First in FILE_UPLOAD_HANDLERS: passes chunks on while the running total is within the limit."""

    def __init__(self, request: Any = None) -> None:
        super().__init__(request)
        self.received = 0

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > settings.TRIENKHAI_MAX_UPLOAD_BYTES:
            raise StopUpload(connection_reset=False)  # the form then has no file and says so
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None  # the next handler (memory or temporary file) builds the file
