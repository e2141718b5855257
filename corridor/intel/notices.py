"""What intelligence tells people through notifications (``corridor.notifications``):
an announcement or news fact about a company my organisation called on.

Facts and documents are public (everyone signed in reads them), so the notification
holds the fact as the tracker shows it. Who is told: the people of each organisation
that completed a call on one of the company's facilities. Whether an organisation
called on a company is itself shared with every participant (the fact of a call), and
only participants make calls. Wired from ``IntelConfig.ready()``.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save

from corridor.calls.models import Call, CallStatus
from corridor.core.scoping import system_scope
from corridor.intel.models import Fact, FactStatus
from corridor.notifications import Delivery, register_kind
from corridor.notifications.services import acting_user, notify, people_of

ANNOUNCEMENT = "intel.announcement"


def _callers(company_id: int) -> set[int]:
    with system_scope("which organisations called on a company in the news"):
        return set(
            Call.objects.filter(
                facility__company_id=company_id, status=CallStatus.COMPLETED
            ).values_list("organisation_id", flat=True)
        )


def _summary(fact: Fact) -> str:
    parts = [fact.funder or "Someone"]
    if fact.amount_cad is not None:
        currency = "$" if fact.currency == "CAD" else f"{fact.currency} "
        parts.append(f"{currency}{fact.amount_cad:,.0f}")
    if fact.program:
        parts.append(f"through {fact.program}")
    if fact.jobs:
        parts.append(f"{fact.jobs} jobs")
    if fact.date:
        parts.append(f"{fact.date:%Y-%m-%d}")
    return ", ".join(parts)


def company_in_the_news(fact: Fact) -> None:
    company = fact.recipient_company
    if company is None:
        return
    organisations = _callers(company.pk)
    if not organisations:
        return
    me = acting_user()
    people = [p for p in people_of(organisations) if me is None or p.pk != me.pk]
    notify(
        people,
        ANNOUNCEMENT,
        f"{company.name}, a company you called on, is in the news: {fact.document.title}",
        f"{_summary(fact)}.\n“{fact.sentence}”",
        url=f"/intel/facts/{fact.pk}/",
        subject=fact,
        key=f"{ANNOUNCEMENT}:{fact.pk}:{company.pk}",
    )


def _fact_saved(sender: Any, instance: Fact, raw: bool = False, **kwargs: Any) -> None:
    if raw or instance.recipient_company_id is None or instance.status == FactStatus.REJECTED:
        return
    company_in_the_news(instance)


def register() -> None:
    register_kind(ANNOUNCEMENT, "News about a company we called on", Delivery.DIGEST)
    post_save.connect(_fact_saved, sender=Fact, dispatch_uid="intel-notices-fact")
