"""Reading inputs: source-text files, folders and JSON exports, into items to load.

Nothing here writes to the database; every problem found is collected and
reported as ``file:line: message``.
"""

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from django.utils.text import slugify

from ..models import KnownName
from ..sourcetext import SourceError, parse_file
from ..sourcetext import records as rec
from .limits import length_errors

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
    name: str
    description: str = ""
    parent: str | None = None


def pathway_slug(from_role: str, to_role: str) -> str:
    return f"{slugify(from_role)}-to-{slugify(to_role)}"


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
    errors.extend(conflicts(items))
    if errors:
        raise ImportFailed(errors)
    return items, roles


def conflicts(items: list[Item]) -> list[str]:
    """Records that cannot be stored as they are: values too long for their
    columns, two guides of one pathway, a hub listing a pathway twice."""
    seen: dict[str, str] = {}
    errors = []
    for item in items:
        errors.extend(length_errors(item.path, item.record))
        if isinstance(item.record, rec.Hub):
            key = f"hub {slugify(item.record.role)}"
            listed = [pathway_slug(p.from_role, p.to_role) for p in item.record.pathways]
            errors.extend(
                f"{item.path}:1: {key} lists pathway {slug} more than once"
                for slug in sorted({s for s in listed if listed.count(s) > 1})
            )
        elif isinstance(item.record, rec.Guide):
            key = f"pathway {pathway_slug(item.record.from_role, item.record.to_role)}"
        else:
            continue
        if key in seen:
            errors.append(f"{item.path}:1: {key} is also given by {seen[key]}")
        else:
            seen[key] = item.path
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
        r["slug"]: RoleFacts(r["name"], r["description"] or "", r["parent"]) for r in data["roles"]
    }
    items, by_slug = [], {}
    for p in data["pathways"]:
        from_name, to_name = role_names[p["from_role"]], role_names[p["to_role"]]
        if p["difficulty"] is None and p["timeline"] is None:
            record = rec.HubPathway(
                from_name, to_name, p["title"], p["guide_months"], p["overview"] or ""
            )
        else:
            record = _guide_from_json(p, from_name, to_name)
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


def _guide_from_json(p: dict, from_name: str, to_name: str) -> rec.Guide:
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
