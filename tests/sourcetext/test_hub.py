"""The grammar of a "How to Become a <Role>" hub page: what it accepts, and every refusal."""

from pathways.sourcetext import parse_file, parse_text, render
from tests.support import SOURCE_DIR

from .pages import HUB_FILE, error_of, seed_text


def test_parse_file_seed_hub_lists_other_targets():
    hub = parse_file(HUB_FILE)

    assert [(p.from_role, p.to_role, p.guide_months) for p in hub.pathways] == [
        ("Generative AI Engineer", "AI Product Manager", 8),
        ("Deep Learning Engineer", "AI Product Manager", 8),
        ("Software Engineer", "Product Manager", 9),
    ]


def test_parse_text_hub_with_an_article():
    text = seed_text(HUB_FILE).replace("Product Manager", "AI Engineer")
    text = text.replace("How to Become a AI Engineer", "How to Become an AI Engineer")
    hub = parse_text(text, "hub.txt")

    assert hub.role == "AI Engineer"
    assert render(hub).startswith("How to Become an AI Engineer\n")


def test_parse_text_hub_with_the_article_the_sound_rule_would_not_write():
    text = seed_text(HUB_FILE).replace("Product Manager", "UX Designer")
    text = text.replace("How to Become a UX Designer", "How to Become an UX Designer")
    hub = parse_text(text, "hub.txt")

    assert hub.role == "UX Designer"
    assert render(hub).startswith("How to Become a UX Designer\n")


def test_parse_text_hub_without_closing():
    text = seed_text(HUB_FILE).split("\nReady to Start Your Journey?")[0]

    assert parse_text(text, "hub.txt") == parse_file(HUB_FILE)


def test_parse_text_hub_count_disagrees_with_entries():
    text = seed_text(HUB_FILE).replace("Backgrounds (3)", "Backgrounds (4)")

    assert error_of(text, "hub.txt") == (
        "hub.txt:5: the heading says 4 transition paths but 3 are listed"
    )


def test_parse_text_hub_target_disagrees_with_title():
    text = seed_text(HUB_FILE).replace("Target Career: Product Manager", "Target Career: Designer")

    assert error_of(text, "hub.txt") == (
        "hub.txt:3: target career 'Designer' does not match the role 'Product Manager' in the title"
    )


def test_parse_text_hub_entry_without_summary():
    lines = seed_text(HUB_FILE).split("\n")
    del lines[8]

    assert error_of("\n".join(lines), "hub.txt") == (
        "hub.txt:8: pathway 'From Deep Learning Engineer to AI Product Manager: Your 8-M\u2026' "
        "has no summary"
    )


def test_parse_text_hub_entry_with_bad_title():
    text = seed_text(HUB_FILE).replace(
        "From Software Engineer to Product Manager: Your 9-Month Transition Guide",
        "Software Engineer path",
    )

    assert error_of(text, "hub.txt") == (
        "hub.txt:10: expected a pathway title like 'From <role> to <role>: Your N-Month "
        "Transition Guide', found 'Software Engineer path'"
    )


def test_parse_text_hub_missing_paths_heading():
    text = seed_text(HUB_FILE).replace("Transition Paths from Different Backgrounds (3)\n", "")

    assert error_of(text, "hub.txt") == (
        "hub.txt:5: expected 'Transition Paths from Different Backgrounds (N)', found "
        "'From Generative AI Engineer to AI Product Manager: Your 8-M\u2026'"
    )


def test_parse_text_hub_listing_a_path_twice():
    lines = (SOURCE_DIR / "hub-product-manager.txt").read_text("utf-8").split("\n")
    text = "\n".join(lines[:8] + lines[6:8] + lines[8:]).replace(
        "Backgrounds (3)", "Backgrounds (4)"
    )

    assert error_of(text, "hub.txt") == (
        "hub.txt:10: the path from 'Deep Learning Engineer' to 'AI Product Manager' is listed "
        "twice (first at line 8)"
    )
