"""Writing items to the database in one transaction, keeping editors' changes."""

import time
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.text import slugify

from .. import content_version, rendering
from ..exporting import digest, guide_record, hub_pathway_record, hub_record, pathways_for_export
from ..models import (
    FAQ,
    GUIDE_PARTS,
    ActionItem,
    Hub,
    HubEntry,
    Pathway,
    RealityCheckItem,
    RoadmapPhase,
    Role,
    Skill,
    TransferableSkill,
)
from ..sourcetext import records as rec
from .reading import ImportFailed, Item, RoleFacts, pathway_slug


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # edited in the admin; kept as edited
    hubs: list[str] = field(default_factory=list)  # hubs created or changed
    rendered: int = 0  # pathways whose guide and card HTML was stored afresh
    render_seconds: float = 0.0
    dry_run: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.hubs)


class _Rollback(Exception):
    pass


def import_items(items, *, roles=None, force=False, dry_run=False) -> ImportReport:
    """Write the items in one transaction; a dry run reports the same and writes nothing.

    Guides are loaded before hubs, so a hub never overwrites the overview of a
    pathway that has a full guide. A pathway (or hub) whose content was changed
    in the admin since its last import is kept unless ``force``.
    """
    report = ImportReport(dry_run=dry_run)
    try:
        with transaction.atomic():
            # Signals from the rows saved one by one are handled once, at the end.
            with content_version.held(), rendering.gathered() as changed:
                _Loader(report, roles or {}, force).load(items)
                if report.changed:
                    # Bulk writes send no signals at all.
                    content_version.bump()
            if dry_run:
                raise _Rollback
    except _Rollback:
        return report
    # After the commit, in batches of their own: until then pages render live.
    started = time.perf_counter()
    report.rendered = rendering.refresh(changed)
    report.render_seconds = time.perf_counter() - started
    return report


class _Loader:
    def __init__(self, report: ImportReport, role_facts: dict[str, RoleFacts], force: bool):
        self.report = report
        self.role_facts = role_facts
        self.force = force
        self.roles = {role.slug: role for role in Role.objects.all()}
        self.pathways = {p.slug: p for p in pathways_for_export()}
        self.existing = set(self.pathways)  # pathways that may have parts already
        self.parts = defaultdict(list)
        self.path = "<roles>"  # the input being loaded, for error messages

    def load(self, items):
        for slug, facts in self.role_facts.items():
            self.role(facts.name, slug)
        order = {rec.Guide: 0, rec.HubPathway: 1, rec.Hub: 2}
        for item in sorted(items, key=lambda i: order[type(i.record)]):
            self.path = item.path
            if isinstance(item.record, rec.Hub):
                self.hub(item.record)
            elif isinstance(item.record, rec.Guide):
                self.guide(item)
            else:
                self.hub_pathway(item.record, item)
        self._create_parts()
        for slug, facts in self.role_facts.items():
            if facts.parent and not self.roles[slug].parent_id:
                Role.objects.filter(pk=self.roles[slug].pk).update(parent=self.roles[facts.parent])

    def role(self, name: str, slug: str | None = None) -> Role:
        slug = slug or slugify(name)
        role = self.roles.get(slug)
        if role is not None and role.name.casefold() != name.casefold():
            # "C++ Developer" and "C Developer" would share one page: refuse
            # rather than merge two roles (the transaction rolls back).
            raise ImportFailed(
                [
                    f"{self.path}:1: role {name!r} would have the same address ({slug}) as "
                    f"the role {role.name!r}; rename one of them"
                ]
            )
        if role is None:
            facts = self.role_facts.get(slug)
            role = Role.objects.create(
                slug=slug, name=name, description=facts.description if facts else ""
            )
            self.roles[slug] = role
        return role

    def _edited(self, stored_digest: str, current_digest: str) -> bool:
        return bool(stored_digest) and stored_digest != current_digest and not self.force

    def guide(self, item: Item):
        guide: rec.Guide = item.record
        slug = pathway_slug(guide.from_role, guide.to_role)
        new_digest = digest(guide)
        pathway = self.pathways.get(slug)
        if pathway is None:
            pathway = Pathway(
                slug=slug,
                status=item.status or Pathway.Status.PUBLISHED,
                views=guide.views or 0,
            )
            self._write_guide(pathway, guide, new_digest)
            self.report.created.append(slug)
            return
        current = digest(guide_record(pathway)) if pathway.has_guide else ""
        if current == new_digest:
            self._set_digest(pathway, new_digest)
            self.report.unchanged.append(slug)
        elif pathway.has_guide and self._edited(pathway.import_digest, current):
            self.report.skipped.append(slug)
        else:
            self._write_guide(pathway, guide, new_digest)
            self.report.updated.append(slug)

    def _set_digest(self, pathway: Pathway, value: str):
        if pathway.import_digest != value:
            Pathway.objects.filter(pk=pathway.pk).update(import_digest=value)
            pathway.import_digest = value

    def _write_guide(self, pathway: Pathway, guide: rec.Guide, new_digest: str):
        pathway.from_role = self.role(guide.from_role)
        pathway.to_role = self.role(guide.to_role)
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
        pathway.import_digest = new_digest
        if pathway.pk:
            pathway.version += 1
        pathway.save()
        self.pathways[pathway.slug] = pathway
        self._replace_parts(pathway, guide)

    def _replace_parts(self, pathway: Pathway, guide: rec.Guide):
        """Drop a pathway's old parts now; queue the new ones for ``_create_parts``."""
        if pathway.slug in self.existing:
            for model in GUIDE_PARTS:
                model.objects.filter(pathway=pathway).delete()
        queue = self.parts
        queue[TransferableSkill].extend(
            TransferableSkill(pathway=pathway, order=i, name=s.name, description=s.description)
            for i, s in enumerate(guide.transferable_skills, 1)
        )
        queue[Skill].extend(
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
        queue[RoadmapPhase].extend(
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
        queue[RealityCheckItem].extend(
            RealityCheckItem(pathway=pathway, kind=kind, order=i, text=text)
            for kind, texts in (
                (kinds.LOVE, guide.love),
                (kinds.MISS, guide.miss),
                (kinds.CHALLENGE, guide.challenges),
            )
            for i, text in enumerate(texts, 1)
        )
        when = ActionItem.When
        queue[ActionItem].extend(
            ActionItem(pathway=pathway, when=period, order=i, text=text)
            for i, (period, text) in enumerate(
                [(when.THIS_WEEK, t) for t in guide.this_week]
                + [(when.THIS_MONTH, t) for t in guide.this_month]
                + [(when.NEXT_90_DAYS, t) for t in guide.next_90_days],
                1,
            )
        )
        queue[FAQ].extend(
            FAQ(
                pathway=pathway,
                order=i,
                question=f.question,
                answer=f.answer,
                question_inferred=f.question_inferred,
            )
            for i, f in enumerate(guide.faqs, 1)
        )

    def _create_parts(self):
        """Insert every queued part, a few hundred rows per statement."""
        for model, rows in self.parts.items():
            model.objects.bulk_create(rows, batch_size=500)
        self.parts.clear()

    def hub_pathway(self, listed: rec.HubPathway, item: Item | None = None) -> Pathway:
        """A pathway a hub lists; creates it (without a guide) when it is new."""
        slug = pathway_slug(listed.from_role, listed.to_role)
        pathway = self.pathways.get(slug)
        if pathway is not None and pathway.has_guide:
            return pathway
        new_digest = digest(listed)
        if pathway is None:
            pathway = Pathway(
                slug=slug,
                has_guide=False,
                status=(item.status if item else None) or Pathway.Status.PUBLISHED,
                views=(item.views if item else None) or 0,
            )
            self.report.created.append(slug)
        else:
            current = digest(hub_pathway_record(pathway))
            if current == new_digest or not listed.summary:
                return pathway
            if self._edited(pathway.import_digest, current):
                self.report.skipped.append(slug)
                return pathway
            pathway.version += 1
            self.report.updated.append(slug)
        pathway.from_role = self.role(listed.from_role)
        pathway.to_role = self.role(listed.to_role)
        pathway.title = listed.title
        pathway.guide_months = listed.guide_months
        pathway.overview = listed.summary
        pathway.import_digest = new_digest
        pathway.save()
        self.pathways[slug] = pathway
        return pathway

    def hub(self, hub: rec.Hub):
        role = self.role(hub.role)
        listed = [self.hub_pathway(p) for p in hub.pathways]
        existing = Hub.objects.filter(role=role).first()
        new_digest = digest(_hub_shape(hub))
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


def _hub_shape(hub: rec.Hub) -> rec.Hub:
    """What a hub itself holds: its texts and which pathways it lists, in order."""
    return rec.Hub(
        role=hub.role,
        intro=hub.intro,
        role_description=hub.role_description,
        pathways=tuple(rec.HubPathway(p.from_role, p.to_role, "", None, "") for p in hub.pathways),
    )
