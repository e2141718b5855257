"""Recording referrals of companies to programs and following them to a funded project."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q

from corridor.calls.models import Call, Campaign, FollowUp
from corridor.core import policy
from corridor.core.models import Organisation
from corridor.core.scoping import system_scope
from corridor.programs.models import (
    FundedProject,
    FundingProgram,
    LinkStatus,
    ProjectRecipient,
    Referral,
    ReferralStatus,
)
from corridor.programs.rules import may_refer_for
from corridor.registry.models import Facility

# The same words whether the follow-up does not exist, is another municipality's or is
# about another facility: a refusal must not tell which facility a follow-up is about.
FOLLOW_UP_NOT_CITABLE = (
    "No such follow-up among those the referral may cite: a referral cites a follow-up "
    "of the referring organisation on this company."
)


def _article(words: str) -> str:
    return f"an {words}" if words[:1].lower() in "aeiou" else f"a {words}"


def citable_follow_ups(user: Any, facility: Facility, organisation_ids: Any = None) -> Any:
    """The follow-ups on ``facility`` that ``user`` may cite in a referral in the name of
    one of ``organisation_ids`` (default: the organisations the user edits): those of
    their calls (or, without a call, that they own). The coordinator may cite any."""
    actor = policy.actor_for(user)
    follow_ups = policy.visible(user, FollowUp).filter(facility=facility)
    if actor.is_coordinator:
        return follow_ups
    mine = actor.editor_organisation_ids if organisation_ids is None else organisation_ids
    return follow_ups.filter(
        Q(call__organisation_id__in=mine) | Q(call__isnull=True, owner_organisation_id__in=mine)
    )


def consenting_call(
    user: Any,
    *,
    facility: Facility,
    organisation: Organisation,
    partner: Organisation,
    on: dt.date,
) -> Call | None:
    """The call on which the company agreed, on or before ``on``, to be referred to the
    partner's kind of organisation: a call of the referring organisation, or (for the
    coordinator) of any municipality."""
    calls = policy.visible(user, Call).filter(
        facility=facility, consent_on__isnull=False, consent_on__lte=on
    )
    if not policy.actor_for(user).is_coordinator:
        calls = calls.filter(organisation=organisation)
    # a handful of calls a facility: the scope (a JSON list) is read here, on every database
    return next((c for c in calls.order_by("-consent_on", "-pk") if c.consents_to(partner)), None)


def _cited(
    user: Any, facility: Facility, organisation: Organisation, follow_up: FollowUp | int
) -> FollowUp:
    pk = follow_up if isinstance(follow_up, int) else follow_up.pk
    found: FollowUp | None = (
        citable_follow_ups(user, facility, [organisation.pk])
        .select_related("call")
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise ValidationError({"follow_up": FOLLOW_UP_NOT_CITABLE})
    return found


def _require_consent(
    user: Any,
    *,
    facility: Facility,
    program: FundingProgram,
    organisation: Organisation,
    partner: Organisation,
    on: dt.date,
) -> None:
    found = consenting_call(
        user, facility=facility, organisation=organisation, partner=partner, on=on
    )
    if found is not None:
        return
    kind = _article(partner.get_kind_display().lower())
    whose = "a call" if policy.actor_for(user).is_coordinator else f"a call of {organisation.label}"
    raise ValidationError(
        {
            "program": (
                f"{facility.name} has not agreed to be referred to {kind} ({partner.label} "
                f"delivers {program}): record the company's consent to that kind of partner "
                f"on {whose} on this company first (given on or before {on:%Y-%m-%d})."
            )
        }
    )


def _refuse_twice(
    user: Any, facility: Facility, program: FundingProgram, partner: Any, on: dt.date
) -> None:
    # Among the referrals the user may see: another municipality's is not revealed.
    same = (
        policy.visible(user, Referral)
        .filter(facility=facility, program=program, referred_to=partner, referred_on=on)
        .select_related("organisation")
        .first()
    )
    if same is not None:
        raise ValidationError(
            {
                "program": (
                    f"{facility.name} was already referred to {program} on "
                    f"{on:%Y-%m-%d} (by {same.organisation.label}): a referral is recorded "
                    "once. Follow that one on its page instead."
                )
            }
        )


def record_referral(
    user: Any,
    *,
    facility: Facility,
    program: FundingProgram,
    organisation: Organisation,
    referred_on: dt.date,
    follow_up: FollowUp | int | None = None,
    notes: str = "",
) -> Referral:
    """A company referred to a program, in the name of the user's municipality.

    The one place (page and API) that decides whether the referral may be made:

    * in the name of a participant the user edits for (the coordinator: any);
    * citing, if anything, a follow-up of the referring organisation on this facility
      (``follow_up`` by object or id; the coordinator may cite any municipality's); any
      other reads as one that is not there (``FOLLOW_UP_NOT_CITABLE``);
    * to a program delivered by a partner, only with the company's consent to the
      partner's kind of organisation, recorded on a call of the referring organisation on
      this facility on or before the day of the referral (the coordinator: any
      municipality's call). A program nobody delivers keeps the referral with the
      referring organisation and the coordinator: no consent is needed;
    * once a day for the same facility, program and partner.
    """
    if not may_refer_for(user, organisation.pk):
        raise PermissionDenied(f"You may not record referrals for {organisation}.")
    if not organisation.is_participant:
        raise ValidationError(
            {"organisation": "Referrals are made by a municipality or the coordinator office."}
        )
    if referred_on > dt.date.today():
        raise ValidationError({"referred_on": "A referral is recorded once it was made."})
    cited = _cited(user, facility, organisation, follow_up) if follow_up is not None else None
    partner = program.delivered_by
    if partner is not None:
        _require_consent(
            user,
            facility=facility,
            program=program,
            organisation=organisation,
            partner=partner,
            on=referred_on,
        )
    with transaction.atomic():
        with system_scope("one referral at a time on a facility (no double recording)"):
            Facility.objects.select_for_update().filter(pk=facility.pk).first()
        _refuse_twice(user, facility, program, partner, referred_on)
        referral = Referral(
            facility=facility,
            program=program,
            organisation=organisation,
            referred_to=partner,
            referred_on=referred_on,
            follow_up=cited,
            notes=notes,
            recorded_by=user if getattr(user, "is_authenticated", False) else None,
        )
        referral.full_clean()
        referral.save()
    return referral


def projects_of(user: Any, referral: Referral) -> Any:
    """The funded projects a referral may have become: its program's, with a recipient
    linked to the referred facility's company (or to the facility itself)."""
    facility = referral.facility
    linked = policy.visible(user, ProjectRecipient).filter(link_status=LinkStatus.LINKED)
    linked = linked.filter(Q(company_id=facility.company_id) | Q(facility_id=facility.pk))
    return policy.visible(user, FundedProject).filter(
        program_id=referral.program_id, pk__in=linked.values("project_id")
    )


def update_referral(
    user: Any,
    referral: Referral,
    *,
    status: str,
    expected_version: int,
    application_ref: str = "",
    applied_on: dt.date | None = None,
    funded_project: FundedProject | None = None,
    notes: str | None = None,
) -> Referral:
    """Record the application, the decision and the funded project it became."""
    policy.require_change(user, referral)
    if status == ReferralStatus.FUNDED and funded_project is None:
        raise ValidationError({"funded_project": "A funded referral names its funded project."})
    if funded_project is not None and funded_project.program_id != referral.program_id:
        raise ValidationError({"funded_project": "The project was funded by another program."})
    if (
        funded_project is not None
        and funded_project.pk != referral.funded_project_id
        and not projects_of(user, referral).filter(pk=funded_project.pk).exists()
    ):
        raise ValidationError(
            {
                "funded_project": (
                    f"The project was not funded to {referral.facility.name}'s company (no "
                    "recipient of it is linked to the company)."
                )
            }
        )
    with transaction.atomic():
        referral.status = status
        referral.application_ref = application_ref
        referral.applied_on = applied_on
        referral.funded_project = funded_project
        if notes is not None:
            referral.notes = notes
        referral.full_clean()
        referral.save_versioned(expected_version)
    return referral


def make_campaign(
    user: Any,
    *,
    name: str,
    focus: str,
    starts_on: dt.date,
    ends_on: dt.date,
    targets: list[Facility],
) -> Campaign:
    """A calling campaign on a program's target facilities (the coordinator runs campaigns)."""
    policy.require_create(user, Campaign)
    with system_scope("checking campaign names are unique"):
        if Campaign.all_objects.filter(name=name).exists():
            raise ValidationError({"name": "A campaign with this name exists already."})
    with transaction.atomic():
        campaign = Campaign(
            name=name, focus=focus, starts_on=starts_on, ends_on=ends_on, created_by=user
        )
        campaign.full_clean(validate_unique=False)
        campaign.save()
        with system_scope("setting the targets of a campaign the coordinator created"):
            campaign.targets.set(targets)
    return campaign
