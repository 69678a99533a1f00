"""Load test: wrk against gunicorn on loopback, with production settings.

    .venv/bin/python -m bench.loadtest [--report docs/load-test.md]

Half the connections read a guide page, half send view counts (POST
``/pathways/<slug>/view``) as a browser on the site's own page would, for the
given time. A view counts once per visitor per day, so every two requests come
from a new visitor (a User-Agent of its own): the second, often on another
connection and worker at the same moment, must not be counted. It passes when
wrk reports no socket errors and no error statuses, and the stored count rose
by exactly the number of distinct visitors among the view requests the server
answered (gunicorn's access log shows each one's User-Agent) — no view lost,
none counted twice. Counted views gather in Redis, so ``manage.py flush_views``
writes what is pending before the stored count is read. wrk drops the
requests still in flight when time runs out, so its own POST total may fall
short of the server's by at most one per connection; that is checked too. Figures are printed as Markdown and, with
``--report``, written to a file for the benchmark report. PostgreSQL is the
run's own when DATABASE_URL names one, else a throwaway cluster
(``bench/servers.py``).
"""

import argparse
import os
import re
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .servers import (
    SITE_HOST,
    MissingTool,
    PostgresCluster,
    RedisServer,
    Site,
    collect_static,
    first_guide,
    query,
    run_entrypoint,
    site_environment,
)
from .web import run_wrk

REQUESTS_PER_VISITOR = 2
# One wrk thread (-t1), so one Lua state numbers every request.
POST_SCRIPT = """\
wrk.method = "POST"
wrk.headers["Host"] = "{host}"
wrk.headers["X-Forwarded-Proto"] = "https"
wrk.headers["Origin"] = "https://{host}"
wrk.headers["Sec-Fetch-Site"] = "same-origin"
local sent = 0
request = function()
  local visitor = math.floor(sent / {per_visitor})
  sent = sent + 1
  wrk.headers["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Firefox/128.0 visitor/" .. visitor
  return wrk.format()
end
"""
VISITOR = re.compile(r"visitor/(\d+)")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=30, help="wrk's duration (default 30)")
    parser.add_argument("--connections", type=int, default=100, help="in all (default 100)")
    parser.add_argument("--workers", default="4", help="gunicorn worker processes (default 4)")
    parser.add_argument("--report", type=Path, help="also write the Markdown figures here")
    args = parser.parse_args(argv)

    cluster, redis, site = PostgresCluster(), None, None
    database_url = None
    try:
        cluster.start()
        redis = RedisServer().start()
        database_url = cluster.create_database()
        static_root = Path(tempfile.mkdtemp(prefix="pathways-static."))
        collect_static(static_root)
        site = Site(
            env=site_environment(
                database_url=database_url,
                static_root=static_root,
                CACHE_URL=redis.url,
                WEB_CONCURRENCY=args.workers,
                GUNICORN_ACCESS_LOG="true",
                DJANGO_MIGRATE="true",
                DJANGO_LOAD_CONTENT="true",
            )
        ).start()
        return measure(site, database_url, args)
    except MissingTool as missing:
        print(f"loadtest: {missing}", file=sys.stderr)
        return 2
    finally:
        if site:
            site.stop()
        if redis:
            redis.stop()
        if database_url:
            cluster.drop_database(database_url)
        cluster.stop()


def measure(site, database_url, args) -> int:
    _, slug, _ = first_guide(database_url)
    page, counter = f"/pathways/{slug}/", f"/pathways/{slug}/view"
    status, _, _ = site.get(page)
    if status != 200:
        print(f"loadtest: {page} answered {status} before the test", file=sys.stderr)
        return 1
    [(views_before,)] = query(
        database_url, "SELECT views FROM pathways_pathway WHERE slug = %s", [slug]
    )

    half = args.connections // 2
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        script.write(POST_SCRIPT.format(host=SITE_HOST, per_visitor=REQUESTS_PER_VISITOR))
        script.flush()
        headers = ("-H", f"Host: {SITE_HOST}", "-H", "X-Forwarded-Proto: https")
        posting = ("-s", script.name)

        def load(path, options):
            return run_wrk(site.url + path, args.seconds, half, 1, ("--timeout", "10s", *options))

        with ThreadPoolExecutor(max_workers=2) as pool:
            reads, posts = pool.submit(load, page, headers), pool.submit(load, counter, posting)
            read, post = reads.result(), posts.result()
    time.sleep(2)  # let requests wrk abandoned at the deadline finish on the server
    # Counted views gather in Redis and are written every few seconds: write the rest now.
    flushed = run_entrypoint(site.env, "python", "manage.py", "flush_views")
    if flushed.returncode != 0:
        print(f"loadtest: flush_views failed:\n{flushed.stderr}", file=sys.stderr)
        return 1

    [(views_after,)] = query(
        database_url, "SELECT views FROM pathways_pathway WHERE slug = %s", [slug]
    )
    answered_lines = [
        line for line in site.log().splitlines() if f'"POST {counter} HTTP/1.1" 200 ' in line
    ]
    answered = len(answered_lines)
    visitors = len({VISITOR.search(line).group(1) for line in answered_lines})
    counted = views_after - views_before
    failures = []
    if read.errors or post.errors:
        failures.append("socket errors")
    if read.bad_answers or post.bad_answers:
        failures.append("error statuses")
    if counted != visitors:
        failures.append(f"views stored {counted} != visitors answered {visitors}")
    if not post.requests <= answered <= post.requests + half:
        failures.append(f"wrk sent {post.requests} views, the server answered {answered}")

    report = render(args, read, post, counted, visitors, answered, failures)
    print(report)
    if args.report:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text(report)
    return 1 if failures else 0


def render(args, read, post, counted, visitors, answered, failures) -> str:
    rows = [
        ("guide page (GET)", read),
        ("view count (POST)", post),
    ]
    lines = [
        "# Load test",
        "",
        f"wrk, {args.connections} connections ({args.connections // 2} per endpoint) for "
        f"{args.seconds} s, against gunicorn ({args.workers} workers, 4 threads each, production "
        f"settings) on loopback, with PostgreSQL and Redis on the same {os.cpu_count()}-CPU "
        "machine.",
        "",
        "| endpoint | requests | requests/s | p50 | p90 | p99 | socket errors | error statuses |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, run in rows:
        lines.append(
            f"| {name} | {run.requests} | {run.requests_per_second:.0f} | {run.p50_ms:.1f} ms | "
            f"{run.p90_ms:.1f} ms | {run.p99_ms:.1f} ms | {run.errors} | {run.bad_answers} |"
        )
    lines += [
        "",
        f"Views stored: {counted}; distinct visitors among the view requests the server "
        f"answered: {visitors} ({REQUESTS_PER_VISITOR} requests each, counted once); view "
        f"requests answered: {answered}; completed within wrk's time: {post.requests}.",
        "",
        "Result: " + ("PASS" if not failures else "FAIL — " + "; ".join(failures)),
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
