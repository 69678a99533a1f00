"""Plain records a source page parses into (no Django import).

The importer maps these onto models; the exporter builds them back from
models, and ``render`` turns them into source text again.
"""

from dataclasses import dataclass, field

PRIORITIES = ("critical", "important", "nice_to_have")
PRIORITY_LABELS = {"critical": "Critical", "important": "Important", "nice_to_have": "Nice to have"}


@dataclass(frozen=True)
class Range:
    """A figure as written ("6-9 months", "+20% to +50%") and the numbers in it."""

    text: str
    min: int | None
    max: int | None


@dataclass(frozen=True)
class TransferableSkill:
    name: str
    description: str


@dataclass(frozen=True)
class SkillToLearn:
    name: str
    priority: str  # one of PRIORITIES
    weeks: int
    description: str


@dataclass(frozen=True)
class Phase:
    order: int
    title: str
    weeks: int
    tasks: tuple[str, ...]
    resources: tuple[str, ...]


@dataclass(frozen=True)
class FAQ:
    question: str
    answer: str
    question_inferred: bool


@dataclass(frozen=True)
class Guide:
    """A full transition guide page."""

    from_role: str
    to_role: str
    title: str
    guide_months: int | None
    views: int | None
    difficulty: str
    timeline: Range
    salary_change: Range
    demand: str
    overview: str  # Markdown, paragraphs separated by a blank line
    transferable_skills: tuple[TransferableSkill, ...]
    skills_to_learn: tuple[SkillToLearn, ...]
    roadmap: tuple[Phase, ...]
    love: tuple[str, ...]
    miss: tuple[str, ...]
    challenges: tuple[str, ...]
    this_week: tuple[str, ...]
    this_month: tuple[str, ...]
    next_90_days: tuple[str, ...]
    faqs: tuple[FAQ, ...]


@dataclass(frozen=True)
class HubPathway:
    """A pathway as a hub lists it: its title and a one-paragraph summary."""

    from_role: str
    to_role: str
    title: str
    guide_months: int | None
    summary: str


@dataclass(frozen=True)
class Hub:
    """A "How to Become a <Role>" page."""

    role: str
    intro: str  # "Discover 3+ transition paths ..."
    role_description: str  # what the target role does
    pathways: tuple[HubPathway, ...] = field(default=())


class SourceError(Exception):
    """A source page that cannot be read; str() is ``file:line: what is wrong``."""

    def __init__(self, path: str, line: int, message: str):
        super().__init__(path, line, message)
        self.path, self.line, self.message = path, line, message

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"
