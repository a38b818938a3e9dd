"""The JSON API: each app registers its viewsets on this one router."""

from django.urls import path
from rest_framework.routers import DefaultRouter

from trienkhai_web.api.organisations import OrganisationViewSet
from trienkhai_web.api.plans import PlanItemViewSet, PlanViewSet, TargetViewSet, TaskViewSet
from trienkhai_web.api.search import SearchView
from trienkhai_web.plans.api import PlanImportView

router = DefaultRouter()
router.register("organisations", OrganisationViewSet, basename="organisation")
router.register("plans", PlanViewSet, basename="plan")
router.register("items", PlanItemViewSet, basename="planitem")
router.register("targets", TargetViewSet, basename="target")
router.register("tasks", TaskViewSet, basename="task")

# Explicit paths before the router's, so that "plans/<pk>/" does not catch "plans/import/".
urlpatterns = [path("plans/import/", PlanImportView.as_view(), name="plan-import"),
               path("search/", SearchView.as_view(), name="search"), *router.urls]
