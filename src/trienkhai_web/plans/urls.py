from django.urls import path

from trienkhai_web.plans import views

app_name = "plans"
urlpatterns = [
    path("ke-hoach/", views.plan_list, name="list"),
    path("ke-hoach/nhap/", views.upload, name="upload"),
    path("ke-hoach/<int:pk>/", views.detail, name="detail"),
    path("ke-hoach/<int:pk>/van-ban-goc/", views.source_document, name="source"),
    path("ke-hoach/<int:pk>/tiep-thu/", views.cascade, name="cascade"),
    path("ke-hoach/<int:pk>/tiep-thu.xlsx", views.cascade_xlsx, name="cascade_xlsx"),
    path("ke-hoach/<int:pk>/ra-soat/", views.review, name="review"),
    path("ke-hoach/<int:pk>/ra-soat/muc/", views.review_item, name="review_item"),
    path("ke-hoach/<int:pk>/ra-soat/trang-quet/<int:page>.png", views.scan_page, name="scan_page"),
    path("ke-hoach/<int:pk>/ra-soat/co-quan/", views.review_agency, name="review_agency"),
    path("ke-hoach/<int:pk>/ra-soat/thong-tin/", views.review_header, name="review_header"),
    path("ke-hoach/<int:pk>/ra-soat/nhiem-vu-tu-y/", views.review_bullets, name="review_bullets"),
    path("ke-hoach/<int:pk>/thong-tin/", views.plan_header, name="plan_header"),
    path("ke-hoach/<int:pk>/ban-hanh/", views.publish, name="publish"),
    path("to-chuc/chon/", views.organisation_search, name="organisation_search"),
    path("nhiem-vu/<int:pk>/", views.task_edit, name="task"),
    path("viec-cua-don-vi/", views.work_index, name="work_index"),
    path("viec-cua-don-vi/<int:pk>/", views.work, name="work"),
]
