"""The importer: source pages and JSON exports into the database, all or nothing."""

import json
import shutil

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from pathways.exporting import export_json
from pathways.importing import ImportFailed, import_paths, import_records
from pathways.models import FAQ, Hub, Pathway, Role
from tests.support import SOURCE_DIR

SEED_SLUGS = [
    "backend-developer-to-ai-engineering-manager",
    "backend-developer-to-ai-platform-engineer",
    "backend-developer-to-ai-project-manager",
    "backend-developer-to-applied-ai-scientist",
    "deep-learning-engineer-to-ai-product-manager",
    "generative-ai-engineer-to-ai-product-manager",
    "software-engineer-to-product-manager",
]


def snapshot():
    return json.dumps(export_json(), sort_keys=True)


def test_import_creates_every_seed_pathway(seeded):
    assert sorted(seeded.created) == SEED_SLUGS
    assert list(Pathway.objects.order_by("slug").values_list("slug", flat=True)) == SEED_SLUGS
    assert seeded.hubs == ["product-manager"]


def test_import_takes_role_names_from_titles_not_breadcrumbs(seeded):
    assert Role.objects.get(slug="ai-project-manager").name == "AI Project Manager"
    assert Role.objects.get(slug="applied-ai-scientist").name == "Applied AI Scientist"
    assert list(Role.objects.filter(parent__isnull=False)) == []


def test_import_marks_imported_pathways_published_with_source_views(seeded):
    pathway = Pathway.objects.get(slug="backend-developer-to-ai-project-manager")

    assert (pathway.status, pathway.views, pathway.has_guide) == ("published", 1, True)


def test_import_hub_only_pathway_keeps_title_and_summary(seeded):
    pathway = Pathway.objects.get(slug="software-engineer-to-product-manager")

    assert pathway.has_guide is False
    assert (
        pathway.title == "From Software Engineer to Product Manager: Your 9-Month Transition Guide"
    )
    assert pathway.guide_months == 9
    assert pathway.overview.startswith("Your background as a Software Engineer gives you")
    assert pathway.difficulty == ""
    assert pathway.status == "published"


def test_import_hub_lists_pathways_in_source_order(seeded):
    hub = Hub.objects.get(role__slug="product-manager")

    assert [e.pathway.slug for e in hub.entries.all()] == [
        "generative-ai-engineer-to-ai-product-manager",
        "deep-learning-engineer-to-ai-product-manager",
        "software-engineer-to-product-manager",
    ]
    assert hub.role.description.startswith("Product Managers guide product development")
    assert hub.description.startswith("Discover 3+ transition paths")


def test_import_faq_questions_are_marked_for_review(seeded):
    assert FAQ.objects.count() == 4
    assert set(FAQ.objects.values_list("question_inferred", flat=True)) == {True}


def test_import_twice_changes_nothing(seeded):
    before = snapshot()

    report = import_paths([SOURCE_DIR])

    assert (report.created, report.updated, report.skipped) == ([], [], [])
    assert sorted(report.unchanged) == SEED_SLUGS[:4]
    assert snapshot() == before


def test_import_dry_run_writes_nothing(db):
    report = import_paths([SOURCE_DIR], dry_run=True)

    assert len(report.created) == 7
    assert Pathway.objects.count() == 0
    assert Role.objects.count() == 0


def test_import_keeps_admin_edits_unless_forced(seeded):
    Pathway.objects.filter(slug="backend-developer-to-ai-project-manager").update(difficulty="Hard")

    kept = import_paths([SOURCE_DIR])
    kept_difficulty = Pathway.objects.get(slug="backend-developer-to-ai-project-manager").difficulty
    forced = import_paths([SOURCE_DIR], force=True)

    assert kept.skipped == ["backend-developer-to-ai-project-manager"]
    assert kept_difficulty == "Hard"
    assert forced.updated == ["backend-developer-to-ai-project-manager"]
    assert (
        Pathway.objects.get(slug="backend-developer-to-ai-project-manager").difficulty == "Moderate"
    )


def test_import_does_not_reset_counted_views(seeded):
    Pathway.objects.filter(slug="backend-developer-to-ai-project-manager").update(views=42)

    import_paths([SOURCE_DIR])

    assert Pathway.objects.get(slug="backend-developer-to-ai-project-manager").views == 42


def test_import_bad_file_in_batch_leaves_database_unchanged(seeded, tmp_path):
    shutil.copytree(SOURCE_DIR, tmp_path / "batch")
    good = (SOURCE_DIR / "backend-developer-to-ai-project-manager.txt").read_text()
    (tmp_path / "batch" / "backend-developer-to-ai-project-manager.txt").write_text(
        good.replace("Moderate", "Easy")
    )
    (tmp_path / "batch" / "zz-empty.txt").write_text("")
    before = snapshot()

    with pytest.raises(ImportFailed) as failure:
        import_paths([tmp_path / "batch"])

    assert failure.value.errors == [f"{tmp_path / 'batch' / 'zz-empty.txt'}:1: empty file"]
    assert snapshot() == before


GOOD_GUIDE = "backend-developer-to-ai-project-manager.txt"


def _truncated(text):
    return text.split("\n\nReality Check")[0]


def _out_of_order(text):
    reality = text[text.index("Reality Check") : text.index("Start Your Journey Now")]
    start = text[text.index("Start Your Journey Now") : text.index("Frequently Asked Questions")]
    return text.replace(reality + start, start + reality)


BAD_INPUTS = {
    "empty": (lambda text: b"", ":1: empty file"),
    "binary": (
        lambda text: b"\x89PNG\r\n\x1a\n\x00\x00",
        ":3: binary content (NUL byte); expected UTF-8 text",
    ),
    "not utf-8": (
        lambda text: text.encode().replace(b"Moderate", b"Mod\xe9rate"),
        ":8: not UTF-8 text: invalid byte 0xe9",
    ),
    "truncated": (lambda text: _truncated(text).encode(), ":144: unexpected end of file"),
    "out of order": (lambda text: _out_of_order(text).encode(), ":146: section out of order"),
    "weeks in words": (
        lambda text: text.replace("Important3 weeks", "Critical eight weeks").encode(),
        ":58: bad priority and weeks line 'Critical eight weeks'",
    ),
    "value too long for its column": (
        lambda text: (
            text.replace("Moderate", "Moderate " + "x" * 60)
            # Another pathway, so that only the length is wrong with it.
            .replace("Backend Developer", "Frontend Developer")
            .encode()
        ),
        ":8: difficulty 'Moderate xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'… is 69 characters long; "
        "the most is 60",
    ),
    "no title": (
        lambda text: text.replace(
            "From Backend Developer to AI Project Manager: Your 6-Month Transition Guide", ""
        ).encode(),
        ":",
    ),
}


@pytest.mark.parametrize("kind", BAD_INPUTS)
def test_import_bad_input_in_batch_is_refused_and_changes_nothing(seeded, tmp_path, kind):
    make_bad, expected = BAD_INPUTS[kind]
    batch = tmp_path / "batch"
    shutil.copytree(SOURCE_DIR, batch)
    (batch / GOOD_GUIDE).write_text((SOURCE_DIR / GOOD_GUIDE).read_text().replace("+15%", "+16%"))
    bad = batch / "zz-bad.txt"
    bad.write_bytes(make_bad((SOURCE_DIR / GOOD_GUIDE).read_text()))
    before = snapshot()

    with pytest.raises(ImportFailed) as failure:
        import_paths([batch])

    assert len(failure.value.errors) == 1
    assert failure.value.errors[0].startswith(f"{bad}{expected}")
    assert snapshot() == before


def test_import_50_mb_file_is_refused_and_changes_nothing(seeded, tmp_path):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as file:
        file.truncate(50 * 1024 * 1024)  # sparse: the size without the writing
    before = snapshot()

    with pytest.raises(ImportFailed) as failure:
        import_paths([SOURCE_DIR, huge])

    assert failure.value.errors == [
        f"{huge}:1: file is too large (52,428,800 bytes; the limit is 1 MiB)"
    ]
    assert snapshot() == before


def test_import_command_reports_file_and_line_and_fails(db, tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary")

    with pytest.raises(CommandError, match="nothing imported: 1 problem found"):
        call_command("import_pathways", str(bad))

    assert capsys.readouterr().err.startswith(f"{bad}:1: ")
    assert Pathway.objects.count() == 0


def test_import_missing_path_is_refused(db, tmp_path):
    with pytest.raises(ImportFailed) as failure:
        import_paths([tmp_path / "nope.txt"])

    assert failure.value.errors == [f"{tmp_path / 'nope.txt'}:1: no such file or folder"]


def test_import_same_pathway_twice_in_batch_is_refused(db, tmp_path):
    source = SOURCE_DIR / "backend-developer-to-ai-project-manager.txt"
    shutil.copy(source, tmp_path / "a.txt")
    shutil.copy(source, tmp_path / "b.txt")

    with pytest.raises(ImportFailed) as failure:
        import_paths([tmp_path])

    assert failure.value.errors == [
        f"{tmp_path / 'b.txt'}:1: pathway backend-developer-to-ai-project-manager "
        f"is also given by {tmp_path / 'a.txt'}"
    ]


def test_export_json_round_trips_through_import(seeded, tmp_path):
    exported = export_json()
    (tmp_path / "export.json").write_text(json.dumps(exported))
    Hub.objects.all().delete()
    Pathway.objects.all().delete()
    Role.objects.all().delete()

    import_paths([tmp_path / "export.json"])

    assert export_json() == exported


def test_export_source_round_trips_through_import(seeded, tmp_path, capsys):
    exported = export_json()
    call_command("export_pathways", "--format", "source", "--output", str(tmp_path))
    Hub.objects.all().delete()
    Pathway.objects.all().delete()
    Role.objects.all().delete()

    import_paths([tmp_path])

    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "backend-developer-to-ai-engineering-manager.txt",
        "backend-developer-to-ai-platform-engineer.txt",
        "backend-developer-to-ai-project-manager.txt",
        "backend-developer-to-applied-ai-scientist.txt",
        "hub-product-manager.txt",
    ]
    assert export_json() == exported


def test_export_command_prints_schema_1(seeded, capsys):
    call_command("export_pathways")

    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == 1
    assert [r["slug"] for r in data["roles"]] == sorted(r["slug"] for r in data["roles"])
    assert [p["slug"] for p in data["pathways"]] == SEED_SLUGS


def test_shipped_fixture_matches_source_texts(seeded):
    from pathlib import Path

    shipped = json.loads((Path(SOURCE_DIR).parent / "pathways.json").read_text())

    assert export_json() == shipped


def test_import_hub_listing_one_pathway_under_two_spellings_is_refused(db):
    from pathways.sourcetext.records import Hub as HubRecord
    from pathways.sourcetext.records import HubPathway

    listed = [
        HubPathway("Data Analyst", "Product Manager", "", 6, "One."),
        HubPathway("Data-Analyst", "Product Manager", "", 6, "Two."),
    ]
    hub = HubRecord("Product Manager", "Ways in.", "What they do.", tuple(listed))

    with pytest.raises(ImportFailed) as failure:
        import_records([hub])

    assert failure.value.errors == [
        "<pasted>:1: hub product-manager lists pathway "
        "data-analyst-to-product-manager more than once"
    ]
    assert Pathway.objects.count() == 0


def test_import_role_whose_address_collides_is_refused(seeded, tmp_path):
    text = (SOURCE_DIR / GOOD_GUIDE).read_text().replace("Backend Developer", "Backend-Developer")
    (tmp_path / "collides.txt").write_text(text)
    before = snapshot()

    with pytest.raises(ImportFailed) as failure:
        import_paths([tmp_path / "collides.txt"])

    assert failure.value.errors == [
        f"{tmp_path / 'collides.txt'}:1: role 'Backend-Developer' would have the same address "
        "(backend-developer) as the role 'Backend Developer'; rename one of them"
    ]
    assert snapshot() == before
