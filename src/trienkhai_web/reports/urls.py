from django.urls import path

from trienkhai_web.reports import views

app_name = "reports"
urlpatterns = [
    path("ke-hoach/<int:pk>/bao-cao/", views.build, name="build"),
    path("ke-hoach/<int:pk>/bao-cao/xem-truoc/", views.preview, name="preview"),
    path("ke-hoach/<int:pk>/bao-cao/thiet-lap/", views.save_settings, name="settings"),
    path("ke-hoach/<int:pk>/bao-cao/hoat-dong/", views.own_activity, name="own_activity"),
    path("ke-hoach/<int:pk>/bao-cao/tai-ve.<str:fmt>", views.download, name="download"),
    path("ke-hoach/<int:pk>/bao-cao/da-lap/<int:report_id>.<str:fmt>", views.history_file, name="history_file"),
    path("ke-hoach/<int:pk>/bao-cao/lap/", views.start, name="start"),
]
