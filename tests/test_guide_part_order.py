"""Every part of a guide comes back in its number's order; reality-check items by kind first."""

import pytest

from pathways.models import GUIDE_PARTS, RealityCheckItem
from tests.factories import make_pathway

pytestmark = pytest.mark.django_db


def _ordering(model) -> list[str]:
    return list(model._meta.ordering)


def test_guide_parts_are_ordered_by_number_then_row():
    orderings = {model.__name__: _ordering(model) for model in GUIDE_PARTS}

    assert orderings == {
        "TransferableSkill": ["order", "pk"],
        "Skill": ["order", "pk"],
        "RoadmapPhase": ["order", "pk"],
        "RealityCheckItem": ["kind", "order", "pk"],
        "ActionItem": ["order", "pk"],
        "FAQ": ["order", "pk"],
    }


def test_reality_check_items_come_grouped_by_kind_in_number_order():
    pathway = make_pathway()
    for kind, order, text in [
        ("miss", 2, "miss two"),
        ("love", 2, "love two"),
        ("miss", 1, "miss one"),
        ("love", 1, "love one"),
    ]:
        RealityCheckItem.objects.create(pathway=pathway, kind=kind, order=order, text=text)

    texts = [item.text for item in pathway.reality_items.all()]

    assert texts == ["love one", "love two", "miss one", "miss two"]
