"""Demo retention early warning (fictional): a plant with a red flag and its parent's
announcement heads the risk list.

After the registry, calls and intelligence demos: the demo picks the fictional plant
that already scores highest among those with an open red flag from the calls demo (or
gives a fictional Windsor plant one through the calls services), adds a fictional
announcement by its company of a new plant in Tennessee (``is_demo``, linked to the
company), and assesses the list, which that plant then heads. Run again, it finds its
announcement and changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.utils import timezone

from corridor.attraction import assessment
from corridor.attraction.models import FacilityRisk
from corridor.core.history import change_context
from corridor.core.models import Organisation, OrganisationKind, User
from corridor.core.scoping import system_scope
from corridor.registry.models import Company, Facility

TITLE = "Demo: {company} to build a plant in Tennessee"
SOURCE = "Demo wire service (fictional)"


def _text(company: str, day: dt.date) -> str:
    return (
        f"{day:%B} {day.day}, {day:%Y}. {company} will invest US$180 million in a new plant in "
        f"Smyrna, Tennessee, creating 400 jobs. The company said the plant would supply the "
        f"same customers as its Ontario operations. (Fictional announcement for the Corridor "
        f"demo.)"
    )


def _announced_company() -> Company | None:
    from corridor.intel.models import Fact

    with system_scope("demo: the risk demo's announcement, if it was made"):
        fact = (
            Fact.objects.filter(
                document__is_demo=True,
                document__source=SOURCE,
                recipient_company__isnull=False,
            )
            .select_related("recipient_company")
            .first()
        )
    return fact.recipient_company if fact is not None else None


def _red_flagged_plant() -> Facility | None:
    """The fictional plant with an open red flag that scores highest now."""
    assessment.assess_all()
    with system_scope("demo: choosing the plant of the story"):
        for row in FacilityRisk.objects.select_related("facility__company").order_by(
            "-score", "-jobs", "facility_id"
        ):
            keys = {r["reason"] for r in row.reasons}
            if "red_flag" in keys and row.facility.is_fictional:
                return row.facility
    return None


def _give_red_flag() -> Facility | None:
    """No red flag in the calls demo: Windsor's office raises one on a fictional plant."""
    from corridor.calls import follow_ups

    with system_scope("demo: a fictional Windsor plant and its officer"):
        org = Organisation.objects.filter(
            kind=OrganisationKind.MUNICIPALITY, municipality__name="Windsor"
        ).first()
        plant = (
            Facility.objects.filter(is_fictional=True, municipality__name="Windsor")
            .order_by("-employees", "pk")
            .first()
        )
        officer = (
            User.objects.filter(memberships__organisation=org, memberships__role="editor").first()
            if org is not None
            else None
        )
    if org is None or plant is None or officer is None:
        return None
    with change_context(user=officer, source="demo"):
        follow_ups.raise_flag(
            officer,
            facility=plant,
            organisation=org,
            severity="red",
            category="relocation_closure",
            detail="The parent is weighing moving the press lines south (fictional).",
        )
    return plant


def _announce(company: Company) -> None:
    from corridor.intel.ingesting import Metadata, ingest_bytes, jurisdiction_named
    from corridor.intel.models import Fact

    day = timezone.localdate() - dt.timedelta(days=45)
    text = _text(company.name, day)
    meta = Metadata(
        title=TITLE.format(company=company.name)[:300],
        date=day,
        source=SOURCE,
        jurisdiction="Tennessee",
        kind="news",
        is_demo=True,
    )
    with change_context(source="demo"):
        document, _ = ingest_bytes(None, "risk-demo-announcement.txt", text.encode(), meta)
        with system_scope("demo: linking the announcement to its company"):
            tennessee = jurisdiction_named("Tennessee")
            facts = list(Fact.objects.filter(document=document))
            if not facts:  # the extraction read nothing: the fact as an officer would add it
                facts = [Fact(document=document, sentence=text.split(". ", 1)[1])]
            for fact in facts:
                fact.recipient = company.name
                fact.recipient_company = company
                fact.funder = fact.funder or company.name
                fact.amount_cad = fact.amount_cad or 180_000_000
                fact.currency = "USD"
                fact.jobs = fact.jobs or 400
                fact.jurisdiction = tennessee
                fact.date = fact.date or day
                fact.save()


def build_demo_risk(say: Callable[[str], None] = print) -> None:
    """Called at the end of ``demo.build_demo`` (the pipeline's demo)."""
    company = _announced_company()
    if company is None:
        plant = _red_flagged_plant() or _give_red_flag()
        if plant is None:
            say("Risk list: no fictional plant to tell the story with (run the other demos)")
            return
        company = plant.company
        _announce(company)
    run = assessment.assess_all()
    with system_scope("demo summary"):
        top = (
            FacilityRisk.objects.select_related("facility")
            .order_by("-score", "-jobs", "facility_id")
            .first()
        )
    head = f"; first: {top.facility.name} ({top.score})" if top is not None else ""
    say(f"Risk list: {run}{head}")
