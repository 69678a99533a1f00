"""Values longer than their database columns, found before anything is written.

PostgreSQL refuses an over-long value, SQLite stores it: checking here gives
both the same clear ``file:line`` error instead of a database error halfway.
"""

from pathlib import Path

from ..models import FAQ, Pathway, RoadmapPhase, Role, Skill, TransferableSkill
from ..sourcetext import records as rec


def _limit(model, field: str) -> int:
    return model._meta.get_field(field).max_length


def _values(record) -> list[tuple[str, str, int]]:
    """(what, value, limit) for every length-limited value in a record."""
    role = _limit(Role, "name")
    if isinstance(record, rec.Hub):
        return [("role name", record.role, role)] + [
            value for listed in record.pathways for value in _values(listed)
        ]
    values = [
        ("role name", record.from_role, role),
        ("role name", record.to_role, role),
        ("title", record.title, _limit(Pathway, "title")),
    ]
    if isinstance(record, rec.Guide):
        values += [
            ("difficulty", record.difficulty, _limit(Pathway, "difficulty")),
            ("timeline", record.timeline.text, _limit(Pathway, "timeline_text")),
            ("salary change", record.salary_change.text, _limit(Pathway, "salary_change_text")),
        ]
        values += [
            ("transferable skill", s.name, _limit(TransferableSkill, "name"))
            for s in record.transferable_skills
        ]
        values += [("skill", s.name, _limit(Skill, "name")) for s in record.skills_to_learn]
        values += [("phase title", p.title, _limit(RoadmapPhase, "title")) for p in record.roadmap]
        values += [("question", f.question, _limit(FAQ, "question")) for f in record.faqs]
    return values


def line_of(path: str, value: str) -> int:
    """The first line of the source file holding ``value`` (1 when it cannot be told)."""
    try:
        text = Path(path).read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return 1
    at = text.find(value)
    return text.count("\n", 0, at) + 1 if at >= 0 else 1


def length_errors(path: str, record) -> list[str]:
    """``file:line: …`` for each value too long to store."""
    errors = []
    for what, value, limit in _values(record):
        if len(value) > limit:
            errors.append(
                f"{path}:{line_of(path, value)}: {what} {value[:40]!r}… is {len(value):,} "
                f"characters long; the most is {limit}"
            )
    return errors
