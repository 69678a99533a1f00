"""Requests for a Host the site does not serve: one WARNING line, at most once a minute per Host."""

import logging
import threading
import unittest
from types import SimpleNamespace

import pytest

from pathways_site.bad_host_logging import BadHostLogFilter
from pathways_site.logging_format import OneLineFormatter

LOGGER = "django.security.DisallowedHost"
FORMAT = "%(levelname)s %(name)s %(message)s"

# The 400 page is a page of the site: it reads the content version. The
# subject is the log lines, the same whatever the database.
pytestmark = [pytest.mark.django_db, pytest.mark.once]


class Clock:
    """A time source the tests move forward by hand."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now

    def advance(self, seconds):
        self.now += seconds


@pytest.fixture
def clock(monkeypatch):
    """The configured filter's settings, with fresh memory and a clock the test controls."""
    logger = logging.getLogger(LOGGER)
    [configured] = [f for f in logger.filters if isinstance(f, BadHostLogFilter)]
    clock = Clock()
    fresh = BadHostLogFilter(
        interval=configured.interval,
        lines_per_interval=configured.lines_per_interval,
        hosts_remembered=configured.hosts_remembered,
        clock=clock,
    )
    monkeypatch.setattr(logger, "filters", [fresh])
    clock.filter = fresh
    return clock


def refuse(client, hosts):
    for host in hosts:
        assert client.get("/", HTTP_HOST=host).status_code == 400


def logged_lines(client, *hosts):
    """Log lines (as written to stdout) from one request per Host."""
    with unittest.TestCase().assertLogs(LOGGER, logging.DEBUG) as captured:
        refuse(client, hosts)
    formatter = OneLineFormatter(FORMAT)
    return [formatter.format(record) for record in captured.records]


def assert_nothing_logged(client, *hosts):
    with unittest.TestCase().assertNoLogs(LOGGER, logging.DEBUG):
        refuse(client, hosts)


def test_bad_host_logs_one_warning_line_without_traceback(client, clock):
    lines = logged_lines(client, "evil.example")

    assert lines == [
        "WARNING django.security.DisallowedHost "
        "Refused a request for Host 'evil.example': not in ALLOWED_HOSTS"
    ]


def test_same_host_logs_once_a_minute_and_counts_what_it_held_back(client, clock):
    first = logged_lines(client, *["evil.example"] * 10)
    clock.advance(59.9)
    assert_nothing_logged(client, "evil.example")
    clock.advance(0.1)
    after_the_minute = logged_lines(client, "evil.example")

    assert (first, after_the_minute) == (
        ["WARNING django.security.DisallowedHost "
         "Refused a request for Host 'evil.example': not in ALLOWED_HOSTS"],
        ["WARNING django.security.DisallowedHost "
         "Refused a request for Host 'evil.example': not in ALLOWED_HOSTS; "
         "10 more for this Host since its last line"],
    )  # fmt: skip


def test_host_spelled_in_other_case_is_the_same_host(client, clock):
    lines = logged_lines(client, "evil.example", "EVIL.example", "Evil.Example:8000")

    assert len(lines) == 2  # the port makes another Host; case does not


def test_distinct_hosts_each_log_until_the_overall_cap(client, clock):
    cap = clock.filter.lines_per_interval
    hosts = [f"host-{n}.example" for n in range(cap + 5)]

    lines = logged_lines(client, *hosts)
    clock.advance(60)
    next_minute = logged_lines(client, "another.example")

    assert len(lines) == cap
    assert lines[-1].endswith(f"Host 'host-{cap - 1}.example': not in ALLOWED_HOSTS")
    assert next_minute == [
        "WARNING django.security.DisallowedHost "
        "Refused a request for Host 'another.example': not in ALLOWED_HOSTS; "
        "5 more for other Hosts not logged"
    ]


def test_huge_and_non_latin_hosts_stay_short_and_escaped(client, clock):
    lines = logged_lines(client, "a" * 8000, "пример.рф", "evil\x1b[31m.example")

    assert lines == [
        "WARNING django.security.DisallowedHost "
        f"Refused a request for Host '{'a' * 100}…': not in ALLOWED_HOSTS",
        "WARNING django.security.DisallowedHost "
        "Refused a request for Host 'пример.рф': not in ALLOWED_HOSTS",
        "WARNING django.security.DisallowedHost "
        "Refused a request for Host 'evil\\x1b[31m.example': not in ALLOWED_HOSTS",
    ]


def record_for(host):
    # What Django attaches to the record: the request, of which only META is read.
    record = logging.LogRecord(LOGGER, logging.ERROR, __file__, 1, "Invalid HTTP_HOST", (), None)
    record.request = SimpleNamespace(META={"HTTP_HOST": host})
    return record


def test_a_flood_of_distinct_hosts_keeps_memory_and_lines_bounded():
    clock = Clock()
    log_filter = BadHostLogFilter(clock=clock)
    passed = 0
    most_remembered = 0

    for minute in range(5):
        for n in range(40_000):
            passed += log_filter.filter(record_for(f"{minute}-{n}.example"))
        most_remembered = max(most_remembered, log_filter.remembered())
        clock.advance(60)

    assert passed == 5 * log_filter.lines_per_interval
    assert most_remembered == log_filter.remembered() == 5 * log_filter.lines_per_interval
    assert log_filter.remembered() <= log_filter.hosts_remembered


def test_remembered_hosts_never_exceed_the_bound_and_counts_survive_forgetting():
    clock = Clock()
    log_filter = BadHostLogFilter(lines_per_interval=10, hosts_remembered=3, clock=clock)
    lines = []

    def send(host):
        record = record_for(host)
        if log_filter.filter(record):
            lines.append(record.getMessage())

    for n in range(5):
        send(f"host-{n}.example")
        send(f"host-{n}.example")  # held back: counted for this Host
    clock.advance(60)
    send("later.example")

    assert log_filter.remembered() == 3
    # Adding host-3 forgot host-0, adding host-4 forgot host-1, with what they held back.
    assert lines[3:] == [
        "Refused a request for Host 'host-3.example': not in ALLOWED_HOSTS",
        "Refused a request for Host 'host-4.example': not in ALLOWED_HOSTS; "
        "1 more for other Hosts not logged",
        "Refused a request for Host 'later.example': not in ALLOWED_HOSTS; "
        "1 more for other Hosts not logged",
    ]


def test_concurrent_requests_for_one_host_let_exactly_one_line_through():
    log_filter = BadHostLogFilter(clock=Clock())
    results = []
    start = threading.Barrier(8)

    def send():
        start.wait()
        results.extend(log_filter.filter(record_for("evil.example")) for _ in range(200))

    threads = [threading.Thread(target=send) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert (len(results), results.count(True)) == (1600, 1)
