"""How many database writes counting views costs with Redis, and whether the total is exact.

Against gunicorn serving PostgreSQL with ``CACHE_URL=redis://…``: 1,000
visitors (told apart by the address in ``X-Forwarded-For``, which the bench
servers trust from one proxy) each send one view beacon for the same guide,
from several connections at once. ``manage.py flush_views`` then writes what
is still pending, the server stops (its backends' statistics are written as
they exit), and PostgreSQL's ``pg_stat_user_tables.n_tup_upd`` for
``pathways_pathway`` says how many rows were updated meanwhile.
"""

import http.client
import subprocess
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

from . import servers, web

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
UPDATES_SQL = "SELECT n_tup_upd FROM pg_stat_user_tables WHERE relname = 'pathways_pathway'"
VIEWS_SQL = "SELECT views FROM pathways_pathway WHERE id = %s"


def visitor_address(number: int) -> str:
    """A distinct IPv4 address for each of up to 65,536 visitors."""
    return f"10.0.{number // 256}.{number % 256}"


def send_beacons(port: int, path: str, visitors: range, connections: int) -> int:
    """One beacon per visitor, ``connections`` keep-alive connections at once; the 200s."""
    origin = f"http://127.0.0.1:{port}"
    numbers = list(visitors)
    shares = [numbers[i::connections] for i in range(connections)]

    def send(share: list[int]) -> int:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        answered = 0
        try:
            for number in share:
                conn.request(
                    "POST",
                    path,
                    body=b"",
                    headers={
                        "User-Agent": BROWSER,
                        "Origin": origin,
                        "Sec-Fetch-Site": "same-origin",
                        "X-Forwarded-For": visitor_address(number),
                    },
                )
                response = conn.getresponse()
                response.read()
                answered += response.status == 200
        finally:
            conn.close()
        return answered

    with ThreadPoolExecutor(connections) as pool:
        return sum(pool.map(send, shares))


def measure(env: dict[str, str], database_url: str, visitors: int = 1_000) -> dict:
    """Send the beacons through a gunicorn of its own; the rows updated and the views added."""
    guide_id, slug, _title = servers.first_guide(database_url)
    [(views_before,)] = servers.query(database_url, VIEWS_SQL, (guide_id,))
    site = servers.Site(env).start()
    try:
        [(updates_before,)] = servers.query(database_url, UPDATES_SQL)
        started = time.monotonic()
        path = f"/pathways/{urllib.parse.quote(slug)}/view"
        answered = send_beacons(site.port, path, range(visitors), 8)
        seconds = time.monotonic() - started
        subprocess.run(
            [web.PYTHON, "manage.py", "flush_views"],
            cwd=servers.ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
    finally:
        site.stop()
    time.sleep(1)  # statistics of the backends that just exited
    [(updates_after,)] = servers.query(database_url, UPDATES_SQL)
    [(views_after,)] = servers.query(database_url, VIEWS_SQL, (guide_id,))
    return {
        "visitors": visitors,
        "answered": answered,
        "seconds": seconds,
        "rows_updated": updates_after - updates_before,
        "views_before": views_before,
        "views_after": views_after,
        "exact": views_after - views_before == visitors,
    }
