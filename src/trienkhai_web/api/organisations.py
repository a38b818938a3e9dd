"""Organisations over the API: list (filters kind, parent, valid_on, search), retrieve, create, update
(with the `version` read), and `match` (the agency-name matcher the plan review uses).

Every signed-in user reads; whether one may change is the organisations services' decision, and their
refusals become responses in `api.errors.exception_handler`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from trienkhai_web.api.errors import date_param, required_version
from trienkhai_web.organisations import queries, services
from trienkhai_web.organisations.models import Organisation


class SuccessionSerializer(serializers.Serializer):
    successor = serializers.IntegerField(source="successor_id")
    kind = serializers.CharField()
    date = serializers.DateField()


class AliasesField(serializers.ListField):
    """Alias names: read from the related rows, written as a list of names."""

    def get_attribute(self, instance: Organisation) -> list[str]:
        return [a.name for a in instance.aliases.all()]


class OrganisationSerializer(serializers.ModelSerializer):
    aliases = AliasesField(child=serializers.CharField(max_length=255), required=False)
    successions = SuccessionSerializer(many=True, read_only=True)
    version = serializers.IntegerField(required=False, help_text="The version read; required on update.")

    class Meta:
        model = Organisation
        fields = ["id", "code", "name", "short_name", "kind", "parent", "email", "valid_from", "valid_to",
                  "aliases", "successions", "version", "match_key"]
        read_only_fields = ["match_key"]
        extra_kwargs: dict[str, dict[str, Any]] = {"code": {"validators": []}}


class MatchSerializer(serializers.Serializer):
    organisation = OrganisationSerializer()
    score = serializers.FloatField()
    how = serializers.ChoiceField(choices=["exact", "alias", "fuzzy"])


class OrganisationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                          mixins.UpdateModelMixin, viewsets.GenericViewSet):
    serializer_class = OrganisationSerializer

    def get_queryset(self):
        qs = Organisation.objects.prefetch_related("aliases", "successions").order_by("name")
        if self.action != "list":
            return qs
        params = self.request.query_params
        if params.get("kind"):
            qs = qs.filter(kind=params["kind"])
        if params.get("parent"):
            qs = qs.filter(parent_id=int(params["parent"])) if params["parent"].isdigit() else qs.none()
        on = date_param(params.get("valid_on"), "valid_on")
        if on is not None:
            qs = qs.filter(queries.valid_on_q(on))
        if params.get("search"):
            qs = queries.search_organisations(params["search"], qs)
        return qs

    @extend_schema(parameters=[
        OpenApiParameter("kind", str, description="Kind of organisation (province, department …)"),
        OpenApiParameter("parent", int, description="Only direct units of this organisation"),
        OpenApiParameter("valid_on", OpenApiTypes.DATE, description="Only organisations valid on this date"),
        OpenApiParameter("search", str, description="Part of the name, short name, code or an alias; "
                                                     "diacritics ignored"),
    ])
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)

    def _fields(self, serializer: serializers.BaseSerializer) -> dict[str, Any]:
        data = dict(serializer.validated_data)
        data.pop("version", None)
        return data

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        fields = self._fields(serializer)
        org = services.create_organisation(request.user, aliases=fields.pop("aliases", []), **fields)
        return Response(self.get_serializer(org).data, status=status.HTTP_201_CREATED)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        org = self.get_object()
        version = required_version(request.data)
        serializer = self.get_serializer(org, data=request.data, partial=kwargs.get("partial", False))
        serializer.is_valid(raise_exception=True)
        fields = self._fields(serializer)
        aliases = fields.pop("aliases", None)
        with transaction.atomic():  # fields and aliases change together or not at all
            org = self._update(request, org, version, fields, aliases)
        return Response(self.get_serializer(Organisation.objects.get(pk=org.pk)).data)

    def _update(self, request: Request, org: Organisation, version: int, fields: dict[str, Any],
                aliases: Iterable[str] | None) -> Organisation:  # `list` is the action here
        org = services.update_organisation(request.user, org, version=version, **fields)
        if aliases is not None:
            wanted = {a.strip() for a in aliases if a.strip()}
            for alias in list(org.aliases.all()):
                if alias.name not in wanted:
                    services.remove_alias(request.user, alias)
            for name in sorted(wanted):
                services.add_alias(request.user, org, name)
        return org

    @extend_schema(
        parameters=[OpenApiParameter("name", str, required=True, description="The name as a document writes it"),
                    OpenApiParameter("on", OpenApiTypes.DATE, description="Only organisations valid then")],
        responses=MatchSerializer(many=True),
    )
    @action(detail=False, methods=["get"])
    def match(self, request: Request) -> Response:
        """Organisations a document's agency name may denote: exact, alias, then fuzzy matches."""
        name = request.query_params.get("name", "")
        on = date_param(request.query_params.get("on"), "on")
        found = queries.match_organisations(name, on=on)
        data = [{"organisation": OrganisationSerializer(m.organisation).data, "score": m.score, "how": m.how}
                for m in found]
        return Response(data)
