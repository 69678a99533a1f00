"""Two editors saving the same pathway: the second save is refused, nothing is lost."""

import threading

import pytest
from django.db import connection
from django.test import Client

from pathways.admin.concurrency import stale_edit_message
from pathways.models import Pathway

from .support import change_form_data, make_pathway


def post_change(client, pathway, data):
    return client.post(f"/admin/pathways/pathway/{pathway.pk}/change/", data)


@pytest.mark.django_db
def test_second_save_from_an_older_form_is_refused(client, editor, second_editor):
    pathway = make_pathway(overview="Original.")
    first, second = Client(), Client()
    first.force_login(editor)
    second.force_login(second_editor)
    first_form = change_form_data(first, pathway)
    second_form = change_form_data(second, pathway)

    saved = post_change(first, pathway, first_form | {"overview": "First editor's words."})
    refused = post_change(second, pathway, second_form | {"overview": "Second editor's words."})

    pathway.refresh_from_db()
    assert saved.status_code == 302
    assert list(refused.context["adminform"].form.non_field_errors()) == [
        stale_edit_message("pathway")
    ]
    assert "Second editor&#x27;s words." in refused.content.decode()
    assert (pathway.overview, pathway.version) == ("First editor's words.", 2)


@pytest.mark.django_db
def test_refused_form_stays_refused_until_reloaded(editor_client):
    pathway = make_pathway()
    stale = change_form_data(editor_client, pathway)
    Pathway.objects.filter(pk=pathway.pk).update(version=5)

    again = post_change(editor_client, pathway, stale | {"title": "Mine"})
    fresh = post_change(editor_client, pathway, change_form_data(editor_client, pathway))

    pathway.refresh_from_db()
    assert again.status_code == 200
    assert fresh.status_code == 302
    assert pathway.version == 6


@pytest.mark.django_db
def test_save_without_loaded_version_is_refused(editor_client):
    pathway = make_pathway()
    data = change_form_data(editor_client, pathway)
    del data["loaded_version"]

    response = post_change(editor_client, pathway, data)

    assert response.context["adminform"].form.errors["loaded_version"] == [
        "This field is required."
    ]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_saves_let_exactly_one_through(editor, second_editor):
    pathway = make_pathway(overview="Original.")
    clients = [Client(), Client()]
    forms = []
    for client, user in zip(clients, [editor, second_editor], strict=True):
        client.force_login(user)
        forms.append(change_form_data(client, pathway))
    start = threading.Barrier(2)
    outcomes = {}

    def save(number):
        try:
            start.wait(timeout=10)
            response = post_change(
                clients[number], pathway, forms[number] | {"overview": f"Editor {number}."}
            )
            outcomes[number] = response.status_code
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    pathway.refresh_from_db()
    winner = next(n for n, status in outcomes.items() if status == 302)
    assert sorted(outcomes.values()) == [200, 302]
    assert (pathway.overview, pathway.version) == (f"Editor {winner}.", 2)
