"""The site's content: roles, the pathways between them, and hub pages."""

from .content_version import ContentVersion
from .drafts import PendingChange
from .guide import (
    FAQ,
    GUIDE_PARTS,
    ActionItem,
    RealityCheckItem,
    RoadmapPhase,
    Skill,
    TransferableSkill,
)
from .hubs import Hub, HubEntry
from .lexicon import KnownName
from .pathways import Pathway
from .rendering import PathwayRendering
from .roles import Role
from .search import SearchDocument

__all__ = [
    "FAQ",
    "GUIDE_PARTS",
    "ActionItem",
    "ContentVersion",
    "Hub",
    "HubEntry",
    "KnownName",
    "Pathway",
    "PathwayRendering",
    "PendingChange",
    "RealityCheckItem",
    "RoadmapPhase",
    "Role",
    "SearchDocument",
    "Skill",
    "TransferableSkill",
]
