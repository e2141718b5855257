"""What officers do with prospects: add one, change it, move it through the stages.

Pages, the API and the demo call these; each checks the access policy itself
(``PermissionDenied``) and refuses a bad value with a ``ValidationError`` naming the
field, in words an officer reads on the form.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from corridor.attraction.models import (
    CLOSED_STAGES,
    OPEN_STAGES,
    Prospect,
    Stage,
    StageChange,
)
from corridor.core import policy
from corridor.core.models import Organisation
from corridor.core.services import update_versioned

PROSPECT_FIELDS = (
    "name",
    "kind",
    "company",
    "facility",
    "capability",
    "source",
    "source_fact",
    "source_note",
    "summary",
    "estimated_investment",
    "estimated_jobs",
    "competing_jurisdictions",
    "owner",
    "municipality",
    "shared",
    "next_step",
    "next_step_due",
)
# set when the prospect is made, never changed by an edit
CREATE_ONLY = ("organisation", "stage", "stage_changed_on", "is_fictional")

NEEDS_REASON = "Say why it was lost: the pipeline's lessons are counted from the reasons."
NEEDS_RESULT = "Give the jobs or the investment the company committed to."


def acting_organisations(user: Any) -> list[Organisation]:
    """The organisations in whose name ``user`` works prospects: their municipalities
    (as an editor), or the coordinator office."""
    actor = policy.actor_for(user)
    if not actor.is_authenticated:
        return []
    ids = [
        m.organisation_id
        for m in actor.memberships
        if (m.organisation_kind == "municipality" and m.role == "editor")
        or (m.organisation_kind == "coordinator_office" and m.role == "coordinator")
    ]
    found = {o.pk: o for o in policy.visible(user, Organisation).filter(pk__in=ids)}
    return [found[i] for i in ids if i in found]


def _organisation_for(user: Any, organisation: Organisation | None) -> Organisation:
    mine = acting_organisations(user)
    if organisation is None:
        if not mine:
            raise PermissionDenied("You work prospects for no municipality.")
        return mine[0]
    if organisation.pk in {o.pk for o in mine}:
        return organisation
    actor = policy.actor_for(user)
    if actor.is_coordinator and organisation.kind in ("municipality", "coordinator_office"):
        return organisation  # the coordinator hands a prospect to a municipality
    raise ValidationError({"organisation": "You do not work prospects for this organisation."})


def _check(prospect: Prospect) -> None:
    """Rules across fields, each message on the field to correct."""
    if prospect.facility_id is not None:
        facility = prospect.facility
        assert facility is not None
        if prospect.company_id is None:
            prospect.company_id = facility.company_id
        elif facility.company_id != prospect.company_id:
            raise ValidationError({"facility": "This plant is not one of the company's."})
    if prospect.kind == "expansion" and prospect.facility_id is None and not prospect.company_id:
        raise ValidationError(
            {"company": "An expansion is of an employer here: choose its company or plant."}
        )


def _today() -> dt.date:
    return timezone.localdate()


def create_prospect(
    user: Any, *, organisation: Organisation | None = None, **fields: Any
) -> Prospect:
    """Add a prospect in the name of ``organisation`` (default: the user's municipality,
    or the coordinator office for the coordinator), with its first stage change."""
    policy.require_create(user, Prospect)
    unknown = set(fields) - set(PROSPECT_FIELDS) - set(CREATE_ONLY)
    if unknown:
        raise ValueError(f"not prospect fields: {sorted(unknown)}")
    stage = fields.pop("stage", None) or Stage.IDENTIFIED
    if stage not in OPEN_STAGES:
        raise ValidationError(
            {"stage": "A new prospect starts at an open stage; move it to won or lost after."}
        )
    on = fields.pop("stage_changed_on", None) or _today()
    owner_org = _organisation_for(user, organisation)
    if fields.get("owner") is None and getattr(user, "pk", None):
        fields["owner"] = user
    with transaction.atomic():
        prospect = Prospect(organisation=owner_org, stage=stage, stage_changed_on=on, **fields)
        _check(prospect)
        prospect.full_clean()
        prospect.save()
        StageChange.objects.create(
            prospect=prospect,
            from_stage="",
            to_stage=stage,
            changed_on=on,
            changed_by=user if getattr(user, "pk", None) else None,
        )
    return prospect


def update_prospect(user: Any, prospect: Prospect, loaded_version: int, **fields: Any) -> Prospect:
    """Change a prospect's facts (not its stage: ``move_stage`` does that) if nobody saved
    it since ``loaded_version``; raises ``EditConflict`` otherwise."""
    update_versioned(user, prospect, fields, loaded_version, allowed=PROSPECT_FIELDS, check=_check)
    return prospect


def move_stage(
    user: Any,
    prospect: Prospect,
    to_stage: str,
    *,
    note: str = "",
    on: dt.date | None = None,
    outcome_reason: str = "",
    won_investment: int | None = None,
    won_jobs: int | None = None,
    loaded_version: int | None = None,
) -> StageChange:
    """Move ``prospect`` to ``to_stage`` on day ``on`` (default today), recording who
    and why. Won needs the jobs or the investment committed; lost needs a reason. A
    closed prospect may be opened again (its outcome is then cleared)."""
    policy.require_change(user, prospect)
    if to_stage not in Stage.values:
        raise ValidationError({"to_stage": "Choose one of the stages."})
    if to_stage == prospect.stage:
        raise ValidationError(
            {"to_stage": f"The prospect is already at {prospect.get_stage_display()}."}
        )
    day = on or _today()
    if day > _today():
        raise ValidationError({"on": "A move is recorded once it has happened: not a later day."})
    last = (
        policy.visible(user, StageChange)
        .filter(prospect=prospect)
        .order_by("-changed_on")
        .values_list("changed_on", flat=True)
        .first()
    )
    if last is not None and day < last:
        raise ValidationError(
            {"on": f"The prospect last moved on {last:%Y-%m-%d}; this move cannot be earlier."}
        )
    if outcome_reason and to_stage not in CLOSED_STAGES:
        raise ValidationError({"outcome_reason": "A reason is given for a win or a loss only."})
    if to_stage == Stage.LOST and not outcome_reason:
        raise ValidationError({"outcome_reason": NEEDS_REASON})
    if to_stage == Stage.WON and not (won_jobs or won_investment):
        raise ValidationError({"won_jobs": NEEDS_RESULT})
    if to_stage != Stage.WON and (won_jobs is not None or won_investment is not None):
        raise ValidationError({"won_jobs": "Jobs and investment won are recorded on a win only."})
    from_stage = prospect.stage
    with transaction.atomic():
        prospect.stage = to_stage
        prospect.stage_changed_on = day
        if to_stage in CLOSED_STAGES:
            prospect.decided_on = day
            prospect.outcome_reason = outcome_reason
            prospect.outcome_note = note[:300]
            prospect.won_investment = won_investment if to_stage == Stage.WON else None
            prospect.won_jobs = won_jobs if to_stage == Stage.WON else None
        else:
            prospect.decided_on = None
            prospect.outcome_reason = ""
            prospect.outcome_note = ""
            prospect.won_investment = None
            prospect.won_jobs = None
        prospect.full_clean()
        if loaded_version is not None:
            prospect.save_versioned(loaded_version)
        else:
            prospect.save()
        change = StageChange(
            prospect=prospect,
            from_stage=from_stage,
            to_stage=to_stage,
            changed_on=day,
            note=note[:300],
            changed_by=user if getattr(user, "pk", None) else None,
        )
        change.full_clean()
        change.save()
    return change


def history_of(user: Any, prospect: Prospect) -> Any:
    """The prospect's stage changes the user may see, oldest first."""
    return (
        policy.visible(user, StageChange)
        .filter(prospect=prospect)
        .select_related("changed_by")
        .order_by("changed_on", "pk")
    )
