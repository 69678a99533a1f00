"""Public views: cached pages, and the uncached view counter."""

from .counter import count_view
from .pages import FromRoleView, GuideView, HomeView, HubView, SearchView, StartingRoleRedirectView
from .share import share_card

__all__ = ["FromRoleView", "GuideView", "HomeView", "HubView", "SearchView"]
__all__ += ["StartingRoleRedirectView", "count_view", "share_card"]
