from pathlib import Path

import pytest

from pathways_site.settings.env import cache_from_url
from tests.support import settings_value

ROOT = Path(__file__).resolve().parent.parent


def test_secret_key_required_when_debug_off():
    result = settings_value("settings.SECRET_KEY", DJANGO_DEBUG="false")

    assert result.returncode == 1
    assert "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is false" in result.stderr


def test_database_defaults_to_sqlite_under_var():
    result = settings_value("settings.DATABASES['default']['NAME']", DJANGO_DEBUG="true")

    assert result.stdout.strip() == str(ROOT / "var" / "pathways.sqlite3")


def test_database_url_selects_postgresql():
    result = settings_value(
        "settings.DATABASES['default']['ENGINE'], settings.DATABASES['default']['HOST']",
        DJANGO_DEBUG="true",
        DATABASE_URL="postgres://site@%2Ftmp%2Fpg/pathways",
    )

    assert result.stdout.strip() == "django.db.backends.postgresql /tmp/pg"


def test_allowed_hosts_from_environment():
    result = settings_value(
        "settings.ALLOWED_HOSTS",
        DJANGO_SECRET_KEY="x" * 50,
        DJANGO_ALLOWED_HOSTS="a.example, b.example",
    )

    assert result.stdout.strip() == "['a.example', 'b.example']"


def test_cache_url_redis_uses_builtin_backend():
    assert cache_from_url("redis://127.0.0.1:6379/1") == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/1",
    }


def test_cache_url_unset_uses_local_memory():
    assert cache_from_url(None)["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"


def test_cache_url_unknown_scheme_is_refused():
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured, match="CACHE_URL='memcached://x'"):
        cache_from_url("memcached://x")
