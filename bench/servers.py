"""Real processes on loopback for the benchmarks, the load test and tests/production/.

A throwaway PostgreSQL (the run's own when DATABASE_URL already names one,
else a cluster started through ``bin/with-postgres``), Redis from Debian, and
gunicorn started through ``docker/entrypoint.sh`` exactly as the container
starts it. Everything binds to 127.0.0.1 and is stopped by whoever started it.
Nothing here imports Django: the site runs in the child processes only, so
``python -m bench`` can serve databases of any settings one after another.
"""

import http.client
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
ENTRYPOINT = ROOT / "docker" / "entrypoint.sh"
SITE_HOST = "pathways.example"


class MissingTool(RuntimeError):
    """A program the servers need is not installed."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def require(program: str, package: str) -> str:
    path = shutil.which(program)
    if path is None:
        raise MissingTool(f"{program} not found on PATH: install Debian's {package}")
    return path


# --- PostgreSQL ------------------------------------------------------------


def postgres_path() -> str:
    """PATH with PostgreSQL's programs on it: Debian keeps them outside, per version."""
    path = os.environ.get("PATH", "/usr/bin:/bin")
    if shutil.which("initdb") is None:
        found = sorted(
            Path("/usr/lib/postgresql").glob("[0-9]*/bin"), key=lambda bin_: int(bin_.parent.name)
        )
        if found:
            path = f"{found[-1]}:{path}"
    return path


class PostgresCluster:
    """The cluster of the current run, or a throwaway one started with bin/with-postgres."""

    def __init__(self):
        self.process = None
        url = os.environ.get("DATABASE_URL", "")
        self.url = url if url.startswith(("postgres://", "postgresql://")) else None

    def start(self, timeout: float = 90) -> "PostgresCluster":
        if self.url:
            return self
        path = postgres_path()
        if shutil.which("initdb", path=path) is None:
            raise MissingTool("initdb not found on PATH: install Debian's postgresql")
        code = "import os, sys; print(os.environ['DATABASE_URL'], flush=True); sys.stdin.read()"
        self.process = subprocess.Popen(
            [str(ROOT / "bin" / "with-postgres"), sys.executable, "-c", code],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "PATH": path},
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        seen = []
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                break
            seen.append(line)
            if line.startswith(("postgres://", "postgresql://")):
                self.url = line.strip()
                return self
        self.stop()
        raise MissingTool("bin/with-postgres did not start a cluster:\n" + "".join(seen))

    def stop(self):
        if self.process is not None:
            # Closing stdin ends the waiting command; with-postgres then removes the cluster.
            self.process.stdin.close()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
            self.process.stdout.close()
            self.process = None

    def url_for(self, dbname: str) -> str:
        parts = urllib.parse.urlsplit(self.url)
        return urllib.parse.urlunsplit(parts._replace(path=f"/{dbname}"))

    def create_database(self) -> str:
        name = f"pathways_{secrets.token_hex(4)}"
        with psycopg.connect(self.url_for("postgres"), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url_for(name)

    def drop_database(self, url: str):
        name = urllib.parse.urlsplit(url).path.lstrip("/")
        with psycopg.connect(self.url_for("postgres"), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def query(database_url: str, sql: str, params=()) -> list[tuple]:
    """Rows of one query, read straight from the database the servers use."""
    with psycopg.connect(database_url) as conn:
        return conn.execute(sql, params).fetchall()


def first_guide(database_url: str) -> tuple[int, str, str]:
    """(id, slug, title) of the first published guide, by slug."""
    [row] = query(
        database_url,
        "SELECT id, slug, title FROM pathways_pathway WHERE status = 'published' AND has_guide "
        "ORDER BY slug LIMIT 1",
    )
    return row


# --- Redis -----------------------------------------------------------------


class RedisServer:
    """redis-server on a free loopback port, no persistence, in a temporary directory."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.directory = tempfile.mkdtemp(prefix="pathways-redis.")
        self.process = None

    def start(self, timeout: float = 15) -> "RedisServer":
        binary = require("redis-server", "redis-server")
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", self.directory],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            wait_for_port(self.port, timeout, self.process, "redis-server")
        except RuntimeError:
            self.stop()
            raise
        return self

    def stop(self):
        stop_process(self.process)
        shutil.rmtree(self.directory, ignore_errors=True)


# --- the site --------------------------------------------------------------


def collect_static(static_root: Path):
    """collectstatic with production storage, as the image build runs it."""
    env = site_environment(database_url="sqlite:///unused.sqlite3", static_root=static_root)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "--verbosity", "0"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )


def site_environment(*, database_url: str, static_root: Path, **extra: str) -> dict[str, str]:
    """What the container's environment holds, and nothing from the calling process."""
    env = {
        "PATH": f"{VENV_BIN}:{os.environ.get('PATH', '/usr/bin:/bin')}",
        "HOME": tempfile.gettempdir(),
        "LANG": "C.UTF-8",
        "PYTHONUNBUFFERED": "1",
        "DJANGO_SETTINGS_MODULE": "pathways_site.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": f"{SITE_HOST},127.0.0.1",
        "DATABASE_URL": database_url,
        "DJANGO_STATIC_ROOT": str(static_root),
        "HOST": "127.0.0.1",
        "WEB_CONCURRENCY": "2",
        "GUNICORN_THREADS": "4",
    }
    env.update(extra)
    return env


def run_entrypoint(env: dict[str, str], *args: str, timeout: float = 120):
    """Run docker/entrypoint.sh to completion (``migrate``, a command)."""
    return subprocess.run(
        [str(ENTRYPOINT), *args], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=timeout,
    )  # fmt: skip


@dataclass
class Site:
    """gunicorn started by docker/entrypoint.sh, its output in a log file.

    Also a context manager: ``with Site(env) as site:`` starts and stops it.
    """

    env: dict[str, str]
    port: int = field(default_factory=free_port)
    log_path: Path = None
    process: subprocess.Popen = None

    def start(self, timeout: float = 90) -> "Site":
        self.env = {**self.env, "PORT": str(self.port)}
        if self.log_path is None:
            handle, name = tempfile.mkstemp(prefix="pathways-gunicorn.", suffix=".log")
            os.close(handle)
            self.log_path = Path(name)
        with self.log_path.open("a") as log:
            self.process = subprocess.Popen(
                [str(ENTRYPOINT)], cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip
        try:
            wait_for_port(self.port, timeout, self.process, "gunicorn", self.log_path)
        except RuntimeError:
            self.stop()
            raise
        return self

    def stop(self):
        stop_process(self.process, group=True)

    def __enter__(self) -> "Site":
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def log(self) -> str:
        return self.log_path.read_text()

    def request(self, method, path, *, headers=None, body=None, https=True, host=SITE_HOST):
        """One request on a fresh connection; returns (status, headers, body)."""
        sent = {"Host": host}
        if https:
            sent["X-Forwarded-Proto"] = "https"
        sent.update(headers or {})
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request(method, path, body=body, headers=sent)
            response = conn.getresponse()
            return response.status, response.headers, response.read()
        finally:
            conn.close()

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)


def wait_for_port(port, timeout, process, name, log_path=None):
    """Return once ``process`` listens on ``port``; raise if it exits or takes too long."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = log_path.read_text() if log_path else ""
            raise RuntimeError(f"{name} exited with {process.returncode} while starting\n{output}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{name} did not listen on 127.0.0.1:{port} within {timeout} s")


def stop_process(process, group=False):
    """SIGTERM (gunicorn shuts down gracefully), then SIGKILL if it lingers."""
    if process is None or process.poll() is not None:
        return
    send = (lambda sig: os.killpg(process.pid, sig)) if group else process.send_signal
    send(signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        send(signal.SIGKILL)
        process.wait()
