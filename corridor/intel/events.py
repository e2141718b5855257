"""Events: one announcement, however many outlets reported it.

A government's release, the company's own news and a newspaper's story about the same
investment are three documents and one ``Event``. Two documents report the same
announcement when

* they are about the same government (jurisdiction) or name the same recipient,
* their dates are at most ``WINDOW`` (7 days) apart, and
* their titles are alike, or their facts are: the same amount for the same recipient
  counts on its own; the same amount, or the same recipient, counts with titles that
  are somewhat alike.

Titles are compared with rapidfuzz's token-set ratio on words in lower case without
accents (``title_alike``). A document joins the event of the best-matching document
(making one when that document had none); the event keeps every source, and its title
and date are those of its first report (a government's release first when there is one).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from rapidfuzz import fuzz

from corridor.core.scoping import system_scope
from corridor.intel.models import Document, DocumentKind, Event, Fact, FactStatus
from corridor.registry.resolution.names import parse_name

WINDOW = dt.timedelta(days=7)
TITLES_ALIKE = 82  # token-set ratio: the same story told in other words
TITLES_SOMEWHAT = 55  # enough with the same amount or the same recipient
CANDIDATES = 200


@dataclass(frozen=True, slots=True)
class Signature:
    """What of a document the comparison looks at."""

    pk: int
    title: str
    date: dt.date | None
    jurisdiction_id: int | None
    amounts: frozenset[tuple[Decimal, str]]
    recipients: frozenset[str]
    amount_recipients: frozenset[tuple[Decimal, str, str]]


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _recipient_key(fact: Fact) -> str:
    if fact.recipient_company_id:
        return f"company:{fact.recipient_company_id}"
    core = parse_name(fact.recipient).core if fact.recipient else ""
    return f"name:{core}" if core else ""


def signature(document: Document, facts: list[Fact]) -> Signature:
    amounts = set()
    recipients = set()
    pairs = set()
    for fact in facts:
        if fact.status == FactStatus.REJECTED:
            continue
        recipient = _recipient_key(fact)
        if recipient:
            recipients.add(recipient)
        if fact.amount_cad is not None:
            amount = (Decimal(fact.amount_cad).normalize(), fact.currency)
            amounts.add(amount)
            if recipient:
                pairs.add((*amount, recipient))
    return Signature(
        pk=document.pk,
        title=_plain(document.title),
        date=document.date or (document.created_at.date() if document.created_at else None),
        jurisdiction_id=document.jurisdiction_id,
        amounts=frozenset(amounts),
        recipients=frozenset(recipients),
        amount_recipients=frozenset(pairs),
    )


def title_alike(a: str, b: str) -> float:
    return float(fuzz.token_set_ratio(_plain(a), _plain(b)))


def likeness(a: Signature, b: Signature) -> float:
    """How surely ``a`` and ``b`` report one announcement (0: not the same)."""
    same_place = a.jurisdiction_id is not None and a.jurisdiction_id == b.jurisdiction_id
    same_recipient = bool(a.recipients & b.recipients)
    if not (same_place or same_recipient):
        return 0.0
    if a.date is None or b.date is None or abs(a.date - b.date) > WINDOW:
        return 0.0
    titles = title_alike(a.title, b.title)
    if a.amount_recipients & b.amount_recipients:
        return 100.0 + titles  # the same money for the same recipient: strong
    same_amount = bool(a.amounts & b.amounts)
    if titles >= TITLES_ALIKE:
        return titles + (10 if same_amount or same_recipient else 0)
    if titles >= TITLES_SOMEWHAT and (same_amount or same_recipient):
        return titles
    return 0.0


def _facts_by_document(ids: list[int]) -> dict[int, list[Fact]]:
    found: dict[int, list[Fact]] = {i: [] for i in ids}
    for fact in Fact.objects.filter(document_id__in=ids).only(
        "document_id", "amount_cad", "currency", "recipient", "recipient_company_id", "status"
    ):
        found[fact.document_id].append(fact)
    return found


def best_match(document: Document) -> Document | None:
    """The document already in Corridor that most surely reports the same announcement."""
    mine = signature(document, list(Fact.objects.filter(document=document)))
    if mine.date is None:
        return None
    others = (
        Document.objects.exclude(pk=document.pk)
        .filter(date__gte=mine.date - WINDOW, date__lte=mine.date + WINDOW)
        .only("pk", "title", "date", "jurisdiction_id", "event_id", "created_at", "kind")
        .order_by("-date", "-pk")[:CANDIDATES]
    )
    candidates = list(others)
    facts = _facts_by_document([d.pk for d in candidates])
    best: tuple[float, Document] | None = None
    for other in candidates:
        score = likeness(mine, signature(other, facts[other.pk]))
        if score and (best is None or score > best[0]):
            best = (score, other)
    return best[1] if best else None


def place(document: Document) -> Event | None:
    """Put ``document`` in the event of the document reporting the same announcement
    (making the event if needed); None when it is the first report of its announcement."""
    with system_scope("grouping public announcements into events"):
        if document.event_id:
            return Event.objects.filter(pk=document.event_id).first()
        match = best_match(document)
        if match is None:
            return None
        event = Event.objects.filter(pk=match.event_id).first() if match.event_id else None
        if event is None:
            first = _first_report(match, document)
            event = Event.objects.create(title=first.title[:300], date=first.date)
            _join(match, event)
        _join(document, event)
        if document.date and (event.date is None or document.date < event.date):
            event.date = document.date
            event.save(update_fields=["date"])
        return event


def _first_report(a: Document, b: Document) -> Document:
    """The report whose title names the event: a government's release, else the earlier."""
    releases = [d for d in (a, b) if d.kind == DocumentKind.PRESS_RELEASE]
    if len(releases) == 1:
        return releases[0]
    return min((a, b), key=lambda d: (d.date or dt.date.max, d.pk))


def _join(document: Document, event: Event) -> None:
    Document.all_objects.filter(pk=document.pk).update(event=event)
    document.event = event


def others_in_event(document: Document, visible: object) -> list[Document]:
    """The other documents of ``document``'s event, from the queryset ``visible``."""
    if not document.event_id:
        return []
    return list(
        visible.filter(event_id=document.event_id)  # type: ignore[attr-defined]
        .exclude(pk=document.pk)
        .order_by("date", "pk")
    )
