"""Requests for a Host the site does not serve: one short WARNING line, rate-limited.

Django logs each one on ``django.security.DisallowedHost`` at ERROR with a full
traceback, though nothing is wrong with the site: scanners and mistyped DNS
send them all day. :class:`BadHostLogFilter` turns each record into one WARNING
line naming the Host, without the traceback, and lets through at most one line
a minute for each Host and a fixed number of lines a minute in all, so a flood
of requests, or of distinct Hosts, cannot flood the logs. What it holds back is
counted and said on the next line. It remembers a bounded number of Hosts, so
a million distinct Hosts cannot grow the memory it uses either.
"""

import logging
import threading
import time
from collections import OrderedDict

# Long enough to recognise a Host; an 8 KB header stays a short line.
HOST_SHOWN = 100


def requested_host(record: logging.LogRecord) -> str:
    """The Host the refused request asked for (the site does not use X-Forwarded-Host)."""
    meta = getattr(getattr(record, "request", None), "META", {})
    return str(meta.get("HTTP_HOST") or meta.get("SERVER_NAME") or "")


def shown(host: str) -> str:
    """The Host cut to HOST_SHOWN characters, quoted so control characters show escaped."""
    return repr(host[:HOST_SHOWN] + ("…" if len(host) > HOST_SHOWN else ""))


class BadHostLogFilter(logging.Filter):
    """Rewrite DisallowedHost records as one WARNING line; drop those over the limits."""

    def __init__(self, interval=60.0, lines_per_interval=20, hosts_remembered=1000, clock=None):
        super().__init__()
        self.interval = interval
        self.lines_per_interval = lines_per_interval
        self.hosts_remembered = hosts_remembered
        self.clock = clock or time.monotonic
        self.lock = threading.Lock()
        # Host (as shown, lower-cased) -> [when its last line was let through,
        # how many of its records were dropped since]; oldest line first.
        self.hosts: OrderedDict[str, list] = OrderedDict()
        self.window_start = self.clock()
        self.lines_in_window = 0
        # Dropped records no remembered Host accounts for: over the overall cap,
        # or counted against a Host that has since been forgotten.
        self.dropped_elsewhere = 0

    def filter(self, record: logging.LogRecord) -> bool:
        host = requested_host(record)
        key = host[:HOST_SHOWN].lower()  # DNS names ignore case: one Host, one limit
        with self.lock:
            now = self.clock()
            if now - self.window_start >= self.interval:
                self.window_start, self.lines_in_window = now, 0
            entry = self.hosts.get(key)
            if entry is not None and now - entry[0] < self.interval:
                entry[1] += 1
                return False
            if self.lines_in_window >= self.lines_per_interval:
                self.dropped_elsewhere += 1
                return False
            dropped_for_host = entry[1] if entry is not None else 0
            dropped_elsewhere, self.dropped_elsewhere = self.dropped_elsewhere, 0
            self.hosts[key] = [now, 0]
            self.hosts.move_to_end(key)
            while len(self.hosts) > self.hosts_remembered:
                _, (_, dropped) = self.hosts.popitem(last=False)
                self.dropped_elsewhere += dropped
            self.lines_in_window += 1

        message = "Refused a request for Host %s: not in ALLOWED_HOSTS"
        args = [shown(host)]
        if dropped_for_host:
            message += "; %d more for this Host since its last line"
            args.append(dropped_for_host)
        if dropped_elsewhere:
            message += "; %d more for other Hosts not logged"
            args.append(dropped_elsewhere)
        record.msg, record.args = message, tuple(args)
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.exc_info = record.exc_text = record.stack_info = None
        return True

    def remembered(self) -> int:
        """How many Hosts are remembered now (never more than ``hosts_remembered``)."""
        with self.lock:
            return len(self.hosts)
