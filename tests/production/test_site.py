"""The site as the container runs it: entrypoint, gunicorn, production settings, PostgreSQL.

One server for the module: started by docker/entrypoint.sh with DJANGO_MIGRATE
and DJANGO_LOAD_CONTENT, so the start-up path of the image is the one tested.
"""

import json
import subprocess

import pytest

from bench.servers import ROOT, Site, first_guide, query, site_environment

from .dockerfile import healthcheck_command
from .headers import NEVER_CACHE, SECURITY_HEADERS

TEN_YEARS_IMMUTABLE = "max-age=315360000, public, immutable"


@pytest.fixture(scope="module")
def site(postgres, static_root):
    database_url = postgres.create_database()
    env = site_environment(
        database_url=database_url,
        static_root=static_root,
        DJANGO_MIGRATE="true",
        DJANGO_LOAD_CONTENT="true",
    )
    try:
        with Site(env=env) as server:
            yield server
    finally:
        postgres.drop_database(database_url)


@pytest.fixture(scope="module")
def guide_path(site):
    _, slug, _ = first_guide(site.env["DATABASE_URL"])
    return f"/pathways/{slug}/"


def test_entrypoint_migrates_and_loads_content_before_serving(site):
    log = site.log()

    assert "entrypoint: applying migrations" in log
    assert "entrypoint: importing fixtures/pathways.json" in log
    assert query(site.env["DATABASE_URL"], "SELECT count(*) > 0 FROM pathways_pathway") == [(True,)]


def test_healthz_answers_ok_whatever_the_host(site):
    status, headers, body = site.get("/healthz", https=False, host="10.1.2.3:8000")

    assert (status, body, headers["Cache-Control"]) == (200, b"ok\n", NEVER_CACHE)


def test_healthcheck_command_succeeds_when_database_is_up(site):
    result = subprocess.run(
        healthcheck_command(), env=site.env, cwd=ROOT, capture_output=True, timeout=10
    )

    assert result.returncode == 0


def test_plain_http_redirects_to_https(site, guide_path):
    status, headers, _ = site.get(guide_path, https=False)

    assert (status, headers["Location"]) == (301, f"https://pathways.example{guide_path}")


def test_guide_page_sends_security_headers(site, guide_path):
    status, headers, _ = site.get(guide_path)

    assert status == 200
    assert {name: headers[name] for name in SECURITY_HEADERS} == SECURITY_HEADERS


def test_guide_page_repeat_visit_is_not_modified(site, guide_path):
    _, first, _ = site.get(guide_path)

    status, headers, body = site.get(guide_path, headers={"If-None-Match": first["ETag"]})

    assert first["ETag"].startswith(('"', 'W/"'))
    assert (status, body, headers["ETag"]) == (304, b"", first["ETag"])


def test_hashed_static_file_is_compressed_and_cached_for_years(site, static_root):
    manifest = json.loads((static_root / "staticfiles.json").read_text())
    hashed = manifest["paths"]["admin/css/base.css"]

    status, headers, body = site.get(f"/static/{hashed}", headers={"Accept-Encoding": "br"})

    assert hashed != "admin/css/base.css"
    assert (status, headers["Content-Encoding"], headers["Cache-Control"]) == (
        200,
        "br",
        TEN_YEARS_IMMUTABLE,
    )
    assert body == (static_root / (hashed + ".br")).read_bytes()
