"""Questions inferred for FAQ answers whose questions the source pages lost."""

import pytest

from pathways.sourcetext import infer_question, parse_file
from tests.support import SOURCE_DIR


def test_infer_question_salary_answer():
    answer = "Expect $120k-$150k, a clear raise over your current salary."

    assert infer_question(answer, "Backend Developer", "AI Project Manager") == (
        "How much more can I earn as an AI Project Manager than as a Backend Developer?"
    )


def test_infer_question_timeline_answer():
    answer = "Realistically, expect 12-18 months of study; about a year if you focus."

    assert infer_question(answer, "Backend Developer", "Applied AI Scientist") == (
        "How long does it take to move from Backend Developer to Applied AI Scientist?"
    )


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (
            "A certification such as the PMP helps, but no degree is required.",
            "Do I need a degree or certification to become a UX Designer?",
        ),
        (
            "It is challenging at first, but hard work pays off.",
            "How hard is it to move from Engineer to UX Designer?",
        ),
        (
            "Build a portfolio and practise for the interview.",
            "How do I land my first job as a UX Designer?",
        ),
        (
            "Yes, coding stays part of the role.",
            "Will I still write code as a UX Designer?",
        ),
        (
            "Start by talking to people who already do it.",
            "What should I know before moving from Engineer to UX Designer?",
        ),
    ],
)
def test_infer_question_topic_by_keywords(answer, expected):
    assert infer_question(answer, "Engineer", "UX Designer") == expected


def test_infer_question_already_asked_takes_the_next_topic():
    answer = "Within 6 months your salary can grow."
    salary = "How much more can I earn as an ML Engineer than as a Data Analyst?"

    assert infer_question(answer, "Data Analyst", "ML Engineer") == salary
    assert infer_question(answer, "Data Analyst", "ML Engineer", {salary}) == (
        "How long does it take to move from Data Analyst to ML Engineer?"
    )


@pytest.mark.parametrize(
    ("seed", "question"),
    [
        (
            "backend-developer-to-ai-engineering-manager",
            "How much more can I earn as an AI Engineering Manager than as a Backend Developer?",
        ),
        (
            "backend-developer-to-ai-platform-engineer",
            "How much more can I earn as an AI Platform Engineer than as a Backend Developer?",
        ),
        (
            "backend-developer-to-ai-project-manager",
            "How much more can I earn as an AI Project Manager than as a Backend Developer?",
        ),
        (
            "backend-developer-to-applied-ai-scientist",
            "How long does it take to move from Backend Developer to Applied AI Scientist?",
        ),
    ],
)
def test_parse_file_seed_answers_get_their_inferred_question(seed, question):
    faqs = parse_file(SOURCE_DIR / f"{seed}.txt").faqs

    assert [(faq.question, faq.question_inferred) for faq in faqs] == [(question, True)]
