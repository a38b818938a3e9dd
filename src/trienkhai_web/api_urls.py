"""The JSON API: each app registers its viewsets on this one router."""

from rest_framework.routers import DefaultRouter

from trienkhai_web.api.organisations import OrganisationViewSet
from trienkhai_web.api.plans import PlanItemViewSet, PlanViewSet, TargetViewSet, TaskViewSet

router = DefaultRouter()
router.register("organisations", OrganisationViewSet, basename="organisation")
router.register("plans", PlanViewSet, basename="plan")
router.register("items", PlanItemViewSet, basename="planitem")
router.register("targets", TargetViewSet, basename="target")
router.register("tasks", TaskViewSet, basename="task")

urlpatterns = router.urls
