"""The page shown when too many wrong passwords have locked a sign-in out.

django-axes counts failed admin sign-ins and calls :func:`lockout_response`
(``AXES_LOCKOUT_CALLABLE``) instead of checking the password once the limit is
reached. The page looks like the admin's own sign-in page and says when to try
again; it never says whether the account exists.
"""

from axes.helpers import get_cool_off
from django.conf import settings
from django.contrib import admin
from django.shortcuts import render

TEMPLATE = "admin/login_locked_out.html"


def lockout_response(request, original_response=None, credentials=None):
    """429 with the admin's look, the failure limit and the wait in minutes."""
    cool_off = get_cool_off(request)
    context = {
        **admin.site.each_context(request),
        "title": "Too many sign-in attempts",
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        # Rounded up: "try again in 0 minutes" would be wrong for 30 seconds.
        "cool_off_minutes": -(-int(cool_off.total_seconds()) // 60),
    }
    # Rendered here: axes' middleware comes after the point where a TemplateResponse is rendered.
    return render(request, TEMPLATE, context, status=settings.AXES_HTTP_RESPONSE_CODE)
