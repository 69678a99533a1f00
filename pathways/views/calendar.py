"""A guide's roadmap as a calendar file: one all-day event per phase, at the reader's pace.

Made for each request from ``?start=YYYY-MM-DD&hours=N`` and never cached: its
DTSTAMP and default start (next Monday) depend on the day. A missing or junk
start is next Monday and a junk pace the baseline, as on the guide page.
"""

import re
from datetime import UTC, date, datetime, timedelta

from django.http import Http404, HttpResponse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe
from icalendar import Calendar, Event

from .. import queries, sections
from ..caching import mark_private
from ..pace import pace_from

PRODID = "-//Pathways//Guide roadmap//EN"
# The years a start date may fall in: a plan's end stays a date the library can write.
START = re.compile(r"(?P<year>2[0-9]{3})-[0-9]{2}-[0-9]{2}")


def next_monday(today: date) -> date:
    """The first Monday after ``today``."""
    return today + timedelta(days=7 - today.weekday())


def start_from(value: str | None, today: date) -> date:
    """The start date a ``start`` parameter names; next Monday for anything else."""
    if value is not None and START.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:  # 2026-02-30
            pass
    return next_monday(today)


def weeks_after(start: date, weeks: int) -> date:
    try:
        return start + timedelta(weeks=weeks)
    except OverflowError:  # a roadmap of thousands of years ends with the calendar
        return date.max


def roadmap_calendar(pathway, steps, start: date, *, url: str, host: str, now: datetime):
    """The calendar of these roadmap steps from ``start``; an event's UID names its phase."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", pathway.title)
    for step in steps:
        event = Event()
        event.add("uid", f"{pathway.slug}-phase-{step.number}@{host}")
        event.add("dtstamp", now)
        event.add("summary", step.phase.title)
        event.add("description", "\n".join(f"- {task.text}" for task in step.tasks))
        # All-day events: DTEND is the day after the last one.
        event.add("dtstart", weeks_after(start, step.first_week - 1))
        event.add("dtend", weeks_after(start, step.last_week))
        event.add("url", url)
        calendar.add_component(event)
    return calendar


@require_safe
def guide_calendar(request, slug):
    pathway = queries.published_roadmap(slug)
    if pathway is None:
        raise Http404("No such guide")
    now = datetime.now(UTC)
    pace = pace_from(request.GET.get("hours"))
    calendar = roadmap_calendar(
        pathway,
        sections.roadmap(pathway, pace),
        start_from(request.GET.get("start"), now.date()),
        url=request.build_absolute_uri(pathway.get_absolute_url() + pace.query()),
        host=request.get_host(),
        now=now,
    )
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, f"{pathway.slug}.ics")
    return mark_private(response)
