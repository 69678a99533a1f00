"""nginx (from Debian) as a caching reverse proxy in front of gunicorn, on loopback.

The configuration lives in a temporary folder; no system configuration is
read or touched. One server answers both the proxied site and ``/disk/``, a
same-size copy of each page read from disk: the rate nginx reaches on that
file is the physical limit of this machine, and the cached pages are compared
with it.
"""

import http.client
import os
import pwd
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from .servers import free_port, stop_process, wait_for_port
from .web import compared, fetch, paired

CONFIG = """\
worker_processes {workers};
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
daemon off;
{user}
events {{ worker_connections 1024; }}

http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    default_type application/octet-stream;
    types {{ text/html html; }}
    client_body_temp_path {prefix}/tmp/body;
    proxy_temp_path {prefix}/tmp/proxy;
    fastcgi_temp_path {prefix}/tmp/fastcgi;
    uwsgi_temp_path {prefix}/tmp/uwsgi;
    scgi_temp_path {prefix}/tmp/scgi;

    # The app's Cache-Control (public, max-age) decides what is kept and how long.
    proxy_cache_path {prefix}/cache levels=1:2 keys_zone=pages:10m max_size=256m inactive=10m;

    upstream site {{
        server 127.0.0.1:{upstream};
        keepalive 16;
    }}

    server {{
        listen 127.0.0.1:{port};

        location /disk/ {{
            alias {prefix}/disk/;
        }}

        location / {{
            proxy_pass http://site;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_cache pages;
            # One request renders a missing page; the others wait for it.
            proxy_cache_lock on;
            # An expired page is served while one request fetches it again, revalidated
            # with its ETag (a 304 from the app costs no query).
            proxy_cache_use_stale updating error timeout;
            proxy_cache_background_update on;
            proxy_cache_revalidate on;
            add_header X-Cache-Status $upstream_cache_status;
        }}
    }}
}}
"""


def config(prefix: Path, port: int, upstream: int, workers: int) -> str:
    # As root, nginx's workers run as nobody: let them write the cache.
    user = "user nobody nogroup;" if os.geteuid() == 0 else ""
    return CONFIG.format(prefix=prefix, port=port, upstream=upstream, workers=workers, user=user)


@contextmanager
def nginx(upstream_port: int, workers: int | None = None):
    """nginx proxying to gunicorn on ``upstream_port``; yields its base URL and folder."""
    if shutil.which("nginx") is None:
        raise RuntimeError("nginx not found: apt-get install -y nginx-light")
    port = free_port()
    # A folder of its own: the workers may run as nobody, who must reach it.
    prefix = Path(tempfile.mkdtemp(prefix="pathways-bench-nginx-"))
    for folder in ("cache", "disk", "tmp"):
        (prefix / folder).mkdir(parents=True, exist_ok=True)
    prefix.chmod(0o755)
    if os.geteuid() == 0:
        nobody = pwd.getpwnam("nobody")
        for folder in ("cache", "tmp"):
            os.chown(prefix / folder, nobody.pw_uid, nobody.pw_gid)
    conf = prefix / "nginx.conf"
    conf.write_text(config(prefix, port, upstream_port, workers or os.cpu_count() or 1))
    with open(prefix / "stderr.log", "wb") as err:
        process = subprocess.Popen(
            ["nginx", "-p", str(prefix), "-c", str(conf)], stdout=subprocess.DEVNULL, stderr=err
        )
    try:
        wait_for_port(port, 30, process, "nginx", prefix / "error.log")
        yield f"http://127.0.0.1:{port}", prefix
    finally:
        stop_process(process)
        shutil.rmtree(prefix, ignore_errors=True)


def measure(
    gunicorn_port: int, pages: dict[str, dict], seconds: int, repeat: int, count_views
) -> dict:
    """Cached pages through nginx against the same bytes from disk, and the view count check.

    ``count_views(slug)`` reads a pathway's view count from the database.
    """
    results = {"pages": {}}
    with nginx(gunicorn_port) as (base, prefix):
        for name, page in pages.items():
            status, headers, body = fetch(base + page["url"])
            (prefix / "disk" / f"{name}.html").write_bytes(body)
            status, headers, body = fetch(base + page["url"])
            if status != 200 or headers.get("X-Cache-Status") != "HIT":
                raise RuntimeError(
                    f"{page['url']} not served from the proxy cache: {status} {headers}"
                )
            results["pages"][name] = {
                "url": page["url"],
                "bytes": len(body),
                "cache_control": headers.get("Cache-Control", ""),
                "etag": headers.get("ETag", ""),
                **compared(
                    *paired(base + page["url"], f"{base}/disk/{name}.html", seconds, repeat)
                ),
            }
        results["views"] = view_counter_check(base, pages["guide"]["url"], count_views)
    return results


BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


def fetch_from(address: str, base: str, path: str, method: str = "GET", headers=None):
    """Status, headers and body of one request to ``base`` sent from the loopback ``address``."""
    url = urlsplit(base)
    # Every address in 127.0.0.0/8 is this machine: each can be a visitor of its own.
    conn = http.client.HTTPConnection(
        url.hostname, url.port, timeout=10, source_address=(address, 0)
    )
    try:
        conn.request(method, path, body=b"" if method == "POST" else None, headers=headers or {})
        response = conn.getresponse()
        return response.status, dict(response.headers), response.read()
    finally:
        conn.close()


def view_counter_check(base: str, guide_url: str, count_views, loads: int = 25) -> dict:
    """K visitors load the guide through the proxy, each followed by its beacon: K more views.

    The visitors share one browser and differ only by address, which gunicorn
    learns from nginx's X-Forwarded-For (DJANGO_TRUSTED_PROXIES=1): were it
    ignored, they would all be 127.0.0.1 and count once per gunicorn process.
    A beacon from another site's page is refused and counts nothing.
    """
    slug = guide_url.strip("/").split("/")[-1]
    before = count_views(slug)
    cache_statuses = set()
    beacon_headers = {"User-Agent": BROWSER, "Origin": base, "Sec-Fetch-Site": "same-origin"}
    for number in range(loads):
        address = f"127.0.0.{number + 2}"
        _status, headers, _body = fetch_from(
            address, base, guide_url, headers={"User-Agent": BROWSER}
        )
        cache_statuses.add(headers.get("X-Cache-Status"))
        beacon, _headers, _body = fetch_from(
            address, base, f"{guide_url}view", "POST", beacon_headers
        )
        if beacon != 200:
            raise RuntimeError(f"view beacon answered {beacon}")
    cross_site = {
        **beacon_headers,
        "Origin": "https://elsewhere.example",
        "Sec-Fetch-Site": "cross-site",
    }
    refused, _headers, _body = fetch_from(
        "127.0.0.254", base, f"{guide_url}view", "POST", cross_site
    )
    if refused != 403:
        raise RuntimeError(f"a cross-site view beacon answered {refused}, not 403")
    after = count_views(slug)
    return {
        "loads": loads,
        "before": before,
        "after": after,
        "exact": after - before == loads,
        "page_cache_statuses": sorted(s or "-" for s in cache_statuses),
    }
