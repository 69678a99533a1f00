"""The guide view counter: each visitor once per guide per day, from our own pages only.

A visitor is a client address and User-Agent; the test client sends neither
unless told, so every request here names both.
"""

import datetime
import threading

import pytest
from django.db import connection
from django.test import Client, RequestFactory

from pathways.client import client_address
from pathways.models import Pathway
from pathways.views.counter import record_visit
from tests.counting import ADDRESS, CHROME, FIREFOX, stored_views, visit
from tests.factories import make_pathway

# --- counting ----------------------------------------------------------------


@pytest.mark.django_db
def test_count_view_post_counts_and_answers_new_count(client):
    pathway = make_pathway(views=0)

    response = visit(client, pathway)

    assert (response.status_code, response.json()) == (200, {"views": 1, "label": "1 view"})
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_count_view_get_counts_and_answers_image(client):
    pathway = make_pathway(views=1233)

    response = visit(client, pathway, "get")

    assert (response.status_code, response["Content-Type"], response["Cache-Control"]) == (
        200,
        "image/gif",
        "no-store",
    )
    assert stored_views(pathway) == 1234


@pytest.mark.django_db
def test_count_view_repeat_visitor_counted_once(client):
    pathway = make_pathway(views=0)

    answers = [visit(client, pathway).json()["views"] for _ in range(500)]
    for _ in range(5):
        visit(client, pathway, "get")

    assert (answers[0], set(answers[1:]), stored_views(pathway)) == (1, {1}, 1)


@pytest.mark.django_db
def test_count_view_repeat_visitor_answered_current_count(client):
    pathway = make_pathway(views=1998)
    visit(client, pathway, address="198.51.100.1")
    visit(client, pathway, address="198.51.100.2")

    again = visit(client, pathway, address="198.51.100.1")

    assert again.json() == {"views": 2000, "label": "2,000 views"}


@pytest.mark.django_db
def test_count_view_distinct_visitors_each_counted(client):
    pathway = make_pathway(views=0)
    visitors = [
        ("198.51.100.1", FIREFOX),
        ("198.51.100.2", FIREFOX),
        ("2001:db8::1", FIREFOX),
        ("198.51.100.1", CHROME),
        ("198.51.100.1", "Mozilla/5.0 (Linux; Android 14) Браузер/1.0 浏览器"),
        ("198.51.100.1", FIREFOX + " " + "x" * 4000),
    ]

    answers = [visit(client, pathway, address=a, agent=u).json()["views"] for a, u in visitors]

    assert (answers, stored_views(pathway)) == ([1, 2, 3, 4, 5, 6], 6)


@pytest.mark.django_db
@pytest.mark.parametrize("first, then", [("post", "get"), ("get", "post")])
def test_count_view_beacon_and_pixel_count_a_visitor_once(client, first, then):
    pathway = make_pathway(views=0)

    visit(client, pathway, first)
    visit(client, pathway, then)

    assert stored_views(pathway) == 1


@pytest.mark.django_db
def test_count_view_next_day_counts_again():
    pathway = make_pathway()
    today, tomorrow = datetime.date(2026, 3, 1), datetime.date(2026, 3, 2)

    seen = [
        record_visit(pathway.pk, ADDRESS, FIREFOX, today),
        record_visit(pathway.pk, ADDRESS, FIREFOX, today),
        record_visit(pathway.pk, ADDRESS, FIREFOX, tomorrow),
        record_visit(pathway.pk, ADDRESS, FIREFOX, tomorrow),
        record_visit(pathway.pk + 1, ADDRESS, FIREFOX, tomorrow),
    ]

    assert seen == [True, False, True, False, True]


@pytest.mark.django_db
def test_count_view_label_thousands(client):
    pathway = make_pathway(views=1999)

    assert visit(client, pathway).json() == {"views": 2000, "label": "2,000 views"}


@pytest.mark.django_db
def test_count_view_head_not_counted_and_does_not_use_up_the_visit(client):
    pathway = make_pathway(views=0)

    head = visit(client, pathway, "head")
    views_after_head = stored_views(pathway)
    visit(client, pathway)

    assert (head.status_code, views_after_head, stored_views(pathway)) == (200, 0, 1)


# --- automated agents --------------------------------------------------------

AUTOMATED = {
    "empty": "",
    "blank": "   ",
    "search engine": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "crawler": "SomeCrawler 1.0",
    "spider": "Mozilla/5.0 (compatible; Baiduspider/2.0)",
    "headless chrome": (
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "HeadlessChrome/126.0.0.0 Safari/537.36"
    ),
    "phantomjs": "Mozilla/5.0 (Unknown; Linux x86_64) AppleWebKit/538.1 PhantomJS/2.1.1",
    "puppeteer": "Mozilla/5.0 Puppeteer/22.0",
    "playwright": "Mozilla/5.0 Playwright/1.45",
    "curl": "curl/8.5.0",
    "wget": "Wget/1.21.4",
    "python-requests": "python-requests/2.32.3",
    "python-urllib": "Python-urllib/3.12",
    "aiohttp": "Python/3.12 aiohttp/3.9.5",
    "httpx": "python-httpx/0.27.0",
    "go": "Go-http-client/1.1",
    "okhttp": "okhttp/4.12.0",
    "java": "Java/17.0.11",
    "libwww-perl": "libwww-perl/6.72",
    "axios": "axios/1.7.2",
    "node-fetch": "node-fetch/1.0 (+https://github.com/bitinn/node-fetch)",
    "scrapy": "Scrapy/2.11.2 (+https://scrapy.org)",
    "wrk": "wrk",
    "apachebench": "ApacheBench/2.3",
    "facebook": "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "slack": "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
    "twitter": "Twitterbot/1.0",
    "discord": "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
    "whatsapp": "WhatsApp/2.23.20.0",
    "telegram": "TelegramBot (like TwitterBot)",
    "linkedin": "LinkedInBot/1.0 (compatible; Mozilla/5.0; +http://www.linkedin.com)",
    "embedly": "Mozilla/5.0 (compatible; Embedly/0.2; +http://support.embed.ly/)",
    "skype": "Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5",
    "uptimerobot": "Mozilla/5.0+(compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)",
    "pingdom": "Pingdom.com_bot_version_1.4_(http://www.pingdom.com/)",
    "datadog": "Datadog/Synthetics",
    "monitor": "Better Uptime Monitor",
}


@pytest.mark.django_db
@pytest.mark.parametrize("agent", AUTOMATED.values(), ids=AUTOMATED.keys())
def test_count_view_automated_agents_not_counted(client, agent):
    pathway = make_pathway(views=7)

    post = visit(client, pathway, agent=agent)
    pixel = visit(client, pathway, "get", agent=agent)

    assert (post.json(), pixel.status_code, stored_views(pathway)) == (
        {"views": 7, "label": "7 views"},
        200,
        7,
    )


# --- requests from other sites -----------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "method, headers",
    [
        ("post", {"Origin": "https://attacker.example"}),
        ("post", {"Origin": "null"}),
        ("post", {"Origin": "https://testserver"}),  # another scheme is another origin
        ("post", {"Origin": "http://testserver.attacker.example"}),
        ("post", {"Sec-Fetch-Site": "cross-site"}),
        ("post", {"Sec-Fetch-Site": "same-site"}),
        ("post", {"Sec-Fetch-Site": "cross-site", "Origin": "http://testserver"}),
        ("post", {"Sec-Fetch-Site": "same-origin", "Origin": "https://attacker.example"}),
        ("get", {"Sec-Fetch-Site": "cross-site"}),
        ("get", {"Sec-Fetch-Site": "same-site"}),
    ],
)
def test_count_view_cross_site_refused(client, method, headers):
    pathway = make_pathway(views=3)

    response = visit(client, pathway, method, headers=headers)

    assert (response.status_code, response["Cache-Control"], stored_views(pathway)) == (
        403,
        "no-store",
        3,
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "same-origin", "Origin": "http://testserver"},
        {"Sec-Fetch-Site": "none"},
        {"Origin": "http://testserver"},
        {"Origin": "https://pathways.example"},
        {"Origin": "https://www.pathways.example"},
        {},
    ],
)
def test_count_view_own_pages_counted(client, settings, headers):
    settings.CSRF_TRUSTED_ORIGINS = ["https://pathways.example", "https://*.pathways.example"]
    pathway = make_pathway(views=0)

    response = visit(client, pathway, headers=headers)

    assert (response.status_code, stored_views(pathway)) == (200, 1)


@pytest.mark.django_db
def test_count_view_needs_no_csrf_token():
    pathway = make_pathway(views=0)
    client = Client(enforce_csrf_checks=True)
    headers = {"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"}

    response = visit(client, pathway, headers=headers)

    assert (response.status_code, stored_views(pathway)) == (200, 1)


# --- the address behind a proxy ----------------------------------------------


@pytest.mark.django_db
def test_count_view_forwarded_for_ignored_without_trusted_proxies(client):
    pathway = make_pathway(views=0)

    for forwarded in ("198.51.100.1", "198.51.100.2", "198.51.100.3, 198.51.100.4"):
        visit(client, pathway, address="10.0.0.2", headers={"X-Forwarded-For": forwarded})

    assert stored_views(pathway) == 1


@pytest.mark.django_db
def test_count_view_forwarded_for_used_with_one_trusted_proxy(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    pathway = make_pathway(views=0)
    proxy = "10.0.0.2"

    visit(client, pathway, address=proxy, headers={"X-Forwarded-For": "198.51.100.1"})
    visit(client, pathway, address=proxy, headers={"X-Forwarded-For": "198.51.100.2"})
    # The same client again, with made-up addresses to the left of what the proxy wrote.
    for spoofed in ("192.0.2.1", "192.0.2.2", "192.0.2.3, 192.0.2.4", "", "junk"):
        forwarded = f"{spoofed}, 198.51.100.1"
        visit(client, pathway, address=proxy, headers={"X-Forwarded-For": forwarded})

    assert stored_views(pathway) == 2


def address_of(settings, trusted, remote, forwarded=None):
    settings.TRUSTED_PROXY_COUNT = trusted
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_address(RequestFactory().get("/", **meta))


def test_client_address_proxies_counted_from_the_right(settings):
    chain = "192.0.2.9, 198.51.100.1, 10.0.0.1"

    assert [address_of(settings, n, "10.0.0.2", chain) for n in (0, 1, 2, 3, 4)] == [
        "10.0.0.2",
        "10.0.0.1",
        "198.51.100.1",
        "192.0.2.9",
        "10.0.0.2",  # fewer entries than trusted proxies
    ]


def test_client_address_unusable_forwarded_for_falls_back_to_socket(settings):
    answers = [
        address_of(settings, 1, "10.0.0.2", forwarded)
        for forwarded in (
            None,
            "",
            " ",
            "junk",
            "198.51.100.1,",
            "x" * 10_000,
            "\u0661\u0662\u0663.0.0.1",
        )
    ]

    assert answers == ["10.0.0.2"] * 7


def test_client_address_forwarded_ipv6_normalised(settings):
    assert address_of(settings, 1, "10.0.0.2", "2001:DB8:0:0::1") == "2001:db8::1"


# --- the guide page stays cacheable ------------------------------------------


@pytest.mark.django_db
def test_count_view_does_not_retire_cached_pages(client):
    pathway = make_pathway(views=0)
    first = client.get(pathway.get_absolute_url())

    visit(client, pathway)
    second = client.get(pathway.get_absolute_url())

    assert second["ETag"] == first["ETag"]


@pytest.mark.django_db
def test_count_view_sets_no_cookie_and_page_does_not_vary(client):
    pathway = make_pathway(views=0)

    counted = visit(client, pathway)
    page = client.get(pathway.get_absolute_url(), headers={"User-Agent": FIREFOX})

    assert (dict(counted.cookies), dict(page.cookies), page.has_header("Vary")) == ({}, {}, False)
    assert page["Cache-Control"] == "public, max-age=0, must-revalidate, s-maxage=60"


# --- not found, methods ------------------------------------------------------


@pytest.mark.django_db
def test_count_view_unknown_or_draft_404(client):
    draft = make_pathway(status=Pathway.Status.DRAFT, views=0)

    statuses = (
        client.post("/pathways/nothing-here/view", headers={"User-Agent": FIREFOX}).status_code,
        visit(client, draft).status_code,
    )

    assert (statuses, stored_views(draft)) == ((404, 404), 0)


@pytest.mark.django_db
def test_count_view_other_methods_refused(client):
    pathway = make_pathway()

    assert visit(client, pathway, "put").status_code == 405


# --- concurrency -------------------------------------------------------------

THREADS = 20
VISITORS_PER_THREAD = 10


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_count_view_concurrent_distinct_visitors_counted_exactly():
    """20 threads, each 10 distinct visitors who each come twice: exactly 200 views."""
    pathway = make_pathway(views=0)
    errors = []
    start = threading.Barrier(THREADS)

    def visit_as(thread):
        client = Client()
        try:
            start.wait()
            for round_ in range(2):
                for number in range(VISITORS_PER_THREAD):
                    address = f"198.51.{thread}.{number}"
                    response = visit(client, pathway, address=address)
                    if response.status_code != 200:
                        errors.append((round_, response.status_code))
        except Exception as error:  # reported below, with the count
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=visit_as, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert (errors, stored_views(pathway)) == ([], THREADS * VISITORS_PER_THREAD)
