"""The public pages: home, transition guides, hubs, paths from a role, search."""

import re
from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import strip_tags
from django.views.generic import DetailView, ListView, TemplateView

from .. import caching, markdown, queries, search
from ..caching import CachedPageMixin, mark_private
from ..forms import HubFilterForm, typed_text
from ..pace import pace_from
from ..sourcetext.wording import indefinite_article

SITE_NAME = "Pathways"
SCHEMA = "https://schema.org"
SLUG = re.compile(r"[-\w]{1,120}")  # a role address, in any script (see pathways.addresses)
# Control characters (NUL above all) that PostgreSQL refuses in a query parameter.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


def become_title(role) -> str:
    return f"How to Become {indefinite_article(role.name)} {role.name}"


def _address(path: str, page, params=()) -> str:
    """``path`` with ``params`` (all with a value) and a later page's number."""
    params = [*params, ("page", page.number)] if page.number > 1 else params
    return f"{path}?{urlencode(params)}" if params else path


class PublicPage(CachedPageMixin):
    """A cached public page with the head data ``base.html`` expects."""

    def absolute(self, path: str) -> str:
        return self.request.build_absolute_uri(path)

    def occupation_data(self, role) -> dict:
        data = {
            "@context": SCHEMA,
            "@type": "Occupation",
            "name": role.name,
            "url": self.absolute(role.get_absolute_url()),
        }
        if role.description:
            data["description"] = strip_tags(markdown.render(role.description)).strip()
        return data

    def page_context(
        self, *, title, description, path, crumbs=(), structured=(), current_crumb=None
    ):
        """``current_crumb``: a short name for this page's last breadcrumb, the full one
        staying in the structured data."""
        if crumbs:  # every page but the home page
            crumbs = [("Home", reverse("pathways:home")), *crumbs]
            items = [
                {"@type": "ListItem", "position": n, "name": name, "item": self.absolute(url)}
                for n, (name, url) in enumerate(crumbs, start=1)
            ]
            trail = {"@context": SCHEMA, "@type": "BreadcrumbList", "itemListElement": items}
            structured = [trail, *structured]
        return {
            "page_title": title,
            "meta_description": description,
            "canonical_url": self.absolute(path),
            "breadcrumbs": [*crumbs[:-1], (current_crumb, path)] if current_crumb else list(crumbs),
            "structured_data": list(structured),
            "site_name": SITE_NAME,
        }


class HomeView(PublicPage, TemplateView):
    template_name = "pathways/home.html"

    def get(self, request):
        if (stored := self.canonical_page(reverse("pathways:home"))) is not None:
            return stored
        return super().get(request)

    def get_context_data(self, **kwargs):
        home = reverse("pathways:home")
        site = {
            "@context": SCHEMA,
            "@type": "WebSite",
            "name": SITE_NAME,
            "url": self.absolute(home),
        }
        return super().get_context_data(
            **kwargs,
            **self.page_context(
                title=f"{SITE_NAME}: step-by-step guides for changing careers",
                description=(
                    "Career transition guides: the skills you already have, the ones to learn, "
                    "a week-by-week roadmap and an honest reality check."
                ),
                path=home,
                structured=[site],
            ),
            hub_roles=list(queries.hub_roles().only("slug", "name")),
            # One example for the field: listing every starting role outgrew the page.
            example_start=queries.starting_roles().only("slug", "name").first(),
        )


class GuideView(PublicPage, DetailView):
    """A transition guide; editors may preview a draft, which is never cached."""

    template_name = "pathways/guide.html"
    preview = False

    def get(self, request, slug):
        # A junk or out-of-range pace is the baseline, whose address has no parameter.
        self.pace = pace_from(request.GET.get("hours"))
        address = reverse("pathways:guide", args=[slug]) + self.pace.query()
        # Stored under the current content version, the page shows a published guide.
        if (stored := self.canonical_page(address)) is not None:
            return stored
        response = super().get(request, slug)
        return mark_private(response) if self.preview else response

    def get_object(self):
        pathway, user = queries.guide(self.kwargs["slug"]), self.request.user
        self.preview = pathway is not None and pathway.status != queries.PUBLISHED
        # Those who may see the pathway in the admin may see its draft here.
        may_see = ("pathways.view_pathway", "pathways.change_pathway")
        if pathway is None or (self.preview and not any(map(user.has_perm, may_see))):
            raise Http404("No such guide")
        return pathway

    def get_context_data(self, **kwargs):
        pathway = self.object
        to_role, from_role = pathway.to_role, pathway.from_role
        return super().get_context_data(
            **kwargs,
            preview=self.preview,
            guide_body=caching.guide_body_html_at(pathway, self.pace),
            # Not in the stored body: that moves on with this pathway only, these with others.
            related=queries.related_paths(pathway),
            **self.page_context(
                title=pathway.title,
                description=(
                    f"How to move from {from_role.name} to {to_role.name}: skills, "
                    f"roadmap, salary change and what to expect."
                ),
                path=pathway.get_absolute_url(),
                crumbs=[
                    (become_title(to_role), to_role.get_absolute_url()),
                    (pathway.title, pathway.get_absolute_url()),
                ],
                current_crumb="This guide",
                structured=[self.occupation_data(to_role)],
            ),
        )


class CardList(PublicPage, ListView):
    """Guide cards a page at a time, stored under the address ``stored_address`` names.

    A junk page number gets the first page and one past the end the last
    (``Paginator.get_page``), where ListView would answer 404.
    """

    comparable = False  # True: the cards come with "Compare" checkboxes (``compare_cards``)

    def paginate_queryset(self, queryset, page_size):
        page = self.get_paginator(queryset, page_size).get_page(self.request.GET.get("page"))
        return page.paginator, page, page.object_list, page.has_other_pages()

    def cards(self, listed):
        return caching.cards_html(listed)

    def render_to_response(self, context, **kwargs):
        # Inputs are checked by now: another address of a stored page gets the stored page.
        page = context["page_obj"]
        address = self.stored_address(page)  # None: never stored
        if address is not None and (stored := self.canonical_page(address)) is not None:
            return stored
        if self.comparable:
            # Each card with a "Compare" checkbox for its pathway (templates/pathways/compare.html).
            context["compare_cards"] = caching.listed_cards(page.object_list)
            context["cards"] = [card for _pathway, card in context["compare_cards"]]
        else:
            context["cards"] = self.cards(page.object_list)
        return super().render_to_response(context, **kwargs)


class HubView(CardList):
    """ "How to Become a <Role>": the paths into a role, filtered and sorted."""

    template_name = "pathways/hub.html"
    paginate_by = 50
    comparable = True

    def get_queryset(self):
        self.role = queries.role_with_hub(self.kwargs["slug"])
        if self.role is None:
            raise Http404("No such role")
        paths = queries.hub_paths(self.role)
        if not paths:
            raise Http404("No paths into this role")
        self.form = HubFilterForm(self.request.GET, queries.hub_starting_roles(paths))
        return self.form.paths(paths)

    def stored_address(self, page):
        # An unknown starting role names nothing: its empty state is never stored.
        if "from" not in self.form.errors:
            return _address(self.role.get_absolute_url(), page, self.form.query())
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        role, title, path = self.role, become_title(self.role), self.role.get_absolute_url()
        if "from" in self.form.errors:
            context.update(self.no_match_context())
        context.update(
            role=role,
            hub=getattr(role, "hub", None),
            form=self.form,
            page_query=urlencode(self.form.query()),
            **self.page_context(
                title=title,
                description=(
                    f"Every path to becoming {indefinite_article(role.name)} {role.name}, "
                    "by the role you start from: timelines, salary change and difficulty."
                ),
                path=_address(path, context["page_obj"]),
                crumbs=[(title, path)],
                structured=[self.occupation_data(role)],
            ),
        )
        return context

    def no_match_context(self) -> dict:
        """The empty state of a starting role with no path here: what it was, and where
        else to look. Two queries at most, whatever the content."""
        asked = queries.role_named(self.form.asked_for) if self.form.asked_for else None
        hub = self.role.get_absolute_url()
        return {
            "asked_role": asked,
            "clear_url": f"{hub}?{urlencode(q)}" if (q := self.form.sort_query()) else hub,
            "paths_elsewhere": queries.paths_from_elsewhere(asked, self.role) if asked else [],
            "other_starts": [
                (start, f"{hub}?{urlencode([('from', start.slug), *self.form.sort_query()])}")
                for start in self.form.starts_like_asked()
            ],
        }


class StartingRoleSearchView(PublicPage, TemplateView):
    """The home page's "where are you starting from?" lands here: /from/?q=<role name>.

    A name or address that is exactly a starting role's (any case) goes to its
    paths; anything else lists up to ``queries.STARTING_ROLE_MATCHES`` starting
    roles holding every word, so no page need list them all. The older
    ``?from=<address>`` still redirects.
    """

    template_name = "pathways/from_search.html"

    def get(self, request):
        if slug := request.GET.get("from", ""):
            if not SLUG.fullmatch(slug):
                raise Http404("No such role")
            return redirect("pathways:from_role", slug)
        self.q = typed_text(request.GET.get("q"))
        if not self.q:
            return redirect("pathways:home")
        if (role := queries.starting_role_exactly(self.q)) is not None:
            return redirect("pathways:from_role", role.slug)
        return super().get(request)

    def get_context_data(self, **kwargs):
        path = reverse("pathways:from_role_choice")
        return super().get_context_data(
            **kwargs,
            q=self.q,
            matches=queries.starting_roles_matching(self.q),
            most=queries.STARTING_ROLE_MATCHES,
            noindex=True,
            **self.page_context(
                title=f"Starting roles matching “{self.q}”",
                description="Find the role you are starting from.",
                path=path,
                crumbs=[("Starting roles", path)],
            ),
        )


class FromRoleView(CardList):
    """The pathways that start from one role."""

    template_name = "pathways/from_role.html"
    paginate_by = 50
    comparable = True

    def get_queryset(self):
        self.role = queries.role_with_hub(self.kwargs["slug"])
        if self.role is None:
            raise Http404("No such role")
        return queries.pathways_from(self.role)

    def stored_address(self, page):
        return _address(reverse("pathways:from_role", args=[self.role.slug]), page)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not context["paginator"].count:
            raise Http404("No paths from this role")
        role, title = self.role, f"Career paths from {self.role.name}"
        context.update(
            role=role,
            **self.page_context(
                title=title,
                description=f"Where you can go from {role.name}: every transition guide we have.",
                path=self.stored_address(context["page_obj"]),
                crumbs=[(title, reverse("pathways:from_role", args=[role.slug]))],
            ),
        )
        return context


class SearchView(CardList):
    """Search across roles and pathways; an empty query gets a prompt."""

    template_name = "pathways/search.html"
    paginate_by = 20

    def get_queryset(self):
        q = CONTROL_CHARACTERS.sub(" ", self.request.GET.get("q", ""))
        self.q = " ".join(q.split())[: queries.MAX_QUERY_LENGTH].strip()
        # One pass over the matches for both their number and this page's share.
        return search.matching_ids(self.q) if self.q else []

    def stored_address(self, page):
        # Only the prompt is stored: results for free text would fill the cache.
        return None if self.q else reverse("pathways:search")

    def cards(self, listed):
        return search.result_cards(listed, self.q)

    def get_context_data(self, **kwargs):
        q, path = self.q, reverse("pathways:search")
        return super().get_context_data(
            **kwargs,
            q=q,
            roles=list(queries.search_roles(q)) if q else [],
            page_query=urlencode({"q": q}),
            noindex=True,
            **self.page_context(
                title=f"Search: {q}" if q else "Search",
                description="Search career transition guides and roles.",
                path=path,
                crumbs=[("Search", path)],
            ),
        )
