"""Gunicorn settings, from the environment.

WEB_CONCURRENCY worker processes (default: two per CPU), GUNICORN_THREADS
threads each (default 4), listening on HOST:PORT (default 0.0.0.0:8000: inside
a container the port is published; outside, set HOST=127.0.0.1).
GUNICORN_ACCESS_LOG=true writes one line per request to stdout; the proxy in
front usually logs requests already, so it is off by default. GUNICORN_LOG_LEVEL
sets how much gunicorn itself says (default info).
"""

import gc
import os

from pathways_site.logging_format import STDOUT_LOGGING

bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY") or 2 * (os.cpu_count() or 1))
# Threads keep idle keep-alive connections from tying up whole processes.
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS") or 4)
# Restart a worker that stops answering; the proxy retries elsewhere.
timeout = int(os.environ.get("GUNICORN_TIMEOUT") or 30)
graceful_timeout = 20
keepalive = 5
# Load the site once in the arbiter, so a broken deploy fails at start, not per worker.
preload_app = True
# Several servers may share one machine (and tests run two): no control socket.
control_socket_disable = True
# Each worker listens on its own SO_REUSEPORT socket and the kernel spreads new
# connections evenly across them. On one shared socket, whichever worker wakes
# first accepts a burst of keep-alive connections (wrk's 32, a proxy's pool) and
# keeps them: 32 of 32 on one of four workers was seen, and runs came in at about
# a third of the rate (≈1,200 against ≈3,400 req/s in 9 of 18 runs; 20 of 20 at
# the full rate with this on). The cost: a second server started on the same
# port by mistake no longer fails with "address in use" but takes a share of the
# connections, and connections queued on a worker's socket when that worker
# exits are reset. The container runs one server per port, so that is accepted.
reuse_port = True

loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info").upper()
access_log = os.environ.get("GUNICORN_ACCESS_LOG", "").lower() in ("1", "true", "yes", "on")
# Gunicorn's own lines go to stdout in the site's one-line format. Every key is
# given because gunicorn merges this over its defaults one top-level key at a time.
logconfig_dict = {
    **STDOUT_LOGGING,
    "loggers": {
        "gunicorn.error": {"level": loglevel, "handlers": ["stdout"], "propagate": False},
        # Request lines are INFO: a higher level keeps them out unless asked for.
        "gunicorn.access": {
            "level": "INFO" if access_log else "WARNING",
            "handlers": ["stdout"],
            "propagate": False,
        },
    },
}


def pre_fork(server, worker):
    """Exempt what the preloaded app allocated from garbage collection in the workers.

    A full collection walks every object Django and the site keep for the life
    of the process (about 40 ms a time here, holding up every request in that
    worker); frozen before the fork, those are never walked again.
    """
    gc.freeze()


def on_exit(server):
    """Write the view counts gathered in Redis before the server stops (pathways.view_counts).

    The workers are gone by now; with preload_app the site is loaded here too.
    """
    from pathways import view_counts

    try:
        view_counts.flush()
    except Exception:  # the server stops anyway; the counts stay in Redis for the next flush
        server.log.exception("view counts not written at exit")
