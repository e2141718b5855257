"""What funding programs tell people through notifications (``corridor.notifications``):
a company referred to a program my (partner) organisation delivers.

The referral is the partner's to see (``programs/rules.py``: the referring
municipality, the coordinator and the referred partner), notes included, so the
partner's people are told what the referral page shows them. Wired from
``ProgramsConfig.ready()``.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save

from corridor.notifications import Delivery, register_kind
from corridor.notifications.services import acting_user, notify, people_of
from corridor.programs.models import Referral

REFERRAL = "programs.referral"


def referral_received(referral: Referral) -> None:
    partner = referral.referred_to
    if partner is None:
        return  # a program nobody delivers: the referral stays with the referring side
    me = acting_user()
    people = [p for p in people_of([partner.pk]) if me is None or p.pk != me.pk]
    notify(
        people,
        REFERRAL,
        f"New referral: {referral.facility.name} to {referral.program.name}, "
        f"from {referral.organisation.label}",
        referral.notes,
        url=f"/programs/referrals/{referral.pk}/",
        subject=referral,
        key=f"{REFERRAL}:{referral.pk}",
    )


def _referral_saved(
    sender: Any, instance: Referral, created: bool = False, raw: bool = False, **kwargs: Any
) -> None:
    if created and not raw:
        referral_received(instance)


def register() -> None:
    register_kind(REFERRAL, "A company is referred to a program we deliver", Delivery.AT_ONCE)
    post_save.connect(_referral_saved, sender=Referral, dispatch_uid="programs-notices-referral")
