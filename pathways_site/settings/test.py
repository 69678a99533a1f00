"""The test flavour: fast hashing, plain static files, local-memory cache."""

import os
import tempfile

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-not-secret")

from .base import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pathways-tests",
    }
}
MEDIA_ROOT = str(VAR_DIR / "test-media")  # noqa: F405
# Tests serve static files straight from static/ (no collectstatic step).
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not memory, so that threads and processes in concurrency tests
    # share one database the way a real deployment does.
    # One file per run, so parallel runs in the same checkout do not collide;
    # the test runner deletes it at the end.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(tempfile.gettempdir(), f"pathways-test-{os.getpid()}.sqlite3")
    }
