"""``python -m bench`` (``make bench``): the whole benchmark, results into docs/benchmarks.md.

For each size it generates source text, imports it through the real importer
into a throwaway SQLite database (timed), probes each page's queries and
bytes, then serves the database with gunicorn as in production and loads it
with wrk, cached and uncached, each page against a static file of the same
size from the same server. At the largest size it also runs nginx as a caching
proxy. 1,000 generated guides are imported into a throwaway PostgreSQL too
(fewer when every size is smaller).

Each ratio takes the best of ``repeat`` interleaved wrk runs on each side.
Environment: BENCH_QUICK=1 for a short run (sizes 10 and 200, one 3 s run
per side); BENCH_SIZES=10,1000,10000, BENCH_SECONDS=4 and BENCH_REPEAT=2
override either mode; BENCH_KEEP=1 keeps the work folder. Nothing here asserts
on time.
"""

import json
import os
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from . import generate, nginx, report, servers, web

FULL = {"sizes": (10, 1_000, 10_000), "seconds": 4, "repeat": 2}
QUICK = {"sizes": (10, 200), "seconds": 3, "repeat": 1}
IMPORT_TARGET_GUIDES = 1_000


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def options() -> dict:
    quick = os.environ.get("BENCH_QUICK", "") not in ("", "0", "false")
    chosen = dict(QUICK if quick else FULL, quick=quick)
    if os.environ.get("BENCH_SIZES"):
        chosen["sizes"] = tuple(int(s) for s in os.environ["BENCH_SIZES"].split(","))
    if os.environ.get("BENCH_SECONDS"):
        chosen["seconds"] = int(os.environ["BENCH_SECONDS"])
    if os.environ.get("BENCH_REPEAT"):
        chosen["repeat"] = int(os.environ["BENCH_REPEAT"])
    return chosen


def import_postgres(folder: Path, env: dict[str, str]) -> dict:
    """Time the import into a database of a throwaway PostgreSQL cluster."""
    cluster = servers.PostgresCluster()
    try:
        cluster.start()
    except servers.MissingTool as missing:
        return {"error": str(missing)}
    database_url = None
    try:
        database_url = cluster.create_database()
        result = web.run_json(
            ["bench.importbench", str(folder)], {**env, "DATABASE_URL": database_url}
        )
        [(version,)] = servers.query(database_url, "SHOW server_version")
        result["server"] = f"PostgreSQL {version}"
        return result
    finally:
        if database_url:
            cluster.drop_database(database_url)
        cluster.stop()


def run_size(size: int, work: Path, static_root: Path, chosen: dict, results: dict) -> dict:
    """Generate, import, probe and serve one size; returns what nginx needs later."""
    folder = work / f"source-{size}"
    written = generate.write(folder, size)
    log(f"{size}: wrote {written.guides} guides and {written.hubs} hubs ({written.bytes:,} bytes)")
    database = f"sqlite:///{work / f'site-{size}.sqlite3'}"
    env = web.site_env(database, static_root)
    imported = web.run_json(["bench.importbench", str(folder)], env)
    log(f"{size}: imported in {imported['seconds']:.1f} s ({imported['guides_per_second']:.0f}/s)")
    port = servers.free_port()
    probed = web.run_json(["bench.web", "probe", str(port), str(size)], env)
    entry = {
        "pathways": size,
        "source_bytes": written.bytes,
        "hubs": written.hubs,
        "import": imported,
        "pages": probed["pages"],
    }
    for mode, cache_url in (("cached", ""), ("uncached", "dummy://")):
        served_env = web.site_env(database, static_root, cache_url)
        with servers.Site(served_env, port, work / "gunicorn.log") as site:
            log(f"{size}: wrk, {mode}")
            entry[mode] = web.measure_pages(
                site.url, probed["pages"], chosen["seconds"], chosen["repeat"]
            )
    results["sizes"].append(entry)
    return {"env": env, "port": port, "pages": probed["pages"]}


def main() -> None:
    chosen = options()
    started = time.monotonic()
    results = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "quick": chosen["quick"],
        "seconds_per_run": chosen["seconds"],
        "repeat": chosen["repeat"],
        "machine": report.machine(),
        "sizes": [],
    }
    work = Path(tempfile.mkdtemp(prefix="pathways-bench-"))
    log(f"work folder {work}; sizes {chosen['sizes']}, {chosen['seconds']} s per wrk run")
    try:
        static_root = work / "static"
        servers.collect_static(static_root)
        last = None
        for size in chosen["sizes"]:
            last = run_size(size, work, static_root, chosen, results)
        log("PostgreSQL import")
        results["import_postgres"] = import_postgres(
            _import_folder(work, chosen["sizes"]), web.site_env("", static_root)
        )
        log(f"nginx at {chosen['sizes'][-1]} pathways")
        with servers.Site(last["env"], last["port"], work / "gunicorn.log"):
            results["nginx"] = nginx.measure(
                last["port"],
                last["pages"],
                chosen["seconds"],
                chosen["repeat"],
                lambda slug: web.run_json(["bench.web", "views", slug], last["env"])["views"],
            )
        results["nginx"]["pathways"] = chosen["sizes"][-1]
        results["minutes"] = (time.monotonic() - started) / 60
        results["load_average_end"] = os.getloadavg()[0]
        out = servers.ROOT / "var" / "bench"
        out.mkdir(parents=True, exist_ok=True)
        (out / "results.json").write_text(json.dumps(results, indent=2))
        document = servers.ROOT / "docs" / "benchmarks.md"
        report.write(document, results)
        log(f"done in {results['minutes']:.1f} min: {document}, var/bench/results.json")
        print(report.headline(results))
    finally:
        if os.environ.get("BENCH_KEEP"):
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def _import_folder(work: Path, sizes) -> Path:
    """Generated source for the PostgreSQL import: 1,000 guides, or fewer in a smaller run."""
    size = min(IMPORT_TARGET_GUIDES, max(sizes))
    folder = work / f"source-{size}"
    if not folder.exists():
        generate.write(folder, size)
    return folder


if __name__ == "__main__":
    main()
