"""A reader's pace: week figures rescaled from the baseline, and ``?hours=`` on the guide page."""

import hashlib
import re

import pytest
from django.core.cache import cache

from pathways import caching, queries, sections
from pathways.pace import Pace, baseline, pace_from
from pathways.sections import ChecklistKeys
from tests.factories import make_full_guide, make_pathway
from tests.support import page_text

PLATFORM = "backend-developer-to-ai-platform-engineer"  # phases of 4, 4, 6, 4 and 4 weeks
GUIDE = f"/pathways/{PLATFORM}/"
JUNK_HOURS = ["", "0", "1", "41", "100", "-5", "5.0", "5_0", " 5", "5 ", "+5", "1e1", "\u0665", "x"]
JUNK_HOURS += ["0x10", "9" * 5000, "\x00", "10\x00", "%35", "\u4e94"]


def ranges(pathway, hours):
    steps = sections.roadmap(pathway, Pace(hours, 10))
    return [(step.first_week, step.last_week) for step in steps]


@pytest.mark.parametrize(
    ("hours", "expected"),
    [
        (10, [(1, 4), (5, 8), (9, 14), (15, 18), (19, 22)]),
        (5, [(1, 8), (9, 16), (17, 28), (29, 36), (37, 44)]),
        (20, [(1, 2), (3, 4), (5, 7), (8, 9), (10, 11)]),
        # Rounded per phase (6 + 6 + 9 + 6 + 6) this would be 33 weeks, not 220 / 7 rounded up.
        (7, [(1, 6), (7, 12), (13, 20), (21, 26), (27, 32)]),
    ],
)
def test_seed_guide_week_ranges_at_a_pace(seeded, hours, expected):
    assert ranges(queries.guide(PLATFORM), hours) == expected


def test_seed_roadmaps_contiguous_and_end_at_the_rescaled_total(seeded):
    with_roadmaps = [p for p in map(queries.guide, seeded.created) if p.phases.all()]
    assert len(with_roadmaps) == 4
    for pathway in with_roadmaps:
        total = sum(phase.weeks for phase in pathway.phases.all())
        for hours in range(2, 41):
            found = ranges(pathway, hours)

            starts = [first for first, _last in found]
            assert starts == [1, *(last + 1 for _first, last in found[:-1])]
            assert all(first <= last for first, last in found)
            assert found[-1][1] == -(-total * 10 // hours)


def test_one_week_phases_keep_a_week_each_at_the_fastest_pace(db):
    pathway = make_full_guide(size=2)
    pathway.phases.update(weeks=1)

    assert ranges(queries.guide(pathway.slug), 40) == [(1, 1), (2, 2), (3, 3), (4, 4)]


@pytest.mark.parametrize(("weeks", "hours", "expected"), [(6, 5, 12), (6, 20, 3), (1, 40, 1)])
def test_pace_weeks_rounds_up_to_at_least_one(weeks, hours, expected):
    assert Pace(hours, 10).weeks(weeks) == expected


@pytest.mark.parametrize(("value", "hours"), [("2", 2), ("40", 40), ("05", 5), ("10", 10)])
def test_pace_from_a_whole_number_in_range(value, hours):
    assert pace_from(value) == Pace(hours, 10)


@pytest.mark.parametrize("value", [None, *JUNK_HOURS])
def test_pace_from_junk_is_the_baseline(value):
    assert pace_from(value) == baseline() == Pace(10, 10)


def test_baseline_comes_from_the_setting(settings):
    settings.PATHWAYS_BASELINE_HOURS_PER_WEEK = 8

    assert (pace_from("16").scaled(8), pace_from("99")) == (4, Pace(8, 8))


# Checklist keys


def test_checklist_key_is_sha256_of_the_normalised_words():
    item = ChecklistKeys().item("  Read  the\tGUIDE ")

    assert item.key == hashlib.sha256(b"read the guide").hexdigest()[:8] == "3c5e4f58"
    assert item.text == "  Read  the\tGUIDE "


def test_checklist_key_kept_when_moved_and_lost_when_reworded():
    first = [ChecklistKeys().item(text).key for text in ["Read the guide", "Apply"]]
    moved = [ChecklistKeys().item(text).key for text in ["Apply", "Read the guide"]]
    reworded = ChecklistKeys().item("Read the whole guide").key

    assert (moved == first[::-1], reworded in first) == (True, False)


def test_checklist_same_words_twice_get_keys_of_their_own():
    keys = ChecklistKeys()
    found = [keys.item(text).key for text in ["Apply", "apply", "\uff21\uff50\uff50\uff4c\uff59"]]

    assert found == [
        hashlib.sha256(b"apply").hexdigest()[:8],
        hashlib.sha256(b"apply\n2").hexdigest()[:8],
        hashlib.sha256(b"apply\n3").hexdigest()[:8],
    ]


def test_guide_keys_are_unique_across_roadmap_and_action_plan(seeded):
    for pathway in map(queries.guide, seeded.created):
        parts = sections.guide_sections(pathway)
        keys = [task.key for step in parts["roadmap"] for task in step.tasks]
        keys += [item.key for _label, items in parts["action_plan"] for item in items]

        assert len(keys) == len(set(keys)), pathway.slug


# The guide page at a pace


def test_guide_at_a_pace_rescales_every_week_figure(seeded, client):
    response = client.get(f"{GUIDE}?hours=5")
    page = page_text(response)

    assert "Weeks 1\u20138 (8 weeks) Tasks" in page
    assert "Weeks 37\u201344 (8 weeks) Tasks" in page
    assert "At 5 hours a week the roadmap takes 44 weeks" in page
    assert "Every week figure here is for 5 hours a week." in page
    # Skills to learn: 4, 3, 6, 8, 3 and 5 weeks at the baseline.
    skill_weeks = re.findall(r'<span class="weeks">(\d+) weeks?</span>', response.content.decode())
    assert sorted(map(int, skill_weeks)) == [6, 6, 8, 10, 12, 16]


def test_guide_at_the_baseline_speaks_of_the_baseline(seeded, client):
    page = page_text(client.get(GUIDE))

    assert "Weeks 9\u201314 (6 weeks) Tasks" in page
    assert "At 10 hours a week the roadmap takes 22 weeks" in page
    assert "Every week figure here" not in page


@pytest.mark.parametrize("value", ["10", *JUNK_HOURS])
def test_guide_with_junk_or_baseline_hours_is_the_baseline_page(seeded, client, value):
    baseline_page = client.get(GUIDE)

    response = client.get(GUIDE, {"hours": value})

    assert (response.status_code, response.content) == (200, baseline_page.content)


def test_guide_pace_form_works_without_javascript(seeded, client):
    body = client.get(GUIDE).content.decode()

    assert f'<form class="inline-form" method="get" action="{GUIDE}" data-pace-form>' in body
    assert (
        '<input id="pace-hours" type="number" name="hours" min="2" max="40" step="1" '
        'value="10" required>'
    ) in body


def test_junk_hours_add_no_page_cache_keys(seeded, client):
    client.get(GUIDE)
    stored = set(cache._cache)

    for n in range(100):
        assert client.get(GUIDE, {"hours": f"{n}x", "n": n}).status_code == 200
        assert client.get(GUIDE, {"hours": 41 + n}).status_code == 200

    assert set(cache._cache) == stored


def test_one_page_cache_key_per_valid_pace(seeded, client):
    for hours in range(2, 41):
        client.get(GUIDE, {"hours": hours})
        client.get(GUIDE, {"hours": f"0{hours}", "utm_source": "x"})

    # Every pace from 2 to 40 hours, the baseline's under the address without hours.
    assert len(cache._cache) == 39


def test_other_address_of_a_pace_served_from_its_page(seeded, client, django_assert_num_queries):
    first = client.get(f"{GUIDE}?hours=5")

    with django_assert_num_queries(0):
        other = client.get(f"{GUIDE}?hours=05&utm_source=mail")

    assert (other.status_code, other.content) == (200, first.content)


@pytest.mark.parametrize("size", [1, 3])
def test_guide_at_a_pace_query_count_fixed(db, client, django_assert_num_queries, size):
    pathway = make_full_guide(size=size)
    caching.store_outdated_html()

    caching.content_version()
    # The pathway with its roles and stored guide, one query for each of the
    # six kinds of guide part (the body is rendered at this pace), QUERIES_OTHER.
    with django_assert_num_queries(8):
        response = client.get(f"{pathway.get_absolute_url()}?hours=5")

    assert response.status_code == 200


def test_guide_at_a_pace_leaves_the_stored_html_at_the_baseline(db, client):
    pathway = make_full_guide(make_pathway(), size=1)
    client.get(pathway.get_absolute_url())

    client.get(f"{pathway.get_absolute_url()}?hours=20")

    stored = queries.guide(pathway.slug).rendering.guide_html
    assert (
        '<p class="phase-weeks">Weeks 1\u20136 <span class="muted">(6 weeks)</span></p>' in stored
    )
    assert "Weeks 1\u20133" not in stored


def test_pictures_at_a_pace_match_the_text(seeded, client):
    html = client.get(f"{GUIDE}?hours=20").content.decode()

    ticks = re.findall(r'<text class="chart-tick"[^>]*>([^<]*)</text>', html)
    drawn = re.findall(r'<text class="chart-label"[^>]*>[^<]*: (\d+) weeks?</text>', html)
    listed = re.findall(r'<span class="weeks">(\d+) weeks?</span>', html)
    # 11 weeks: the tick at 10 would run into "11 weeks" at the end.
    assert ticks == ["0", "2", "4", "6", "8", "11 weeks"]
    assert drawn == listed == ["3", "4", "2", "2", "2", "3"]
