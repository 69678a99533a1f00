"""The hub's filter and sort, as its address carries them."""

from django import forms

from . import queries


class HubFilterForm(forms.Form):
    """A hub's starting role and sort, bound and checked at once against what the hub has.

    An unknown sort is left out of ``cleaned_data`` (the recommended order);
    an unknown starting role too, and it keeps no path (the empty state).
    """

    sort = forms.ChoiceField(choices=queries.SORTS.items(), required=False)

    def __init__(self, data, starting_roles: list[queries.StartingRole]):
        super().__init__(data)
        self.starting_roles = starting_roles
        # "from" is a Python keyword, so it cannot be declared as the sort is.
        self.fields["from"] = forms.ChoiceField(choices=starting_roles, required=False)
        self.is_valid()

    def clean_from(self) -> queries.StartingRole | None:
        slug = self.cleaned_data["from"]
        return next((start for start in self.starting_roles if start.slug == slug), None)

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
