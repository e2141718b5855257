"""The one filter of prospects: the board, the list, its exports and the API list."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from django.db.models import Q
from django.utils import timezone
from ninja import FilterLookup, FilterSchema
from pydantic import Field

from corridor.attraction.models import OPEN_STAGES, ProspectKind, ProspectSource, Stage
from corridor.core.filtersets import MAX_ID

StageChoice = Literal[
    "open", "identified", "contacted", "visit", "proposal", "decision", "won", "lost"
]


def _id(description: str) -> Any:
    return Field(None, ge=1, le=MAX_ID, description=description)


class ProspectFilter(FilterSchema):
    q: str | None = Field(None, max_length=200, description="Words in the prospect's name")
    stage: StageChoice | None = Field(
        None, description="A stage, or open (identified to awaiting decision)"
    )
    organisation: Annotated[int | None, FilterLookup("organisation_id")] = _id(
        "The organisation that works it"
    )
    municipality: Annotated[int | None, FilterLookup("municipality_id")] = _id(
        "Where it would land"
    )
    capability: str | None = Field(
        None, max_length=100, description="The capability's key, e.g. battery-enclosure"
    )
    source: ProspectSource | None = Field(
        None, description="gap, announcement, referral, head_office, other"
    )
    kind: ProspectKind | None = Field(None, description="new or expansion")
    owner: Annotated[int | None, FilterLookup("owner_id")] = _id("The officer who leads it")
    mine: bool | None = Field(None, description="Only those I lead")
    shared: bool | None = Field(None, description="Shared with the corridor, or not")
    due: bool | None = Field(None, description="Only open prospects whose next step is overdue")

    def filter_q(self, value: str | None) -> Q:
        query = Q()
        for word in (value or "").split():
            query &= Q(name__icontains=word)
        return query

    def filter_stage(self, value: str | None) -> Q:
        if not value:
            return Q()
        if value == "open":
            return Q(stage__in=OPEN_STAGES)
        return Q(stage=value)

    def filter_capability(self, value: str | None) -> Q:
        return Q(capability__key=value) if value else Q()

    def filter_mine(self, value: bool | None) -> Q:
        # the user is not known to a filter: the caller applies it (``apply``)
        return Q()

    def filter_due(self, value: bool | None) -> Q:
        if not value:
            return Q()
        return Q(stage__in=OPEN_STAGES, next_step_due__lt=timezone.localdate())

    def apply(self, user: Any, qs: Any) -> Any:
        """The filter with "mine" read as the user's own prospects."""
        qs = self.filter(qs)
        if self.mine:
            qs = qs.filter(owner_id=getattr(user, "pk", None))
        return qs


STAGE_LABELS = dict(Stage.choices)
