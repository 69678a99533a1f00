"""The image definition and the deploy checks, as CI can test them without Docker."""

import secrets
import subprocess
import sys

from bench.servers import ROOT, VENV_BIN

from .dockerfile import instructions


def test_dockerfile_passes_hadolint():
    result = subprocess.run(
        [str(VENV_BIN / "hadolint"), "Dockerfile"], cwd=ROOT, capture_output=True, text=True
    )

    assert (result.returncode, result.stdout) == (0, "")


def test_dockerfile_uses_one_pinned_slim_python_312_base():
    bases = {line.split()[0] for line in instructions("FROM")}

    assert bases == {"python:3.12.12-slim-bookworm"}


def test_dockerfile_installs_from_lock_file_without_resolving():
    runs = instructions("RUN")

    assert "/opt/venv/bin/pip install --no-deps -r /tmp/requirements.lock" in runs


def test_dockerfile_collects_static_files_at_build_time():
    collect = [run for run in instructions("RUN") if "collectstatic" in run]

    assert len(collect) == 1
    assert "DJANGO_SETTINGS_MODULE=pathways_site.settings.production" in collect[0]


def test_dockerfile_runs_as_unprivileged_user():
    assert instructions("USER") == ["10001:10001"]


def test_dockerfile_starts_through_entrypoint_script():
    assert instructions("ENTRYPOINT") == ['["docker/entrypoint.sh"]']


def test_deploy_check_passes_with_production_settings():
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "pathways.example",
        "DJANGO_SETTINGS_MODULE": "pathways_site.settings.production",
    }

    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )

    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        "System check identified no issues (0 silenced).\n",
        "",
    )
