"""What the announcements Corridor watches for tell investment attraction (see
docs/notifications.md). A listener of ``corridor.intel.listeners.on_new_documents``,
registered from ``notices.register()``:

* ``attraction.called-company``: a new announcement is about a registry company (the
  fact's recipient, or a facility of that name and so its company) that a municipality
  has called on (a completed ``calls.Call``). Told: that municipality's people and the
  coordinator office's. Once per announcement (its ``Event``) and company.
* ``attraction.competitor-landed``: a government other than Ontario's and Canada's lands
  an investment in a capability that is one of the corridor's unmet supply gaps
  (``supplychain.gaps.gap_analysis``: needs with fewer local suppliers than wanted). The
  capability is found by its label or a synonym, as a whole word, in the fact's sentence
  or the document's title. Told: every participant. Once per announcement and capability.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from corridor.calls.models import Call, CallStatus
from corridor.core.models import Organisation, OrganisationKind
from corridor.core.scoping import system_scope
from corridor.intel.listeners import on_new_documents
from corridor.intel.models import Document, Fact, FactKind, FactStatus
from corridor.notifications import register_kind
from corridor.notifications.services import notify, participants, people_of
from corridor.registry.models import Company, Facility
from corridor.registry.resolution.names import parse_name

CALLED = "attraction.called-company"
COMPETITOR = "attraction.competitor-landed"
HOME = frozenset({"ontario", "canada"})


def _anchor(document: Document) -> str:
    return f"e{document.event_id}" if document.event_id else f"d{document.pk}"


def company_of(fact: Fact) -> Company | None:
    """The registry company the fact is about: its linked recipient, or the company of
    the one facility whose name is the recipient's."""
    if fact.recipient_company_id:
        return fact.recipient_company
    if not fact.recipient:
        return None
    wanted = parse_name(fact.recipient)
    if not wanted.core or not wanted.distinctive:
        return None
    first = wanted.core.split()[0]
    with system_scope("matching an announcement's recipient to a registry facility"):
        plants = Facility.objects.filter(name__icontains=first).select_related("company")[:200]
        companies = {
            p.company_id: p.company for p in plants if parse_name(p.name).core == wanted.core
        }
    return next(iter(companies.values())) if len(companies) == 1 else None


def _money(fact: Fact) -> str:
    if fact.amount_cad is None:
        return ""
    symbol = "$" if fact.currency == "CAD" else f"{fact.currency} "
    return f"{symbol}{fact.amount_cad:,.0f}"


def _facts(document: Document) -> list[Fact]:
    with system_scope("the facts of a watched announcement"):
        return list(
            Fact.objects.filter(document=document)
            .exclude(status=FactStatus.REJECTED)
            .select_related("recipient_company", "jurisdiction")
            .order_by("position")
        )


def _offices() -> list[int]:
    with system_scope("the coordinator office is told of announcements"):
        return list(
            Organisation.objects.filter(kind=OrganisationKind.COORDINATOR_OFFICE).values_list(
                "pk", flat=True
            )
        )


def _callers(company: Company) -> list[int]:
    """The municipal organisations of the places whose officers completed a call on one of
    the company's facilities (every organisation of that municipality)."""
    with system_scope("which municipalities called on a company in the news"):
        places = set(
            Call.objects.filter(facility__company=company, status=CallStatus.COMPLETED)
            .exclude(organisation__municipality__isnull=True)
            .filter(organisation__kind=OrganisationKind.MUNICIPALITY)
            .values_list("organisation__municipality_id", flat=True)
        )
        return list(
            Organisation.objects.filter(
                kind=OrganisationKind.MUNICIPALITY, municipality_id__in=places
            ).values_list("pk", flat=True)
        )


def tell_called(documents: Sequence[Document]) -> int:
    made = 0
    offices: list[int] | None = None
    for document in documents:
        told: set[int] = set()
        for fact in _facts(document):
            company = company_of(fact)
            if company is None or company.pk in told:
                continue
            told.add(company.pk)
            callers = _callers(company)
            if not callers:
                continue
            if offices is None:
                offices = _offices()
            amount = _money(fact)
            made += len(
                notify(
                    people_of([*callers, *offices]),
                    CALLED,
                    f"{company.name}, a company your municipality called on, is in the news",
                    f"{document.title} ({document.source or 'a watched source'}). "
                    + (f"{fact.funder or 'Someone'}, {amount}. " if amount else "")
                    + f"“{fact.sentence}”",
                    url=f"/intel/documents/{document.pk}/",
                    subject=document,
                    key=f"{CALLED}:{_anchor(document)}:{company.pk}",
                )
            )
    return made


def _pattern(words: list[str]) -> re.Pattern[str] | None:
    words = [w.strip() for w in words if len(w.strip()) >= 4]
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?:e?s)?(?!\w)", re.IGNORECASE)


def unmet_gaps() -> list[tuple[Any, re.Pattern[str]]]:
    """The capabilities with unmet needs, each with the pattern of its names."""
    from corridor.supplychain.gaps import gap_analysis

    found = []
    for gap in gap_analysis():
        if gap.unmet_needs <= 0:
            continue
        capability = gap.capability
        names = [capability.label, *(capability.synonyms or "").split(";")]
        pattern = _pattern(names)
        if pattern is not None:
            found.append((capability, pattern))
    return found


def _competing(fact: Fact) -> bool:
    jurisdiction = fact.jurisdiction or fact.document.jurisdiction
    return (
        fact.kind == FactKind.INVESTMENT
        and jurisdiction is not None
        and jurisdiction.name.lower() not in HOME
    )


def tell_competitors(documents: Sequence[Document]) -> int:
    candidates = [(d, [f for f in _facts(d) if _competing(f)]) for d in documents]
    candidates = [(d, facts) for d, facts in candidates if facts]
    if not candidates:
        return 0
    gaps = unmet_gaps()
    if not gaps:
        return 0
    people: list[Any] | None = None
    made = 0
    for document, facts in candidates:
        told: set[int] = set()
        for fact in facts:
            for capability, pattern in gaps:
                if capability.pk in told:
                    continue
                if not (pattern.search(fact.sentence) or pattern.search(document.title)):
                    continue
                told.add(capability.pk)
                if people is None:
                    people = participants()
                where = (fact.jurisdiction or document.jurisdiction).name  # type: ignore[union-attr]
                amount = _money(fact)
                made += len(
                    notify(
                        people,
                        COMPETITOR,
                        f"{where} landed an investment in {capability.label}, "
                        "a capability the corridor lacks",
                        f"{document.title}. "
                        + (f"{fact.recipient or 'A company'}, {amount}. " if amount else "")
                        + f"“{fact.sentence}” The corridor has buyers whose needs for "
                        f"{capability.label} no nearby supplier meets.",
                        url=f"/intel/documents/{document.pk}/",
                        subject=document,
                        key=f"{COMPETITOR}:{_anchor(document)}:{capability.pk}",
                    )
                )
    return made


def tell(documents: Sequence[Document]) -> int:
    return tell_called(documents) + tell_competitors(documents)


def register() -> None:
    """Called once, from ``notices.register()``."""
    register_kind(CALLED, "An announcement about a company my municipality called on")
    register_kind(COMPETITOR, "A competing jurisdiction landed a project in a capability we lack")
    on_new_documents.register(tell)
