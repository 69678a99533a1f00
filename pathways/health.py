"""The health check: ``GET /healthz`` says whether this process can read its database.

200 ``ok`` when a table of the site can be read, 503 otherwise; never cached.
A table, not ``SELECT 1``: when the SQLite file is deleted, the next connection
makes an empty one, where ``SELECT 1`` succeeds and every page fails. In
production :class:`HealthCheckMiddleware` answers it before host validation
and the HTTPS redirect, so a container HEALTHCHECK or a load balancer probing
an instance by its address gets an answer whatever ``DJANGO_ALLOWED_HOSTS``
lists; it sits below the middleware that add the security headers, so the
answer carries them like any page. It carries no detail beyond up or down.
"""

import contextlib
import logging

from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache

from .models import Pathway

logger = logging.getLogger(__name__)

PATH = "/healthz"


def database_is_up() -> bool:
    """True when one row of a table of the site can be read on the default database."""
    try:
        Pathway.objects.exists()
    except DatabaseError as error:
        # The class name only: driver messages can name hosts and users.
        logger.warning("health check: database unavailable (%s)", type(error).__name__)
        # A persistent connection that failed (e.g. to an empty SQLite file) would
        # fail the same way until it ages out; the next request connects afresh.
        with contextlib.suppress(DatabaseError):
            connection.close()
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
    """Answer ``GET``/``HEAD /healthz`` before host validation and redirects.

    Production settings place it straight below the middleware that add the
    security headers, none of which look at the Host header on the way in;
    SecurityMiddleware's HTTPS redirect skips /healthz (SECURE_REDIRECT_EXEMPT).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == PATH and request.method in ("GET", "HEAD"):
            return healthz(request)
        return self.get_response(request)
