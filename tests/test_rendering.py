"""Stored guide and card HTML: the same as rendering on the spot, and never out of date."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

from pathways import rendering
from pathways.models import Pathway, PathwayRendering
from tests.factories import make_full_guide, make_hub, make_pathway, make_role
from tests.support import headings, page_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide():
    return make_full_guide(
        from_role=make_role("Backend Developer"), to_role=make_role("Product Manager"), size=2
    )


def stored(pathway) -> PathwayRendering | None:
    return PathwayRendering.objects.filter(pathway=pathway).first()


def test_stored_guide_is_what_rendering_on_the_spot_gives(client, guide):
    live = client.get(guide.get_absolute_url()).content
    assert rendering.refresh([guide.pk]) == 1

    from_store = client.get(guide.get_absolute_url()).content

    assert stored(guide).fingerprint == rendering.fingerprint()
    assert from_store == live


def test_stored_card_is_what_rendering_on_the_spot_gives(client, guide):
    make_hub(guide.to_role)
    live = client.get("/become/product-manager/").content
    rendering.refresh([guide.pk])

    assert client.get("/become/product-manager/").content == live


def test_guide_from_store_takes_two_queries(client, guide, django_assert_num_queries):
    rendering.refresh([guide.pk])

    # The content version, then the pathway with its roles and stored HTML.
    with django_assert_num_queries(2):
        response = client.get(guide.get_absolute_url())

    assert headings(response, 1) == [guide.title]


def test_guide_without_stored_html_renders_with_its_parts(client, guide, django_assert_num_queries):
    # Two queries, then one for each of the six kinds of guide part.
    with django_assert_num_queries(8):
        response = client.get(guide.get_absolute_url())

    assert "Frequently asked questions" in page_text(response)


def test_stored_html_from_other_templates_is_not_used(client, guide, django_assert_num_queries):
    rendering.refresh([guide.pk])
    PathwayRendering.objects.filter(pathway=guide).update(
        fingerprint="0" * 32, guide_html="<p>Old markup</p>"
    )

    with django_assert_num_queries(8):
        response = client.get(guide.get_absolute_url())

    assert "Old markup" not in page_text(response)
    assert "Your learning roadmap" in page_text(response)


def test_editing_a_part_replaces_the_stored_guide_on_commit(
    client, guide, django_capture_on_commit_callbacks
):
    rendering.refresh([guide.pk])
    faq = guide.faqs.first()

    with django_capture_on_commit_callbacks(execute=True):
        faq.answer = "Yes, **about a year**."
        faq.save()

    assert "<strong>about a year</strong>" in stored(guide).guide_html
    assert "Yes, about a year" in page_text(client.get(guide.get_absolute_url()))


def test_a_change_deletes_the_stored_html_before_it_commits(guide):
    rendering.refresh([guide.pk])
    skill = guide.skills.first()
    skill.name = "Roadmapping"

    skill.save()  # the test's transaction never commits: nothing renders it again

    assert stored(guide) is None


def test_renaming_a_role_renders_its_guides_and_cards_again(
    client, guide, django_capture_on_commit_callbacks
):
    make_hub(guide.to_role)
    rendering.refresh([guide.pk])
    role = guide.from_role

    with django_capture_on_commit_callbacks(execute=True):
        role.name = "Platform Engineer"
        role.save()

    assert "Other paths from Platform Engineer" in stored(guide).guide_html
    assert "From Platform Engineer to Product Manager" in stored(guide).card_html
    assert "From Platform Engineer" in page_text(client.get("/become/product-manager/"))


def test_role_description_change_keeps_stored_html(guide):
    rendering.refresh([guide.pk])
    role = guide.to_role
    role.description = "Leads the product."

    role.save(update_fields=["description"])

    assert stored(guide) is not None


def test_import_stores_the_html_of_what_it_wrote(seeded):
    guides = Pathway.objects.filter(has_guide=True).count()

    assert seeded.rendered == Pathway.objects.count() > guides > 0
    assert PathwayRendering.objects.filter(fingerprint=rendering.fingerprint()).count() == (
        Pathway.objects.count()
    )


def test_render_pages_renders_only_what_is_missing_or_outdated(guide, capsys):
    other = make_pathway(make_role("Analyst"), guide.to_role)
    rendering.refresh([guide.pk, other.pk])
    PathwayRendering.objects.filter(pathway=other).update(fingerprint="old")

    call_command("render_pages")

    assert capsys.readouterr().out.startswith("1 pathway(s) rendered")
    assert stored(other).fingerprint == rendering.fingerprint()


def test_render_pages_all_renders_everything(guide, capsys):
    make_pathway(make_role("Analyst"), guide.to_role)

    call_command("render_pages", "--all")

    assert capsys.readouterr().out.startswith("2 pathway(s) rendered")


def test_hub_cards_missing_from_store_take_one_more_query(client, guide, django_assert_num_queries):
    stored_one = make_pathway(make_role("Analyst"), guide.to_role)
    rendering.refresh([stored_one.pk])

    with django_assert_num_queries(4):
        response = client.get("/become/product-manager/")

    assert "2 paths" in page_text(response)
    assert "From Backend Developer to Product Manager" in page_text(response)


def test_fingerprint_covers_the_templates_the_stored_html_includes():
    assert rendering.templates() == [
        "includes/guide_body.html",
        "includes/pathway_card.html",
        "includes/stats.html",
        "includes/labelled_lists.html",
    ]


def templates_in_memory(templates: dict[str, str]) -> list[dict]:
    """A TEMPLATES setting whose templates are the given sources."""
    return [
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "OPTIONS": {"loaders": [("django.template.loaders.locmem.Loader", templates)]},
        }
    ]


@pytest.fixture
def fresh_fingerprint():
    # The fingerprint is computed once per process; these tests change the templates.
    rendering.fingerprint.cache_clear()
    yield rendering.fingerprint
    rendering.fingerprint.cache_clear()


def test_changing_an_included_template_changes_the_fingerprint(settings, fresh_fingerprint):
    def fingerprint_with(part: str) -> str:
        settings.TEMPLATES = templates_in_memory(
            {
                rendering.GUIDE_TEMPLATE: '<main>{% include "part.html" %}</main>',
                rendering.CARD_TEMPLATE: "<article></article>",
                "part.html": part,
            }
        )
        fresh_fingerprint.cache_clear()
        return fresh_fingerprint()

    assert fingerprint_with("<p>One</p>") != fingerprint_with("<p>Two</p>")
    assert fingerprint_with("<p>One</p>") == fingerprint_with("<p>One</p>")


def test_an_include_chosen_at_render_time_is_refused(settings):
    # A guide template whose include the fingerprint could not follow.
    settings.TEMPLATES = templates_in_memory(
        {
            rendering.GUIDE_TEMPLATE: "{% include part_template %}",
            rendering.CARD_TEMPLATE: "<article></article>",
        }
    )

    with pytest.raises(ImproperlyConfigured) as refused:
        rendering.templates()

    assert str(refused.value) == (
        "includes/guide_body.html includes a template chosen at render time (part_template): "
        "the stored HTML's fingerprint cannot cover it"
    )
