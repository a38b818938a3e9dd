from django.urls import path

from trienkhai_web.search import views

app_name = "search"
urlpatterns = [path("tim-kiem/", views.search, name="search")]
