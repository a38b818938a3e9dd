from django.urls import path

from trienkhai_web.accounts import views

app_name = "accounts"

urlpatterns = [
    path("dang-nhap/ma-xac-thuc/", views.verify, name="two_factor_verify"),
    path("tai-khoan/dang-nhap-hai-buoc/", views.setup, name="two_factor"),
]
