"""Asks answered: government announcements linked to the asks of the common agenda.

When Corridor reads a **government announcement** (a document with a jurisdiction and a
fact that is a policy allocation, or an investment whose funder is a government or one
of its agencies or programs), it scores it against every ask of the agenda that is open
or adopted, and writes an ``AskResponse`` with status *suggested* for each ask that
scores at least ``THRESHOLD``. An officer (a municipal editor) or the coordinator then
confirms or rejects each suggestion on the ask's page, or links a document by hand.
Only confirmed responses count as a government's answer on the agenda and in the common
agenda document.

The score (0 to 1) adds three parts, each explained on the ask's page:

* **theme** (weight 0.5): words typical of the ask's theme (``THEME_WORDS``) found in the
  document's title and the sentences of its facts; two different words give the full part;
* **words** (weight 0.3): the share of the ask's own words (its title and text, without
  common words) found there, compared with rapidfuzz so that "skilled" meets "skills";
* **addressee** (weight 0.2): the document's government is one the ask is addressed to
  ("Province of Ontario" names Ontario). An ask that names its addressees is answered
  only by them: Michigan landing a plant is no answer to an ask of Ontario.

``THRESHOLD`` is 0.55: a theme match alone is not enough; it takes the whole theme part
and the addressee (0.7), or half the theme part, the addressee and a third of the ask's
words. Suggestions already decided (confirmed or rejected)
are never changed by a new reading.

Intel does not import outreach: ``connect()`` (called from ``OutreachConfig.ready``)
listens to documents and facts being saved and suggests once the transaction commits.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.signals import post_save
from rapidfuzz import fuzz, process

from corridor.core import policy
from corridor.core.scoping import system_scope
from corridor.intel.models import Document, Fact, FactKind, FactStatus
from corridor.outreach.models import (
    AskResponse,
    AskStatus,
    AskTheme,
    PolicyAsk,
    ResponseStatus,
)

log = logging.getLogger("corridor.outreach.answers")

THRESHOLD = 0.55
WEIGHTS = {"theme": 0.5, "words": 0.3, "addressee": 0.2}
WORD_SIMILARITY = 85  # rapidfuzz ratio (0-100) for two words to count as the same
ANSWERABLE = (AskStatus.OPEN, AskStatus.ADOPTED)

# Words (stems: a word matches when it starts with one) typical of each theme.
THEME_WORDS: dict[str, tuple[str, ...]] = {
    AskTheme.INFRASTRUCTURE: (
        "infrastructur", "bridge", "border", "crossing", "highway", "road", "rail", "port",
        "corridor", "transit", "logistic", "pont", "frontière",
    ),
    AskTheme.RESEARCH: (
        "research", "r&d", "innovation", "universit", "college", "laborator", "scienc",
        "recherche", "prototyp", "develop",
    ),
    AskTheme.COMMERCIALISATION: (
        "commerciali", "start-up", "startup", "scale-up", "scale up", "adopt", "technolog",
        "market", "accelerat", "prototyp",
    ),
    AskTheme.CAPITAL: (
        "plant", "expansion", "expand", "retool", "incentive", "capital", "facility",
        "factory", "usine", "large-scale", "gigafactor",
    ),
    AskTheme.TECHNOLOGY: (
        "electri", "batter", "lightweight", "light-weight", "composite", "connected",
        "autonomous", "intelligent", "hydrogen", "software", "zero-emission", "électri",
    ),
    AskTheme.WORKFORCE: (
        "skill", "train", "workforce", "worker", "apprentic", "talent", "job", "employ",
        "college", "formation", "compétence", "labour",
    ),
    AskTheme.PROCUREMENT: (
        "procure", "purchas", "fleet", "buy", "tender", "contract", "acquisition",
        "approvisionnement",
    ),
}  # fmt: skip

# A funder that is a government, one of its ministries, agencies or funds.
GOVERNMENT_WORDS = (
    "government", "gouvernement", "province", "provincial", "federal", "fédéral", "ministry",
    "minister", "ministère", "state", "agency", "fund", "feddev", "jobsohio", "iedc",
    "economic development", "strategic innovation", "canada", "ontario", "québec", "quebec",
    "michigan", "ohio", "indiana", "ngen", "secretaría", "secretaria",
)  # fmt: skip

STOPWORDS = frozenset(
    [
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it",
        "its", "of", "on", "or", "that", "the", "their", "them", "they", "this", "to", "with",
        "we", "our", "who", "what", "which", "will", "need", "needs", "more", "new", "help",
        "let", "all", "any", "province", "government", "canada", "ontario",
    ]
)  # fmt: skip
WORD = re.compile(r"[\w&'-]+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Score:
    theme: float
    words: float
    addressee: float

    @property
    def total(self) -> float:
        return round(
            WEIGHTS["theme"] * self.theme
            + WEIGHTS["words"] * self.words
            + WEIGHTS["addressee"] * self.addressee,
            3,
        )

    def explain(self) -> str:
        return (
            f"theme {self.theme:.0%}, the ask's words {self.words:.0%}, "
            f"addressed to this government {'yes' if self.addressee else 'no'}"
        )


def words_of(text: str) -> list[str]:
    return [w.strip("'-").lower() for w in WORD.findall(text) if w.strip("'-")]


def _content_words(text: str) -> list[str]:
    seen: list[str] = []
    for w in words_of(text):
        if len(w) > 2 and w not in STOPWORDS and not w.isdigit() and w not in seen:
            seen.append(w)
    return seen


def theme_score(theme: str, words: set[str], text: str) -> float:
    """Two different theme words found: 1; one: 0.5; none: 0."""
    lowered = text.lower()
    hits = 0
    for stem in THEME_WORDS.get(theme, ()):
        if (" " in stem and stem in lowered) or any(w.startswith(stem) for w in words):
            hits += 1
    return min(1.0, hits / 2)


def words_score(ask_words: list[str], words: set[str]) -> float:
    if not ask_words or not words:
        return 0.0
    choices = list(words)
    found = sum(
        1
        for w in ask_words
        if process.extractOne(w, choices, scorer=fuzz.ratio, score_cutoff=WORD_SIMILARITY)
    )
    return found / len(ask_words)


def addressee_score(ask: PolicyAsk, jurisdiction: str) -> float:
    if not jurisdiction or not ask.addressed_to:
        return 0.0
    addressed = ask.addressed_to.lower()
    name = jurisdiction.lower()
    if name in addressed:
        return 1.0
    if name in ("canada", "government of canada") and "federal" in addressed:
        return 1.0
    return 0.0


def score(ask: PolicyAsk, text: str, jurisdiction: str) -> Score:
    """How well ``text`` (an announcement's title and fact sentences) answers ``ask``."""
    words = set(words_of(text))
    return Score(
        theme_score(ask.theme, words, text),
        words_score(_content_words(f"{ask.title} {ask.ask}"), words),
        addressee_score(ask, jurisdiction),
    )


def is_government_fact(fact: Fact) -> bool:
    if fact.status == FactStatus.REJECTED:
        return False
    if fact.kind == FactKind.POLICY or fact.funding_program_id:
        return True
    funder = fact.funder.lower()
    return any(word in funder for word in GOVERNMENT_WORDS)


def government_facts(document: Document, facts: Iterable[Fact]) -> list[Fact]:
    """The facts that make ``document`` a government announcement (none: it is not one)."""
    if document.jurisdiction_id is None:
        return []
    return [f for f in facts if is_government_fact(f)]


def suggest_for_document(document_id: int) -> list[AskResponse]:
    """Score a document against the agenda's open and adopted asks; write suggestions.

    System work (it runs after any user's save): decided responses stay as they are."""
    with system_scope("suggesting which asks an announcement answers"):
        document = Document.objects.filter(pk=document_id).select_related("jurisdiction").first()
        if document is None:
            return []
        facts = government_facts(
            document, Fact.objects.filter(document=document).order_by("position")
        )
        if not facts:
            return []
        jurisdiction = document.jurisdiction.name if document.jurisdiction else ""
        text = " ".join([document.title, *(f.sentence for f in facts)])
        written: list[AskResponse] = []
        existing = {r.ask_id: r for r in AskResponse.objects.filter(document=document)}
        for ask in PolicyAsk.objects.filter(status__in=ANSWERABLE).order_by("pk"):
            found = score(ask, text, jurisdiction)
            if ask.addressed_to and not found.addressee:
                continue  # another government than the one asked
            if found.total < THRESHOLD:
                continue
            best = max(facts, key=lambda f: score(ask, f.sentence, jurisdiction).total)
            response = existing.get(ask.pk)
            if response is None:
                response = AskResponse.objects.create(
                    ask=ask,
                    document=document,
                    fact=best,
                    score=found.total,
                    note=f"Suggested: {found.explain()}."[:300],
                )
            elif response.status == ResponseStatus.SUGGESTED and (
                response.score != found.total or response.fact_id != best.pk
            ):
                response.score = found.total
                response.fact = best
                response.note = f"Suggested: {found.explain()}."[:300]
                response.save()
            written.append(response)
        return written


def _schedule(document_id: int | None) -> None:
    if document_id is None:
        return
    transaction.on_commit(lambda: suggest_for_document(document_id), robust=True)


def _document_saved(sender: Any, instance: Document, **kwargs: Any) -> None:
    if not kwargs.get("raw"):
        _schedule(instance.pk)


def _fact_saved(sender: Any, instance: Fact, **kwargs: Any) -> None:
    if not kwargs.get("raw"):
        _schedule(instance.document_id)


def connect() -> None:
    post_save.connect(_document_saved, sender=Document, dispatch_uid="outreach-answers-document")
    post_save.connect(_fact_saved, sender=Fact, dispatch_uid="outreach-answers-fact")


# What officers do


def link(
    user: Any, ask: PolicyAsk, document: Document, *, fact: Fact | None = None, note: str = ""
) -> AskResponse:
    """An officer links a document to an ask by hand: a confirmed response."""
    policy.require_create(user, AskResponse)
    if fact is not None and fact.document_id != document.pk:
        raise ValidationError({"fact_id": "The fact is not one of this document's facts."})
    with transaction.atomic(), system_scope("one response per ask and document, any status"):
        response = AskResponse.all_objects.filter(ask=ask, document=document).first()
        if response is None:
            response = AskResponse(ask=ask, document=document, score=1.0)
        if response.deleted_at is not None:
            response.deleted_at = None
        if fact is None and response.fact_id is None:
            fact = (
                Fact.objects.filter(document=document)
                .exclude(status=FactStatus.REJECTED)
                .order_by("position")
                .first()
            )
        if fact is not None:
            response.fact = fact
        response.status = ResponseStatus.CONFIRMED
        response.decided_by = user
        response.note = (note or "Linked by hand.")[:300]
        response.full_clean(validate_unique=False)
        response.save()
    return response


def decide(user: Any, response: AskResponse, status: str, note: str = "") -> AskResponse:
    """Confirm or reject a response (a suggestion, or undo an earlier decision)."""
    if status not in (ResponseStatus.CONFIRMED, ResponseStatus.REJECTED):
        raise ValidationError({"status": "Confirm or reject."})
    policy.require_change(user, response)
    response.status = status
    response.decided_by = user
    if note:
        response.note = note[:300]
    response.save()
    return response


# What the pages read


def responses(user: Any, asks: Iterable[int] | None = None, *, status: str = "") -> Any:
    qs = policy.visible(user, AskResponse).select_related(
        "document__jurisdiction", "fact", "decided_by", "ask"
    )
    if asks is not None:
        qs = qs.filter(ask_id__in=list(asks))
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("ask_id", "-document__date", "-score", "pk")


def confirmed_by_ask(user: Any, asks: Iterable[int] | None = None) -> dict[int, list[AskResponse]]:
    """Confirmed responses per ask id, the newest announcement first."""
    found: dict[int, list[AskResponse]] = {}
    for response in responses(user, asks, status=ResponseStatus.CONFIRMED):
        found.setdefault(response.ask_id, []).append(response)
    return found


def governments(responses: Iterable[AskResponse]) -> list[str]:
    """The governments that responded, each once, in the order given."""
    names: list[str] = []
    for r in responses:
        name = str(r.document.jurisdiction) if r.document.jurisdiction_id else "Not known"
        if name not in names:
            names.append(name)
    return names


def commitment(response: AskResponse) -> str:
    """The commitment in a line: the fact's sentence, or the document's title."""
    if response.fact is not None and response.fact.sentence:
        return response.fact.sentence
    return response.document.title


def government_documents(user: Any, limit: int = 200) -> Any:
    """Documents an officer may link by hand: those with a government, the newest first."""
    return (
        policy.visible(user, Document)
        .filter(jurisdiction__isnull=False)
        .select_related("jurisdiction")
        .only("pk", "title", "date", "jurisdiction__name")
        .order_by("-date", "-pk")[:limit]
    )
