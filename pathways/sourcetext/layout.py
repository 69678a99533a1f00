"""The fixed wording of source pages, shared by the parser and the renderer.

Headings, the site's boilerplate sentences and the title formats live here so
that what the renderer writes is exactly what the parser expects.
"""

import re

from .wording import with_article

# Guide sections, in the order a page must give them.
OVERVIEW = "Overview"
TRANSFERABLE = "Your Transferable Skills"
TO_LEARN = "Skills You'll Need to Learn"
ROADMAP = "Your Learning Roadmap"
REALITY = "Reality Check"
START = "Start Your Journey Now"
FAQS = "Frequently Asked Questions"
GUIDE_CLOSING = "Ready to Start Your Transition?"
SECTIONS = (OVERVIEW, TRANSFERABLE, TO_LEARN, ROADMAP, REALITY, START, FAQS)
# Any of these where content is expected means a section is out of place.
SECTION_HEADINGS = frozenset((*SECTIONS, GUIDE_CLOSING))

STAT_LABELS = ("Difficulty", "Timeline", "Salary Change", "Demand")

# Site chrome under a heading: recognised and skipped, never stored.
INTROS = {
    TRANSFERABLE: (
        "Great news! You already have valuable skills that will give you a head start "
        "in this transition."
    ),
    TO_LEARN: "Here's what you'll need to learn, prioritized by importance for your transition.",
    ROADMAP: "Follow this step-by-step roadmap to successfully make your career transition.",
    REALITY: "Before making this transition, here's an honest look at what to expect.",
    START: "Don't wait. Here's your action plan starting today.",
}
GUIDE_CLOSING_TEXT = (
    "Take the next step in your career journey. Get personalized recommendations and a "
    "detailed roadmap tailored to your background."
)

LOVE, MISS, CHALLENGES = "What You'll Love", "What You Might Miss", "Biggest Challenges"
REALITY_LISTS = (LOVE, MISS, CHALLENGES)
THIS_WEEK, THIS_MONTH, NEXT_90_DAYS = "This Week", "This Month", "Next 90 Days"
ACTION_LISTS = (THIS_WEEK, THIS_MONTH, NEXT_90_DAYS)
TASKS, RESOURCES = "Tasks", "Resources"

BULLET = "  • "
BULLET_LINE = re.compile(r"[ \t]*•[ \t]*")

# Numbers are bounded so a runaway figure fails to match instead of overflowing.

# Hub pages.
HUB_TITLE = re.compile(r"How to Become an? (?P<role>\S.*)")
TARGET = re.compile(r"Target Career:[ \t]*(?P<role>\S.*)")
PATHS_HEADING = re.compile(r"Transition Paths from Different Backgrounds \((?P<count>\d{1,6})\)")
HUB_CLOSING = "Ready to Start Your Journey?"

# "From X to Y: Your 6-Month Transition Guide", or without the months.
GUIDE_TITLE = re.compile(
    r"From (?P<roles>\S.*?): (?:Your (?P<months>\d{1,4})-Months? )?Transition Guide"
)
# How refusals describe a guide title.
GUIDE_TITLE_FORMAT = "'From <role> to <role>: Your N-Month Transition Guide'"
VIEWS_LINE = re.compile(
    r"Career Pathway(?:[ \t]*(?P<views>\d{1,3}(?:,\d{3}){1,4}|\d{1,15}) views?)?"
)
WEEKS = re.compile(r"(?P<weeks>\d{1,4})[ \t]*weeks?")
PHASE_NUMBER = re.compile(r"\d{1,4}")


def normalise(line: str) -> str:
    """A line as headings are compared: curly apostrophes count as straight ones."""
    return line.replace("\u2019", "'")


def guide_title(from_role: str, to_role: str, months: int | None) -> str:
    """The title of a guide (and of its entry on a hub)."""
    if months is None:
        return f"From {from_role} to {to_role}: Transition Guide"
    return f"From {from_role} to {to_role}: Your {months}-Month Transition Guide"


def views_line(views: int | None) -> str:
    """The first line of a guide: "Career Pathway1,204 views", or no count at all."""
    return "Career Pathway" if views is None else f"Career Pathway{views:,} views"


def weeks_text(weeks: int) -> str:
    """Weeks as pages write them: "1 week", "6 weeks"."""
    return "1 week" if weeks == 1 else f"{weeks} weeks"


def hub_title(role: str) -> str:
    """The hub title, with "a" or "an" as the role needs: "How to Become an AI Engineer"."""
    return f"How to Become {with_article(role)}"


def hub_closing_text(role: str) -> str:
    """The boilerplate under a hub's closing heading, which names the role."""
    return (
        f"Take our free career assessment to see if {role} is the right fit for you, "
        "and get personalized recommendations based on your background."
    )


def paths_heading(count: int) -> str:
    """The hub heading that counts its transition paths."""
    return f"Transition Paths from Different Backgrounds ({count})"
