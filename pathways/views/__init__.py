"""Public views: cached pages, and the uncached view counter."""

from .counter import count_view
from .pages import FromRoleView, GuideView, HomeView, HubView, SearchView, StartingRoleRedirectView

__all__ = ["FromRoleView", "GuideView", "HomeView", "HubView", "SearchView"]
__all__ += ["StartingRoleRedirectView", "count_view"]
