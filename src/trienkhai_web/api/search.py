"""Search over the API: `GET /api/search/?q=…&plan=&unit=&period=&kind=&page=`, the same search as the
results page (`search.queries.search`), with the same permissions: a unit finds only what it may open."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from trienkhai_web.search import queries
from trienkhai_web.search.forms import SearchForm
from trienkhai_web.search.models import Kind

_HIT_FIELDS: dict[str, serializers.Field] = {
    "kind": serializers.ChoiceField(choices=Kind.choices),
    "kind_label": serializers.CharField(),
    "title": serializers.CharField(help_text="The title as plain text"),
    "title_html": serializers.CharField(help_text="The title, HTML-escaped, the matched words in <mark>"),
    "snippet_html": serializers.CharField(help_text="A passage around the match, HTML-escaped, words in <mark>"),
    "url": serializers.CharField(help_text="The page to open"),
    "phrase": serializers.BooleanField(help_text="Whether the words stand together as typed"),
    "plan_id": serializers.IntegerField(allow_null=True),
    "plan": serializers.CharField(),
    "unit": serializers.CharField(),
    "period": serializers.CharField(),
}


class SearchView(APIView):
    @extend_schema(
        summary="Search plans, outline items, tasks, targets, unit reports and organisations",
        description="Accents are optional (\"nguoi co uy tin\" finds \"người có uy tín\", đ = d, both tone "
                    "placements), typos are corrected, the words as a phrase rank first. Only what the "
                    "caller may open is searched.",
        parameters=[
            OpenApiParameter("q", str, required=True, description="The words to look for"),
            OpenApiParameter("plan", int, description="Only within this plan"),
            OpenApiParameter("unit", int, description="Only this unit's reports, tasks and organisation"),
            OpenApiParameter("period", int, description="Only reports of this reporting period"),
            OpenApiParameter("kind", str, enum=list(Kind.values), description="Only this kind of result"),
            OpenApiParameter("page", int, description="Page (20 results each)"),
        ],
        responses=inline_serializer("SearchResults", {
            "query": serializers.CharField(),
            "corrected_query": serializers.CharField(allow_null=True, help_text="What was searched instead"),
            "count": serializers.IntegerField(),
            "page": serializers.IntegerField(),
            "pages": serializers.IntegerField(),
            "results": inline_serializer("SearchHit", _HIT_FIELDS, many=True),
        }),
    )
    def get(self, request: Request) -> Response:
        form = SearchForm(request.query_params)
        if not form.is_valid():
            raise ValidationError({k: [str(e) for e in v] for k, v in form.errors.items()})
        results = queries.search(request.user, form.cleaned_data["q"], page=form.cleaned_data.get("page") or 1,
                                 **form.filters())
        return Response(results.as_dict())
