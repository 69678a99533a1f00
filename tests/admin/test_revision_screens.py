"""The admin's revision screens, and the revisions imports and publishing record."""

import re

import pytest
from django.contrib.auth.models import Permission, User
from django.test import Client
from reversion.models import Revision

from pathways import drafts, revisions
from pathways.importing import import_paths, import_records
from pathways.models import Pathway, PendingChange
from pathways.sourcetext import parse_text
from tests.support import SOURCE_DIR, exported

from .support import change_form_data, make_faq, make_pathway, make_phase

pytestmark = pytest.mark.django_db


def make_guide():
    pathway = make_pathway(overview="First paragraph.")
    make_phase(pathway, 1, title="Learn", tasks="Read\nPractise")
    make_faq(pathway, question="Is it hard?", answer="Not very.\nA little.")
    return pathway


def save(client, pathway, **changes):
    data = change_form_data(client, pathway) | changes
    response = client.post(f"/admin/pathways/pathway/{pathway.pk}/change/", data)
    assert response.status_code == 302


def edited_guide(client):
    """A guide saved twice: a first revision, then an answer and a phase title changed."""
    pathway = make_guide()
    save(client, pathway, title="Kept title")
    save(client, pathway, **{"faqs-0-answer": "Not very.\nQuite a lot.", "phases-0-title": "Study"})
    return pathway


def url(pathway, *rest):
    return "/".join([f"/admin/pathways/pathway/{pathway.pk}/revisions", *map(str, rest), ""])


def cells(html, tag="td"):
    html = "".join(re.findall(r'<table class="revision-diff">.*?</table>', html, re.S))
    return [
        re.sub(r"<[^>]+>|\s+", " ", cell).split()
        for cell in re.findall(rf"<{tag}[^>]*>(.*?)</{tag}>", html, re.S)
    ]


def test_change_form_links_to_the_revisions(editor_client):
    pathway = make_guide()
    response = editor_client.get(f"/admin/pathways/pathway/{pathway.pk}/change/")
    assert f'href="{url(pathway)}">Revisions</a>' in response.text


def test_list_shows_the_revisions_newest_first(editor_client):
    pathway = edited_guide(editor_client)
    newer, older = revisions.versions_of(pathway)

    response = editor_client.get(url(pathway))

    assert response.status_code == 200
    rows = re.findall(r"<tr>\s*<th scope=\"row\">.*?</tr>", response.text, re.S)
    assert len(rows) == 2
    assert "Changed Answer for FAQ" in rows[0] and "Changed Title." in rows[1]
    assert "eddie" in rows[0]
    assert f'href="{url(pathway, newer.pk, "compare")}"' in rows[0]
    assert "compare" not in rows[1]  # nothing before the first
    assert f'href="{url(pathway, older.pk, "revert")}"' in rows[1]


def test_list_pages_through_many_revisions(editor_client):
    pathway = make_guide()
    for number in range(27):
        save(editor_client, pathway, title=f"Title {number}")

    first, second = editor_client.get(url(pathway)), editor_client.get(url(pathway) + "?page=2")

    assert first.text.count("Changed Title.") == 25 and second.text.count("Changed Title.") == 2
    assert "Page 2 of 2" in second.text


def test_compare_shows_exactly_the_changed_fields(editor_client):
    pathway = edited_guide(editor_client)
    newer, _ = revisions.versions_of(pathway)

    response = editor_client.get(url(pathway, newer.pk, "compare"))

    assert response.status_code == 200
    assert re.findall(r"<caption>(.*?)</caption>", response.text) == [
        "FAQ “Is it hard?”",
        "Roadmap phase “Study”",
    ]
    assert re.findall(r'<th scope="row">(.*?)</th>', response.text) == ["answer", "title"]
    assert cells(response.text)[1:] == [["Learn"], ["Study"]]
    assert re.findall(r'<li class="(hunk|same|added|removed)">(.*?)</li>', response.text) == [
        ("hunk", "…"),
        ("same", '<span class="diff-sign"> </span> Not very.'),
        (
            "removed",
            '<del><span class="diff-sign" aria-label="removed">\u2212</span> A little.</del>',
        ),
        ("added", '<ins><span class="diff-sign" aria-label="added">+</span> Quite a lot.</ins>'),
    ]


def test_compare_escapes_what_editors_wrote(editor_client):
    pathway = make_guide()
    save(editor_client, pathway, title="Kept title")
    save(editor_client, pathway, title="<script>alert(1)</script>")
    newer, _ = revisions.versions_of(pathway)

    response = editor_client.get(url(pathway, newer.pk, "compare"))

    assert "<script>alert(1)" not in response.text
    assert "<ins>&lt;script&gt;alert(1)&lt;/script&gt;</ins>" in response.text


def test_revert_confirms_then_restores_the_earlier_guide(editor_client):
    pathway = make_guide()
    save(editor_client, pathway, title="Kept title")
    before = exported(pathway.slug)
    save(editor_client, pathway, **{"faqs-0-answer": "Changed.", "phases-0-title": "Study"})
    _, older = revisions.versions_of(pathway)

    confirm = editor_client.get(url(pathway, older.pk, "revert"))

    assert confirm.status_code == 200
    assert re.findall(r'<th scope="row">(.*?)</th>', confirm.text) == ["answer", "title"]
    assert cells(confirm.text) == [
        ["…", "\u2212", "Changed.", "+", "Not", "very.", "+", "A", "little."],
        ["Study"],
        ["Learn"],
    ]
    assert exported(pathway.slug) != before  # a GET changes nothing

    response = editor_client.post(url(pathway, older.pk, "revert"), follow=True)

    assert response.redirect_chain == [(f"/admin/pathways/pathway/{pathway.pk}/change/", 302)]
    assert "was reverted to the revision of" in response.text
    assert exported(pathway.slug) == before
    newest = revisions.versions_of(pathway)[0]
    assert newest.revision.comment.startswith("Reverted to the revision of ")


def test_revision_of_another_pathway_is_not_found(editor_client):
    pathway, other = edited_guide(editor_client), make_pathway()
    version = revisions.versions_of(pathway)[0]
    assert editor_client.get(url(other, version.pk, "compare")).status_code == 404
    assert editor_client.post(url(other, version.pk, "revert")).status_code == 404


@pytest.fixture
def viewer_client(db):
    user = User.objects.create_user("vera", password="a-long-password", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_pathway"))
    client = Client()
    client.force_login(user)
    return client


def test_view_only_staff_can_list_and_compare_but_not_revert(editor_client, viewer_client):
    pathway = edited_guide(editor_client)
    newer, older = revisions.versions_of(pathway)
    before = exported(pathway.slug)

    listing = viewer_client.get(url(pathway))
    assert listing.status_code == 200 and "Revert to this" not in listing.text
    assert viewer_client.get(url(pathway, newer.pk, "compare")).status_code == 200
    assert viewer_client.get(url(pathway, older.pk, "revert")).status_code == 403
    assert viewer_client.post(url(pathway, older.pk, "revert")).status_code == 403
    assert exported(pathway.slug) == before


def test_staff_without_view_permission_is_refused(client, editor_client):
    pathway = edited_guide(editor_client)
    newer, _ = revisions.versions_of(pathway)
    staff = User.objects.create_user("sam", password="a-long-password", is_staff=True)
    client.force_login(staff)

    assert client.get(url(pathway)).status_code == 403
    assert client.get(url(pathway, newer.pk, "compare")).status_code == 403


def edited_source_page():
    """The first shipped source page with a sentence added to its overview."""
    page = sorted(SOURCE_DIR.glob("*.txt"))[0]
    return page.read_text(encoding="utf-8").replace(
        "\nOverview\n\n", "\nOverview\n\nA new first sentence. ", 1
    )


def pathways_held(revision):
    return set(
        revision.version_set.filter(content_type__model="pathway").values_list(
            "object_id", flat=True
        )
    )


def test_an_import_records_one_revision_of_the_changed_pathways_only(seeded):
    before = Revision.objects.count()
    records = [parse_text(edited_source_page(), path="edited.txt")]

    report = import_records(records, path="edited.txt")

    assert len(report.updated) == 1 and not report.created
    assert Revision.objects.count() == before + 1
    revision = Revision.objects.latest("pk")
    assert (revision.comment, revision.user) == ("Imported from edited.txt", None)
    updated = Pathway.objects.get(slug=report.updated[0])
    assert pathways_held(revision) == {str(updated.pk)}
    assert revisions.versions_of(updated)[0].revision == revision


def test_the_first_import_records_every_pathway_and_a_second_none(db):
    report = import_paths([SOURCE_DIR])
    first = Revision.objects.get()
    names = sorted(p.name for p in SOURCE_DIR.glob("*.txt"))

    assert first.comment == "Imported from " + ", ".join(names[:5]) + (
        f" and {len(names) - 5} more" if len(names) > 5 else ""
    )
    created = Pathway.objects.filter(slug__in=report.created).values_list("pk", flat=True)
    assert pathways_held(first) == {str(pk) for pk in created}

    import_paths([SOURCE_DIR])

    assert Revision.objects.count() == 1


def test_the_admin_import_records_its_editor(seeded, editor_client, editor):
    response = editor_client.post(
        "/admin/pathways/pathway/import/", {"text": edited_source_page(), "_import": "1"}
    )

    assert response.status_code == 302
    revision = Revision.objects.latest("pk")
    assert (revision.comment, revision.user) == ("Imported from pasted text", editor)
    assert len(pathways_held(revision)) == 1


def test_publishing_a_draft_records_a_revision(seeded):
    pathway = Pathway.objects.filter(has_guide=True).order_by("pk").first()
    record = drafts.snapshot(pathway.pk) | {"overview": "The draft's overview."}
    PendingChange.objects.create(pathway=pathway, record=record)

    assert drafts.publish(pathway.pk)

    newest = revisions.versions_of(pathway)[0]
    assert newest.revision.comment == "Published the draft"
    assert newest.field_dict["overview"] == "The draft's overview."
