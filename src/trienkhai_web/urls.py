from csp.constants import UNSAFE_INLINE
from csp.decorators import csp_update
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from trienkhai_web import errors_pages, health, views
from trienkhai_web.accounts import sign_in_views

handler400 = errors_pages.bad_request
handler403 = errors_pages.permission_denied
handler404 = errors_pages.page_not_found
handler500 = errors_pages.server_error

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", health.healthz, name="healthz"),
    path("dang-nhap/", sign_in_views.LoginView.as_view(), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # The split view serves its start script as a file: no inline script, as the CSP requires; its page
    # keeps Swagger UI's own small inline <style>.
    path("api/docs/", login_required(csp_update({"style-src": [UNSAFE_INLINE]})(
        SpectacularSwaggerSplitView.as_view(url_name="api-schema"))), name="api-docs"),
    path("", include("trienkhai_web.accounts.urls")),
    path("", include("trienkhai_web.organisations.urls")),
    path("", include("trienkhai_web.audit.urls")),
    path("", include("trienkhai_web.plans.urls")),
    path("", include("trienkhai_web.tracking.urls")),
    path("", include("trienkhai_web.reports.urls")),
    path("", include("trienkhai_web.search.urls")),
    path("", include("trienkhai_web.jobs.urls")),
    path("api/", include("trienkhai_web.api_urls")),
]
# Uploaded files (plan sources, evidence) are never served from a public URL, not even with DEBUG on:
# only the permission-checked download views hand them out.
