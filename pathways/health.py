"""The health check: ``GET /healthz`` says whether this process can reach its database.

200 ``ok`` when ``SELECT 1`` succeeds, 503 otherwise; never cached. In
production :class:`HealthCheckMiddleware` answers it first in the stack, before
host validation and the HTTPS redirect, so a container HEALTHCHECK or a load
balancer probing an instance by its address gets an answer whatever
``DJANGO_ALLOWED_HOSTS`` lists. The answer carries no detail beyond up or down.
"""

import logging

from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)

PATH = "/healthz"


def database_is_up() -> bool:
    """True when a trivial query on the default database succeeds."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        # The class name only: driver messages can name hosts and users.
        logger.warning("health check: database unavailable (%s)", type(error).__name__)
        return False
    return True


@never_cache
def healthz(request):
    """200 ``ok`` or 503 ``database unavailable``, as plain text."""
    if database_is_up():
        return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")
    return HttpResponse(
        "database unavailable\n", status=503, content_type="text/plain; charset=utf-8"
    )


class HealthCheckMiddleware:
    """Answer ``GET``/``HEAD /healthz`` before host validation and redirects."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == PATH and request.method in ("GET", "HEAD"):
            return healthz(request)
        return self.get_response(request)
