"""The programs panel of a facility: which programs fit, why, and the referrals made.

Used by the registry's facility page and, through a template tag, by the call form."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from corridor.calls.models import FollowUpStatus
from corridor.core import policy
from corridor.core.models import Organisation
from corridor.core.models.organisation import PARTICIPANT_KINDS
from corridor.programs.forms import PlanForm, ReferralForm
from corridor.programs.matching import ProgramFit, counts, programs_for
from corridor.programs.models import FundingProgram, Referral
from corridor.programs.referrals import citable_follow_ups
from corridor.registry.models import Facility

PLAN_FIELDS = tuple(PlanForm.base_fields)


@dataclass(frozen=True, slots=True)
class FacilityPrograms:
    facility: Facility
    fits: list[ProgramFit]
    counts: dict[str, int]
    plan_form: PlanForm
    planned: bool
    referrals: list[Referral]
    # may record a referral: the panel links to the referral's own page, whose form
    # lists the programs, organisations and follow-ups (four queries the facility
    # page no longer makes on every view)
    may_refer: bool


def referral_form_for(user: Any, facility: Facility, data: Any = None) -> ReferralForm | None:
    """The form that records a referral of this facility, for those who may record one."""
    if not policy.can_create(user, Referral):
        return None
    actor = policy.actor_for(user)
    organisations = policy.visible(user, Organisation).filter(kind__in=PARTICIPANT_KINDS)
    if not actor.is_coordinator:
        organisations = organisations.filter(pk__in=actor.editor_organisation_ids)
    # only the follow-ups the user may cite (their municipality's; the coordinator: all)
    follow_ups = (
        citable_follow_ups(user, facility)
        .filter(Q(status=FollowUpStatus.OPEN) | Q(category="funding"))
        .order_by("-due_on")
    )
    return ReferralForm(
        data,
        programs=policy.visible(user, FundingProgram).order_by("name"),
        organisations=organisations.order_by("name"),
        follow_ups=follow_ups,
        prefix="referral",
    )


def facility_programs(user: Any, facility: Facility, query: Any = None) -> FacilityPrograms | None:
    """The panel, or None for a deleted facility. ``query``: the page's GET parameters."""
    if facility.is_deleted or not policy.can_view(user, FundingProgram):
        return None
    planned = query is not None and any(query.get(name) for name in PLAN_FIELDS)
    form = PlanForm(query if planned else None)
    fits = programs_for(user, facility, form.plan())
    referrals = list(
        policy.visible(user, Referral)
        .filter(facility=facility)
        .select_related("program", "organisation", "funded_project")
    )
    return FacilityPrograms(
        facility=facility,
        fits=fits,
        counts=counts(fits),
        plan_form=form,
        planned=planned,
        referrals=referrals,
        may_refer=policy.can_create(user, Referral),
    )
