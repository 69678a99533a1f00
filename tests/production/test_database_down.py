"""When the database cannot be reached: the health check says so, errors log one line."""

import re
import subprocess

import pytest

from bench.servers import ROOT, Site, run_entrypoint, site_environment

from .dockerfile import healthcheck_command

DB_PASSWORD = "s3cret-db-password"


@pytest.fixture(scope="module")
def site_without_database(static_root, tmp_path_factory):
    # A socket directory with no server in it: connecting fails at once.
    socket_dir = str(tmp_path_factory.mktemp("no-postgres-here")).replace("/", "%2F")
    env = site_environment(
        database_url=f"postgres://pathways:{DB_PASSWORD}@{socket_dir}/pathways",
        static_root=static_root,
        WEB_CONCURRENCY="1",
    )
    with Site(env=env) as server:
        yield server


def test_healthz_is_503_when_database_is_down(site_without_database):
    status, _, body = site_without_database.get("/healthz", https=False, host="127.0.0.1")

    assert (status, body) == (503, b"database unavailable\n")


def test_healthcheck_command_fails_when_database_is_down(site_without_database):
    result = subprocess.run(
        healthcheck_command(),
        env=site_without_database.env,
        cwd=ROOT,
        capture_output=True,
        timeout=10,
    )

    assert result.returncode == 1


def test_request_error_is_logged_on_one_line_without_secrets(site_without_database):
    status, _, _ = site_without_database.get("/pathways/any-guide/")

    log = site_without_database.log()
    errors = [line for line in log.splitlines() if "Internal Server Error" in line]
    assert status == 500
    assert len(errors) == 1
    assert re.fullmatch(
        r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} ERROR django\.request "
        r"Internal Server Error: /pathways/any-guide/ \| Traceback \(most recent call last\):"
        r" \| .* \| django\.db\.utils\.OperationalError: .*",
        errors[0],
    )
    assert DB_PASSWORD not in log
    assert site_without_database.env["DJANGO_SECRET_KEY"] not in log


def test_entrypoint_migrate_argument_migrates_then_exits(make_database, static_root):
    database_url = make_database()
    env = site_environment(database_url=database_url, static_root=static_root)

    result = run_entrypoint(env, "migrate")

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("entrypoint: applying migrations\n")
    assert "Applying pathways.0001_initial... OK" in result.stdout


def test_entrypoint_runs_other_commands_as_given(static_root):
    env = site_environment(database_url="sqlite:///unused.sqlite3", static_root=static_root)

    result = run_entrypoint(env, "python", "-c", "import os; print(os.getcwd())")

    assert (result.returncode, result.stdout) == (0, f"{ROOT}\n")
