"""Source pages as plain text: parse them into records and render records back.

No Django here: ``parse_text`` / ``parse_file`` turn a guide or hub page into
a ``Guide`` or ``Hub`` (or raise ``SourceError`` as ``file:line: message``),
and ``render`` writes a record back so that ``parse_text(render(r)) == r``.
"""

from .faq import infer_question
from .parser import MAX_BYTES, parse_file, parse_text
from .records import (
    FAQ,
    PRIORITIES,
    PRIORITY_LABELS,
    Guide,
    Hub,
    HubPathway,
    Phase,
    Range,
    SkillToLearn,
    SourceError,
    TransferableSkill,
)
from .render import render
from .resources import KnownNames, lexicon, split_resources
from .values import parse_salary, parse_timeline

__all__ = [
    "FAQ",
    "MAX_BYTES",
    "PRIORITIES",
    "PRIORITY_LABELS",
    "Guide",
    "Hub",
    "HubPathway",
    "KnownNames",
    "Phase",
    "Range",
    "SkillToLearn",
    "SourceError",
    "TransferableSkill",
    "infer_question",
    "lexicon",
    "parse_file",
    "parse_salary",
    "parse_text",
    "parse_timeline",
    "render",
    "split_resources",
]
