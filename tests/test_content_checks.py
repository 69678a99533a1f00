"""Content checks: each rule on exact inputs, then every check over real rows and the seeds."""

from datetime import date

import pytest

from pathways.content_checks import (
    looks_run_together,
    months_in_weeks,
    one_year_before,
    review_due,
    roadmap_outside_timeline,
    run_all,
    skills_out_of_priority_order,
    title_months_outside_timeline,
)
from pathways.importing import import_paths
from pathways.models import KnownName, Skill
from pathways.sourcetext import KnownNames
from tests.factories import make_hub, make_pathway
from tests.support import FIXTURE

from .admin.support import make_faq, make_phase, make_skill

CRITICAL, IMPORTANT, NICE = Skill.Priority.values
TODAY = date(2026, 3, 3)


def test_months_in_weeks_at_52_twelfths_rounded():
    weeks = [months_in_weeks(months) for months in (0, 1, 2, 3, 6, 9, 12, 18, 24)]

    assert weeks == [0, 4, 9, 13, 26, 39, 52, 78, 104]


@pytest.mark.parametrize(
    ("total_weeks", "low", "high", "outside"),
    [
        (22, 6, 9, True),  # below 26 weeks
        (25, 6, 9, True),
        (26, 6, 9, False),  # both ends belong to the range
        (39, 6, 9, False),
        (40, 6, 9, True),
        (36, 12, 18, True),
        (0, 6, 9, False),  # no roadmap: nothing to compare
        (500, None, None, False),  # no timeline stated
        (20, 6, None, True),  # "6+ months": at least 26 weeks
        (500, 6, None, False),
        (40, None, 9, True),
    ],
)
def test_roadmap_outside_timeline(total_weeks, low, high, outside):
    assert roadmap_outside_timeline(total_weeks, low, high) is outside


@pytest.mark.parametrize(
    ("months", "low", "high", "outside"),
    [
        (6, 6, 9, False),
        (9, 6, 9, False),
        (5, 6, 9, True),
        (12, 6, 9, True),
        (None, 6, 9, False),
        (12, None, None, False),
        (3, 6, None, True),
    ],
)
def test_title_months_outside_timeline(months, low, high, outside):
    assert title_months_outside_timeline(months, low, high) is outside


@pytest.mark.parametrize(
    ("priorities", "out_of_order"),
    [
        ([], False),
        ([NICE], False),
        ([CRITICAL, CRITICAL, IMPORTANT, NICE, NICE], False),
        ([CRITICAL, NICE], False),  # a priority may be missing
        ([IMPORTANT, IMPORTANT, CRITICAL, CRITICAL, NICE, NICE], True),
        ([CRITICAL, NICE, IMPORTANT], True),
        ([NICE, CRITICAL], True),
        (["unknown", CRITICAL], True),  # anything else counts as last
    ],
)
def test_skills_out_of_priority_order(priorities, out_of_order):
    assert skills_out_of_priority_order(priorities) is out_of_order


@pytest.mark.parametrize(
    ("resource", "run_together"),
    [
        ("(O'Reilly)scikit-learn user guide", True),  # lower case after a bracket
        ("Designing Machine Learning Systems (O'Reilly)", False),
        ("Kubernetes in Action (Manning)Kubeflow docs", True),
        ("[Video]2024 keynotes", True),
        ("Coursera: AI For EveryoneBook: The Lean Startup", True),
        ("Machine LearningCoursera", True),
        ("PyTorch official tutorials", False),  # shipped lexicon
        ("MLOps interview questions on GitHub", False),
        ("3Blue1Brown YouTube channel", False),
        ("iPhone developer guide", False),  # too short to be a word before the capital
        ("McKinsey report", False),
        ("Papers With Code website", False),
        ("", False),
        ("(注)機械学習", False),  # no cased letters: a script written without spaces
        ("Книга (O'Reilly)глубокое обучение", True),  # Cyrillic has case
    ],
)
def test_looks_run_together(resource, run_together):
    assert looks_run_together(resource, KnownNames()) is run_together


def test_looks_run_together_spares_names_editors_keep_and_the_guide_uses():
    resource = "QuickStartGuide tutorials"

    flagged = looks_run_together(resource, KnownNames())
    kept_by_editors = looks_run_together(resource, KnownNames(["QuickStartGuide"]))
    written_in_guide = looks_run_together(resource, KnownNames([], "Try QuickStartGuide first."))

    assert (flagged, kept_by_editors, written_in_guide) == (True, False, False)


def test_looks_run_together_long_line_of_junctions():
    resource = "aB" * 20_000

    assert looks_run_together(resource, KnownNames()) is True


@pytest.mark.parametrize(
    ("today", "year_before"),
    [
        (date(2026, 3, 3), date(2025, 3, 3)),
        (date(2024, 2, 29), date(2023, 2, 28)),
        (date(2026, 1, 1), date(2025, 1, 1)),
    ],
)
def test_one_year_before(today, year_before):
    assert one_year_before(today) == year_before


@pytest.mark.parametrize(
    ("last_reviewed", "due"),
    [
        (None, True),
        (date(2025, 3, 2), True),
        (date(2025, 3, 3), True),  # a year to the day
        (date(2025, 3, 4), False),
        (TODAY, False),
    ],
)
def test_review_due(last_reviewed, due):
    assert review_due(last_reviewed, TODAY) is due


def findings(checks):
    """Each check's findings as (pathway title, detail, anchor), by check key."""
    return {
        check.key: [(f.pathway, f.detail, f.anchor) for f in check.findings] for check in checks
    }


@pytest.mark.django_db
def test_run_all_finds_each_problem_where_to_fix_it():
    fine = make_pathway(title="Fine", last_reviewed=TODAY)
    make_skill(fine, name="A", priority=CRITICAL, order=1)
    make_phase(fine, 1, weeks=30, resources="PyTorch tutorials")
    wrong = make_pathway(title="Wrong", guide_months=12, last_reviewed=date(2025, 3, 3))
    make_skill(wrong, name="A", priority=NICE, order=1)
    make_skill(wrong, name="B", priority=CRITICAL, order=2)
    make_phase(wrong, 1, title="Start", weeks=10)
    make_phase(wrong, 2, title="Learn", weeks=12, resources="Fine\n(O'Reilly)scikit-learn guide")
    make_faq(wrong, question="Confirmed?", order=1)
    make_faq(wrong, question="Inferred?", question_inferred=True, order=2)
    unwritten = make_pathway(title="Unwritten", has_guide=False, timeline_text="")
    make_hub(unwritten.to_role, unwritten)

    found = findings(run_all(TODAY))

    assert found == {
        "roadmap-timeline": [
            ("Wrong", "The roadmap totals 22 weeks; the timeline is “6-9 months” (26 to 39 weeks).", "phases-group")
        ],
        "title-timeline": [
            ("Wrong", "The title says 12 months; the timeline is “6-9 months” (26 to 39 weeks).", "id_guide_months")
        ],
        "skill-order": [("Wrong", "Listed as: nice to have, critical.", "skills-group")],
        "faq-review": [("Wrong", "“Inferred?”", "faqs-1")],
        "unwritten-guides": [
            ("Unwritten", f"Listed on “How to become {unwritten.to_role.name}” with no written guide.", "id_has_guide")
        ],
        "run-together": [("Wrong", "Learn: “(O'Reilly)scikit-learn guide”", "phases-1")],
        "review-due": [("Wrong", "Last reviewed 3 March 2025.", "id_last_reviewed")],
    }  # fmt: skip


@pytest.mark.django_db
def test_run_all_reads_names_editors_keep():
    pathway = make_pathway(title="Named", last_reviewed=TODAY)
    make_phase(pathway, 1, weeks=30, resources="QuickStartGuide tutorials")
    before = findings(run_all(TODAY))["run-together"]
    KnownName.objects.create(name="QuickStartGuide")

    after = findings(run_all(TODAY))["run-together"]

    assert (before, after) == (
        [("Named", "Phase 1: “QuickStartGuide tutorials”", "phases-0")],
        [],
    )


@pytest.mark.django_db
def test_run_all_on_the_shipped_fixture_lists_its_real_mismatches():
    import_paths([FIXTURE])
    manager = "From Backend Developer to AI Engineering Manager: Your 6-Month Transition Guide"
    platform = "From Backend Developer to AI Platform Engineer: Your 6-Month Transition Guide"
    project = "From Backend Developer to AI Project Manager: Your 6-Month Transition Guide"
    scientist = "From Backend Developer to Applied AI Scientist: Your 12-Month Transition Guide"
    guides = [manager, platform, project, scientist]
    listed = "important, important, critical, critical, nice to have, nice to have"
    hub = "Listed on “How to become Product Manager” with no written guide."

    found = findings(run_all(TODAY))

    assert found == {
        "roadmap-timeline": [
            (platform, "The roadmap totals 22 weeks; the timeline is “6-9 months” (26 to 39 weeks).", "phases-group"),
            (scientist, "The roadmap totals 36 weeks; the timeline is “12-18 months” (52 to 78 weeks).", "phases-group"),
        ],
        "title-timeline": [],
        "skill-order": [(title, f"Listed as: {listed}.", "skills-group") for title in guides],
        "faq-review": [
            (manager, "“How much more can I earn as an AI Engineering Manager than as a Backend Developer?”", "faqs-0"),
            (platform, "“How much more can I earn as an AI Platform Engineer than as a Backend Developer?”", "faqs-0"),
            (project, "“How much more can I earn as an AI Project Manager than as a Backend Developer?”", "faqs-0"),
            (scientist, "“How long does it take to move from Backend Developer to Applied AI Scientist?”", "faqs-0"),
        ],
        "unwritten-guides": [
            ("From Deep Learning Engineer to AI Product Manager: Your 8-Month Transition Guide", hub, "id_has_guide"),
            ("From Generative AI Engineer to AI Product Manager: Your 8-Month Transition Guide", hub, "id_has_guide"),
            ("From Software Engineer to Product Manager: Your 9-Month Transition Guide", hub, "id_has_guide"),
        ],
        "run-together": [],
        "review-due": [(title, "Never reviewed.", "id_last_reviewed") for title in guides],
    }  # fmt: skip
