"""Source text for benchmarks: realistic guides and hubs from a fixed seed.

``records`` builds ``Guide`` and ``Hub`` records between a fixed set of roles;
``write`` renders them with the real renderer into ``.txt`` files, which the
real importer then reads. The same seed always gives the same text, so runs
measure the same content every time.
"""

import random
from dataclasses import dataclass
from pathlib import Path

from pathways.sourcetext import records as rec

ROLE_FIELDS = (
    "Data",
    "Cloud",
    "Security",
    "Mobile",
    "Product",
    "Marketing",
    "Finance",
    "Healthcare",
    "Retail",
    "Legal",
    "Design",
    "Research",
    "Sales",
    "Logistics",
    "Energy",
    "Media",
    "Education",
    "Game",
    "Robotics",
    "Platform",
)
ROLE_JOBS = (
    "Analyst",
    "Engineer",
    "Manager",
    "Designer",
    "Consultant",
    "Specialist",
    "Architect",
    "Scientist",
    "Coordinator",
    "Strategist",
)
MAX_ROLES = len(ROLE_FIELDS) * len(ROLE_JOBS)

SKILLS = (
    "Stakeholder Management",
    "Risk Management",
    "Budget Planning",
    "Statistics",
    "Data Visualisation",
    "Public Speaking",
    "Technical Writing",
    "Negotiation",
    "User Research",
    "Prototyping",
    "Agile Delivery",
    "Process Mapping",
    "Financial Modelling",
    "Vendor Management",
    "Team Leadership",
    "Experiment Design",
    "Customer Interviews",
    "Roadmap Planning",
    "Systems Thinking",
    "Quality Assurance",
    "Regulatory Compliance",
    "Forecasting",
    "Change Management",
    "Copywriting",
    "Coaching",
    "Incident Response",
    "Capacity Planning",
    "Pricing Strategy",
    "Market Analysis",
    "Accessibility",
)
PHASE_TITLES = (
    "Foundations",
    "Core Skills",
    "Hands-on Practice",
    "Portfolio Building",
    "Specialisation",
    "Networking",
    "Job Search and Positioning",
)
RESOURCES = (
    "Coursera: Foundations of the field",
    "Book: A practical handbook for newcomers",
    "Local meetup groups",
    "Online community forums",
    "Mentorship programme at work",
    "Industry reports and case studies",
    "Open courseware lectures",
    "Podcast interviews with practitioners",
    "Templates from professional bodies",
    "Certification study guide",
)
DIFFICULTIES = ("Easy", "Moderate", "Challenging", "Hard")
WORDS = (
    "teams",
    "projects",
    "customers",
    "data",
    "systems",
    "decisions",
    "plans",
    "budgets",
    "reports",
    "goals",
    "experience",
    "skills",
    "knowledge",
    "practice",
    "results",
    "quality",
    "delivery",
    "priorities",
    "risks",
    "stakeholders",
    "processes",
    "tools",
    "products",
    "services",
    "markets",
    "insight",
    "confidence",
    "communication",
    "leadership",
    "analysis",
    "research",
    "feedback",
    "growth",
    "progress",
    "value",
    "impact",
)
VERBS = (
    "builds",
    "improves",
    "shapes",
    "supports",
    "explains",
    "measures",
    "guides",
    "reviews",
    "organises",
    "balances",
    "connects",
    "strengthens",
    "clarifies",
    "prepares",
    "delivers",
)
ADJECTIVES = (
    "practical",
    "steady",
    "clear",
    "useful",
    "strong",
    "careful",
    "broad",
    "focused",
    "reliable",
    "thoughtful",
    "structured",
    "realistic",
    "valuable",
    "modern",
    "essential",
)


def role_names(count: int = MAX_ROLES) -> list[str]:
    """``count`` distinct role names such as "Data Analyst", in a fixed order."""
    if not 2 <= count <= MAX_ROLES:
        raise ValueError(f"between 2 and {MAX_ROLES} roles, not {count}")
    names = [f"{field} {job}" for job in ROLE_JOBS for field in ROLE_FIELDS]
    return names[:count]


def _sentence(rng: random.Random) -> str:
    words = [
        rng.choice(ADJECTIVES) if i % 3 == 1 else rng.choice(WORDS)
        for i in range(rng.randint(6, 9))
    ]
    words.insert(2, rng.choice(VERBS))
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng) for _ in range(sentences))


def _items(rng: random.Random, count: int) -> tuple[str, ...]:
    return tuple(_sentence(rng)[:-1] for _ in range(count))


def guide_title(from_role: str, to_role: str, months: int) -> str:
    return f"From {from_role} to {to_role}: Your {months}-Month Transition Guide"


def guide(from_role: str, to_role: str, rng: random.Random) -> rec.Guide:
    """A full guide about the size of a real one (6-9 KB of source text)."""
    low = rng.randint(3, 12)
    high = low + rng.randint(1, 6)
    salary = rng.randint(-10, 40)
    months = rng.randint(3, 12)
    skill_names = rng.sample(SKILLS, 11)
    return rec.Guide(
        from_role=from_role,
        to_role=to_role,
        title=guide_title(from_role, to_role, months),
        guide_months=months,
        views=rng.randint(0, 5000),
        difficulty=rng.choice(DIFFICULTIES),
        timeline=rec.Range(f"{low}-{high} months", low, high),
        salary_change=rec.Range(f"{salary:+d}%", salary, salary),
        demand=_sentence(rng),
        overview=_paragraph(rng, 5) + "\n\n" + _paragraph(rng, 5),
        transferable_skills=tuple(
            rec.TransferableSkill(name, _paragraph(rng, 2)) for name in skill_names[:5]
        ),
        skills_to_learn=tuple(
            rec.SkillToLearn(
                name, rng.choice(rec.PRIORITIES), rng.randint(1, 8), _paragraph(rng, 1)
            )
            for name in skill_names[5:]
        ),
        roadmap=tuple(
            rec.Phase(
                order,
                title,
                rng.randint(2, 8),
                _items(rng, 3),
                tuple(rng.sample(RESOURCES, rng.randint(2, 3))),
            )
            for order, title in enumerate(PHASE_TITLES[: rng.randint(4, 6)], start=1)
        ),
        love=_items(rng, 4),
        miss=_items(rng, 4),
        challenges=_items(rng, 3),
        this_week=_items(rng, 3),
        this_month=_items(rng, 3),
        next_90_days=_items(rng, 3),
        faqs=tuple(
            rec.FAQ(f"How long does {word} take to build?", _paragraph(rng, 2), False)
            for word in rng.sample(WORDS, 3)
        ),
    )


def hub(role: str, guides: list[rec.Guide], rng: random.Random) -> rec.Hub:
    """A hub for ``role`` listing the first few guides into it, each with a summary."""
    listed = guides[:6]
    return rec.Hub(
        role=role,
        intro=(
            f"Discover {len(listed)}+ transition paths from various backgrounds to become "
            f"{'an' if role[0] in 'AEIOU' else 'a'} {role}. " + _paragraph(rng, 1)
        ),
        role_description=_paragraph(rng, 2),
        pathways=tuple(
            rec.HubPathway(g.from_role, g.to_role, g.title, g.guide_months, _paragraph(rng, 4))
            for g in listed
        ),
    )


def records(pathways: int, roles: int = MAX_ROLES, seed: int = 7) -> list[rec.Guide | rec.Hub]:
    """``pathways`` guides between ``roles`` roles, then one hub per role they lead to."""
    names = role_names(roles)
    if pathways > len(names) * (len(names) - 1):
        raise ValueError(f"{roles} roles allow at most {len(names) * (len(names) - 1)} pathways")
    rng = random.Random(seed)
    pairs: set[tuple[int, int]] = set()
    ordered: list[tuple[int, int]] = []
    while len(ordered) < pathways:
        # Spread targets evenly so every hub has a similar number of paths.
        to_index = len(ordered) % len(names)
        from_index = rng.randrange(len(names))
        pair = (from_index, to_index)
        if from_index != to_index and pair not in pairs:
            pairs.add(pair)
            ordered.append(pair)
    guides = [guide(names[f], names[t], rng) for f, t in ordered]
    by_target: dict[str, list[rec.Guide]] = {}
    for g in guides:
        by_target.setdefault(g.to_role, []).append(g)
    hubs = [hub(role, listed, rng) for role, listed in by_target.items()]
    return [*guides, *hubs]


@dataclass(frozen=True)
class Written:
    folder: Path
    guides: int
    hubs: int
    bytes: int


def write(folder: Path, pathways: int, roles: int = MAX_ROLES, seed: int = 7) -> Written:
    """Render the records of ``records(...)`` into ``folder`` as one .txt file each."""
    from pathways.sourcetext import render

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    guides = hubs = size = 0
    for number, record in enumerate(records(pathways, roles, seed)):
        text = render(record)
        if isinstance(record, rec.Hub):
            name = f"hub-{number:05d}.txt"
            hubs += 1
        else:
            name = f"guide-{number:05d}.txt"
            guides += 1
        (folder / name).write_text(text, encoding="utf-8")
        size += len(text.encode())
    return Written(folder, guides, hubs, size)
