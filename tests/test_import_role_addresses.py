"""Role addresses in any script, and roles found by their rows whatever the input calls them."""

import json

import pytest
from django.core.management import call_command

from pathways.exporting import export_json
from pathways.importing import ImportFailed, import_paths
from pathways.models import Pathway, Role
from tests.support import SOURCE_DIR

GUIDE = SOURCE_DIR / "backend-developer-to-ai-project-manager.txt"
HUB = SOURCE_DIR / "hub-product-manager.txt"
SLUG = "backend-developer-to-ai-project-manager"


def snapshot():
    return json.dumps(export_json(), sort_keys=True)


def guide_from(tmp_path, name, *, file="guide.txt"):
    """The shipped guide, starting from the role ``name`` instead of Backend Developer."""
    path = tmp_path / file
    path.write_text(GUIDE.read_text().replace("Backend Developer", name))
    return path


# --- addresses in any script -------------------------------------------------


@pytest.mark.parametrize(
    ("name", "role_slug"),
    [
        ("数据科学家", "数据科学家"),
        ("Ingénieur", "ingénieur"),
        ("Инженер данных", "инженер-данных"),
        ("مهندس بيانات", "مهندس-بيانات"),
        ("🚀 Rocket Scientist", "rocket-scientist"),
    ],
)
def test_import_non_latin_role_gets_an_address_and_every_page_answers(
    db, client, tmp_path, name, role_slug
):
    guide = guide_from(tmp_path, name)

    report = import_paths([guide])

    slug = f"{role_slug}-to-ai-project-manager"
    pathway = Pathway.objects.get(slug=slug)
    assert report.created == [slug]
    assert Role.objects.get(name=name).slug == role_slug
    assert pathway.get_absolute_url() == f"/pathways/{_quoted(slug)}/"
    pages = ["/", "/sitemap.xml", "/sitemap-guides.xml", pathway.get_absolute_url()]
    for url in [*pages, f"/from/{_quoted(role_slug)}/"]:
        assert client.get(url).status_code == 200, url
    assert f"http://testserver/pathways/{_quoted(slug)}/" in client.get("/sitemap-guides.xml").text


def _quoted(slug: str) -> str:
    from urllib.parse import quote

    return quote(slug)


def test_starting_role_form_leads_to_a_non_latin_address(db, client, tmp_path):
    import_paths([guide_from(tmp_path, "数据科学家")])

    response = client.get("/from/", {"from": "数据科学家"})

    assert (response.status_code, response["Location"]) == (302, f"/from/{_quoted('数据科学家')}/")


def test_starting_role_form_with_a_line_break_is_not_found(db, client):
    assert client.get("/from/", {"from": "backend-developer\n"}).status_code == 404


def test_accented_and_plain_names_stay_two_roles(db, tmp_path):
    import_paths([guide_from(tmp_path, "Ingénieur", file="a.txt")])
    import_paths([guide_from(tmp_path, "Ingenieur", file="b.txt")])

    assert sorted(Role.objects.filter(name__startswith="Ing").values_list("slug", "name")) == [
        ("ingenieur", "Ingenieur"),
        ("ingénieur", "Ingénieur"),
    ]


def test_same_name_in_another_unicode_form_or_case_is_the_same_role(db, tmp_path):
    import_paths([guide_from(tmp_path, "Ingénieur", file="composed.txt")])

    # "e" + combining acute accent, and capitals: the same role, the same pathway.
    report = import_paths([guide_from(tmp_path, "INGE\u0301NIEUR", file="decomposed.txt")])

    assert (report.created, report.updated) == ([], ["ingénieur-to-ai-project-manager"])
    assert list(Role.objects.values_list("slug", "name")) == [
        ("ai-project-manager", "AI Project Manager"),
        ("ingénieur", "Ingénieur"),
    ]
    assert Pathway.objects.count() == 1


@pytest.mark.parametrize("name", ["!!!", "🚀", "— / —", "_"])
def test_role_name_without_letter_or_digit_is_refused_when_read(db, tmp_path, name):
    guide = guide_from(tmp_path, name)
    expected = [
        f"{guide}:5: role name '{name}' has no letter or digit, so its page would have no address"
    ]

    for dry_run in (True, False):
        with pytest.raises(ImportFailed) as failure:
            import_paths([guide], dry_run=dry_run)
        assert failure.value.errors == expected

    assert (Role.objects.count(), Pathway.objects.count()) == (0, 0)


def test_hub_for_a_role_without_letter_or_digit_is_refused_when_read(db, tmp_path):
    hub = tmp_path / "hub.txt"
    hub.write_text(HUB.read_text().replace("Product Manager", "???"))

    with pytest.raises(ImportFailed) as failure:
        import_paths([hub])

    assert failure.value.errors == [
        f"{hub}:1: role name '???' has no letter or digit, so its page would have no address"
    ]
    assert Role.objects.count() == 0


def test_role_name_whose_address_outgrows_its_column_is_refused_when_read(db, tmp_path):
    # 40 characters, but NFKC writes each "㍿" as four: a 160-character address.
    name = "\u337f" * 40
    guide = guide_from(tmp_path, name)

    with pytest.raises(ImportFailed) as failure:
        import_paths([guide])

    assert failure.value.errors == [
        f"{guide}:2: role name {name!r}… makes an address 160 characters long; the most is 120"
    ]
    assert Role.objects.count() == 0


def test_very_long_role_name_is_refused_when_read(db, tmp_path):
    name = "Data " * 100
    guide = guide_from(tmp_path, name.strip())

    with pytest.raises(ImportFailed) as failure:
        import_paths([guide])

    assert [error.split(": ", 1)[1] for error in failure.value.errors] == [
        "role name 'Data Data Data Data Data Data Data Data '… is 499 characters long; "
        "the most is 120",
        "title 'From Data Data Data Data Data Data Data '… is 557 characters long; the most is 300",
        "question 'How much more can I earn as an AI Projec'… is 560 characters long; "
        "the most is 300",
    ]
    assert Role.objects.count() == 0


def test_export_with_a_role_address_no_page_can_have_is_refused_when_read(seeded, tmp_path):
    data = export_json()
    data["roles"][0]["slug"] = "no address"
    export = tmp_path / "export.json"
    export.write_text(json.dumps(data, indent=2))
    before = snapshot()

    with pytest.raises(ImportFailed) as failure:
        import_paths([export])

    assert failure.value.errors == [
        f"{export}:5: role 'AI Engineering Manager' has the address 'no address': an address "
        "is 1 to 120 letters, digits, hyphens or underscores"
    ]
    assert snapshot() == before


def test_dry_run_refuses_a_stored_role_without_an_address_like_a_real_run(db, tmp_path):
    # A row stored before addresses were checked: its pages cannot be linked to.
    Role.objects.create(name="Backend Developer", slug="")

    errors = []
    for dry_run in (True, False):
        with pytest.raises(ImportFailed) as failure:
            import_paths([GUIDE], dry_run=dry_run)
        errors.append(failure.value.errors)

    assert (
        errors[0] == errors[1] == [f"{GUIDE}:1: '' cannot be a page address; fix it in the admin"]
    )
    assert (Role.objects.count(), Pathway.objects.count()) == (1, 0)


# --- roles found by their rows -------------------------------------------------


def rename(slug: str, name: str) -> Role:
    """What saving a new name in the admin does: the address stays."""
    role = Role.objects.get(slug=slug)
    role.name = name
    role.save()
    return role


def test_export_then_import_after_a_role_is_renamed_changes_nothing(seeded, tmp_path, capsys):
    rename("ai-project-manager", "AI Programme Manager")
    call_command("export_pathways")
    export = tmp_path / "export.json"
    export.write_text(capsys.readouterr().out)
    before = snapshot()

    report = import_paths([export])

    assert (report.created, report.updated, report.skipped) == ([], [], [])
    assert snapshot() == before


def test_export_from_before_a_rename_finds_the_role_by_its_address(seeded, tmp_path):
    export = tmp_path / "export.json"
    export.write_text(json.dumps(export_json()))
    rename("ai-project-manager", "AI Programme Manager")
    before = snapshot()

    report = import_paths([export])

    assert (report.created, report.updated, report.skipped) == ([], [], [])
    assert snapshot() == before


def test_guide_using_a_renamed_role_s_new_name_finds_the_role(seeded, tmp_path):
    rename("ai-project-manager", "AI Programme Manager")
    guide = tmp_path / "guide.txt"
    guide.write_text(
        GUIDE.read_text()
        .replace("AI Project Manager", "AI Programme Manager")
        .replace("Ai Project Manager", "AI Programme Manager")
    )
    roles = Role.objects.count()

    kept = import_paths([guide])
    forced = import_paths([guide], force=True)

    # The role's new name is an edit made in the admin: kept unless forced.
    assert (kept.created, kept.skipped) == ([], [SLUG])
    assert (forced.created, forced.updated) == ([], [SLUG])
    assert Role.objects.count() == roles
    assert Pathway.objects.get(slug=SLUG).title == (
        "From Backend Developer to AI Programme Manager: Your 6-Month Transition Guide"
    )


def test_guide_naming_a_role_in_another_case_finds_the_role(seeded, tmp_path):
    guide = tmp_path / "guide.txt"
    guide.write_text(GUIDE.read_text().replace("AI Project Manager", "Ai Project Manager"))
    roles = Role.objects.count()

    report = import_paths([guide])

    assert (report.created, report.updated) == ([], [SLUG])
    assert Role.objects.get(slug="ai-project-manager").name == "AI Project Manager"
    assert Role.objects.count() == roles


def test_export_whose_role_name_and_address_belong_to_two_roles_is_refused(seeded, tmp_path):
    export = tmp_path / "export.json"
    export.write_text(json.dumps(export_json(), indent=2))
    rename("backend-developer", "Legacy Developer")
    Role.objects.create(name="Backend Developer", slug="backend-developer-2")
    before = snapshot()

    with pytest.raises(ImportFailed) as failure:
        import_paths([export])

    line = export.read_text().split("\n").index('      "slug": "backend-developer",') + 1
    assert failure.value.errors == [
        f"{export}:{line}: role 'Backend Developer' at backend-developer: the name is the role "
        "at backend-developer-2 and the address is the role 'Legacy Developer'; rename one of "
        "them in the admin"
    ]
    assert snapshot() == before


def test_pathway_whose_address_is_taken_by_another_pathway_is_refused(db, tmp_path):
    # From "Sales to Tech" to "AI Project Manager", and from "Sales" to "Tech to AI
    # Project Manager": both would live at sales-to-tech-to-ai-project-manager.
    first = guide_from(tmp_path, "Sales to Tech", file="first.txt")
    second = tmp_path / "second.txt"
    second.write_text(
        first.read_text().replace(
            "Sales to Tech\nAi Project Manager\n", "Sales\nTech to AI Project Manager\n"
        )
    )
    import_paths([first])
    before = snapshot()

    with pytest.raises(ImportFailed) as failure:
        import_paths([second])

    assert failure.value.errors == [
        f"{second}:1: the pathway from 'Sales' to 'Tech to AI Project Manager' would have the "
        "same address (sales-to-tech-to-ai-project-manager) as the pathway "
        "'From Sales to Tech to AI Project Manager: Your 6-Month Transition Guide'; "
        "rename one of the roles"
    ]
    assert snapshot() == before
