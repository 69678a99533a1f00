"""Public views: cached pages, and the uncached view counter."""

from .calendar import guide_calendar
from .counter import count_view
from .pages import FromRoleView, GuideView, HomeView, HubView, SearchView, StartingRoleSearchView
from .share import share_card

__all__ = ["FromRoleView", "GuideView", "HomeView", "HubView", "SearchView"]
__all__ += ["StartingRoleSearchView", "count_view", "guide_calendar", "share_card"]
