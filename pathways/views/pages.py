"""The public pages: home, transition guides, hubs, paths from a role, search."""

import re
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404
from django.urls import reverse
from django.utils.html import strip_tags
from django.views.generic import RedirectView, TemplateView

from .. import caching, markdown, queries
from ..caching import CachedPageMixin, mark_private
from ..sourcetext.wording import indefinite_article

SITE_NAME = "Pathways"
PATHS_PER_PAGE = 50
RESULTS_PER_PAGE = 20
SLUG = re.compile(r"[-\w]{1,120}")  # a role address, in any script (see pathways.addresses)
# Control characters (NUL above all) that PostgreSQL refuses in a query parameter.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


def become_title(role) -> str:
    return f"How to Become {indefinite_article(role.name)} {role.name}"


class PublicPage(CachedPageMixin, TemplateView):
    """A cached public page with the head data ``base.html`` expects."""

    def absolute(self, path: str) -> str:
        return self.request.build_absolute_uri(path)

    def breadcrumb_data(self, crumbs) -> dict:
        return {
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": [
                {"@type": "ListItem", "position": n, "name": name, "item": self.absolute(url)}
                for n, (name, url) in enumerate(crumbs, start=1)
            ],
        }

    def occupation_data(self, role) -> dict:
        data = {
            "@context": "https://schema.org",
            "@type": "Occupation",
            "name": role.name,
            "url": self.absolute(role.get_absolute_url()),
        }
        if role.description:
            data["description"] = strip_tags(markdown.render(role.description)).strip()
        return data

    def page_context(self, *, title, description, path, crumbs=(), structured=()):
        crumbs = [("Home", reverse("pathways:home")), *crumbs]
        data = [*structured]
        if len(crumbs) > 1:
            data.insert(0, self.breadcrumb_data(crumbs))
        return {
            "page_title": title,
            "meta_description": description,
            "canonical_url": self.absolute(path),
            "breadcrumbs": crumbs if len(crumbs) > 1 else [],
            "structured_data": data,
            "site_name": SITE_NAME,
        }


class HomeView(PublicPage):
    template_name = "pathways/home.html"

    def get(self, request):
        if (stored := self.canonical_page(reverse("pathways:home"))) is not None:
            return stored
        return super().get(request)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            self.page_context(
                title=f"{SITE_NAME}: step-by-step guides for changing careers",
                description=(
                    "Career transition guides: the skills you already have, the ones to learn, "
                    "a week-by-week roadmap and an honest reality check."
                ),
                path=reverse("pathways:home"),
                structured=[
                    {
                        "@context": "https://schema.org",
                        "@type": "WebSite",
                        "name": SITE_NAME,
                        "url": self.absolute(reverse("pathways:home")),
                    }
                ],
            ),
            hub_roles=list(queries.hub_roles().only("slug", "name")),
            starting_roles=list(queries.starting_roles().values_list("slug", "name")),
        )
        return context


class GuideView(PublicPage):
    """A transition guide; editors may preview a draft, which is never cached."""

    template_name = "pathways/guide.html"

    def get(self, request, slug):
        # Stored under the current content version, the page shows a published guide.
        if (stored := self.canonical_page(reverse("pathways:guide", args=[slug]))) is not None:
            return stored
        pathway = queries.published_guide(slug)
        preview = False
        # Those who may see the pathway in the admin may see its draft here.
        if pathway is None and (
            request.user.has_perm("pathways.view_pathway")
            or request.user.has_perm("pathways.change_pathway")
        ):
            pathway = queries.any_guide(slug)
            preview = pathway is not None
        if pathway is None:
            raise Http404("No such guide")
        to_role, from_role = pathway.to_role, pathway.from_role
        context = self.get_context_data(
            pathway=pathway,
            preview=preview,
            guide_body=caching.guide_body(pathway),
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
                structured=[self.occupation_data(to_role)],
            ),
        )
        response = self.render_to_response(context)
        return mark_private(response) if preview else response


class HubView(PublicPage):
    """ "How to Become a <Role>": the paths into a role, filtered and sorted."""

    template_name = "pathways/hub.html"

    def get(self, request, slug):
        role = queries.hub_role(slug)
        if role is None:
            raise Http404("No such role")
        paths = queries.hub_paths(role)
        if not paths:
            raise Http404("No paths into this role")
        starting_roles = queries.hub_starting_roles(paths)
        from_slug = request.GET.get("from", "")
        sort = request.GET.get("sort", "")
        if sort not in queries.SORTS:
            sort = ""
        from_role = next((r for r in starting_roles if r.slug == from_slug), None)
        if from_role is not None:
            paths = [path for path in paths if path.start == from_role]
        elif from_slug:
            paths = []  # unknown starting role: the empty state
        page = Paginator(queries.sort_hub_paths(paths, sort), PATHS_PER_PAGE).get_page(
            request.GET.get("page")
        )
        title = become_title(role)
        path = role.get_absolute_url()
        # An unknown starting role names nothing: its empty state is never stored.
        if from_role is not None or not from_slug:
            stored = self.canonical_page(
                _address(
                    path,
                    ("from", from_role and from_role.slug),
                    ("sort", sort),
                    ("page", _later_page(page)),
                )
            )
            if stored is not None:
                return stored
        context = self.get_context_data(
            role=role,
            hub=getattr(role, "hub", None),
            starting_roles=starting_roles,
            from_slug=from_slug,
            from_role=from_role,
            sort=sort,
            sorts=queries.SORTS.items(),
            page=page,
            cards=caching.cards(page.object_list),
            page_query=_query(from_role and from_role.slug, sort),
            **self.page_context(
                title=title,
                description=(
                    f"Every path to becoming {indefinite_article(role.name)} {role.name}, "
                    "by the role you start from: timelines, salary change and difficulty."
                ),
                path=path if page.number == 1 else f"{path}?page={page.number}",
                crumbs=[(title, path)],
                structured=[self.occupation_data(role)],
            ),
        )
        return self.render_to_response(context)


def _address(path: str, *params: tuple[str, object]) -> str:
    """``path`` with the ``(name, value)`` parameters that have a value, in the order given."""
    query = urlencode([(name, value) for name, value in params if value])
    return f"{path}?{query}" if query else path


def _later_page(page) -> int | None:
    """A page's number as its address carries it: none for the first page."""
    return page.number if page.number > 1 else None


def _query(from_slug, sort) -> str:
    """The filter part of a hub URL, for pagination links."""
    parts = []
    if from_slug:
        parts.append(f"from={from_slug}")
    if sort:
        parts.append(f"sort={sort}")
    return "&".join(parts)


class StartingRoleRedirectView(RedirectView):
    """The home page's "where are you starting from?" form lands here: /from/?from=<role>."""

    permanent = False

    def get_redirect_url(self, *args, **kwargs):
        slug = self.request.GET.get("from", "")
        if not slug:
            return reverse("pathways:home")
        if not SLUG.fullmatch(slug):
            raise Http404("No such role")
        return reverse("pathways:from_role", args=[slug])


class FromRoleView(PublicPage):
    """The pathways that start from one role."""

    template_name = "pathways/from_role.html"

    def get(self, request, slug):
        role = queries.hub_role(slug)
        if role is None:
            raise Http404("No such role")
        page = Paginator(queries.pathways_from(role), PATHS_PER_PAGE).get_page(
            request.GET.get("page")
        )
        if page.paginator.count == 0:
            raise Http404("No paths from this role")
        title = f"Career paths from {role.name}"
        path = reverse("pathways:from_role", args=[role.slug])
        if (stored := self.canonical_page(_address(path, ("page", _later_page(page))))) is not None:
            return stored
        context = self.get_context_data(
            role=role,
            page=page,
            cards=caching.cards(page.object_list),
            **self.page_context(
                title=title,
                description=f"Where you can go from {role.name}: every transition guide we have.",
                path=path if page.number == 1 else f"{path}?page={page.number}",
                crumbs=[(title, path)],
            ),
        )
        return self.render_to_response(context)


class SearchView(PublicPage):
    """Search across roles and pathways; an empty query gets a prompt."""

    template_name = "pathways/search.html"

    def get(self, request):
        q = CONTROL_CHARACTERS.sub(" ", request.GET.get("q", ""))
        q = " ".join(q.split())[: queries.MAX_QUERY_LENGTH].strip()
        roles, page, cards = [], None, []
        if q:
            roles = list(queries.search_roles(q))
            # One pass over the matches for both their number and this page's share.
            found = list(queries.search_pathways(q).values_list("pk", flat=True))
            page = Paginator(found, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
            cards = caching.cards(queries.with_cards_in_order(page.object_list))
        path = reverse("pathways:search")
        # Only the prompt is stored: results for free text would fill the cache.
        if not q and (stored := self.canonical_page(path)) is not None:
            return stored
        context = self.get_context_data(
            q=q,
            roles=roles,
            page=page,
            cards=cards,
            page_query=urlencode({"q": q}),
            **self.page_context(
                title=f"Search: {q}" if q else "Search",
                description="Search career transition guides and roles.",
                path=path,
                crumbs=[("Search", path)],
            ),
            noindex=True,
        )
        return self.render_to_response(context)
