"""Production: HTTPS only, hashed and compressed static files, hardened cookies.

Environment, beyond base: DJANGO_SECURE_SSL_REDIRECT (default true),
DJANGO_HSTS_SECONDS (default one year), DJANGO_STATIC_ROOT (where collectstatic
writes and WhiteNoise reads; default ``staticfiles/`` in the project).
"""

from .base import *  # noqa: F403
from .base import MIDDLEWARE, STATIC_ROOT, STORAGES
from .env import env_bool, env_int, env_str

# /healthz is answered before host validation (CommonMiddleware, below it) and
# without the HTTPS redirect (SECURE_REDIRECT_EXEMPT), but after the middleware
# above it add their security headers on the way out: see pathways.health.
_headers_added_above = MIDDLEWARE.index("django.middleware.clickjacking.XFrameOptionsMiddleware")
MIDDLEWARE = [
    *MIDDLEWARE[: _headers_added_above + 1],
    "pathways.health.HealthCheckMiddleware",
    *MIDDLEWARE[_headers_added_above + 1 :],
]

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
STATIC_ROOT = env_str("DJANGO_STATIC_ROOT") or STATIC_ROOT
# Hashed names get ten years and "immutable" from WhiteNoise on their own; this
# is for the few unhashed files (e.g. favicon.ico), which may change in place.
WHITENOISE_MAX_AGE = 3600

# TLS ends at the proxy in front of us; it tells us so in this header.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
