"""Saving a pathway in the admin: clear messages for bad input, reordering, FAQ review."""

import pytest

from pathways.models import FAQ, Pathway, RoadmapPhase

from .support import change_form_data, make_faq, make_pathway, make_phase, make_skill

pytestmark = pytest.mark.django_db


def save(client, pathway, **changes):
    data = change_form_data(client, pathway) | changes
    return client.post(f"/admin/pathways/pathway/{pathway.pk}/change/", data)


def error_texts(response):
    """Every error message on a re-displayed change form, in page order."""
    messages = list(response.context["adminform"].form.non_field_errors())
    for field, errors in response.context["adminform"].form.errors.items():
        if field != "__all__":
            messages.extend(errors)
    for formset in response.context["inline_admin_formsets"]:
        messages.extend(formset.formset.non_form_errors())
        for form_errors in formset.formset.errors:
            for errors in form_errors.values():
                messages.extend(errors)
    return messages


def test_pathway_saved_unchanged_redirects_to_list(editor_client):
    pathway = make_pathway()
    make_phase(pathway, 1)
    make_skill(pathway)

    response = save(editor_client, pathway)

    assert (response.status_code, response.headers["Location"]) == (
        302,
        "/admin/pathways/pathway/",
    )


def test_pathway_save_with_zero_weeks_is_refused(editor_client):
    pathway = make_pathway()
    make_phase(pathway, 1)
    make_skill(pathway)

    response = save(editor_client, pathway, **{"phases-0-weeks": "0", "skills-0-weeks": "0"})

    assert error_texts(response) == ["Weeks must be more than 0.", "Weeks must be more than 0."]


def test_pathway_save_with_duplicate_phase_orders_is_refused(editor_client):
    pathway = make_pathway()
    make_phase(pathway, 1, title="Foundations")
    make_phase(pathway, 2, title="Projects")

    response = save(editor_client, pathway, **{"phases-1-order": "1"})

    assert error_texts(response) == [
        "Two phases have order 1 (“Foundations” and “Projects”): give each phase its own number."
    ]


def test_pathway_save_swapping_phase_orders_reorders_them(editor_client):
    pathway = make_pathway()
    make_phase(pathway, 1, title="Foundations")
    make_phase(pathway, 2, title="Projects")

    response = save(editor_client, pathway, **{"phases-0-order": "2", "phases-1-order": "1"})

    assert response.status_code == 302
    assert list(pathway.phases.values_list("order", "title")) == [
        (1, "Projects"),
        (2, "Foundations"),
    ]


def test_pathway_save_deleting_a_phase_and_taking_its_number(editor_client):
    pathway = make_pathway()
    make_phase(pathway, 1, title="Foundations")
    make_phase(pathway, 2, title="Projects")

    response = save(editor_client, pathway, **{"phases-0-DELETE": "on", "phases-1-order": "1"})

    assert response.status_code == 302
    assert list(RoadmapPhase.objects.values_list("order", "title")) == [(1, "Projects")]


def test_pathway_save_with_timeline_min_above_max_is_refused(editor_client):
    pathway = make_pathway()

    response = save(editor_client, pathway, timeline_min_months="9", timeline_max_months="6")

    assert error_texts(response) == ["The longest timeline cannot be shorter than the shortest."]


def test_pathway_save_with_a_slug_already_used_is_refused(editor_client):
    taken = make_pathway()
    pathway = make_pathway()

    response = save(editor_client, pathway, slug=taken.slug)

    assert error_texts(response) == [
        "Another pathway already uses this slug: choose a different one."
    ]


def test_pathway_save_between_roles_already_linked_is_refused(editor_client):
    taken = make_pathway()
    pathway = make_pathway()

    response = save(
        editor_client, pathway, from_role=str(taken.from_role_id), to_role=str(taken.to_role_id)
    )

    assert error_texts(response) == [
        "A pathway between these two roles already exists: edit that one instead."
    ]


def test_faq_question_rewritten_is_no_longer_flagged(editor_client):
    pathway = make_pathway()
    faq = make_faq(pathway, question="What is it?", question_inferred=True)

    save(editor_client, pathway, **{"faqs-0-question": "What does the job involve?"})

    faq.refresh_from_db()
    assert (faq.question, faq.question_inferred) == ("What does the job involve?", False)


def test_faq_question_unchanged_stays_flagged(editor_client):
    pathway = make_pathway()
    faq = make_faq(pathway, question="What is it?", question_inferred=True)

    save(editor_client, pathway, **{"faqs-0-answer": "A better answer."})

    faq.refresh_from_db()
    assert (faq.answer, faq.question_inferred) == ("A better answer.", True)


def test_confirm_action_clears_needs_review_and_bumps_version(editor_client):
    pathway = make_pathway()
    make_faq(pathway, question_inferred=True)
    make_faq(pathway, question_inferred=True)

    response = editor_client.post(
        "/admin/pathways/pathway/",
        {"action": "confirm_faq_questions", "_selected_action": [pathway.pk]},
    )

    pathway.refresh_from_db()
    assert response.status_code == 302
    assert list(FAQ.objects.values_list("question_inferred", flat=True)) == [False, False]
    assert pathway.version == 2


def test_publish_action_publishes_drafts(editor_client):
    drafts = [make_pathway(status=Pathway.Status.DRAFT) for _ in range(2)]

    editor_client.post(
        "/admin/pathways/pathway/?status__exact=draft",
        {"action": "publish", "_selected_action": [p.pk for p in drafts]},
    )

    assert list(Pathway.objects.values_list("status", "version")) == [("published", 2)] * 2
