"""The benchmark's source-text generator: fixed output, real-sized guides the real parser reads."""

import pytest

from bench import generate
from pathways.importing import import_paths
from pathways.models import Hub, HubEntry, Pathway, Role
from pathways.sourcetext import parse_text, render
from pathways.sourcetext import records as rec


def test_records_same_seed_identical():
    first = generate.records(30)

    second = generate.records(30)

    assert first == second


def test_records_count_guides_and_one_hub_per_target():
    records = generate.records(250)

    guides = [r for r in records if isinstance(r, rec.Guide)]
    hubs = [r for r in records if isinstance(r, rec.Hub)]

    assert len(guides) == 250
    assert sorted(h.role for h in hubs) == sorted({g.to_role for g in guides})
    assert len({(g.from_role, g.to_role) for g in guides}) == 250
    assert [g for g in guides if g.from_role == g.to_role] == []


def test_role_names_two_hundred_distinct():
    names = generate.role_names()

    assert (len(names), len(set(names))) == (200, 200)


def test_role_names_too_many_refused():
    with pytest.raises(ValueError, match="between 2 and 200 roles"):
        generate.role_names(201)


def test_generated_text_parses_back_to_same_records():
    records = generate.records(40)

    parsed = [parse_text(render(record), f"generated-{n}.txt") for n, record in enumerate(records)]

    assert parsed == records


def test_generated_guide_size_like_real_guide():
    guides = [r for r in generate.records(50) if isinstance(r, rec.Guide)]

    sizes = [len(render(g).encode()) for g in guides]

    # The shipped source guides are 6.5 to 9.5 KB.
    assert (min(sizes) >= 5_000, max(sizes) <= 10_000) == (True, True)


def test_write_folder_imports_through_importer(db, tmp_path):
    guides = [r for r in generate.records(12) if isinstance(r, rec.Guide)]
    role_names = {g.from_role for g in guides} | {g.to_role for g in guides}

    written = generate.write(tmp_path, 12)
    report = import_paths([tmp_path])

    assert (written.guides, written.hubs) == (12, 12)
    assert sorted(report.created) == sorted(p.slug for p in Pathway.objects.all())
    assert Pathway.objects.published().filter(has_guide=True).count() == 12
    assert (Hub.objects.count(), HubEntry.objects.count()) == (12, 12)
    assert set(Role.objects.values_list("name", flat=True)) == role_names
