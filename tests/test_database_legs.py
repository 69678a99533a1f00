"""Which tests the PostgreSQL leg of ``make test`` runs again (``--database-dependent-only``).

pytest runs in a child process; collecting opens no connection, so a
PostgreSQL address that leads nowhere is enough to select as that leg does.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOWHERE = "postgres://nobody@%2Fnonexistent/pathways"
HEALTH = "tests/production/test_health.py"


def collect(*args, database_url):
    """Exit code, the test ids selected and the lines about the rest."""
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", *args],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "DATABASE_URL": database_url},
        capture_output=True,
        text=True,
    )
    lines = done.stdout.splitlines()
    selected = [line for line in lines if "::" in line]
    # The count line ends with how long collecting took.
    told = [
        line.split(" in ")[0] if "collected" in line else line
        for line in lines
        if "deselected" in line or " leg: " in line
    ]
    return done.returncode, selected, told, done.stderr


def test_postgres_leg_keeps_database_tests_and_leaves_the_rest_to_sqlite():
    code, selected, told, _ = collect(
        "--database-dependent-only",
        HEALTH,  # six tests use the database, one only a request factory
        "tests/production/test_logging.py",  # two tests that never open the database
        "tests/browser/test_admin_editor.py",  # marked once
        database_url=NOWHERE,
    )

    assert code == 0
    # pytest-django runs the transactional test last.
    assert [test.split("::")[1] for test in selected] == [
        "test_healthz_answers_ok_with_one_query",
        "test_healthz_over_https_carries_the_security_headers_in_production",
        "test_healthz_probe_by_address_over_http_is_answered_not_redirected",
        "test_health_middleware_passes_other_paths_on",
        "test_other_paths_over_http_are_still_redirected",
        "test_healthz_is_503_and_drops_the_connection_when_site_tables_are_missing",
    ]
    assert told == [
        "PostgreSQL leg: 4 tests that do not depend on the database ran on SQLite only",
        "6/10 tests collected (4 deselected)",
    ]


def test_without_the_option_every_test_is_selected_on_postgres():
    code, selected, told, _ = collect(HEALTH, database_url=NOWHERE)

    assert (code, len(selected), told) == (0, 7, [])


def test_the_option_is_refused_on_sqlite_where_every_test_runs():
    code, selected, _, stderr = collect(
        "--database-dependent-only", HEALTH, database_url="sqlite:///unused.sqlite3"
    )

    assert (code, selected) == (4, [])
    assert "--database-dependent-only is for a second database" in stderr
