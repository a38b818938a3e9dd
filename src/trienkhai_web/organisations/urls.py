from django.urls import path

from trienkhai_web.organisations import views

app_name = "organisations"
urlpatterns = [
    path("to-chuc/", views.tree, name="tree"),
    path("to-chuc/them/", views.create, name="create"),
    path("to-chuc/nhap/", views.upload, name="upload"),
    path("to-chuc/tai-xuong.<str:fmt>", views.export, name="export"),
    path("to-chuc/<int:pk>/", views.detail, name="detail"),
    path("to-chuc/<int:pk>/sua/", views.edit, name="edit"),
    path("to-chuc/<int:pk>/ket-thuc/", views.end, name="end"),
    path("to-chuc/<int:pk>/ten-goi-khac/", views.alias_add, name="alias_add"),
    path("to-chuc/ten-goi-khac/<int:pk>/xoa/", views.alias_remove, name="alias_remove"),
]
