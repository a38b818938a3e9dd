from django.urls import path

from trienkhai_web.jobs import views

app_name = "jobs"
urlpatterns = [
    path("cong-viec/", views.job_list, name="list"),
    path("cong-viec/<int:pk>/", views.detail, name="detail"),
    path("cong-viec/<int:pk>/tien-do/", views.progress, name="progress"),
    path("cong-viec/<int:pk>/huy/", views.cancel, name="cancel"),
    path("cong-viec/<int:pk>/tai-ve/", views.download, name="download"),
    path("ke-hoach/<int:plan_id>/bang-theo-doi/xuat/", views.export, name="export"),
]
