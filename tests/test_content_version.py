"""The content version: one number that every change to content moves on."""

import pytest

from pathways import content_version
from tests.factories import make_role

pytestmark = pytest.mark.django_db


def test_each_change_moves_the_version():
    before = content_version.current()

    make_role("Analyst")
    make_role("Designer")

    assert content_version.current() == before + 2


def test_changes_held_move_it_once_at_the_end():
    before = content_version.current()

    with content_version.held():
        make_role("Analyst")
        make_role("Designer")
        assert content_version.current() == before

    assert content_version.current() == before + 1


def test_changes_held_in_a_failed_block_do_not_move_it():
    before = content_version.current()

    with pytest.raises(RuntimeError), content_version.held():
        make_role("Analyst")
        raise RuntimeError("import refused")

    assert content_version.current() == before


def test_import_moves_the_version_once():
    from pathways.importing import import_paths
    from pathways.models import Pathway
    from tests.support import SOURCE_DIR

    before = content_version.current()

    import_paths([SOURCE_DIR])

    assert Pathway.objects.count() > 1
    assert content_version.current() == before + 1
