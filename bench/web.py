"""Serving a benchmark database with gunicorn as in production, and loading it with wrk.

The parent process (``python -m bench``) never imports Django: it runs
``python -m bench.web probe`` in a child with the site's environment to learn
each page's queries and bytes, starts gunicorn through the image's entrypoint
(``bench/servers.py``), and drives wrk against it. Every server binds 127.0.0.1.
"""

import json
import re
import shutil
import statistics
import subprocess
import sys
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

from . import servers

PYTHON = sys.executable
PAGES = ("guide", "hub", "hub_filtered", "home", "search")
STATIC_PREFIX = "bench"  # same-size copies of the pages live under STATIC_ROOT/bench/


def site_env(database_url: str, static_root: Path, cache_url: str = "") -> dict[str, str]:
    """The environment of a production server on loopback, without HTTPS in front."""
    extra = {"CACHE_URL": cache_url} if cache_url else {}
    env = servers.site_environment(
        database_url=database_url,
        static_root=static_root,
        DJANGO_SECURE_SSL_REDIRECT="false",
        # nginx's run puts one proxy in front, whose X-Forwarded-For tells visitors
        # apart; without it no such header is sent and the socket address is used.
        DJANGO_TRUSTED_PROXIES="1",
        GUNICORN_LOG_LEVEL="warning",
        **extra,
    )
    del env["WEB_CONCURRENCY"]  # gunicorn.conf.py's own default: two workers per CPU
    return env


def run_json(args: list[str], env: dict[str, str]) -> dict:
    """Run a bench child process and return the JSON object on its last output line."""
    done = subprocess.run(
        [PYTHON, "-m", *args],
        env=env,
        cwd=servers.ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


@dataclass(frozen=True)
class WrkResult:
    requests_per_second: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    requests: int
    errors: int  # connect, read and write errors and timeouts (past --timeout, 2 s by default)
    bad_answers: int  # non-2xx/3xx


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS[unit]


def parse_wrk(output: str) -> WrkResult:
    """The figures of ``wrk --latency`` output."""
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50, p90, p99 = (
        _ms(re.search(rf"^\s+{percent}%\s+(\S+)", output, re.M).group(1))
        for percent in (50, 90, 99)
    )
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return WrkResult(rate, p50, p90, p99, requests, errors, int(bad.group(1)) if bad else 0)


def run_wrk(
    url: str, seconds: int, connections: int = 32, threads: int = 2, options: tuple[str, ...] = ()
) -> WrkResult:
    """The figures of one wrk run; ``options`` adds wrk's own (headers, a Lua script)."""
    if shutil.which("wrk") is None:
        raise servers.MissingTool("wrk not found on PATH: install Debian's wrk")
    done = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", *options, url],
        capture_output=True,
        text=True,
        check=True,
    )
    return parse_wrk(done.stdout)


def wrk(url: str, seconds: int, connections: int = 32, threads: int = 2) -> WrkResult:
    """One wrk run; refuses a run with error answers (timeouts are results, kept)."""
    result = run_wrk(url, seconds, connections, threads)
    if result.bad_answers:
        raise RuntimeError(f"wrk {url}: {result.bad_answers} error answers in {result}")
    return result


def paired(page_url: str, static_url: str, seconds: int, repeat: int):
    """wrk on a page and on its reference in turn (page, reference, page, …), ``repeat`` times.

    Returns the two lists of runs, in order. Each ratio is taken within a pair,
    so a burst of other work on the machine lowers both sides of it, and the
    median of the pairs leaves out runs that one burst spoilt.
    """
    pages, references = [], []
    for _ in range(repeat):
        pages.append(wrk(page_url, seconds))
        references.append(wrk(static_url, seconds))
    return pages, references


def spread(values: list[float]) -> dict:
    """Median, least and greatest of a list of figures."""
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def summary(runs: list[WrkResult]) -> dict:
    """A side's runs: their rates' median and range, median latencies, errors in all."""
    return {
        "requests_per_second": spread([r.requests_per_second for r in runs]),
        "p50_ms": statistics.median(r.p50_ms for r in runs),
        "p99_ms": statistics.median(r.p99_ms for r in runs),
        "errors": sum(r.errors for r in runs),
        "runs": [asdict(r) for r in runs],
    }


def compared(pages: list[WrkResult], references: list[WrkResult]) -> dict:
    """Both sides summarised, and the page's rate over its reference's, pair by pair."""
    ratios = [
        page.requests_per_second / reference.requests_per_second
        for page, reference in zip(pages, references, strict=True)
    ]
    return {"page": summary(pages), "reference": summary(references), "ratio": spread(ratios)}


def fetch(url: str, method: str = "GET", data: bytes | None = None):
    """Status, headers and body of one request."""
    request = urllib.request.Request(url, method=method, data=data)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def measure_pages(
    base: str, pages: dict[str, dict], seconds: int, repeat: int = 1
) -> dict[str, dict]:
    """For each page: its headers, then wrk on the page and on its same-size static copy.

    ``repeat`` pairs of runs, page then static file, each ``seconds`` long.
    """
    results = {}
    for name, page in pages.items():
        status, headers, body = fetch(base + page["url"])  # warms the page cache
        if status != 200:
            raise RuntimeError(f"{page['url']} answered {status}")
        static_url = f"{base}/static/{STATIC_PREFIX}/{page['static']}"
        static_status, _headers, static_body = fetch(static_url)
        if static_status != 200:
            raise RuntimeError(f"{static_url} answered {static_status}")
        # Untimed first: every worker and thread opens its connection, loads its
        # templates and fills its page cache, so the runs measure the steady state.
        wrk(static_url, 1)
        wrk(base + page["url"], 1)
        results[name] = {
            "url": page["url"],
            "bytes": len(body),
            "static_bytes": len(static_body),
            "cache_control": headers.get("Cache-Control", ""),
            "etag": headers.get("ETag", ""),
            **compared(*paired(base + page["url"], static_url, seconds, repeat)),
        }
    return results


# ---- in the child process, with Django set up ----


def page_urls() -> dict[str, str]:
    from django.urls import reverse

    from pathways import queries
    from pathways.models import Pathway

    pathway = Pathway.objects.published().filter(has_guide=True).order_by("pk").first()
    role = pathway.to_role
    hub_url = reverse("pathways:hub", args=[role.slug])
    starting = queries.hub_starting_roles(queries.hub_paths(role))[0]
    return {
        "guide": pathway.get_absolute_url(),
        "hub": hub_url,
        "hub_filtered": f"{hub_url}?from={starting.slug}&sort=shortest",
        "home": reverse("pathways:home"),
        "search": reverse("pathways:search") + "?q=data+analyst",
    }


def probe(port: int, label: str) -> dict:
    """Queries and bytes of each page, first (rendered) and second (cached) hit.

    Also writes a copy of each page under STATIC_ROOT, so WhiteNoise serves a
    file of exactly the same size from the same server.
    """
    from django.conf import settings
    from django.core.cache import cache
    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from pathways import caching
    from pathways.models import Pathway, PathwayRendering

    def clear_page_cache():
        cache.clear()
        caching.clear_local()

    client = Client(HTTP_HOST=f"127.0.0.1:{port}")
    folder = Path(settings.STATIC_ROOT) / STATIC_PREFIX
    folder.mkdir(parents=True, exist_ok=True)
    pages = {}
    for name, url in page_urls().items():
        clear_page_cache()
        with CaptureQueriesContext(connection) as rendered:
            first = client.get(url)
        with CaptureQueriesContext(connection) as cached:
            second = client.get(url)
        if first.status_code != 200 or second.content != first.content:
            raise RuntimeError(f"{url}: status {first.status_code} or unstable content")
        with transaction.atomic():
            # As the page is after a change, before its stored HTML is rendered again.
            PathwayRendering.objects.all().delete()
            clear_page_cache()
            with CaptureQueriesContext(connection) as unstored:
                live = client.get(url)
            transaction.set_rollback(True)
        if live.content != first.content:
            raise RuntimeError(f"{url}: rendered on the spot, the page differs from the stored")
        static = f"{label}-{name}.html"
        (folder / static).write_bytes(first.content)
        pages[name] = {
            "url": url,
            "bytes": len(first.content),
            "queries": len(rendered),
            "queries_cached": len(cached),
            "queries_unstored": len(unstored),
            "static": static,
        }
    return {"pathways": Pathway.objects.filter(has_guide=True).count(), "pages": pages}


def view_count(slug: str) -> int:
    """A guide's views in the database, after writing those gathered in Redis (if any)."""
    from pathways import view_counts
    from pathways.models import Pathway

    view_counts.flush()
    return Pathway.objects.get(slug=slug).views


def main(argv: list[str]) -> None:
    import django

    django.setup()
    command = argv[0]
    if command == "probe":
        print(json.dumps(probe(int(argv[1]), argv[2])))
    elif command == "views":
        print(json.dumps({"views": view_count(argv[1])}))
    else:
        raise SystemExit(f"unknown command {command!r}: probe PORT LABEL | views SLUG")


if __name__ == "__main__":
    main(sys.argv[1:])
