"""A guide's share card: its head tags, the PNG at its versioned address, and what it draws."""

import io
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from PIL import Image

from pathways import share_image
from pathways.models import Pathway
from pathways.share_image import BOLD_FONTS, REGULAR_FONTS, TEXT_WIDTH, font_runs, lay_out
from tests.admin.support import change_form_data
from tests.factories import make_pathway, make_role

DEJAVU, DEJAVU_BOLD, DROID = REGULAR_FONTS[0], BOLD_FONTS[0], REGULAR_FONTS[1]
IMMUTABLE = "public, max-age=31536000, immutable"
MISSING_FONT = Path("/nonexistent/fonts/Missing.ttf")


class _HeadMeta(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        key = attrs.get("property") or attrs.get("name")
        if tag == "meta" and key and key.startswith(("og:", "twitter:")):
            self.tags.append((key, attrs["content"]))


def social_tags(response) -> dict[str, str]:
    reader = _HeadMeta()
    reader.feed(response.content.decode())
    tags = dict(reader.tags)
    assert len(tags) == len(reader.tags), "a tag is given twice"
    return tags


@pytest.fixture
def pathway(db):
    return make_pathway(make_role("Backend Developer"), make_role("Data Engineer"))


def card_address(pathway) -> str:
    return f"/pathways/{pathway.slug}/share-{pathway.version}.png"


# Head tags


@pytest.mark.django_db
def test_guide_page_has_every_share_tag(client, pathway):
    response = client.get(pathway.get_absolute_url())

    image = "http://testserver/pathways/backend-developer-to-data-engineer/share-1.png"
    title = "From Backend Developer to Data Engineer: Your 6-Month Transition Guide"
    description = (
        "How to move from Backend Developer to Data Engineer: skills, roadmap, "
        "salary change and what to expect."
    )
    alt = (
        "Pathways: From Backend Developer to Data Engineer: Your 6-Month Transition Guide "
        "(Backend Developer to Data Engineer); timeline 6-9 months; difficulty Moderate."
    )
    assert social_tags(response) == {
        "og:url": "http://testserver/pathways/backend-developer-to-data-engineer/",
        "og:type": "article",
        "og:site_name": "Pathways",
        "og:title": title,
        "og:description": description,
        "og:locale": "en_US",
        "og:image": image,
        "og:image:width": "1200",
        "og:image:height": "630",
        "og:image:type": "image/png",
        "og:image:alt": alt,
        "twitter:card": "summary_large_image",
        "twitter:title": title,
        "twitter:description": description,
        "twitter:image": image,
        "twitter:image:alt": alt,
    }


@pytest.mark.django_db
def test_other_pages_have_a_summary_card_without_image(client, pathway):
    tags = social_tags(client.get("/"))

    assert tags == {
        "og:url": "http://testserver/",
        "og:type": "website",
        "og:site_name": "Pathways",
        "og:title": "Pathways: step-by-step guides for changing careers",
        "og:description": (
            "Career transition guides: the skills you already have, the ones to learn, "
            "a week-by-week roadmap and an honest reality check."
        ),
        "og:locale": "en_US",
        "twitter:card": "summary",
    }


@pytest.mark.django_db
def test_draft_preview_names_no_share_image(admin_client):
    draft = make_pathway(status=Pathway.Status.DRAFT)

    tags = social_tags(admin_client.get(draft.get_absolute_url()))

    assert (tags["twitter:card"], "og:image" in tags) == ("summary", False)


# The image at its address


@pytest.mark.django_db
def test_card_is_a_1200_by_630_png(client, pathway):
    response = client.get(card_address(pathway))

    image = Image.open(io.BytesIO(response.content))
    assert (response.status_code, response["Content-Type"]) == (200, "image/png")
    assert (image.format, image.size) == ("PNG", (1200, 630))


@pytest.mark.django_db
def test_card_is_cached_for_a_year_and_answers_a_conditional_get(client, pathway):
    first = client.get(card_address(pathway))
    again = client.get(card_address(pathway), headers={"If-None-Match": first["ETag"]})
    other = client.get(card_address(pathway), headers={"If-None-Match": '"another"'})

    assert first["Cache-Control"] == IMMUTABLE
    assert first["ETag"].startswith('"') and len(first["ETag"]) == 34
    assert (again.status_code, again.content, again["ETag"]) == (304, b"", first["ETag"])
    assert again["Cache-Control"] == IMMUTABLE
    assert (other.status_code, other.content) == (200, first.content)


@pytest.mark.django_db
def test_card_is_drawn_once_and_kept_under_its_version(client, pathway):
    key = f"pathways:share:{pathway.pk}:1:{share_image.LAYOUT_VERSION}"
    client.get(card_address(pathway))
    _etag, png = cache.get(key)
    cache.set(key, ('"kept"', b"kept card"))

    response = client.get(card_address(pathway))

    assert png.startswith(b"\x89PNG")
    assert (response.content, response["ETag"]) == (b"kept card", '"kept"')


@pytest.mark.django_db
def test_card_address_moves_on_when_an_editor_saves(client, pathway):
    editor = User.objects.create_user("eddie", password="a-long-password", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    before = social_tags(client.get(pathway.get_absolute_url()))["og:image"]

    data = change_form_data(client, pathway) | {"difficulty": "Challenging"}
    saved = client.post(f"/admin/pathways/pathway/{pathway.pk}/change/", data)
    client.logout()
    after = social_tags(client.get(pathway.get_absolute_url()))["og:image"]
    old = client.get(before.removeprefix("http://testserver"))
    new = client.get(after.removeprefix("http://testserver"))

    assert saved.status_code == 302
    assert before.endswith("/backend-developer-to-data-engineer/share-1.png")
    assert after.endswith("/backend-developer-to-data-engineer/share-2.png")
    assert (old.status_code, old["Location"]) == (302, after.removeprefix("http://testserver"))
    assert (new.status_code, new["Content-Type"]) == (200, "image/png")


@pytest.mark.django_db
def test_card_of_a_version_to_come_is_not_found(client, pathway):
    assert client.get(f"/pathways/{pathway.slug}/share-2.png").status_code == 404


@pytest.mark.django_db
def test_draft_has_no_card_even_for_editors(admin_client):
    draft = make_pathway(status=Pathway.Status.DRAFT)

    assert admin_client.get(card_address(draft)).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    "address",
    [
        "/pathways/no-such-guide/share-1.png",
        "/pathways/%00/share-1.png",
        "/pathways/backend-developer-to-data-engineer/share-.png",
        "/pathways/backend-developer-to-data-engineer/share--1.png",
        "/pathways/backend-developer-to-data-engineer/share-1.jpg",
        f"/pathways/backend-developer-to-data-engineer/share-{'9' * 5000}.png",
        f"/pathways/{'x' * 3000}/share-1.png",
    ],
)
def test_junk_card_addresses_are_not_found(client, pathway, address):
    assert client.get(address).status_code == 404


# What the card draws, and in which font


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        ("数据科学家", [(DROID, "数据科学家")]),
        ("Data Scientist", [(DEJAVU, "Data Scientist")]),
        ("Инженер-программист", [(DEJAVU, "Инженер-программист")]),
        ("مهندس بيانات", [(DEJAVU, "مهندس بيانات")]),
        ("Café 😀", [(DEJAVU, "Café 😀")]),
        (
            "Backend Developer → 数据科学家",
            [(DEJAVU, "Backend Developer → "), (DROID, "数据科学家")],
        ),
        ("Unicorn 🦄", None),  # in no font of the chain
        ("Private \ue000", None),
    ],
)
def test_each_character_is_drawn_in_a_font_that_has_it(text, runs):
    assert font_runs(text, REGULAR_FONTS) == runs


def test_coverage_is_told_apart_from_the_missing_glyph_box():
    assert [share_image.covers(DEJAVU, char) for char in "A数Жب😀🦄"] == [
        True,
        False,
        True,
        True,
        True,
        False,
    ]
    assert [share_image.covers(DROID, char) for char in "A数据科学家"] == [False] + [True] * 5


@pytest.mark.django_db
def test_cjk_role_name_is_drawn_in_the_cjk_font(pathway):
    pathway.to_role.name = "数据科学家"

    card = lay_out(pathway)

    assert [line.runs for line in card.roles] == [
        ((DEJAVU, "Backend Developer → "), (DROID, "数据科学家"))
    ]


@pytest.mark.django_db
def test_name_no_font_has_is_left_out_and_the_rest_drawn(pathway):
    pathway.from_role.name = "Unicorn \U0001f984 Wrangler"

    card = lay_out(pathway)

    assert card.roles == []
    assert [(line.text, line.size) for line in card.title] == [
        ("From Backend Developer", 72),
        ("to Data Engineer: Your", 72),
        ("6-Month Transition Guide", 72),
    ]
    assert [(label[0].text, value[0].text) for label, value in card.facts] == [
        ("Timeline", "6-9 months"),
        ("Difficulty", "Moderate"),
    ]


@pytest.mark.django_db
def test_title_no_font_has_gives_its_place_to_the_roles(pathway):
    pathway.title = "\U0001f984 Guide"

    card = lay_out(pathway)

    assert (card.roles, [line.text for line in card.title]) == (
        [],
        ["Backend Developer →", "Data Engineer"],
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "title",
    [
        "From Chief Executive Officer of a Very Large Multinational Conglomerate " * 5,
        "x" * 300,
        "从数据科学家到软件工程师你的六个月转型指南" * 8,
    ],
)
def test_long_title_is_wrapped_shrunk_and_cut_short_within_the_card(pathway, title):
    pathway.title = title

    card = lay_out(pathway)

    widths = [share_image._width(line.runs, line.size) for line in card.title]
    assert len(card.title) == 3
    assert card.title[-1].text.endswith("…")
    assert {line.size for line in card.title} == {min(share_image.TITLE_SIZES)}
    assert max(widths) <= TEXT_WIDTH


@pytest.mark.django_db
def test_short_title_is_drawn_large(pathway):
    pathway.title = "Data Engineer"

    card = lay_out(pathway)

    assert [(line.text, line.size) for line in card.title] == [("Data Engineer", 72)]


# Missing fonts


def test_missing_font_files_fail_the_system_check():
    errors = share_image.check_fonts(fonts=(DEJAVU, MISSING_FONT))

    assert [(error.id, error.msg, error.hint) for error in errors] == [
        (
            "pathways.E001",
            "Share-image font missing: /nonexistent/fonts/Missing.ttf",
            "Install the Debian packages fonts-dejavu-core fonts-droid-fallback (apt-get install).",
        )
    ]


def test_installed_fonts_pass_the_system_check():
    assert share_image.check_fonts() == []


@pytest.mark.django_db
def test_card_without_fonts_is_drawn_without_text(pathway):
    card = lay_out(pathway, bold=(MISSING_FONT,), regular=(MISSING_FONT,))

    image = share_image.draw(card)

    assert (card.site, card.roles, card.title, card.facts) == ([], [], [], [])
    assert image.size == (1200, 630)


@pytest.mark.django_db
def test_title_is_cut_short_after_a_whole_word(pathway):
    pathway.title = (
        "From Chief Executive Officer of a Very Large Multinational Conglomerate to "
        "Kindergarten Teacher: Your 18-Month Transition Guide with Everything You Need"
    )

    card = lay_out(pathway)

    assert [line.text for line in card.title] == [
        "From Chief Executive Officer of a Very Large",
        "Multinational Conglomerate to Kindergarten",
        "Teacher: Your 18-Month Transition Guide…",
    ]
