"""Admin sign-in throttling: five wrong passwords lock one username from one address.

Every test runs with both places attempts can be counted: the database (no
shared cache) and the cache (Redis in production, local memory here).
"""

import io
import time
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from pathways.admin.lockout import TEMPLATE

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
ATTACKER = "203.0.113.7"
ELSEWHERE = "198.51.100.20"
PASSWORD = "a-long-password"
DATABASE = "axes.handlers.database.AxesDatabaseHandler"
CACHE = "axes.handlers.cache.AxesCacheHandler"


@pytest.fixture(
    params=[DATABASE, CACHE],
    ids=["database", "cache"],
    autouse=True,
)
def attempts_kept_in(request, settings):
    settings.AXES_HANDLER = request.param
    return request.param


@pytest.fixture
def editor(db):
    return User.objects.create_user("eddie", "eddie@example.com", PASSWORD, is_staff=True)


def sign_in(client, username, password, address=ATTACKER):
    return client.post(
        LOGIN, {"username": username, "password": password, "next": "/admin/"}, REMOTE_ADDR=address
    )


def fail(client, username, times, address=ATTACKER):
    statuses = [sign_in(client, username, "wrong", address).status_code for _ in range(times)]
    return statuses


def signed_in(response):
    return (response.status_code, response.get("Location")) == (302, "/admin/")


def test_five_wrong_passwords_lock_out_even_the_right_one(client, editor):
    assert fail(client, "eddie", 4) == [200, 200, 200, 200]  # the form again, with its error
    assert fail(client, "eddie", 1) == [429]

    response = sign_in(client, "eddie", PASSWORD)

    assert response.status_code == 429
    assert TEMPLATE in [t.name for t in response.templates]
    assert "_auth_user_id" not in client.session


def test_lockout_page_is_friendly_and_says_how_long(client, editor):
    fail(client, "eddie", 5)

    response = sign_in(client, "eddie", PASSWORD)

    text = response.content.decode()
    assert "<title>Too many sign-in attempts | Pathways editors</title>" in text
    assert "Sign-in is paused after 5 wrong passwords in a row." in text
    assert "cannot sign in from your address for the next 15 minutes." in text
    # Nothing inline: the strict Content-Security-Policy holds on this page too.
    assert "<style" not in text
    assert "style=" not in text
    assert "<script>" not in text
    assert response["Content-Security-Policy"].startswith("default-src 'self'")


def test_lockout_is_per_account_another_account_from_the_same_address_signs_in(client, editor):
    User.objects.create_user("erin", "erin@example.com", PASSWORD, is_staff=True)
    fail(client, "eddie", 5)

    assert signed_in(sign_in(client, "erin", PASSWORD))


def test_lockout_is_per_address_the_same_account_signs_in_from_elsewhere(client, editor):
    fail(client, "eddie", 5)

    assert signed_in(sign_in(client, "eddie", PASSWORD, address=ELSEWHERE))


def test_spelling_the_username_differently_does_not_dodge_the_count(client, editor):
    # The sign-in form strips spaces and folds compatibility characters
    # (full-width letters), and attempts are counted under the name it checks.
    full_width = "\uff45\uff44\uff44\uff49\uff45"  # "eddie" in full-width letters
    for spelling in ["eddie", " eddie", "eddie ", full_width]:
        sign_in(client, spelling, "wrong")
    assert fail(client, f"{full_width} ", 1) == [429]

    assert sign_in(client, "eddie", PASSWORD).status_code == 429


def test_unknown_usernames_are_locked_out_like_real_ones(client, editor):
    # The same page either way: the lockout does not tell which names exist.
    assert fail(client, "nobody", 5) == [200, 200, 200, 200, 429]


def test_sign_in_works_again_after_the_cool_off(client, editor, settings):
    settings.AXES_COOLOFF_TIME = timedelta(seconds=1)
    fail(client, "eddie", 5)
    assert sign_in(client, "eddie", PASSWORD).status_code == 429

    time.sleep(1.1)  # the shortest cool-off a cache can keep is one second

    assert signed_in(sign_in(client, "eddie", PASSWORD))


def test_a_successful_sign_in_resets_the_count(client, editor):
    fail(client, "eddie", 4)
    assert signed_in(sign_in(client, "eddie", PASSWORD))
    client.logout()

    assert fail(client, "eddie", 4) == [200, 200, 200, 200]
    assert signed_in(sign_in(client, "eddie", PASSWORD))


def test_reset_command_for_an_address_and_username_lifts_that_lockout(client, editor):
    fail(client, "eddie", 5)
    out = io.StringIO()

    call_command("axes_reset_ip_username", ATTACKER, "eddie", stdout=out)

    assert out.getvalue() == "1 attempts removed.\n"
    assert signed_in(sign_in(client, "eddie", PASSWORD))


def test_reset_command_lifts_every_lockout_when_attempts_are_in_the_database(
    client, editor, attempts_kept_in
):
    fail(client, "eddie", 5)

    if attempts_kept_in == CACHE:
        # A cache cannot list its keys: with Redis, lockouts are lifted one at a time.
        with pytest.raises(NotImplementedError):
            call_command("axes_reset", stdout=io.StringIO())
        assert sign_in(client, "eddie", PASSWORD).status_code == 429
    else:
        call_command("axes_reset", stdout=io.StringIO())
        assert signed_in(sign_in(client, "eddie", PASSWORD))
