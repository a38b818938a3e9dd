"""The error pages users see: Vietnamese, inside the site's layout (menu, a way back), for 400, 403, 404 and 500.

`urls.py` names these views as `handler400/403/404/500`. With DEBUG off Django calls them itself; with DEBUG on
(the demo and development run so, on a development key) Django would answer 404 and 500 with its technical
pages, so `FriendlyErrorsMiddleware` replaces those with the same pages (the traceback still goes to the log).
An API answer (JSON) and a page a view built itself (with its own message) are left as they are.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

log = logging.getLogger(__name__)

_MARK = "_trienkhai_error_page"
# What the inner middleware set on the replaced answer (security headers, language, session cookie).
_KEPT_HEADERS = ("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy",
                 "Cross-Origin-Opener-Policy", "Content-Language", "Vary")


def _texts() -> dict[int, tuple[str, str]]:
    return {
        400: (_("The request could not be understood"),
              _("The page received something it cannot read (a broken link or an old form). Nothing was changed.")),
        403: (_("You may not open this page"),
              _("Your account does not have the right to see or change this. If you need it, ask the "
                "administrator or the monitoring body to give your account the role.")),
        404: (_("Page not found"),
              _("The address does not lead to a page: it may have been typed wrongly, or what it showed was "
                "removed or merged.")),
        500: (_("Something went wrong on our side"),
              _("The site could not finish this request. Nothing you had saved is lost; try again in a moment. "
                "If it happens again, tell the administrator the time it happened.")),
    }


def _back(request: HttpRequest) -> str:
    referer = request.META.get("HTTP_REFERER", "")
    if referer and referer != request.build_absolute_uri() and url_has_allowed_host_and_scheme(
            referer, {request.get_host()}, require_https=request.is_secure()):
        return referer
    return ""


def error_page(request: HttpRequest, status: int, detail: str = "") -> HttpResponse:
    title, message = _texts()[status]
    context = {"status": status, "title": title, "message": message, "detail": detail,
               "back": _back(request), "home": reverse("home")}
    try:
        body = loader.render_to_string("errors/error.html", context, request=request)
    except Exception:  # the layout needs the database (user, menu); a broken one still gets a page
        log.exception("error page %s could not use the layout", status)
        body = loader.render_to_string("errors/plain.html", context)
    response = HttpResponse(body, status=status)
    setattr(response, _MARK, True)
    return response


def _detail(exception: Any) -> str:
    """A message a view raised on purpose (PermissionDenied(_("…"))), shown under the page's own words."""
    text = str(exception or "").strip()
    if not text or text.startswith("{") or "Resolver404" in text or (text.startswith("No ") and "matches" in text):
        return ""
    return text


def bad_request(request: HttpRequest, exception: Any = None) -> HttpResponse:
    return error_page(request, 400)


def permission_denied(request: HttpRequest, exception: Any = None) -> HttpResponse:
    return error_page(request, 403, _detail(exception))


def page_not_found(request: HttpRequest, exception: Any = None) -> HttpResponse:
    return error_page(request, 404)


def server_error(request: HttpRequest) -> HttpResponse:
    return error_page(request, 500)


class FriendlyErrorsMiddleware:
    """With DEBUG on, turn Django's technical 404 and 500 pages into ours (outermost, after every other)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (settings.DEBUG and response.status_code in (404, 500) and not getattr(response, _MARK, False)
                and response.get("Content-Type", "").startswith("text/html")
                and not getattr(response, "streaming", False) and _is_technical(response)):
            page = error_page(request, response.status_code)
            for header in _KEPT_HEADERS:
                if header in response:
                    page[header] = response[header]
            page.cookies = response.cookies
            return page
        return response


def _is_technical(response: HttpResponse) -> bool:
    """Django's own debug pages: any unmarked 500 (no view answers 500 on purpose), and the 404 Django builds
    for an unknown address or an Http404 (its title says "Page not found at", or a bare "Not Found")."""
    if response.status_code == 500:
        return True
    head = response.content[:2000]
    return b"Page not found at" in head or b"<h1>Not Found</h1>" in head


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: a form sent from an old page (or after signing out elsewhere)."""
    return error_page(request, 403, _("The form had expired (the page was open too long, or you signed in "
                                       "again elsewhere). Open the page again and repeat the change."))
