"""Reading inputs: source-text files, folders and JSON exports, into items to load.

Nothing here writes to the database; every problem found is collected and
reported as ``file:line: message``.
"""

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..addresses import is_slug, pathway_slug, role_slug
from ..models import KnownName, Role
from ..sourcetext import SourceError, parse_file
from ..sourcetext import records as rec
from ..sourcetext.values import role_name_problem
from .limits import length_errors, line_of

SOURCE_SUFFIXES = {".txt", ".json"}
MAX_JSON_BYTES = 64 * 1024 * 1024


class ImportFailed(Exception):
    """One or more inputs were refused; ``errors`` holds ``file:line: message`` lines."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class Item:
    """One record to load, where it came from, and what a JSON export adds to it."""

    path: str
    record: rec.Guide | rec.Hub | rec.HubPathway
    status: str | None = None
    views: int | None = None


@dataclass
class RoleFacts:
    """A role as an export gives it (keyed by its address)."""

    name: str
    description: str = ""
    parent: str | None = None
    path: str = "<export>"  # the export it comes from, for error messages


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files named directly, and the source files inside folders, in name order."""
    files, missing = [], []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in SOURCE_SUFFIXES)
            )
        elif path.is_file():
            files.append(path)
        else:
            missing.append(f"{path}:1: no such file or folder")
    if missing:
        raise ImportFailed(missing)
    return files


def known_names() -> list[str]:
    """Names editors added in the admin, on top of the shipped lexicon."""
    return list(KnownName.objects.values_list("name", flat=True))


def read_sources(paths: Iterable[str | Path]) -> tuple[list[Item], dict[str, RoleFacts]]:
    """Parse every input; raise ImportFailed listing every bad one."""
    names = known_names()
    items: list[Item] = []
    roles: dict[str, RoleFacts] = {}
    errors: list[str] = []
    for path in collect_files(paths):
        try:
            if path.suffix == ".json":
                more_items, more_roles = read_export(path)
                items.extend(more_items)
                roles.update(more_roles)
            else:
                items.append(Item(str(path), parse_file(path, known_names=names)))
        except SourceError as error:
            errors.append(str(error))
    errors.extend(conflicts(items, addressed=frozenset(facts.name for facts in roles.values())))
    if errors:
        raise ImportFailed(errors)
    return items, roles


def conflicts(items: list[Item], addressed: frozenset[str] = frozenset()) -> list[str]:
    """Records that cannot be stored as they are: values too long for their
    columns, role names that make no address (other than the ``addressed``
    ones, which an export gives with theirs), two guides of one pathway, a
    hub listing a pathway twice."""
    seen: dict[str, str] = {}
    errors = []
    for item in items:
        errors.extend(length_errors(item.path, item.record))
        errors.extend(
            address_errors(item.path, [n for n in _role_names(item.record) if n not in addressed])
        )
        if isinstance(item.record, rec.Hub):
            key = f"hub {role_slug(item.record.role)}"
            listed = [_pathway_slug(p) for p in item.record.pathways]
            errors.extend(
                f"{item.path}:1: {key} lists pathway {slug} more than once"
                for slug in sorted({s for s in listed if listed.count(s) > 1})
            )
        elif isinstance(item.record, rec.Guide):
            key = f"pathway {_pathway_slug(item.record)}"
        else:
            continue
        if key in seen:
            errors.append(f"{item.path}:1: {key} is also given by {seen[key]}")
        else:
            seen[key] = item.path
    return errors


def _pathway_slug(record: rec.Guide | rec.HubPathway) -> str:
    return pathway_slug(role_slug(record.from_role), role_slug(record.to_role))


def _role_names(record) -> list[str]:
    """The role names a record gives, each once."""
    if isinstance(record, rec.Hub):
        names = [record.role]
        names += [name for p in record.pathways for name in (p.from_role, p.to_role)]
    else:
        names = [record.from_role, record.to_role]
    return list(dict.fromkeys(names))


def address_errors(path: str, names: list[str]) -> list[str]:
    """``file:line: …`` for each role name that cannot make a page address:
    no letter or digit, or an address longer than its column (a name within
    its own limit can still grow: NFKC spells "㍿" as "株式会社")."""
    name_limit = Role._meta.get_field("name").max_length
    slug_limit = Role._meta.get_field("slug").max_length
    errors = []
    for name in names:
        if problem := role_name_problem(name):
            errors.append(f"{path}:{line_of(path, name)}: {problem}")
        elif len(name) <= name_limit and len(slug := role_slug(name)) > slug_limit:
            errors.append(
                f"{path}:{line_of(path, name)}: role name {name[:40]!r}… makes an address "
                f"{len(slug):,} characters long; the most is {slug_limit}"
            )
    return errors


def read_export(path: Path) -> tuple[list[Item], dict[str, RoleFacts]]:
    """Items and role facts from a schema-1 JSON export."""
    if path.stat().st_size > MAX_JSON_BYTES:
        raise SourceError(str(path), 1, "file is too large for an export")
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError as error:
        raise SourceError(str(path), 1, f"not UTF-8 text ({error.reason})") from None
    except json.JSONDecodeError as error:
        raise SourceError(str(path), error.lineno, f"not valid JSON: {error.msg}") from None
    if not isinstance(data, dict) or data.get("schema") != 1:
        raise SourceError(str(path), 1, 'not a schema 1 export (expected {"schema": 1, ...})')
    try:
        return _export_items(str(path), data)
    except (KeyError, TypeError, ValueError) as error:
        raise SourceError(str(path), 1, f"export is missing or mistypes a field: {error}") from None


def _export_items(path: str, data: dict) -> tuple[list[Item], dict[str, RoleFacts]]:
    role_names = {r["slug"]: r["name"] for r in data["roles"]}
    roles = {
        r["slug"]: RoleFacts(r["name"], r["description"] or "", r["parent"], path)
        for r in data["roles"]
    }
    _check_roles(path, roles)
    items, by_slug = [], {}
    for p in data["pathways"]:
        from_name, to_name = role_names[p["from_role"]], role_names[p["to_role"]]
        if p["difficulty"] is None and p["timeline"] is None:
            record = rec.HubPathway(
                from_name, to_name, p["title"], p["guide_months"], p["overview"] or ""
            )
        else:
            record = guide_from_json(p, from_name, to_name)
        by_slug[p["slug"]] = record
        items.append(Item(path, record, status=p["status"], views=p["views"]))
    for hub in data["hubs"]:
        listed = []
        for slug in hub["pathways"]:
            listed_record = by_slug[slug]
            if isinstance(listed_record, rec.Guide):
                listed_record = rec.HubPathway(
                    listed_record.from_role,
                    listed_record.to_role,
                    listed_record.title,
                    listed_record.guide_months,
                    "",
                )
            listed.append(listed_record)
        role = roles[hub["role"]]
        items.append(
            Item(
                path, rec.Hub(role.name, hub["description"] or "", role.description, tuple(listed))
            )
        )
    return items, roles


def _check_roles(path: str, roles: dict[str, RoleFacts]) -> None:
    """Each exported role needs an address the site's URLs accept and a known parent."""
    limit = Role._meta.get_field("slug").max_length
    name_limit = Role._meta.get_field("name").max_length
    for slug, facts in roles.items():
        if (
            not isinstance(facts.name, str)
            or not facts.name.strip()
            or len(facts.name) > name_limit
        ):
            raise SourceError(
                path,
                line_of(path, str(slug)),
                f"role {slug!r} needs a name of 1 to {name_limit} characters",
            )
        if not isinstance(slug, str) or not is_slug(slug) or len(slug) > limit:
            raise SourceError(
                path,
                line_of(path, str(slug)),
                f"role {facts.name!r} has the address {slug!r}: an address is 1 to {limit} "
                "letters, digits, hyphens or underscores",
            )
        if facts.parent is not None and facts.parent not in roles:
            raise SourceError(
                path,
                line_of(path, str(facts.parent)),
                f"role {facts.name!r} names the parent {facts.parent!r}, which is not in the export",
            )


def guide_from_json(p: dict, from_name: str, to_name: str) -> rec.Guide:
    timeline = p["timeline"] or {"text": "", "min_months": None, "max_months": None}
    salary = p["salary_change"] or {"text": "", "min_percent": None, "max_percent": None}
    return rec.Guide(
        from_role=from_name,
        to_role=to_name,
        title=p["title"],
        guide_months=p["guide_months"],
        views=p["views"],
        difficulty=p["difficulty"] or "",
        timeline=rec.Range(timeline["text"], timeline["min_months"], timeline["max_months"]),
        salary_change=rec.Range(salary["text"], salary["min_percent"], salary["max_percent"]),
        demand=p["demand"] or "",
        overview=p["overview"] or "",
        transferable_skills=tuple(rec.TransferableSkill(**s) for s in p["transferable_skills"]),
        skills_to_learn=tuple(rec.SkillToLearn(**s) for s in p["skills_to_learn"]),
        roadmap=tuple(
            rec.Phase(
                ph["order"], ph["title"], ph["weeks"], tuple(ph["tasks"]), tuple(ph["resources"])
            )
            for ph in p["roadmap"]
        ),
        love=tuple(p["reality_check"]["love"]),
        miss=tuple(p["reality_check"]["miss"]),
        challenges=tuple(p["reality_check"]["challenges"]),
        this_week=tuple(p["action_plan"]["this_week"]),
        this_month=tuple(p["action_plan"]["this_month"]),
        next_90_days=tuple(p["action_plan"]["next_90_days"]),
        faqs=tuple(rec.FAQ(**f) for f in p["faqs"]),
    )
