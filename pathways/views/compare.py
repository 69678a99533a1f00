"""Two or three pathways side by side: /compare/?paths=a,b[,c]."""

from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import TemplateView

from .. import comparison, queries
from ..comparison import Request
from .pages import PublicPage

SHOWN_NAME_LENGTH = 60  # an unknown address is named in the message, cut to this


def _shown(slug: str) -> str:
    return slug if len(slug) <= SHOWN_NAME_LENGTH else slug[: SHOWN_NAME_LENGTH - 1] + "…"


class CompareView(PublicPage, TemplateView):
    """Pathways side by side, stored only under ``/compare/?paths=a,b`` (addresses sorted).

    Both ``paths=a&paths=b`` (the cards' checkboxes) and ``paths=a,b`` are
    redirected there. More than ``comparison.MOST`` are refused with a
    message, addresses of no published pathway get a 404 page naming them,
    and fewer than two ask for another, offering paths into the same role.
    """

    template_name = "pathways/compare.html"

    def get(self, request):
        asked = Request.of(request.GET.getlist("paths"))
        if asked.too_many:
            return self.page(asked, problem="too_many")
        # An address no pathway can have is not worth a query, nor a redirect.
        if unfetchable := [s for s in asked.slugs if s not in comparison.fetchable([s])]:
            return self.page(asked, problem="unknown", unknown=unfetchable, status=404)
        path = reverse("pathways:compare")
        address = f"{path}?{asked.query}" if asked.slugs else path
        # Compared as parsed: "a%2Cb" is "a,b" as a browser may encode it, not another page.
        if list(request.GET.lists()) != asked.parameters:
            return redirect(address)
        # Stored only when every address exists (a 404 never is).
        if (stored := self.canonical_page(address)) is not None:
            return stored
        found = queries.compared(list(asked.slugs))
        if unknown := asked.unknown(found):
            return self.page(asked, problem="unknown", unknown=unknown, status=404)
        pathways = [found[slug] for slug in asked.slugs]
        if len(pathways) < comparison.FEWEST:
            return self.page(asked, problem="too_few", pathways=pathways)
        return self.page(asked, pathways=pathways)

    def page(self, asked, *, problem=None, unknown=(), pathways=(), status=200):
        context = self.get_context_data(
            problem=problem,
            most=comparison.MOST,
            asked_count=len(asked.slugs),
            unknown=[_shown(slug) for slug in unknown],
            **self.comparison(pathways),
        )
        if problem == "too_few" and pathways:
            # Other paths into the same role or from the same one, to compare it with.
            related = queries.related_paths(pathways[0])
            context["others"] = [*related.into, *related.starting_alike]
            context["alone"] = pathways[0]
        return self.render_to_response(context, status=status)

    def comparison(self, pathways) -> dict:
        if len(pathways) < comparison.FEWEST:
            return {"pathways": list(pathways)}
        phases = [list(p.phases.all()) for p in pathways]
        return {
            "pathways": pathways,
            "roadmap_weeks": [comparison.roadmap_weeks(ph) for ph in phases],
            "transferable_rows": comparison.aligned(
                [list(p.transferable_skills.all()) for p in pathways]
            ),
            "skill_rows": comparison.aligned([list(p.skills.all()) for p in pathways]),
            "phase_rows": comparison.phase_rows(phases),
        }

    def get_context_data(self, **kwargs):
        path = reverse("pathways:compare")
        pathways = kwargs.get("pathways") or []
        title = (
            "Compare: " + " · ".join(f"{p.from_role.name} → {p.to_role.name}" for p in pathways)
            if len(pathways) >= comparison.FEWEST
            else "Compare paths"
        )
        return super().get_context_data(
            **kwargs,
            noindex=len(pathways) < comparison.FEWEST,
            **self.page_context(
                title=title,
                description=(
                    "Career transition paths side by side: difficulty, timeline, salary "
                    "change, skills and roadmap."
                ),
                path=self.canonical_address or path,
                crumbs=[("Compare paths", path)],
            ),
        )
