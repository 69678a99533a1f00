"""What differs between two records of a guide or hub, field by field.

Records are the parser's dataclasses (``sourcetext.records``), so the current
database state (``exporting.guide_record``) and an imported page compare the
same way. Lists of parts are matched by what names a part (a skill's name, a
FAQ's question, a phase's number): a part on one side only is added or
removed, a part on both sides lists its own fields that differ. Lines of text
(tasks, reality check, actions) compare as text, a line per item.
"""

from collections import Counter
from dataclasses import fields, is_dataclass

from .revisions import FieldChange
from .sourcetext import records as rec

# Bookkeeping the importer does not treat as content (see ``exporting.digest``).
IGNORED = {"views"}
# How many leading fields name a part; one unless listed.
KEY_FIELDS = {rec.HubPathway: 2}
PART_NAMES = {
    rec.TransferableSkill: "transferable skill",
    rec.SkillToLearn: "skill",
    rec.Phase: "roadmap phase",
    rec.FAQ: "FAQ",
    rec.HubPathway: "pathway",
}


def diff_records(before, after, part: str = "") -> list[FieldChange]:
    """Every field that differs between two records of the same kind, parts included."""
    changes = []
    for spec in fields(after):
        if spec.name in IGNORED:
            continue
        old, new = getattr(before, spec.name), getattr(after, spec.name)
        if old == new:
            continue
        where = part or "guide"
        if isinstance(new, tuple) and any(is_dataclass(item) for item in old + new):
            changes += _diff_parts(old, new)
        elif is_dataclass(new):
            changes += [
                FieldChange(where, f"{spec.name} {change.field}", change.before, change.after)
                for change in diff_records(old, new, where)
            ]
        else:
            changes.append(FieldChange(where, spec.name, _plain(old), _plain(new)))
    return changes


def _plain(value):
    """Text for a value; a tuple of lines becomes one line each."""
    if isinstance(value, tuple):
        return "\n".join(str(item) for item in value)
    return value


def _key(item) -> tuple:
    count = KEY_FIELDS.get(type(item), 1)
    return tuple(getattr(item, spec.name) for spec in fields(item)[:count])


def _keyed(items) -> dict:
    """Items by their key; a key used twice is told apart by its occurrence."""
    seen = Counter()
    keyed = {}
    for item in items:
        key = _key(item)
        keyed[(key, seen[key])] = item
        seen[key] += 1
    return keyed


def _name(item) -> str:
    label = PART_NAMES.get(type(item), type(item).__name__)
    key = _key(item)
    shown = " → ".join(str(part) for part in key)
    if isinstance(item, rec.Phase):
        return f"{label} {shown} “{item.title}”"
    return f"{label} “{shown}”"


def _describe(item) -> str:
    """A part as text, a field a line, for a part added or removed."""
    return "\n".join(
        f"{spec.name}: {_plain(getattr(item, spec.name))}"
        for spec in fields(item)
        if spec.name not in IGNORED
    )


def _diff_parts(before, after) -> list[FieldChange]:
    old, new = _keyed(before), _keyed(after)
    changes = []
    for key, item in new.items():
        if key not in old:
            changes.append(FieldChange(_name(item), "added", None, _describe(item)))
        elif old[key] != item:
            changes += diff_records(old[key], item, _name(item))
    for key, item in old.items():
        if key not in new:
            changes.append(FieldChange(_name(item), "removed", _describe(item), None))
    return changes
