"""Hypothesis strategies for valid Guide and Hub records.

Values are realistic single lines: they start with a letter, end without
spaces, and never coincide with a heading or label of the page layout. Ranges
are generated from their numbers and written out the way pages write them.
"""

from hypothesis import strategies as st

from pathways.sourcetext import (
    FAQ,
    PRIORITIES,
    Guide,
    Hub,
    HubPathway,
    Phase,
    Range,
    SkillToLearn,
    TransferableSkill,
    infer_question,
)
from pathways.sourcetext import layout as L

RESERVED = frozenset(
    {
        *L.SECTION_HEADINGS,
        *L.STAT_LABELS,
        *L.INTROS.values(),
        *L.REALITY_LISTS,
        *L.ACTION_LISTS,
        L.TASKS,
        L.RESOURCES,
        L.GUIDE_CLOSING_TEXT,
        L.HUB_CLOSING,
    }
)

_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ\u00e9\u00fc\u00df\u00e7"
# Punctuation and typography pages really contain, including the bullet sign.
_MARKS = [
    ",",
    ";",
    ":",
    "\u2014",
    "\u2013",
    "\u2019s",
    "'s",
    "(e.g.,",
    ")",
    "&",
    "%",
    "$85k",
    "\u2022",
    "\u201cquoted\u201d",
    "/",
    "12-18",
    "+20%",
]

words = st.text(alphabet=_LETTERS, min_size=1, max_size=9)
first_words = st.builds(
    lambda head, tail: head + tail,
    st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ\u00c9"),
    st.text(alphabet=_LETTERS, max_size=8),
)
tokens = st.one_of(words, words, words, st.sampled_from(_MARKS))


def _line(end: str = "") -> st.SearchStrategy[str]:
    return (
        st.builds(
            lambda first, rest: " ".join([first, *rest]) + end,
            first_words,
            st.lists(tokens, max_size=10),
        )
        .filter(lambda text: L.normalise(text) not in RESERVED)
        .filter(lambda text: not L.WEEKS.fullmatch(text))
    )


names = _line()
sentences = _line(".")
questions = _line("?")
paragraphs = st.lists(sentences, min_size=1, max_size=2).map("\n".join)
overviews = st.lists(paragraphs, max_size=3).map("\n\n".join)

_ROLE_WORDS = [
    "AI",
    "ML",
    "UX",
    "iOS",
    "Backend",
    "Data",
    "Product",
    "Platform",
    "Applied",
    "Cloud",
    "Security",
    "Generative",
    "Engineer",
    "Manager",
    "Scientist",
    "Designer",
    "Analyst",
    "Developer",
    "\u00c9lan",
]
roles = st.lists(st.sampled_from(_ROLE_WORDS), min_size=1, max_size=3).map(" ".join)
months = st.none() | st.integers(min_value=0, max_value=9999)
week_counts = st.integers(min_value=1, max_value=9999)


@st.composite
def timelines(draw) -> Range:
    if draw(st.booleans()):
        return Range(draw(names), None, None)
    low = draw(st.integers(min_value=0, max_value=99))
    high = draw(st.none() | st.integers(min_value=0, max_value=99))
    unit, factor = draw(st.sampled_from([("months", 1), ("month", 1), ("years", 12), ("year", 12)]))
    if high is None:
        return Range(f"{low} {unit}", low * factor, low * factor)
    dash = draw(st.sampled_from(["-", "\u2013", " to ", " \u2013 "]))
    return Range(f"{low}{dash}{high} {unit}", min(low, high) * factor, max(low, high) * factor)


@st.composite
def salary_changes(draw) -> Range:
    if draw(st.booleans()):
        return Range(draw(names), None, None)
    signs = st.sampled_from([("+", 1), ("-", -1), ("\u2212", -1), ("", 1)])
    (sign, factor), low = draw(signs), draw(st.integers(min_value=0, max_value=300))
    if draw(st.booleans()):
        return Range(f"{sign}{low}%", factor * low, factor * low)
    (sign2, factor2), high = draw(signs), draw(st.integers(min_value=0, max_value=300))
    values = (factor * low, factor2 * high)
    return Range(f"{sign}{low}% to {sign2}{high}%", min(values), max(values))


phases_lists = st.lists(
    st.tuples(
        names,
        week_counts,
        st.lists(sentences, min_size=1, max_size=3).map(tuple),
        st.lists(names, max_size=3).map(tuple),
    ),
    max_size=3,
).map(lambda items: tuple(Phase(i + 1, *item) for i, item in enumerate(items)))

bullet_lists = st.lists(sentences, max_size=3).map(tuple)


@st.composite
def faq_lists(draw, from_role: str, to_role: str) -> tuple[FAQ, ...]:
    faqs: list[FAQ] = []
    for answer in draw(st.lists(sentences, max_size=3)):
        if draw(st.booleans()):
            faqs.append(FAQ(draw(questions), answer, question_inferred=False))
        else:
            asked = {faq.question for faq in faqs}
            question = infer_question(answer, from_role, to_role, asked)
            faqs.append(FAQ(question, answer, question_inferred=True))
    return tuple(faqs)


@st.composite
def guides(draw) -> Guide:
    from_role, to_role, guide_months = draw(roles), draw(roles), draw(months)
    return Guide(
        from_role=from_role,
        to_role=to_role,
        title=L.guide_title(from_role, to_role, guide_months),
        guide_months=guide_months,
        views=draw(st.none() | st.integers(min_value=0, max_value=10**12)),
        difficulty=draw(st.sampled_from(["Easy", "Moderate", "Challenging"]) | names),
        timeline=draw(timelines()),
        salary_change=draw(salary_changes()),
        demand=draw(sentences),
        overview=draw(overviews),
        transferable_skills=tuple(
            draw(st.lists(st.builds(TransferableSkill, names, sentences), max_size=3))
        ),
        skills_to_learn=tuple(
            draw(
                st.lists(
                    st.builds(
                        SkillToLearn, names, st.sampled_from(PRIORITIES), week_counts, sentences
                    ),
                    max_size=3,
                )
            )
        ),
        roadmap=draw(phases_lists),
        love=draw(bullet_lists),
        miss=draw(bullet_lists),
        challenges=draw(bullet_lists),
        this_week=draw(bullet_lists),
        this_month=draw(bullet_lists),
        next_90_days=draw(bullet_lists),
        faqs=draw(faq_lists(from_role, to_role)),
    )


@st.composite
def hub_pathways(draw) -> HubPathway:
    from_role, to_role, guide_months = draw(roles), draw(roles), draw(months)
    title = L.guide_title(from_role, to_role, guide_months)
    return HubPathway(from_role, to_role, title, guide_months, draw(sentences))


hubs = st.builds(
    Hub,
    role=roles,
    intro=sentences,
    role_description=sentences,
    pathways=st.lists(
        hub_pathways(),
        max_size=4,
        unique_by=lambda p: (p.from_role.casefold(), p.to_role.casefold()),
    ).map(tuple),
)
