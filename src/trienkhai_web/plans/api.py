"""API: import a document as a draft plan (multipart `file`), with the same rules as the upload page."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import permissions, serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from trienkhai_web.accounts.permissions import can_import_plans
from trienkhai_web.errors import Duplicate, UserError
from trienkhai_web.plans import services


class PlanImportSerializer(serializers.Serializer):
    file = serializers.FileField()


class PlanImportResultSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    status = serializers.CharField()
    number = serializers.CharField()
    duplicate = serializers.BooleanField()
    review_url = serializers.CharField()
    message = serializers.CharField()


class PlanImportView(APIView):
    permission_classes = [permissions.IsAuthenticated]
    parser_classes = [MultiPartParser]

    @extend_schema(request={"multipart/form-data": PlanImportSerializer},
                   responses={201: PlanImportResultSerializer, 200: PlanImportResultSerializer,
                              400: OpenApiResponse(description="Lỗi đọc văn bản")})
    def post(self, request: Request) -> Response:
        if not can_import_plans(request.user):
            raise PermissionDenied(_("You may not import plans."))
        s = PlanImportSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        f = s.validated_data["file"]
        try:
            plan = services.import_document(request.user, filename=f.name, data=f.read())
        except Duplicate as exc:
            return Response(self._result(exc.existing, True, exc.message), status=status.HTTP_200_OK)
        except UserError as exc:
            return Response({"detail": exc.message}, status=status.HTTP_400_BAD_REQUEST)
        return Response(self._result(plan, False, _("The document was read. Review the draft, then publish it.")),
                        status=status.HTTP_201_CREATED)

    @staticmethod
    def _result(plan, duplicate: bool, message: str) -> dict:
        return {"id": plan.pk, "status": plan.status, "number": plan.number, "duplicate": duplicate,
                "review_url": reverse("plans:review", args=[plan.pk]), "message": message}
