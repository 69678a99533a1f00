"""The API's endpoints: plain views answering JSON through the page cache."""

import json
import re

from django.core.paginator import InvalidPage, Paginator
from django.http import HttpResponse
from django.urls import reverse
from django.views import View

from .. import exporting, queries
from ..caching import CachedPageMixin
from . import records
from .openapi import document

PAGE_SIZE = 50
# A page number as the list's links write it; anything else is no page.
PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,8}")
ALLOWED_METHODS = "GET, HEAD, OPTIONS"


def json_response(data, status: int = 200) -> HttpResponse:
    """JSON in UTF-8 as written (no \\u escapes), open to every origin."""
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False), content_type="application/json", status=status
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


def not_found(detail: str) -> HttpResponse:
    return json_response({"detail": detail}, status=404)


class ApiView(CachedPageMixin, View):
    """Read-only: GET and HEAD answer from the page cache or store their answer under
    the address ``canonical_page`` names; OPTIONS answers a CORS preflight."""

    http_method_names = ["get", "head", "options"]

    def absolute(self, path: str) -> str:
        return self.request.build_absolute_uri(path)

    def options(self, request, *args, **kwargs):
        response = HttpResponse(status=204)
        response["Allow"] = ALLOWED_METHODS
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
        response["Access-Control-Allow-Headers"] = "If-None-Match"
        response["Access-Control-Max-Age"] = "86400"
        return response

    def http_method_not_allowed(self, request, *args, **kwargs):
        response = json_response({"detail": "This API is read-only."}, status=405)
        response["Allow"] = ALLOWED_METHODS
        return response


class PathwayListView(ApiView):
    """Published pathways, ``PAGE_SIZE`` a page, in the order they were added.

    A page number that is not a whole number from 1, or past the last page,
    gets a 404 answer: a client walking ``next`` links never meets one.
    """

    def get(self, request):
        number = request.GET.get("page", "1")
        if not PAGE_NUMBER.fullmatch(number):
            return not_found("No such page.")
        number = int(number)
        if (stored := self.canonical_page(self.address(number))) is not None:
            return stored
        paginator = Paginator(queries.pathway_summaries(), PAGE_SIZE)
        try:
            page = paginator.page(number)
        except InvalidPage:
            return not_found("No such page.")
        return json_response(
            {
                "count": paginator.count,
                "next": self.absolute(self.address(number + 1)) if page.has_next() else None,
                "previous": (
                    self.absolute(self.address(number - 1)) if page.has_previous() else None
                ),
                "results": [records.pathway_summary(p, self.absolute) for p in page],
            }
        )

    @staticmethod
    def address(number: int) -> str:
        path = reverse("pathways:api_pathways")
        return path if number == 1 else f"{path}?page={number}"


class PathwayView(ApiView):
    """One published pathway: its schema-1 export record without private fields."""

    def get(self, request, slug):
        address = reverse("pathways:api_pathway", args=[slug])
        if (stored := self.canonical_page(address)) is not None:
            return stored
        pathway = exporting.pathways_for_export().published().filter(slug=slug).first()
        if pathway is None:
            return not_found("No published pathway at this address.")
        return json_response(records.public_pathway(pathway))


class RoleView(ApiView):
    """A role with a published pathway into or from it: its hub and those paths."""

    def get(self, request, slug):
        address = reverse("pathways:api_role", args=[slug])
        if (stored := self.canonical_page(address)) is not None:
            return stored
        role = queries.public_role(slug)
        if role is None:
            return not_found("No role with a published pathway at this address.")
        into, starting = queries.role_paths(role)
        return json_response(records.public_role(role, into, starting, self.absolute))


class OpenApiView(ApiView):
    """The OpenAPI 3.1 document describing the endpoints above."""

    def get(self, request):
        if (stored := self.canonical_page(reverse("pathways:api_openapi"))) is not None:
            return stored
        return json_response(document(self.absolute("/")))
