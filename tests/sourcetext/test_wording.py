""" "a" or "an" by the sound of the first word, the one rule for every page and source page."""

import pytest

from pathways.sourcetext.wording import indefinite_article, with_article


@pytest.mark.parametrize(
    ("phrase", "article"),
    [
        # Initialisms are read letter by letter.
        ("UX Designer", "a"),
        ("ML Engineer", "an"),
        ("SRE", "an"),
        ("AI Engineer", "an"),
        ("AI Project Manager", "an"),
        ("NLP Engineer", "an"),
        ("FBI Analyst", "an"),
        ("QA Engineer", "a"),
        ("UX/UI Designer", "a"),
        ("X-ray Technician", "an"),
        # Words by their sound, not their first letter.
        ("Hourly Consultant", "an"),
        ("Honest Broker", "an"),
        ("European Sales Lead", "a"),
        ("University Lecturer", "a"),
        ("Unicorn Founder", "a"),
        ("Uninstaller", "an"),
        ("Umbrella Insurer", "an"),
        ("Urban Planner", "an"),
        ("Engineer", "an"),
        ("Applied AI Scientist", "an"),
        ("Product Manager", "a"),
        ("Backend Developer", "a"),
        ("iOS Developer", "an"),
        ("One-person Startup Founder", "a"),
        ("Onerous Task", "an"),
        ("\u00c9cole Teacher", "an"),
        ("\u201cQuoted\u201d Engineer", "a"),
        # Numbers by how they are said.
        ("8-bit Game Developer", "an"),
        ("11-person Team Lead", "an"),
        ("18-month Plan", "an"),
        ("11,000-user Product", "an"),
        ("1800s Historian", "an"),
        ("1,800-seat Venue", "a"),
        ("110-year-old Firm", "a"),
        ("80-hour Week", "an"),
        ("3D Artist", "a"),
    ],
)
def test_indefinite_article_goes_by_sound(phrase, article):
    assert indefinite_article(phrase) == article


@pytest.mark.parametrize("phrase", ["", "   ", "\u2014", "()"])
def test_indefinite_article_of_no_word_is_a(phrase):
    assert indefinite_article(phrase) == "a"


def test_indefinite_article_non_latin_word_is_a():
    assert indefinite_article("\u0418\u043d\u0436\u0435\u043d\u0435\u0440") == "a"


def test_with_article_puts_the_article_before_the_phrase():
    assert (with_article("UX Designer"), with_article("ML Engineer")) == (
        "a UX Designer",
        "an ML Engineer",
    )
