"""Writing items to the database in one transaction, keeping editors' changes.

Roles are found by their rows: a name matches in any case and Unicode form,
and an export's address matches too, so a role renamed in the admin (its
address kept) is still the same role. Pathways are found by their two roles.
"""

import json
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

from django.db import transaction
from django.urls import NoReverseMatch, reverse

from .. import caching, revisions, search
from ..addresses import pathway_slug, role_slug
from ..exporting import digest, guide_record, hub_pathway_record, hub_record, pathways_for_export
from ..models import (
    FAQ,
    GUIDE_PARTS,
    ActionItem,
    Hub,
    HubEntry,
    Pathway,
    PendingChange,
    RealityCheckItem,
    RoadmapPhase,
    Role,
    Skill,
    TransferableSkill,
)
from ..sourcetext import records as rec
from .limits import line_of
from .reading import ImportFailed, Item, RoleFacts

COMMENT_FILES = 5  # input files named in an import's revision comment


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # edited in the admin; kept as edited
    held: list[str] = field(default_factory=list)  # kept: an editor's pending change awaits
    hubs: list[str] = field(default_factory=list)  # hubs created or changed
    rendered: int = 0  # pathways whose guide and card HTML was stored afresh
    render_seconds: float = 0.0
    dry_run: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.hubs)


class _Rollback(Exception):
    pass


def import_items(items, *, roles=None, force=False, dry_run=False, user=None) -> ImportReport:
    """Write the items in one transaction; a dry run reports the same and writes nothing.

    Guides are loaded before hubs, so a hub never overwrites the overview of a
    pathway that has a full guide. A pathway (or hub) whose content was changed
    in the admin since its last import, or that has a pending change waiting to be
    published, is kept unless ``force``. The pathways created or updated are
    recorded in one revision, by ``user`` if given.
    """
    report = ImportReport(dry_run=dry_run)
    try:
        with transaction.atomic():
            # Parts are written with bulk_create: index the pathways once they are.
            with search.indexing_at_end():
                _Loader(report, roles or {}, force).load(items)
            if report.changed:
                # Bulk writes send no signals at all.
                caching.move_content_version_on()
            # In bulk: about 1 s more for 1,000 new guides (12.4 s against 11.2 s
            # on a busy two-core machine, SQLite, rendering included).
            if (report.created or report.updated) and not dry_run:
                slugs = report.created + report.updated
                ids = Pathway.objects.filter(slug__in=slugs).values_list("pk", flat=True)
                revisions.record_many(list(ids), import_comment(items, roles or {}), user)
            if dry_run:
                raise _Rollback
    except _Rollback:
        return report
    # Once committed, so that visitors do not wait for the first rendering.
    started = time.perf_counter()
    report.rendered = caching.store_outdated_html()
    report.render_seconds = time.perf_counter() - started
    return report


def import_comment(items, roles: dict[str, RoleFacts]) -> str:
    """ "Imported from" the input files' names (a few, then how many more)."""
    names = sorted(
        {
            Path(path).name
            for path in [*(i.path for i in items), *(facts.path for facts in roles.values())]
        }
    )
    if names == ["<pasted>"]:
        return "Imported from pasted text"
    shown = ", ".join(names[:COMMENT_FILES])
    more = len(names) - COMMENT_FILES
    return f"Imported from {shown}" + (f" and {more} more" if more > 0 else "")


def _name_key(name: str) -> str:
    """Names of one role: "Ai Project Manager" is "AI Project Manager", in any Unicode form."""
    return unicodedata.normalize("NFKC", name).casefold()


class _Loader:
    def __init__(self, report: ImportReport, role_facts: dict[str, RoleFacts], force: bool):
        self.report = report
        self.role_facts = role_facts
        self.force = force
        roles = list(Role.objects.all())
        self.roles = {role.slug: role for role in roles}  # by address
        self.named = {role.name: role for role in roles}  # by name as written
        self.keyed = {_name_key(role.name): role for role in roles}  # by name in any case
        self.exported = {}  # an export's role address -> the row it is
        pathways = list(pathways_for_export())
        self.pathways = {(p.from_role_id, p.to_role_id): p for p in pathways}
        self.addresses = {p.slug: p for p in pathways}
        self.existing = {p.pk for p in pathways}  # pathways that may have parts already
        # Overwriting these would leave their pending change to undo the import.
        self.pending = set(PendingChange.objects.values_list("pathway_id", flat=True))
        self.given = {}  # pathways given a guide by this import -> by which input
        self.linked = {}  # page addresses the written content links to -> by which input
        self.parts = defaultdict(list)
        self.path = "<roles>"  # the input being loaded, for error messages

    def load(self, items):
        for slug, facts in self.role_facts.items():
            self.path = facts.path
            self.exported[slug] = self.save_exported_role(slug, facts)
        order = {rec.Guide: 0, rec.HubPathway: 1, rec.Hub: 2}
        for item in sorted(items, key=lambda i: order[type(i.record)]):
            self.path = item.path
            if isinstance(item.record, rec.Hub):
                self.save_hub(item.record)
            elif isinstance(item.record, rec.Guide):
                self.save_guide(item)
            else:
                self.save_hub_pathway(item.record, item)
        self._create_parts()
        for slug, facts in self.role_facts.items():
            role = self.exported[slug]
            if facts.parent and not role.parent_id:
                Role.objects.filter(pk=role.pk).update(parent=self.exported[facts.parent])
        self._check_addresses()

    def _link(self, view: str, slug: str):
        self.linked[(view, slug)] = self.path

    def _check_addresses(self):
        """Every page the written content links to has an address.

        Stored HTML is rendered after the commit, where a failure would leave
        committed content that breaks pages; checked here instead, where a dry
        run checks it too and a failure rolls everything back. (A row stored
        before addresses were checked, or edited outside the admin, could
        still lack one.)
        """
        errors = []
        for (view, slug), path in self.linked.items():
            try:
                reverse(f"pathways:{view}", args=[slug])
            except NoReverseMatch:
                errors.append(f"{path}:1: {slug!r} cannot be a page address; fix it in the admin")
        if errors:
            raise ImportFailed(errors)

    def _failed(self, message: str, at: str | None = None) -> ImportFailed:
        """A refusal naming the input and the line holding ``at`` (else line 1).

        Raised inside the transaction, which rolls back.
        """
        line = line_of(self.path, at) if at else 1
        return ImportFailed([f"{self.path}:{line}: {message}"])

    def save_role(self, name: str) -> Role:
        """The role a record names: the row with that name (in any case), or a new one."""
        role = self.named.get(name) or self.keyed.get(_name_key(name))
        if role is not None:
            return role
        slug = role_slug(name)
        taken = self.roles.get(slug)
        if taken is not None:
            # "C++ Developer" and "C Developer" would share one page: refuse
            # rather than merge two roles.
            raise self._failed(
                f"role {name!r} would have the same address ({slug}) as "
                f"the role {taken.name!r}; rename one of them"
            )
        return self._create_role(name, slug)

    def save_exported_role(self, slug: str, facts: RoleFacts) -> Role:
        """The role an export gives by address and name: the row with either, never two.

        An export spells names as stored, so they match exactly: two roles
        whose names differ in case only stay two roles.
        """
        named = self.named.get(facts.name)
        addressed = self.roles.get(slug)
        if named is not None and addressed is not None and named.pk != addressed.pk:
            raise self._failed(
                f"role {facts.name!r} at {slug}: the name is the role at {named.slug} and the "
                f"address is the role {addressed.name!r}; rename one of them in the admin",
                at=f'"slug": {json.dumps(slug, ensure_ascii=False)}',
            )
        role = named or addressed or self._create_role(facts.name, slug, facts.description)
        # In this import the export's name stands for that role, even if renamed since.
        self.named[facts.name] = role
        self.keyed.setdefault(_name_key(facts.name), role)
        return role

    def _create_role(self, name: str, slug: str, description: str = "") -> Role:
        role = Role.objects.create(slug=slug, name=name, description=description)
        self.roles[slug] = role
        self.named[name] = role
        self.keyed[_name_key(name)] = role
        return role

    def _pathway(self, from_role: Role, to_role: Role) -> Pathway | None:
        return self.pathways.get((from_role.pk, to_role.pk))

    def _new_slug(self, from_role: Role, to_role: Role) -> str:
        """The address of a new pathway; refused when another pathway has it."""
        slug = pathway_slug(from_role.slug, to_role.slug)
        other = self.addresses.get(slug)
        if other is not None:
            # "A to B" + "C" and "A" + "B to C" make one address.
            raise self._failed(
                f"the pathway from {from_role.name!r} to {to_role.name!r} would have the same "
                f"address ({slug}) as the pathway {other.title!r}; rename one of the roles"
            )
        if len(slug) > Pathway._meta.get_field("slug").max_length:
            raise self._failed(f"the address {slug[:40]!r}… of the pathway is too long")
        return slug

    def _keep(self, pathway: Pathway):
        """Remember a pathway just written, and the pages its HTML links to."""
        self.pathways[(pathway.from_role_id, pathway.to_role_id)] = pathway
        self.addresses[pathway.slug] = pathway
        self._link("guide", pathway.slug)
        self._link("hub", pathway.to_role.slug)
        self._link("from_role", pathway.from_role.slug)

    def _held(self, pathway: Pathway) -> bool:
        """A pathway with a pending change is kept (and reported) unless ``force``."""
        if pathway.pk in self.pending and not self.force:
            self.report.held.append(pathway.slug)
            return True
        return False

    def _edited(self, stored_digest: str, current_digest: str) -> bool:
        return bool(stored_digest) and stored_digest != current_digest and not self.force

    def save_guide(self, item: Item):
        from_role, to_role = map(self.save_role, (item.record.from_role, item.record.to_role))
        # The rows name the roles, so a record naming them otherwise matches.
        guide: rec.Guide = replace(item.record, from_role=from_role.name, to_role=to_role.name)
        new_digest = digest(guide)
        pathway = self._pathway(from_role, to_role)
        key = (from_role.pk, to_role.pk)
        if key in self.given:
            raise self._failed(
                f"the pathway from {from_role.name!r} to {to_role.name!r} is also given by "
                f"{self.given[key]}"
            )
        self.given[key] = self.path
        if pathway is None:
            pathway = Pathway(
                slug=self._new_slug(from_role, to_role),
                from_role=from_role,
                to_role=to_role,
                status=item.status or Pathway.Status.PUBLISHED,
                views=guide.views or 0,
            )
            self._write_guide(pathway, guide, new_digest)
            self.report.created.append(pathway.slug)
            return
        slug = pathway.slug
        current = digest(guide_record(pathway)) if pathway.has_guide else ""
        if current == new_digest:
            self._set_digest(pathway, new_digest)
            self.report.unchanged.append(slug)
        elif pathway.has_guide and self._edited(pathway.import_digest, current):
            self.report.skipped.append(slug)
        elif self._held(pathway):
            pass
        else:
            self._write_guide(pathway, guide, new_digest)
            self.report.updated.append(slug)

    def _set_digest(self, pathway: Pathway, value: str):
        if pathway.import_digest != value:
            Pathway.objects.filter(pk=pathway.pk).update(import_digest=value)
            pathway.import_digest = value

    def _write_guide(self, pathway: Pathway, guide: rec.Guide, new_digest: str):
        set_guide_fields(pathway, guide)
        pathway.import_digest = new_digest
        if pathway.pk:
            pathway.version += 1
        pathway.save()
        self._keep(pathway)
        self._replace_parts(pathway, guide)

    def _replace_parts(self, pathway: Pathway, guide: rec.Guide):
        """Drop a pathway's old parts now; queue the new ones for ``_create_parts``."""
        if pathway.pk in self.existing:
            for model in GUIDE_PARTS:
                model.objects.filter(pathway=pathway).delete()
        for model, rows in guide_parts(pathway, guide).items():
            self.parts[model].extend(rows)

    def _create_parts(self):
        """Insert every queued part, a few hundred rows per statement."""
        for model, rows in self.parts.items():
            model.objects.bulk_create(rows, batch_size=500)
        self.parts.clear()

    def save_hub_pathway(self, listed: rec.HubPathway, item: Item | None = None) -> Pathway:
        """A pathway a hub lists; creates it (without a guide) when it is new."""
        from_role, to_role = self.save_role(listed.from_role), self.save_role(listed.to_role)
        listed = replace(listed, from_role=from_role.name, to_role=to_role.name)
        pathway = self._pathway(from_role, to_role)
        if pathway is not None and pathway.has_guide:
            return pathway
        new_digest = digest(listed)
        if pathway is None:
            pathway = Pathway(
                slug=self._new_slug(from_role, to_role),
                from_role=from_role,
                to_role=to_role,
                has_guide=False,
                status=(item.status if item else None) or Pathway.Status.PUBLISHED,
                views=(item.views if item else None) or 0,
            )
            self.report.created.append(pathway.slug)
        else:
            current = digest(hub_pathway_record(pathway))
            if current == new_digest or not listed.summary:
                return pathway
            if self._edited(pathway.import_digest, current):
                self.report.skipped.append(pathway.slug)
                return pathway
            if self._held(pathway):
                return pathway
            pathway.version += 1
            self.report.updated.append(pathway.slug)
        pathway.title = listed.title
        pathway.guide_months = listed.guide_months
        pathway.overview = listed.summary
        pathway.import_digest = new_digest
        pathway.save()
        self._keep(pathway)
        return pathway

    def save_hub(self, hub: rec.Hub):
        role = self.save_role(hub.role)
        self._link("hub", role.slug)
        listed = [self.save_hub_pathway(p) for p in hub.pathways]
        if len({p.pk for p in listed}) != len(listed):
            raise self._failed(f"hub {role.slug} lists one pathway under two names of a role")
        shape = rec.Hub(
            role=role.name,
            intro=hub.intro,
            role_description=hub.role_description,
            pathways=tuple(
                rec.HubPathway(p.from_role.name, p.to_role.name, "", None, "") for p in listed
            ),
        )
        existing = Hub.objects.filter(role=role).first()
        new_digest = digest(shape)
        if existing is not None:
            current = digest(_hub_shape(hub_record(existing)))
            if current == new_digest:
                return
            if self._edited(existing.import_digest, current):
                self.report.skipped.append(f"hub {role.slug}")
                return
        hub_row = existing or Hub(role=role)
        hub_row.description = hub.intro
        hub_row.import_digest = new_digest
        hub_row.save()
        if role.description != hub.role_description:
            role.description = hub.role_description
            role.save(update_fields=["description", "updated_at"])
        HubEntry.objects.filter(hub=hub_row).delete()
        HubEntry.objects.bulk_create(
            HubEntry(hub=hub_row, pathway=p, order=i) for i, p in enumerate(listed, 1)
        )
        self.report.hubs.append(role.slug)


def set_guide_fields(pathway: Pathway, guide: rec.Guide) -> None:
    """Copy a guide record's own fields onto its pathway (not saved; views stay as counted)."""
    pathway.title = guide.title
    pathway.guide_months = guide.guide_months
    pathway.has_guide = True
    pathway.difficulty = guide.difficulty
    pathway.timeline_text = guide.timeline.text
    pathway.timeline_min_months = guide.timeline.min
    pathway.timeline_max_months = guide.timeline.max
    pathway.salary_change_text = guide.salary_change.text
    pathway.salary_min_percent = guide.salary_change.min
    pathway.salary_max_percent = guide.salary_change.max
    pathway.demand = guide.demand
    pathway.overview = guide.overview


def guide_parts(pathway: Pathway, guide: rec.Guide) -> dict:
    """The rows of a guide record's parts, unsaved, by model."""
    parts = defaultdict(list)
    parts[TransferableSkill].extend(
        TransferableSkill(pathway=pathway, order=i, name=s.name, description=s.description)
        for i, s in enumerate(guide.transferable_skills, 1)
    )
    parts[Skill].extend(
        Skill(
            pathway=pathway,
            order=i,
            name=s.name,
            priority=s.priority,
            weeks=s.weeks,
            description=s.description,
        )
        for i, s in enumerate(guide.skills_to_learn, 1)
    )
    parts[RoadmapPhase].extend(
        RoadmapPhase(
            pathway=pathway,
            order=p.order,
            title=p.title,
            weeks=p.weeks,
            tasks="\n".join(p.tasks),
            resources="\n".join(p.resources),
        )
        for p in guide.roadmap
    )
    kinds = RealityCheckItem.Kind
    parts[RealityCheckItem].extend(
        RealityCheckItem(pathway=pathway, kind=kind, order=i, text=text)
        for kind, texts in (
            (kinds.LOVE, guide.love),
            (kinds.MISS, guide.miss),
            (kinds.CHALLENGE, guide.challenges),
        )
        for i, text in enumerate(texts, 1)
    )
    when = ActionItem.When
    parts[ActionItem].extend(
        ActionItem(pathway=pathway, when=period, order=i, text=text)
        for i, (period, text) in enumerate(
            [(when.THIS_WEEK, t) for t in guide.this_week]
            + [(when.THIS_MONTH, t) for t in guide.this_month]
            + [(when.NEXT_90_DAYS, t) for t in guide.next_90_days],
            1,
        )
    )
    parts[FAQ].extend(
        FAQ(
            pathway=pathway,
            order=i,
            question=f.question,
            answer=f.answer,
            question_inferred=f.question_inferred,
        )
        for i, f in enumerate(guide.faqs, 1)
    )
    return parts


def write_guide(pathway: Pathway, guide: rec.Guide) -> None:
    """Write a guide record onto a saved pathway and replace its parts, as an import does.

    For one pathway outside an import (publishing an editor's pending change):
    the caller sets ``version`` and ``import_digest`` and holds the transaction.
    """
    with search.indexing_at_end():
        set_guide_fields(pathway, guide)
        pathway.save()
        for model in GUIDE_PARTS:
            model.objects.filter(pathway=pathway).delete()
        for model, rows in guide_parts(pathway, guide).items():
            model.objects.bulk_create(rows, batch_size=500)


def _hub_shape(hub: rec.Hub) -> rec.Hub:
    """What a hub itself holds: its texts and which pathways it lists, in order."""
    return rec.Hub(
        role=hub.role,
        intro=hub.intro,
        role_description=hub.role_description,
        pathways=tuple(rec.HubPathway(p.from_role, p.to_role, "", None, "") for p in hub.pathways),
    )
