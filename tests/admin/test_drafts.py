"""Pending changes of a live guide: saved aside, previewed, published, discarded, scheduled."""

from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import Permission, User
from django.core.management import call_command

from pathways import drafts
from pathways.exporting import export_json, pathway_json, pathways_for_export
from pathways.models import FAQ, Pathway, PendingChange, RoadmapPhase, SearchDocument, Skill
from tests import factories

from .support import change_form_data, make_pathway

NEW_TITLE = "Zanzibarish title only the draft has"


def change_url(pathway, tail="change/"):
    return f"/admin/pathways/pathway/{pathway.pk}/{tail}"


def live_guide():
    pathway = factories.make_full_guide(make_pathway(), size=2)
    pathway.refresh_from_db()
    return pathway


def export_of(pathway):
    return pathway_json(pathways_for_export().get(pk=pathway.pk))


def save_draft(client, pathway, **changes):
    data = change_form_data(client, pathway) | changes | {"_save_draft": "Save as draft"}
    return client.post(change_url(pathway), data)


def row_counts():
    models = (Pathway, Skill, RoadmapPhase, FAQ, PendingChange, SearchDocument)
    return {model.__name__: model.objects.count() for model in models}


@pytest.mark.django_db
def test_save_as_draft_keeps_the_live_guide_and_stores_the_form_as_a_record(editor_client):
    pathway = live_guide()
    before = export_json()

    response = save_draft(editor_client, pathway, title=NEW_TITLE, **{"skills-0-name": "Rust"})

    change = PendingChange.objects.get()
    assert response.status_code == 302
    assert export_json() == before
    assert Pathway.objects.get().version == pathway.version
    expected = export_of(pathway) | {"title": NEW_TITLE}
    expected["skills_to_learn"][0]["name"] = "Rust"
    assert change.record == expected
    assert change.created_by.username == "eddie"


@pytest.mark.django_db
def test_change_form_shows_the_drafts_values_and_saving_again_keeps_them(editor_client):
    pathway = live_guide()
    save_draft(editor_client, pathway, title=NEW_TITLE, **{"skills-0-name": "Rust"})

    form = change_form_data(editor_client, pathway)
    again = editor_client.post(change_url(pathway), form | {"_save_draft": "Save as draft"})

    assert form["title"] == NEW_TITLE
    assert form["skills-0-name"] == "Rust"
    assert form["skills-INITIAL_FORMS"] == "0"
    assert again.status_code == 302
    assert PendingChange.objects.get().record["title"] == NEW_TITLE
    assert Pathway.objects.get().title == pathway.title


@pytest.mark.django_db
def test_publish_applies_the_draft_exactly_and_moves_the_version_on(editor_client):
    pathway = live_guide()
    save_draft(editor_client, pathway, title=NEW_TITLE, **{"phases-1-title": "Ship it"})
    record = PendingChange.objects.get().record

    response = editor_client.post(change_url(pathway, "draft/publish/"))

    assert response.status_code == 302
    assert export_of(pathway) == record
    assert Pathway.objects.get().version == pathway.version + 1
    assert not PendingChange.objects.exists()


@pytest.mark.django_db
def test_saving_the_form_of_a_draft_publishes_it_and_ends_the_draft(editor_client):
    pathway = live_guide()
    save_draft(editor_client, pathway, title=NEW_TITLE)
    record = PendingChange.objects.get().record

    response = editor_client.post(change_url(pathway), change_form_data(editor_client, pathway))

    assert response.status_code == 302
    assert export_of(pathway) == record
    assert not PendingChange.objects.exists()


@pytest.mark.django_db
def test_discard_deletes_the_draft_and_leaves_the_guide(editor_client):
    pathway = live_guide()
    before = export_json()
    save_draft(editor_client, pathway, title=NEW_TITLE)

    response = editor_client.post(change_url(pathway, "draft/discard/"))

    assert response.status_code == 302
    assert not PendingChange.objects.exists()
    assert export_json() == before


@pytest.mark.django_db
def test_form_opened_before_another_editors_draft_is_refused(editor_client, second_editor):
    pathway = live_guide()
    stale = change_form_data(editor_client, pathway)
    drafts_client = type(editor_client)()
    drafts_client.force_login(second_editor)
    save_draft(drafts_client, pathway, title="The other editor's draft")

    refused = editor_client.post(change_url(pathway), stale | {"_save_draft": "Save as draft"})

    assert refused.status_code == 200
    assert PendingChange.objects.get().record["title"] == "The other editor's draft"


@pytest.mark.django_db
def test_preview_renders_the_unsaved_form_and_saves_nothing(editor_client):
    pathway = live_guide()
    data = change_form_data(editor_client, pathway) | {"title": NEW_TITLE}
    counts, before = row_counts(), export_json()

    response = editor_client.post(change_url(pathway, "preview/"), data)

    html = response.content.decode()
    assert response.status_code == 200
    assert f'<h1 id="guide-title">{NEW_TITLE}</h1>' in html
    assert response["Cache-Control"] == "private, no-store, max-age=0, no-cache, must-revalidate"
    assert response["X-Robots-Tag"] == "noindex"
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert (row_counts(), export_json()) == (counts, before)


@pytest.mark.django_db
def test_preview_of_an_invalid_form_shows_its_errors_and_saves_nothing(editor_client):
    pathway = live_guide()
    data = change_form_data(editor_client, pathway) | {"title": ""}
    before = export_json()

    response = editor_client.post(change_url(pathway, "preview/"), data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"title": ["This field is required."]}
    assert export_json() == before


@pytest.mark.django_db
def test_preview_of_a_pending_draft_shows_it_and_saves_nothing(editor_client):
    pathway = live_guide()
    save_draft(editor_client, pathway, title=NEW_TITLE)
    counts, before = row_counts(), export_json()

    response = editor_client.get(change_url(pathway, "preview/"))

    assert response.status_code == 200
    assert f'<h1 id="guide-title">{NEW_TITLE}</h1>' in response.content.decode()
    assert response["Cache-Control"] == "private, no-store, max-age=0, no-cache, must-revalidate"
    assert (row_counts(), export_json()) == (counts, before)


@pytest.mark.django_db
def test_preview_needs_permission_to_see_pathways(client, editor_client):
    pathway = live_guide()
    save_draft(editor_client, pathway, title=NEW_TITLE)
    data = change_form_data(editor_client, pathway)
    staff = User.objects.create_user("sam", password="a-long-password", is_staff=True)
    client.force_login(staff)  # the same client as editor_client

    refused = [client.get(change_url(pathway, "preview/")).status_code]
    refused.append(client.post(change_url(pathway, "preview/"), data).status_code)
    staff.user_permissions.add(Permission.objects.get(codename="view_pathway"))
    viewer = User.objects.get(pk=staff.pk)
    client.force_login(viewer)
    seen = client.get(change_url(pathway, "preview/"))

    assert refused == [403, 403]
    assert seen.status_code == 200
    assert client.post(change_url(pathway, "preview/"), data).status_code == 403
    assert client.post(change_url(pathway, "draft/publish/")).status_code == 403
    assert PendingChange.objects.count() == 1


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_the_login_page(client):
    pathway = live_guide()

    response = client.get(change_url(pathway, "preview/"))

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.django_db
def test_publish_due_publishes_only_what_is_due(editor_client):
    due, later, waiting = (live_guide() for _ in range(3))
    for pathway, when in ((due, "2031-05-01 09:00"), (later, "2031-05-01 11:00"), (waiting, "")):
        date, _, time = when.partition(" ")
        save_draft(
            editor_client,
            pathway,
            title=f"New {pathway.slug}",
            **{"publish_at_0": date, "publish_at_1": time},
        )

    published = drafts.publish_due(datetime(2031, 5, 1, 10, 0, tzinfo=UTC))

    assert published == [due.slug]
    titles = dict(Pathway.objects.values_list("slug", "title"))
    assert titles[due.slug] == f"New {due.slug}"
    assert titles[later.slug] == later.title
    assert titles[waiting.slug] == waiting.title
    assert set(PendingChange.objects.values_list("pathway__slug", flat=True)) == {
        later.slug,
        waiting.slug,
    }


@pytest.mark.django_db
def test_publish_due_command_publishes_a_draft_pathway_at_its_time(editor_client, capsys):
    pathway = factories.make_full_guide(make_pathway(status=Pathway.Status.DRAFT))
    pathway.refresh_from_db()
    save_draft(editor_client, pathway, publish_at_0="2031-05-01", publish_at_1="09:00")

    call_command("publish_due", "--now", "2031-05-01T08:59:00+00:00")
    early = Pathway.objects.get().status
    call_command("publish_due", "--now", "2031-05-01T09:00:00+00:00")

    assert early == Pathway.Status.DRAFT
    assert Pathway.objects.get().status == Pathway.Status.PUBLISHED
    assert capsys.readouterr().out == f"published {pathway.slug}\n"
