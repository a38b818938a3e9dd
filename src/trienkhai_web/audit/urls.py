from django.urls import path

from trienkhai_web.audit import views

app_name = "audit"
urlpatterns = [
    path("nhat-ky/", views.trail, name="trail"),
]
