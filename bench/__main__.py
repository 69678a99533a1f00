"""``python -m bench`` (``make bench``): the whole benchmark, results into docs/benchmarks.md.

Two configurations are served, each as gunicorn with the production settings:
SQLite with each process's local-memory cache (the embedded default) and
PostgreSQL with Redis (as deployed: a throwaway cluster and a redis-server on
loopback). For each size the source text is generated once and imported
through the real importer into a database of each (timed); each page's
queries and bytes are probed; then each configuration is served cached and
uncached (``CACHE_URL=dummy://``) and loaded with wrk, every page against a
static file of the same size from the same server. 1,000 generated guides are
imported into each database (timed). At the largest size, with PostgreSQL and
Redis: 1,000 visitors' view beacons (database writes and the exact total),
then nginx as a caching proxy.

Each figure is the median of ``repeat`` short wrk runs, page and static file
interleaved, with the least and greatest; each ratio is taken within a pair.
Environment: BENCH_QUICK=1 for a short run (sizes 10 and 200, 3 x 1 s);
BENCH_SIZES=10,10000, BENCH_SECONDS=2, BENCH_REPEAT=5 and
BENCH_CONFIGS=sqlite,postgres override either mode; BENCH_KEEP=1 keeps the
work folder. Nothing here asserts on time.
"""

import json
import os
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from . import generate, nginx, report, servers, viewwrites, web

# Five pairs of 2 s runs per page and mode: 2 configurations x 2 sizes x 5 pages
# x 2 modes x (2 s warm-up + 5 x 4 s) is about 15 minutes of wrk.
FULL = {"sizes": (10, 10_000), "seconds": 2, "repeat": 5}
QUICK = {"sizes": (10, 200), "seconds": 1, "repeat": 3}
CONFIGS = ("sqlite", "postgres")
IMPORT_TARGET_GUIDES = 1_000


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def options() -> dict:
    quick = os.environ.get("BENCH_QUICK", "") not in ("", "0", "false")
    chosen = dict(QUICK if quick else FULL, quick=quick, configs=CONFIGS)
    if os.environ.get("BENCH_SIZES"):
        chosen["sizes"] = tuple(int(s) for s in os.environ["BENCH_SIZES"].split(","))
    if os.environ.get("BENCH_SECONDS"):
        chosen["seconds"] = int(os.environ["BENCH_SECONDS"])
    if os.environ.get("BENCH_REPEAT"):
        chosen["repeat"] = int(os.environ["BENCH_REPEAT"])
    if os.environ.get("BENCH_CONFIGS"):
        chosen["configs"] = tuple(os.environ["BENCH_CONFIGS"].split(","))
        unknown = set(chosen["configs"]) - set(CONFIGS)
        if unknown:
            raise SystemExit(f"BENCH_CONFIGS: unknown {sorted(unknown)}; use {','.join(CONFIGS)}")
    return chosen


class Backends:
    """Where each configuration keeps its data: SQLite files, or a cluster and a Redis."""

    def __init__(self, work: Path, static_root: Path, configs: tuple[str, ...]):
        self.work = work
        self.static_root = static_root
        self.cluster = self.redis = None
        self.redis_databases = 0
        if "postgres" in configs:
            self.cluster = servers.PostgresCluster().start()
            self.redis = servers.RedisServer().start()

    def stop(self):
        if self.redis:
            self.redis.stop()
        if self.cluster:
            self.cluster.stop()

    def new(self, config: str, label: str) -> dict:
        """A new empty database of ``config``: its URL and the two serving environments."""
        if config == "sqlite":
            database = f"sqlite:///{self.work / f'site-{label}.sqlite3'}"
            cache = ""  # the default: local memory in each process
        else:
            database = self.cluster.create_database()
            # A Redis database of its own, so pages of another database are never read.
            self.redis_databases += 1
            cache = self.redis.url.rsplit("/", 1)[0] + f"/{self.redis_databases}"
        return {
            "database": database,
            "cached": web.site_env(database, self.static_root, cache),
            "uncached": web.site_env(database, self.static_root, "dummy://"),
        }


def run_size(size: int, backends: Backends, chosen: dict, results: dict) -> dict:
    """Generate once; per configuration import, probe and serve. Returns the databases."""
    folder = backends.work / f"source-{size}"
    written = generate.write(folder, size)
    log(f"{size}: wrote {written.guides} guides and {written.hubs} hubs ({written.bytes:,} bytes)")
    made = {}
    for config in chosen["configs"]:
        label = f"{config}-{size}"
        made[config] = backend = backends.new(config, label)
        imported = web.run_json(["bench.importbench", str(folder)], backend["cached"])
        log(f"{label}: imported in {imported['seconds']:.1f} s")
        port = servers.free_port()
        probed = web.run_json(["bench.web", "probe", str(port), label], backend["cached"])
        entry = {
            "pathways": size,
            "source_bytes": written.bytes,
            "hubs": written.hubs,
            "import": imported,
            "pages": probed["pages"],
        }
        for mode in ("cached", "uncached"):
            log_path = backends.work / "gunicorn.log"
            with servers.Site(backend[mode], port, log_path) as site:
                log(f"{label}: wrk, {mode}, {chosen['repeat']} x {chosen['seconds']} s a side")
                entry[mode] = web.measure_pages(
                    site.url, probed["pages"], chosen["seconds"], chosen["repeat"]
                )
        results["configs"][config]["sizes"].append(entry)
        backend["pages"] = probed["pages"]
    return made


def time_imports(backends: Backends, chosen: dict, results: dict) -> None:
    """1,000 generated guides (fewer in a smaller run) into an empty database of each kind."""
    size = min(IMPORT_TARGET_GUIDES, max(chosen["sizes"]))
    folder = backends.work / f"source-{size}"
    if not folder.exists():
        generate.write(folder, size)
    for config in chosen["configs"]:
        backend = backends.new(config, f"{config}-import")
        imported = web.run_json(["bench.importbench", str(folder)], backend["cached"])
        log(f"{config}: {size} guides imported in {imported['seconds']:.1f} s")
        results["configs"][config]["import"] = imported


def main() -> None:
    chosen = options()
    started = time.monotonic()
    results = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "quick": chosen["quick"],
        "seconds_per_run": chosen["seconds"],
        "repeat": chosen["repeat"],
        "machine": report.machine(),
        "configs": {config: {"sizes": []} for config in chosen["configs"]},
    }
    work = Path(tempfile.mkdtemp(prefix="pathways-bench-"))
    log(
        f"work folder {work}; {', '.join(chosen['configs'])}; sizes {chosen['sizes']}; "
        f"{chosen['repeat']} x {chosen['seconds']} s wrk runs a side"
    )
    backends = None
    try:
        static_root = work / "static"
        servers.collect_static(static_root)
        backends = Backends(work, static_root, chosen["configs"])
        if backends.cluster:
            [(version,)] = servers.query(backends.cluster.url, "SHOW server_version")
            results["machine"]["postgresql_server"] = version
        last = None
        for size in chosen["sizes"]:
            last = run_size(size, backends, chosen, results)
        time_imports(backends, chosen, results)
        deployed = last.get("postgres") or last["sqlite"]
        if "postgres" in last:
            log(f"view beacons with Redis at {chosen['sizes'][-1]} pathways")
            results["view_writes"] = viewwrites.measure(deployed["cached"], deployed["database"])
        proxied = "postgres" if "postgres" in last else "sqlite"
        log(f"nginx at {chosen['sizes'][-1]} pathways, {proxied}")
        with servers.Site(deployed["cached"], log_path=work / "gunicorn.log") as site:
            results["nginx"] = nginx.measure(
                site.port,
                deployed["pages"],
                chosen["seconds"],
                chosen["repeat"],
                lambda slug: web.run_json(["bench.web", "views", slug], deployed["cached"])[
                    "views"
                ],
            )
        results["nginx"].update(pathways=chosen["sizes"][-1], config=proxied)
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
        if backends:
            backends.stop()
        if os.environ.get("BENCH_KEEP"):
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
