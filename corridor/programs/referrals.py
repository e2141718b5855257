"""Recording referrals of companies to programs and following them to a funded project."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from corridor.calls.models import Campaign, FollowUp
from corridor.core import policy
from corridor.core.models import Organisation
from corridor.core.scoping import system_scope
from corridor.programs.models import FundedProject, FundingProgram, Referral, ReferralStatus
from corridor.programs.rules import may_refer_for
from corridor.registry.models import Facility


def record_referral(
    user: Any,
    *,
    facility: Facility,
    program: FundingProgram,
    organisation: Organisation,
    referred_on: dt.date,
    follow_up: FollowUp | None = None,
    notes: str = "",
) -> Referral:
    """A company referred to a program, in the name of the user's municipality."""
    if not may_refer_for(user, organisation.pk):
        raise PermissionDenied(f"You may not record referrals for {organisation}.")
    if follow_up is not None and follow_up.facility_id != facility.pk:
        raise ValidationError({"follow_up": "The follow-up is about another facility."})
    partner = program.delivered_by
    call = follow_up.call if follow_up is not None else None
    if call is not None and partner is not None and not call.consents_to(partner):
        raise ValidationError(
            {
                "follow_up": f"The company did not agree on the call to be referred to {partner} "
                "(record its consent on the call first)."
            }
        )
    if referred_on > dt.date.today():
        raise ValidationError({"referred_on": "A referral is recorded once it was made."})
    referral = Referral(
        facility=facility,
        program=program,
        organisation=organisation,
        referred_to=partner,
        referred_on=referred_on,
        follow_up=follow_up,
        notes=notes,
        recorded_by=user if getattr(user, "is_authenticated", False) else None,
    )
    referral.full_clean()
    referral.save()
    return referral


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
