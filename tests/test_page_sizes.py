"""Home and hub pages stay small whatever the content: no list of every starting role.

At 10,000 pathways from 10,000 starting roles the home page listed every one
in a ``<select>`` (825 KB) and a hub of 3,000 paths did too (325 KB).
"""

import pytest

from pathways.models import Pathway, Role

MAX_PAGE_BYTES = 60_000
OVERVIEW = " ".join(["A long overview sentence about this transition and its many steps."] * 30)


def build(starts: int, targets: int = 3) -> None:
    """``starts`` starting roles with one published path each into one of ``targets`` roles."""
    into = Role.objects.bulk_create(
        Role(slug=f"target-{n}", name=f"Target {n}") for n in range(targets)
    )
    starting = Role.objects.bulk_create(
        Role(slug=f"start-{n:05}", name=f"Starting Role {n:05}") for n in range(starts)
    )
    Pathway.objects.bulk_create(
        (
            Pathway(
                slug=f"{start.slug}-to-{target.slug}",
                title=f"From {start.name} to {target.name}: Your 6-Month Transition Guide",
                from_role=start,
                to_role=target,
                status=Pathway.Status.PUBLISHED,
                difficulty="Moderate",
                timeline_text="6-9 months",
                salary_change_text="+20%",
                overview=OVERVIEW,
            )
            for start, target in zip(
                starting, (into[n % targets] for n in range(starts)), strict=True
            )
        ),
        batch_size=2_000,
    )


@pytest.mark.parametrize("starts", [30, 10_000])
def test_home_and_hub_stay_under_60_kb(db, client, starts):
    build(starts)

    home = client.get("/")
    hub = client.get("/become/target-0/")

    assert (home.status_code, hub.status_code) == (200, 200)
    assert len(home.content) < MAX_PAGE_BYTES
    assert len(hub.content) < MAX_PAGE_BYTES


def test_hub_lists_up_to_30_starting_roles_and_takes_a_typed_one_beyond(db, client):
    build(60)  # twenty paths into each of three roles
    target = Role.objects.get(slug="target-1")
    for n in range(11):  # 31 into Target 1
        start = Role.objects.create(slug=f"late-{n}", name=f"Late Start {n}")
        Pathway.objects.create(
            slug=f"late-{n}-to-target-1",
            title=f"From Late Start {n} to Target 1",
            from_role=start,
            to_role=target,
            status=Pathway.Status.PUBLISHED,
        )

    listed = client.get("/become/target-0/?from=start-00003").content.decode()
    typed = client.get("/become/target-1/?from=late%20START%207").content.decode()

    assert '<select id="filter-from" name="from">' in listed
    assert '<option value="start-00003" selected>Starting Role 00003</option>' in listed
    assert '<select id="filter-from"' not in typed
    assert '<input id="filter-from" type="text" name="from" value="Late Start 7"' in typed
    assert typed.count('<li class="card">') == 1
