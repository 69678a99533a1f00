"""Each shipped source page parses into its record in the committed fixtures/pathways.json.

The fixture is read back the way the importer reads an export, so a change in
what a seed parses into shows here as a field-by-field diff (``make
check-fixtures`` compares the whole fixture byte for byte).
"""

import pytest
from django.utils.text import slugify

from pathways.importing.reading import read_export
from pathways.sourcetext import Guide, Hub, parse_file
from tests.support import FIXTURE, SOURCE_DIR

SEEDS = sorted(SOURCE_DIR.glob("*.txt"))


def _seed_stem(record: Guide | Hub) -> str:
    """The name a shipped source page has: the pathway's slug, or "hub-" and the role's."""
    if isinstance(record, Hub):
        return f"hub-{slugify(record.role)}"
    return f"{slugify(record.from_role)}-to-{slugify(record.to_role)}"


@pytest.fixture(scope="module")
def committed_records() -> dict[str, Guide | Hub]:
    """The guides and hubs of fixtures/pathways.json, read as the importer reads an export."""
    items, _roles = read_export(FIXTURE)
    records = [item.record for item in items if isinstance(item.record, Guide | Hub)]
    return {_seed_stem(record): record for record in records}


def test_parse_file_every_seed_has_a_record_in_the_committed_fixture(committed_records):
    assert sorted(committed_records) == [seed.stem for seed in SEEDS]


@pytest.mark.parametrize("seed", SEEDS, ids=[seed.stem for seed in SEEDS])
def test_parse_file_seed_gives_its_record_in_the_committed_fixture(seed, committed_records):
    assert parse_file(seed) == committed_records[seed.stem]
