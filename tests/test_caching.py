"""Stored guide and card HTML, the content version and the page cache (``pathways.caching``)."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import F
from django.test import Client
from django.test.utils import CaptureQueriesContext

from pathways import caching
from pathways.models import ContentVersion, Pathway, PathwayRendering
from tests.factories import make_full_guide, make_hub, make_pathway, make_role
from tests.support import headings, page_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide():
    return make_full_guide(
        from_role=make_role("Backend Developer"), to_role=make_role("Product Manager"), size=2
    )


@pytest.fixture
def clock(monkeypatch):
    """The page cache's monotonic clock, moved on by hand: ``clock.now += 1``."""

    class Clock:
        now = 1000.0

        def __call__(self):
            return self.now

    fake = Clock()
    monkeypatch.setattr(caching, "monotonic", fake)
    return fake


def stored(pathway) -> PathwayRendering | None:
    return PathwayRendering.objects.filter(pathway=pathway).first()


def forget_pages():
    """Empty every page cache, so the next request renders its page."""
    cache.clear()
    caching.clear_local()


def saved_as_the_admin_does(pathway, **changes):
    """A change saved the way the admin's pathway form and the importer save one."""
    for name, value in changes.items():
        setattr(pathway, name, value)
    pathway.version += 1
    pathway.save()


def another_process_changes_content():
    """An edit committed through another process, as this one sees it: only the row moves."""
    ContentVersion.objects.filter(pk=caching.VERSION_ROW).update(value=F("value") + 1)


# Stored guide and card HTML


def test_stored_guide_is_what_rendering_on_the_spot_gives(client, guide):
    live = client.get(guide.get_absolute_url()).content  # rendered, and stored
    forget_pages()

    from_store = client.get(guide.get_absolute_url()).content

    assert from_store == live
    row = stored(guide)
    assert (row.pathway_version, row.template_version) == (1, caching.TEMPLATE_VERSION)


def test_stored_card_is_what_rendering_on_the_spot_gives(client, guide):
    make_hub(guide.to_role)
    live = client.get("/become/product-manager/").content
    forget_pages()

    assert client.get("/become/product-manager/").content == live
    assert "From Backend Developer to Product Manager" in stored(guide).card_html


def test_guide_from_store_takes_two_queries(client, guide, django_assert_num_queries):
    caching.store_outdated_html()
    caching.content_version()

    # The pathway with its roles and stored guide, then its related paths.
    with django_assert_num_queries(2):
        response = client.get(guide.get_absolute_url())

    assert headings(response, 1) == [guide.title]


def test_guide_without_stored_html_renders_and_stores_it(client, guide, django_assert_num_queries):
    caching.content_version()

    # The pathway, one query for each of the six kinds of guide part, the upsert,
    # related paths.
    with django_assert_num_queries(9):
        response = client.get(guide.get_absolute_url())

    assert "Frequently asked questions" in page_text(response)
    assert "Frequently asked questions" in stored(guide).guide_html


@pytest.mark.parametrize(
    "outdated",
    [
        {"pathway_version": 0},  # rendered before the pathway's last save
        {"pathway_version": 2},  # stored by a request that read a later save
        {"template_version": caching.TEMPLATE_VERSION - 1},  # by the templates of a release ago
    ],
)
def test_stored_html_of_other_versions_is_never_used(client, guide, outdated):
    caching.store_outdated_html()
    PathwayRendering.objects.filter(pathway=guide).update(
        guide_html="<p>Old markup</p>", card_html="<li>Old card</li>", **outdated
    )
    make_hub(guide.to_role)

    guide_page = page_text(client.get(guide.get_absolute_url()))
    hub_page = page_text(client.get("/become/product-manager/"))

    assert ("Old markup" in guide_page, "Your learning roadmap" in guide_page) == (False, True)
    assert ("Old card" in hub_page, "From Backend Developer" in hub_page) == (False, True)
    row = stored(guide)
    assert (row.pathway_version, row.template_version) == (1, caching.TEMPLATE_VERSION)


def test_a_save_shows_at_once_and_leaves_the_stored_html_alone(client, guide):
    caching.store_outdated_html()
    faq = guide.faqs.first()
    faq.answer = "Yes, **about a year**."
    faq.save()

    saved_as_the_admin_does(guide)

    assert stored(guide).pathway_version == 1  # the writer rendered nothing, deleted nothing
    assert "Yes, about a year" in page_text(client.get(guide.get_absolute_url()))
    assert "<strong>about a year</strong>" in stored(guide).guide_html
    assert stored(guide).pathway_version == 2


def test_html_stored_late_by_a_slow_request_is_never_served(client, guide):
    slow_request_read = Pathway.objects.select_related("from_role", "to_role").get(pk=guide.pk)
    saved_as_the_admin_does(guide, title="Renamed while a request was rendering")

    # The slow request stores HTML of the version it read, after the save.
    caching.guide_body_html(slow_request_read)

    assert headings(client.get(guide.get_absolute_url()), 1) == [
        "Renamed while a request was rendering"
    ]
    assert stored(guide).pathway_version == 2


def test_renaming_a_role_moves_its_pathways_on_in_one_update(client, guide):
    make_hub(guide.to_role)
    unrelated = make_pathway(make_role("Analyst"), make_role("Designer"))
    # A second pathway from the role, so one statement per pathway would show.
    second = make_pathway(guide.from_role, make_role("Architect"))
    caching.store_outdated_html()
    role = guide.from_role
    role.name = "Platform Engineer"

    # Search indexing reads the pathways too; their versions move in one statement.
    with CaptureQueriesContext(connection) as queries:
        role.save(update_fields=["name"])

    pathway_updates = [
        q["sql"] for q in queries if q["sql"].startswith('UPDATE "pathways_pathway"')
    ]
    assert len(pathway_updates) == 1

    versions = dict(Pathway.objects.values_list("slug", "version"))
    assert versions == {guide.slug: 2, second.slug: 2, unrelated.slug: 1}
    assert "Other paths from Platform Engineer" in page_text(client.get(guide.get_absolute_url()))
    assert "From Platform Engineer to Product Manager" in page_text(
        client.get("/become/product-manager/")
    )


def test_changing_a_role_description_keeps_its_pathways_versions(guide):
    role = guide.to_role
    role.description = "Leads the product."

    role.save(update_fields=["description"])

    assert Pathway.objects.get(pk=guide.pk).version == 1


def test_import_stores_the_html_of_what_it_wrote(seeded):
    current = PathwayRendering.objects.filter(
        template_version=caching.TEMPLATE_VERSION, pathway_version=F("pathway__version")
    )

    assert seeded.rendered == Pathway.objects.count() == current.count() > 1


def test_render_pages_renders_only_what_is_missing_or_outdated(guide, capsys):
    other = make_pathway(make_role("Analyst"), guide.to_role)
    caching.store_outdated_html()
    saved_as_the_admin_does(other)
    make_pathway(make_role("Designer"), guide.to_role)  # never rendered

    call_command("render_pages")

    assert capsys.readouterr().out.startswith("2 pathway(s) rendered")
    assert stored(other).pathway_version == 2


def test_render_pages_all_renders_everything(guide, capsys):
    make_pathway(make_role("Analyst"), guide.to_role)
    caching.store_outdated_html()

    call_command("render_pages", "--all")

    assert capsys.readouterr().out.startswith("2 pathway(s) rendered")


def test_hub_cards_missing_from_store_are_rendered_together(
    client, guide, django_assert_num_queries
):
    stored_one = make_pathway(make_role("Analyst"), guide.to_role)
    caching.store_outdated_html()
    for _ in range(3):
        make_pathway(make_role(), guide.to_role)
    caching.content_version()

    # The role, its paths; for the three without stored HTML, whatever their
    # number: them again with their roles, six queries of guide parts, one upsert.
    with django_assert_num_queries(10):
        response = client.get("/become/product-manager/")

    assert "5 paths" in page_text(response)
    assert stored(stored_one).pathway_version == 1
    assert PathwayRendering.objects.count() == 5


# serialized_rollback: later tests find the rows migrations made (content version, Editors).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_requests_storing_the_same_guide_at_once_all_succeed():
    guide = make_full_guide(size=2)

    def fetch(_):
        try:
            response = Client().get(guide.get_absolute_url())
            return response.status_code, headings(response, 1)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(fetch, range(16)))

    assert results == [(200, [guide.title])] * 16
    assert PathwayRendering.objects.filter(pathway=guide, pathway_version=1).count() == 1


# The content version


def test_each_change_moves_the_version():
    before = caching.content_version()

    make_role("Analyst")
    make_role("Designer")

    assert caching.content_version() == before + 2


def test_a_change_rolled_back_does_not_move_the_version():
    before = caching.content_version()

    with pytest.raises(RuntimeError), transaction.atomic():
        make_role("Analyst")
        raise RuntimeError("refused")

    assert caching.content_version() == before


def test_the_version_is_read_at_most_once_a_second(clock, django_assert_num_queries):
    with django_assert_num_queries(1):
        first = caching.content_version()
    clock.now += 0.99
    with django_assert_num_queries(0):
        assert caching.content_version() == first
    clock.now += 0.01
    with django_assert_num_queries(1):
        assert caching.content_version() == first


def test_a_change_by_another_process_shows_within_a_second(client, guide, clock):
    client.get(guide.get_absolute_url())
    Pathway.objects.filter(pk=guide.pk).update(title="Changed elsewhere", version=F("version") + 1)
    another_process_changes_content()

    clock.now += 0.99
    still_cached = client.get(guide.get_absolute_url())
    clock.now += 0.01
    after_a_second = client.get(guide.get_absolute_url())

    assert headings(still_cached, 1) == [guide.title]
    assert headings(after_a_second, 1) == ["Changed elsewhere"]


def test_a_change_made_here_shows_here_at_once(
    client, guide, clock, django_capture_on_commit_callbacks
):
    first = client.get(guide.get_absolute_url())

    with django_capture_on_commit_callbacks(execute=True):
        saved_as_the_admin_does(guide, title="Changed here")
    second = client.get(guide.get_absolute_url(), headers={"If-None-Match": first["ETag"]})

    assert second.status_code == 200
    assert headings(second, 1) == ["Changed here"]


def test_a_missing_version_row_is_made_by_the_first_change():
    ContentVersion.objects.all().delete()
    caching.clear_local()
    assert caching.content_version() == 1

    make_role("Analyst")

    assert caching.content_version() == 2


# Whole pages


def test_page_hit_in_a_warm_process_needs_no_query_nor_shared_cache(
    client, guide, django_assert_num_queries
):
    first = client.get(guide.get_absolute_url())
    cache.clear()  # as if the shared cache (Redis) were far away or had dropped it

    with django_assert_num_queries(0):
        second = client.get(guide.get_absolute_url())

    assert (second.content, second["ETag"]) == (first.content, first["ETag"])


def test_page_from_the_shared_cache_when_not_hot_here(client, guide, django_assert_num_queries):
    first = client.get(guide.get_absolute_url())
    caching.clear_local()  # as another process would: the page is only in the shared cache

    with django_assert_num_queries(1):  # the content version
        second = client.get(guide.get_absolute_url())

    assert (second.content, second["ETag"]) == (first.content, first["ETag"])


def test_hot_pages_keep_only_the_most_recently_used():
    hot = caching._HotPages(2)
    hot.put("a", b"A")
    hot.put("b", b"B")
    hot.get("a")

    hot.put("c", b"C")

    assert (hot.get("a"), hot.get("b"), hot.get("c")) == (b"A", None, b"C")


def test_dummy_cache_turns_page_caching_off(client, guide, settings, django_assert_num_queries):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    client.get(guide.get_absolute_url())
    caching.content_version()

    with django_assert_num_queries(2):  # the pathway with its stored guide, related paths
        response = client.get(guide.get_absolute_url())

    assert headings(response, 1) == [guide.title]
