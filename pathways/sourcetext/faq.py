"""Questions for FAQ answers whose questions the source pages lost.

Each topic has a few keywords and a question template; the topic whose
keywords an answer uses most wins (ties go to the earlier topic), and a
question already asked on the page gives way to the next best topic. The
result depends only on the answer, the role names and the questions before
it, so re-parsing a rendered page infers the same questions again.
"""

import re
from collections.abc import Container
from dataclasses import dataclass

from .wording import with_article

_WORDS = re.compile(r"[a-z0-9$%']+")


@dataclass(frozen=True)
class _Topic:
    keywords: frozenset[str]
    question: str  # formatted with from_role, to_role, a_from, a_to


def _topic(keywords: str, question: str) -> _Topic:
    return _Topic(frozenset(keywords.split()), question)


_TOPICS = (
    _topic(
        "salary salaries earn earns earning earnings pay paid compensation income raise $",
        "How much more can I earn as {a_to} than as {a_from}?",
    ),
    _topic(
        "long months month weeks week timeline year years time quickly fast realistically",
        "How long does it take to move from {from_role} to {to_role}?",
    ),
    _topic(
        "degree degrees certification certifications certificate certificates phd "
        "master's bootcamp bootcamps credential credentials",
        "Do I need a degree or certification to become {a_to}?",
    ),
    _topic(
        "hard harder difficult difficulty challenging tough easy easier struggle",
        "How hard is it to move from {from_role} to {to_role}?",
    ),
    _topic(
        "job jobs hire hired hiring interview interviews portfolio resume apply employers",
        "How do I land my first job as {a_to}?",
    ),
    _topic(
        "code coding programming program",
        "Will I still write code as {a_to}?",
    ),
)
_FALLBACK = "What should I know before moving from {from_role} to {to_role}?"


def infer_question(
    answer: str, from_role: str, to_role: str, asked: Container[str] = frozenset()
) -> str:
    """A specific question that ``answer`` answers, for a move from one role to another.

    ``asked`` holds the questions already on the page; a topic whose question
    is among them is skipped in favour of the next one the answer touches.
    """
    words = set(_WORDS.findall(answer.lower()))
    if "$" in answer:
        words.add("$")
    scored = sorted(
        ((len(topic.keywords & words), -index, topic) for index, topic in enumerate(_TOPICS)),
        key=lambda item: (item[0], item[1]),
        reverse=True,
    )
    names = {
        "from_role": from_role,
        "to_role": to_role,
        "a_from": with_article(from_role),
        "a_to": with_article(to_role),
    }
    for score, _, topic in scored:
        question = topic.question.format(**names)
        if score and question not in asked:
            return question
    return _FALLBACK.format(**names)
