from django.urls import path

from trienkhai_web.accounts import sign_in_views, views

app_name = "accounts"

urlpatterns = [
    path("dang-nhap/ma-xac-thuc/", sign_in_views.verify, name="two_factor_verify"),
    path("tai-khoan/dang-nhap-hai-buoc/", sign_in_views.setup, name="two_factor"),
    path("nguoi-dung/", views.people, name="people"),
    path("nguoi-dung/moi/", views.create, name="create"),
    path("nguoi-dung/nhap/", views.import_people, name="import"),
    path("nguoi-dung/nhap/mau.xlsx", views.import_model, name="import_model"),
    path("nguoi-dung/<int:pk>/", views.detail, name="detail"),
    path("nguoi-dung/<int:pk>/vai-tro/", views.add_role, name="add_role"),
    path("nguoi-dung/<int:pk>/vai-tro/<int:membership>/xoa/", views.remove_role, name="remove_role"),
    path("nguoi-dung/<int:pk>/dat-lai-mat-khau/", views.reset_password, name="reset_password"),
    path("nguoi-dung/<int:pk>/trang-thai/", views.set_active, name="set_active"),
]
