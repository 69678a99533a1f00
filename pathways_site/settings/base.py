"""Settings shared by every flavour, read from the environment.

Environment: DATABASE_URL (unset: SQLite under var/), DJANGO_SECRET_KEY
(required unless DJANGO_DEBUG is true), DJANGO_DEBUG, DJANGO_ALLOWED_HOSTS,
CSRF_TRUSTED_ORIGINS, CACHE_URL (unset: local memory; redis://… for Redis),
DJANGO_TRUSTED_PROXIES (proxies in front that set X-Forwarded-For; default 0).
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from ..logging_format import STDOUT_LOGGING
from .env import cache_from_url, env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is false")
    # Development only: DEBUG is on, so this never signs anything in production.
    SECRET_KEY = "development-only-not-secret"

ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# How many proxies in front of the site append to X-Forwarded-For; 0: the
# header is ignored and REMOTE_ADDR is the client (see pathways.client).
TRUSTED_PROXY_COUNT = env_int("DJANGO_TRUSTED_PROXIES", 0)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "markdownx",
    "axes",
    "reversion",
    "pathways",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Straight after SecurityMiddleware so static files skip the rest of the stack.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Cached public pages are answered here, before the per-visitor middleware
    # below; everything above still applies its headers to them.
    "pathways.caching.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "pathways_site.urls"
WSGI_APPLICATION = "pathways_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
            ],
        },
    },
]

if not env_str("DATABASE_URL"):
    # The embedded default lives in var/: make it on a fresh checkout, where even
    # `manage.py check` opens the database (JSONField support is asked of SQLite).
    VAR_DIR.mkdir(exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'pathways.sqlite3'}",
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE transactions and a busy timeout let concurrent writers (view
    # counts) queue instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

CACHES = {"default": cache_from_url(env_str("CACHE_URL"))}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sign-in throttling (django-axes): the first backend refuses a locked-out
# username and address before the password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five wrong passwords for one username from one address lock that pair out
# for 15 minutes; another account, or the same one from elsewhere, is not
# affected, so an attacker cannot lock editors out by guessing their names.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "pathways.admin.lockout.lockout_response"
# The client's address as the rest of the site reads it: REMOTE_ADDR, or
# X-Forwarded-For as far as TRUSTED_PROXY_COUNT proxies wrote it.
AXES_CLIENT_IP_CALLABLE = "pathways.client.client_address"
# Attempts are counted where every process sees them: in the shared cache
# when CACHE_URL names one, else in the database. A local-memory cache would
# give each process a count of its own (five tries per process).
AXES_HANDLER = (
    "axes.handlers.cache.AxesCacheHandler"
    if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    else "axes.handlers.database.AxesDatabaseHandler"
)
# Lockouts are lifted early with manage.py (README, "Security"); no extra admin
# screens, and no record of every successful sign-in.
AXES_ENABLE_ADMIN = False
AXES_DISABLE_ACCESS_LOG = True

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = env_str("MEDIA_ROOT") or str(VAR_DIR / "media")

# The admin's Markdown editor: its live preview uses the public pages' sanitizer;
# images (no SVG: it can carry scripts) are checked in pathways.uploads.
MARKDOWNX_MARKDOWNIFY_FUNCTION = "pathways.markdown.render"
MARKDOWNX_MEDIA_PATH = "markdownx/"
MARKDOWNX_UPLOAD_MAX_SIZE = 2 * 1024 * 1024
MARKDOWNX_UPLOAD_CONTENT_TYPES = ("image/jpeg", "image/png", "image/gif", "image/webp")
MARKDOWNX_IMAGE_MAX_SIZE = {"size": (1200, 1200), "quality": 85}

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# A strict policy: nothing inline, nothing from elsewhere.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# Site-wide page cache lifetime for shared caches (seconds).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 60)

# The hours a week that guides' week figures assume; readers rescale them to
# their own pace (pathways.pace). Stored guide HTML is rendered for it.
PATHWAYS_BASELINE_HOURS_PER_WEEK = 10
# With Redis, counted views gather there and are written to the database at
# most this often (seconds; pathways.view_counts).
VIEW_FLUSH_SECONDS = env_int("VIEW_FLUSH_SECONDS", 5)
if VIEW_FLUSH_SECONDS < 1:
    raise ImproperlyConfigured(f"VIEW_FLUSH_SECONDS={VIEW_FLUSH_SECONDS}: use 1 or more")

LOGGING = {
    # One line per record, tracebacks folded in, secrets blanked out.
    **STDOUT_LOGGING,
    "filters": {
        "bad_host": {"()": "pathways_site.bad_host_logging.BadHostLogFilter"},
    },
    "loggers": {
        "django": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        "django.server": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        # Requests for other Hosts: one WARNING line each, at most one a minute per Host.
        "django.security.DisallowedHost": {"filters": ["bad_host"]},
        "pathways": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
    },
}
