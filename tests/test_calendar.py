"""A guide's roadmap as a calendar file: one all-day event per phase, read back with icalendar."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.cache import cache
from icalendar import Calendar

from pathways import caching
from pathways.models import Pathway
from pathways.views.calendar import next_monday
from tests.factories import make_full_guide, make_pathway, make_role

PLATFORM = "backend-developer-to-ai-platform-engineer"  # phases of 4, 4, 6, 4 and 4 weeks
ICS = f"/pathways/{PLATFORM}/calendar.ics"
PHASES = [
    "Foundations in ML & MLOps",
    "Kubernetes & Containerization for ML",
    "Building ML Pipelines & Feature Stores",
    "Cloud ML Platforms & Advanced Deployment",
    "Portfolio & Job Preparation",
]


def events(response):
    calendar = Calendar.from_ical(response.content)
    return [
        (str(e["summary"]), e.decoded("dtstart"), e.decoded("dtend"))
        for e in calendar.walk("VEVENT")
    ]


def test_calendar_has_one_all_day_event_per_phase_at_the_baseline(seeded, client):
    response = client.get(ICS, {"start": "2026-03-02"})

    assert events(response) == [
        (PHASES[0], date(2026, 3, 2), date(2026, 3, 30)),
        (PHASES[1], date(2026, 3, 30), date(2026, 4, 27)),
        (PHASES[2], date(2026, 4, 27), date(2026, 6, 8)),
        (PHASES[3], date(2026, 6, 8), date(2026, 7, 6)),
        (PHASES[4], date(2026, 7, 6), date(2026, 8, 3)),
    ]


def test_calendar_at_a_pace_spans_the_rescaled_weeks(seeded, client):
    # Weeks 1-2, 3-4, 5-7, 8-9 and 10-11 at 20 hours a week.
    response = client.get(ICS, {"start": "2026-03-02", "hours": "20"})

    assert [(start, end) for _summary, start, end in events(response)] == [
        (date(2026, 3, 2), date(2026, 3, 16)),
        (date(2026, 3, 16), date(2026, 3, 30)),
        (date(2026, 3, 30), date(2026, 4, 20)),
        (date(2026, 4, 20), date(2026, 5, 4)),
        (date(2026, 5, 4), date(2026, 5, 18)),
    ]


def test_calendar_events_carry_tasks_stable_uids_and_the_guide(seeded, client):
    first = Calendar.from_ical(client.get(ICS, {"start": "2026-03-02"}).content)
    again = Calendar.from_ical(client.get(ICS, {"start": "2027-01-04", "hours": "5"}).content)

    event = first.walk("VEVENT")[0]
    assert (str(first["prodid"]), str(first["version"])) == (
        "-//Pathways//Guide roadmap//EN",
        "2.0",
    )
    assert str(event["uid"]) == f"{PLATFORM}-phase-1@testserver"
    assert [str(e["uid"]) for e in again.walk("VEVENT")] == [
        str(e["uid"]) for e in first.walk("VEVENT")
    ]
    assert str(event["description"]) == (
        "- Complete a beginner ML course to understand model lifecycle "
        "(e.g., Andrew Ng's ML Specialization on Coursera).\n"
        "- Set up a personal project: train a simple model (e.g., scikit-learn) "
        "and track experiments with MLflow.\n"
        "- Read 'Designing Machine Learning Systems' by Chip Huyen (first 5 chapters)."
    )
    assert str(event["url"]) == f"http://testserver/pathways/{PLATFORM}/"
    assert str(again.walk("VEVENT")[0]["url"]) == f"http://testserver/pathways/{PLATFORM}/?hours=5"
    assert event.decoded("dtstamp").utcoffset() == timedelta(0)


def test_calendar_headers_say_a_private_attachment(seeded, client):
    response = client.get(ICS)

    assert (
        response.status_code,
        response["Content-Type"],
        response["Content-Disposition"],
        response["Cache-Control"],
    ) == (
        200,
        "text/calendar; charset=utf-8",
        f'attachment; filename="{PLATFORM}.ics"',
        "private, no-store",
    )


def test_calendar_never_page_cached(seeded, client):
    client.get(ICS, {"start": "2026-03-02"})
    client.get(ICS, {"start": "2026-03-02"})

    assert list(cache._cache) == []


JUNK_STARTS = [None, "", "junk", "2026-02-30", "2026-3-2", "02/03/2026", "1999-12-31"]
JUNK_STARTS += ["3000-01-01", "0001-01-01", "9999-12-31", "2026-03-02\x00", "9" * 5000]
JUNK_STARTS += ["\u0662\u0660\u0662\u0666-\u0660\u0663-\u0660\u0662"]  # in Arabic-Indic digits


@pytest.mark.parametrize("start", JUNK_STARTS)
def test_calendar_junk_start_is_next_monday(seeded, client, start):
    today = datetime.now(UTC).date()
    monday = today + timedelta(days=7 - today.weekday())

    response = client.get(ICS, {} if start is None else {"start": start, "hours": "x"})

    assert (response.status_code, events(response)[0][1]) == (200, monday)
    assert events(response)[-1][2] == monday + timedelta(weeks=22)


@pytest.mark.parametrize(
    ("today", "monday"),
    [
        (date(2026, 3, 2), date(2026, 3, 9)),  # a Monday: the next one
        (date(2026, 3, 4), date(2026, 3, 9)),
        (date(2026, 3, 8), date(2026, 3, 9)),  # a Sunday
    ],
)
def test_next_monday(today, monday):
    assert next_monday(today) == monday


def test_calendar_of_a_draft_or_unknown_guide_is_404(db, client):
    draft = make_full_guide(make_pathway(status=Pathway.Status.DRAFT))

    assert client.get(f"/pathways/{draft.slug}/calendar.ics").status_code == 404
    assert client.get("/pathways/no-such-guide/calendar.ics").status_code == 404


def test_calendar_head_and_post(seeded, client):
    assert client.head(ICS).status_code == 200
    assert client.post(ICS).status_code == 405


def test_calendar_of_a_guide_in_another_script(db, client):
    pathway = make_full_guide(make_pathway(make_role("Ingénieur"), make_role("数据科学家")))

    response = client.get(f"{pathway.get_absolute_url()}calendar.ics", {"start": "2026-03-02"})

    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''ing%C3%A9nieur-to-%E6%95%B0%E6%8D%AE%E7%A7%91%E5%AD%A6%E5%AE%B6.ics"
    )
    assert [summary for summary, _start, _end in events(response)] == [
        "Phase title 1",
        "Phase title 2",
    ]


def test_calendar_query_count_fixed(db, client, django_assert_num_queries):
    small, large = make_full_guide(size=1), make_full_guide(size=3)

    caching.content_version()  # as a serving process has within the last second
    for pathway in (small, large):
        # The pathway, then its phases.
        with django_assert_num_queries(2):
            client.get(f"{pathway.get_absolute_url()}calendar.ics")


def test_guide_offers_the_calendar_form(seeded, client):
    body = client.get(f"/pathways/{PLATFORM}/?hours=5").content.decode()

    assert f'<form class="inline-form" method="get" action="{ICS}">' in body
    assert '<input type="hidden" name="hours" value="5">' in body
