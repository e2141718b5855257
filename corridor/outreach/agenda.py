"""The common agenda: the asks open for endorsement (or adopted, or achieved), each with
the municipalities that endorsed it by council resolution.

An ask's **support** is the number of distinct live member municipalities with a live
endorsement of it; its **share** is support over the number of member municipalities
in Corridor (the municipality organisations), so "9 of 14 municipalities".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q

from corridor.core import policy
from corridor.core.models import Organisation, OrganisationKind
from corridor.outreach import evidence
from corridor.outreach.models import AGENDA_STATUSES, Endorsement, PolicyAsk


@dataclass(slots=True)
class AgendaLine:
    ask: PolicyAsk
    endorsers: list[Endorsement] = field(default_factory=list)
    figures: list[evidence.Figure] = field(default_factory=list)

    @property
    def support(self) -> int:
        return len({e.organisation_id for e in self.endorsers})


@dataclass(slots=True)
class CommonAgenda:
    lines: list[AgendaLine]
    municipalities: int

    def share(self, line: AgendaLine) -> str:
        return f"{line.support} of {self.municipalities}"

    @property
    def endorsing_municipalities(self) -> int:
        return len({e.organisation_id for line in self.lines for e in line.endorsers})


def member_municipalities(user: Any) -> int:
    return (
        policy.visible(user, Organisation)
        .filter(kind=OrganisationKind.MUNICIPALITY, deleted_at__isnull=True)
        .count()
    )


def endorsement_counts(user: Any) -> dict[int, int]:
    """Support per ask id: distinct municipalities with a live endorsement."""
    counts: dict[int, set[int]] = {}
    rows = (
        policy.visible(user, Endorsement)
        .filter(
            organisation__kind=OrganisationKind.MUNICIPALITY,
            organisation__deleted_at__isnull=True,
        )
        .values_list("ask_id", "organisation_id")
    )
    for ask_id, organisation_id in rows:
        counts.setdefault(ask_id, set()).add(organisation_id)
    return {ask_id: len(orgs) for ask_id, orgs in counts.items()}


def with_support(qs: Any) -> Any:
    """``qs`` of asks annotated with ``support`` (the same count as ``endorsement_counts``)."""
    live = Q(
        endorsements__deleted_at__isnull=True,
        endorsements__organisation__kind=OrganisationKind.MUNICIPALITY,
        endorsements__organisation__deleted_at__isnull=True,
    )
    return qs.annotate(support=Count("endorsements__organisation", filter=live, distinct=True))


def common_agenda(user: Any, *, with_figures: bool = True) -> CommonAgenda:
    """The agenda document's content: the asks most municipalities stand behind first."""
    asks = list(
        policy.visible(user, PolicyAsk)
        .filter(status__in=AGENDA_STATUSES)
        .select_related("owner")
        .order_by("theme", "title", "pk")
    )
    endorsements: dict[int, list[Endorsement]] = {}
    for e in (
        policy.visible(user, Endorsement)
        .filter(
            ask__in=asks,
            organisation__kind=OrganisationKind.MUNICIPALITY,
            organisation__deleted_at__isnull=True,
        )
        .select_related("organisation")
        .order_by("organisation__name", "pk")
    ):
        endorsements.setdefault(e.ask_id, []).append(e)
    snapshot = evidence.Snapshot(user)
    lines = [
        AgendaLine(
            ask,
            endorsements.get(ask.pk, []),
            snapshot.figures(ask.evidence) if with_figures else [],
        )
        for ask in asks
    ]
    lines.sort(key=lambda line: (-line.support, line.ask.get_theme_display(), line.ask.title))
    return CommonAgenda(lines, member_municipalities(user))
