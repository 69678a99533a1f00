"""The hub's filter and sort, as its address carries them."""

import re

from django import forms

from . import queries
from .addresses import role_slug

# Up to this many starting roles the filter lists them; beyond, a list would
# outweigh the rest of the page, so the reader types one and the server finds it.
MAX_LISTED_STARTS = 30
MAX_TYPED_LENGTH = 200
# Control characters (NUL above all) that PostgreSQL refuses in a query parameter.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


def typed_text(value) -> str:
    """What a reader typed, made safe to look up: no control characters, single spaces."""
    text = _CONTROL_CHARACTERS.sub(" ", str(value or ""))
    return " ".join(text.split())[:MAX_TYPED_LENGTH]


class HubFilterForm(forms.Form):
    """A hub's starting role and sort, bound and checked at once against what the hub has.

    The starting role is given by its address (the list's values) or, typed,
    by its name in any case. An unknown sort is left out of ``cleaned_data``
    (the recommended order); an unknown starting role too, and it keeps no
    path (the empty state, where ``asked_for`` is what was asked).
    """

    sort = forms.ChoiceField(choices=queries.SORTS.items(), required=False)

    def __init__(self, data, starting_roles: list[queries.StartingRole]):
        super().__init__(data)
        self.starting_roles = starting_roles
        self.lists_starts = len(starting_roles) <= MAX_LISTED_STARTS
        # "from" is a Python keyword, so it cannot be declared as the sort is.
        self.fields["from"] = forms.CharField(required=False, strip=False)
        self.asked_for = typed_text(self.data.get("from"))
        self.is_valid()

    def clean_from(self) -> queries.StartingRole | None:
        if not self.asked_for:
            return None
        wanted = {self.asked_for, role_slug(self.asked_for)}
        folded = self.asked_for.casefold()
        for start in self.starting_roles:
            if start.slug in wanted or start.name.casefold() == folded:
                return start
        raise forms.ValidationError("No path into this role starts there.")

    def paths(self, paths: list[queries.HubPath]) -> list[queries.HubPath]:
        """The hub's paths this filter keeps, in the order chosen."""
        if "from" in self.errors:
            return []
        start = self.cleaned_data["from"]
        kept = [path for path in paths if start in (None, path.start)]
        return queries.sort_hub_paths(kept, self.cleaned_data.get("sort", ""))

    def query(self) -> list[tuple[str, str]]:
        """The parameters with a value, in the canonical address's order."""
        start = self.cleaned_data.get("from")
        params = [("from", start and start.slug), ("sort", self.cleaned_data.get("sort"))]
        return [(name, value) for name, value in params if value]

    def sort_query(self) -> list[tuple[str, str]]:
        """The sort alone: the filter cleared, the order kept."""
        return [(name, value) for name, value in self.query() if name == "sort"]

    def typed_value(self) -> str:
        """The text field's value: the chosen role's name, or what was typed."""
        start = self.cleaned_data.get("from")
        return start.name if start else self.asked_for

    def starts_like_asked(self, limit: int = 5) -> list[queries.StartingRole]:
        """Other starting roles to offer: those sharing a word with what was asked first."""
        words = set(self.asked_for.casefold().split())
        ranked = sorted(
            self.starting_roles,
            key=lambda start: -len(words & set(start.name.casefold().split())),
        )
        return ranked[:limit]
