"""Log lines for stdout: one record per line, secrets blanked out.

A traceback spread over many lines interleaves with other processes' output
and is split into separate entries by log collectors; folding it keeps one
request error on one line.
"""

import logging

REDACTED = "[redacted]"


def _secrets() -> list[str]:
    """The secret key and database passwords, when settings are loaded."""
    from django.conf import settings

    if not settings.configured:
        return []
    values = [getattr(settings, "SECRET_KEY", ""), *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    values += [db.get("PASSWORD", "") for db in getattr(settings, "DATABASES", {}).values()]
    # Very short values would blank out ordinary words.
    return [value for value in values if isinstance(value, str) and len(value) >= 4]


class OneLineFormatter(logging.Formatter):
    """Fold a record, traceback included, onto one line and redact secrets."""

    def format(self, record):
        text = super().format(record)
        for secret in _secrets():
            text = text.replace(secret, REDACTED)
        return " | ".join(line.rstrip() for line in text.splitlines() if line.strip())


# The formatter and handler shared by Django's LOGGING and gunicorn.conf.py.
STDOUT_LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "line": {
            "()": "pathways_site.logging_format.OneLineFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
        },
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "line",
        }
    },
    "root": {"handlers": ["stdout"], "level": "WARNING"},
}
