"""Log lines: one per record, tracebacks folded in, secrets blanked out."""

import logging
import sys

from pathways_site.logging_format import OneLineFormatter


def error_record(message, *args):
    try:
        raise ValueError("broken\nover two lines")
    except ValueError:
        exc_info = sys.exc_info()
    return logging.LogRecord("django.request", logging.ERROR, __file__, 1, message, args, exc_info)


def test_formatter_folds_traceback_onto_one_line():
    formatter = OneLineFormatter("%(levelname)s %(name)s %(message)s")

    line = formatter.format(error_record("Internal Server Error: %s", "/pathways/x/"))

    assert line.startswith(
        "ERROR django.request Internal Server Error: /pathways/x/ | "
        "Traceback (most recent call last): | "
    )
    assert line.endswith(" | ValueError: broken | over two lines")
    assert "\n" not in line


def test_formatter_redacts_secret_keys(settings):
    settings.SECRET_KEY_FALLBACKS = ["an-older-secret-key"]
    formatter = OneLineFormatter("%(message)s")

    line = formatter.format(
        logging.LogRecord(
            "x",
            logging.WARNING,
            __file__,
            1,
            "%s %s",
            (settings.SECRET_KEY, "an-older-secret-key"),
            None,
        )
    )

    assert line == "[redacted] [redacted]"
