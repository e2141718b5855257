"""What funding programs add to a company's or a facility's activity timeline.

``referral``: each referral of the facility to a program, and its application when one is
recorded (``applied_on``), with the referral's current status. A referral is seen only by
its parties (the referring municipality, the referred partner, the coordinator:
``corridor/programs/rules.py``), so every item is marked confidential. One query.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Q
from django.urls import reverse

from corridor.core import policy
from corridor.core.timeline import TimelineItem, TimelineQuery, day_range, moment
from corridor.programs.models import Referral


def referrals_on(user: Any, query: TimelineQuery) -> Iterable[TimelineItem]:
    referred = Q(**day_range(query, "referred_on"))
    applied = Q(applied_on__isnull=False, **day_range(query, "applied_on"))
    referrals = (
        policy.visible(user, Referral)
        .filter(referred | applied, facility_id__in=query.facility_ids)
        .select_related("program", "organisation", "referred_to", "facility")
        .order_by("-referred_on", "-pk")[: query.limit]
    )
    items = []
    for referral in referrals:
        url = reverse("referral-detail", args=[referral.pk])
        partner = referral.referred_to
        to = f" ({partner.label})" if partner is not None else ""
        status = referral.get_status_display().lower()
        items.append(
            TimelineItem(
                when=moment(referral.referred_on),
                kind="referral",
                title=f"Referred to {referral.program}{to}: now {status}",
                detail=referral.notes,
                url=url,
                who=referral.organisation.label,
                confidential=True,
            )
        )
        if referral.applied_on is not None:
            reference = f" ({referral.application_ref})" if referral.application_ref else ""
            items.append(
                TimelineItem(
                    when=moment(referral.applied_on),
                    kind="referral",
                    title=f"Applied to {referral.program}{reference}: now {status}",
                    url=url,
                    who=referral.organisation.label,
                    confidential=True,
                )
            )
    return items


def register_sources() -> None:
    from corridor.core import timeline

    timeline.register("referral", "Referrals and applications", referrals_on)
