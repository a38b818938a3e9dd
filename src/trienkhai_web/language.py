"""Vietnamese unless the user chose otherwise.

Django's LocaleMiddleware would follow the browser's Accept-Language, so an official whose browser
happens to be set to English would get English pages. The interface is Vietnamese by default; English is
a choice made with the language selector (stored in the language cookie), not a browser accident.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


class IgnoreBrowserLanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
