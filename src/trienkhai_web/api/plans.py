"""Plans, their outline items, targets and tasks (with lead and partner organisations) over the API.

Everything is filtered by `visible_plans(user)`; each object is checked with `can_view_plan` to read
and `can_manage_plan` to change. Task assignments change through the plans app's service (audited,
version-checked)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import mixins, serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from trienkhai.tracking.assess import Assessment, assess
from trienkhai_web.accounts.permissions import visible_plans
from trienkhai_web.api.errors import date_param, required_version
from trienkhai_web.api.permissions import PlanPartAccess
from trienkhai_web.api.plan_json import plan_document
from trienkhai_web.organisations.models import Organisation
from trienkhai_web.plans import services as plan_services
from trienkhai_web.plans.models import AssignmentRole, Plan, PlanItem, Target, Task
from trienkhai_web.tracking.queries import latest_indicator_values

_PLAN_FILTER = OpenApiParameter("plan", int, description="Only what belongs to this plan")


class PlanSerializer(serializers.ModelSerializer):
    parents: serializers.PrimaryKeyRelatedField = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Plan
        fields = ["id", "status", "kind", "number", "ref_id", "title", "issued_on", "place", "issuer_name",
                  "issuer", "monitoring_body", "signer_name", "signer_title", "parents", "source_filename",
                  "version", "published_at"]
        read_only_fields = fields


class PlanDetailSerializer(PlanSerializer):
    document = serializers.SerializerMethodField()

    class Meta(PlanSerializer.Meta):
        fields = [*PlanSerializer.Meta.fields, "document"]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.OBJECT)
    def get_document(self, plan: Plan) -> dict[str, Any] | None:
        """The plan as trienkhai.plan/2: rebuilt from the rows once published, else the parsed draft."""
        return plan_document(plan)


class PlanViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [PlanPartAccess]

    def get_queryset(self):
        qs = visible_plans(self.request.user).prefetch_related("parents").order_by("-issued_on", "number", "pk")
        status = self.request.query_params.get("status")
        return qs.filter(status=status) if status else qs

    def get_serializer_class(self):
        return PlanDetailSerializer if self.action == "retrieve" else PlanSerializer

    @extend_schema(parameters=[OpenApiParameter("status", str, description="placeholder, draft or published")])
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)


class _PlanPartViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [PlanPartAccess]
    model: Any = None

    def get_queryset(self):
        qs = self.model.objects.filter(plan__in=visible_plans(self.request.user).values("pk")).select_related("plan")
        plan = self.request.query_params.get("plan")
        if plan:
            qs = qs.filter(plan_id=plan) if plan.isdigit() else qs.none()
        return qs.order_by("plan_id", "order")

    @extend_schema(parameters=[_PLAN_FILTER])
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)


class PlanItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = PlanItem
        fields = ["id", "plan", "parent", "path", "number", "title", "text", "order", "depth"]
        read_only_fields = fields


class PlanItemViewSet(_PlanPartViewSet):
    model = PlanItem
    serializer_class = PlanItemSerializer


class TargetSerializer(serializers.ModelSerializer):
    """A target with its latest accepted value and the core's assessment of it (the same as on the
    dashboard and in the review report)."""

    latest_value = serializers.SerializerMethodField()
    assessment = serializers.SerializerMethodField()

    class Meta:
        model = Target
        fields = ["id", "plan", "item", "subject", "text", "direction", "value_low", "value_high", "unit",
                  "recurrence", "deadline_year", "baseline", "order", "latest_value", "assessment"]
        read_only_fields = fields

    def _latest(self, target: Target) -> Decimal | None:
        cache = self.context.setdefault("latest_values", {})  # one query per plan, not per target
        if target.plan_id not in cache:
            cache[target.plan_id] = latest_indicator_values(target.plan)
        found = cache[target.plan_id].get(target.pk)
        return found[1] if found else None

    @extend_schema_field(serializers.DecimalField(max_digits=18, decimal_places=4, allow_null=True))
    def get_latest_value(self, target: Target) -> str | None:
        value = self._latest(target)
        return None if value is None else f"{value.normalize():f}"

    @extend_schema_field(serializers.ChoiceField(choices=[a.value for a in Assessment]))
    def get_assessment(self, target: Target) -> str:
        return assess(target.direction, target.value_low, target.value_high, self._latest(target)).status.value


class TargetViewSet(_PlanPartViewSet):
    model = Target
    serializer_class = TargetSerializer


class TaskAssignmentSerializer(serializers.Serializer):
    organisation = serializers.IntegerField(source="organisation_id")
    organisation_name = serializers.CharField(source="organisation.name")
    role = serializers.ChoiceField(choices=AssignmentRole.choices)
    name_in_document = serializers.CharField()


class TaskSerializer(serializers.ModelSerializer):
    assignments = TaskAssignmentSerializer(many=True, read_only=True)
    lead = serializers.ListField(child=serializers.IntegerField(), write_only=True, required=False,
                                 help_text="Ids of the lead organisations")
    partners = serializers.ListField(child=serializers.IntegerField(), write_only=True, required=False,
                                     help_text="Ids of the partner organisations")
    version = serializers.IntegerField(help_text="The version read; required on update.")

    class Meta:
        model = Task
        fields = ["id", "plan", "item", "no", "content", "timeframe", "recurrence", "due_date", "product",
                  "targets", "assignments", "lead", "partners", "version", "order"]
        read_only_fields = ["id", "plan", "item", "no", "content", "product", "order"]
        extra_kwargs = {"targets": {"required": False}}


class TaskViewSet(mixins.UpdateModelMixin, _PlanPartViewSet):
    """Tasks and assignments (who leads, who partners, when); update changes them with history."""

    model = Task
    serializer_class = TaskSerializer

    def get_queryset(self):
        return super().get_queryset().prefetch_related("assignments__organisation", "targets")

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        task = self.get_object()
        version = required_version(request.data)
        serializer = self.get_serializer(task, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        current = {role: [a.organisation for a in task.assignments.all() if a.role == role]
                   for role in AssignmentRole.values}

        def organisations(key: str, role: str) -> list[Organisation]:
            if key not in data:
                return current[role]
            ids = list(dict.fromkeys(data[key]))
            found = Organisation.objects.in_bulk(ids)
            missing = [str(i) for i in ids if i not in found]
            if missing:
                raise ValidationError({key: [_unknown(missing)]})
            return [found[i] for i in ids]

        due_raw = request.data.get("due_date")
        updated = plan_services.update_task_assignment(
            request.user, task, version=version,
            leads=organisations("lead", AssignmentRole.LEAD),
            partners=organisations("partners", AssignmentRole.PARTNER),
            timeframe=data.get("timeframe", task.timeframe),
            recurrence=data.get("recurrence", task.recurrence),
            due_date=date_param(due_raw, "due_date") if "due_date" in request.data else task.due_date,
            targets=list(data["targets"]) if "targets" in data else list(task.targets.all()),
        )
        return Response(self.get_serializer(self.get_queryset().get(pk=updated.pk)).data)


def _unknown(ids: list[str]) -> str:
    from django.utils.translation import gettext as _

    return _("Unknown organisations: %(ids)s.") % {"ids": ", ".join(ids)}
