"""From a document's text to its facts: investments and policy allocations."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from corridor.intel.extraction import (
    classify,
    counts,
    dates,
    instruments,
    jurisdictions,
    money,
    parties,
    trends,
)
from corridor.intel.extraction.text import Sentence, is_title, normalise, sentences

INVESTMENT = "investment"
POLICY = "policy"
# The fields of a fact besides its trends and sentence, as ``as_json`` names them.
FIELDS = (
    "kind",
    "funder",
    "recipient",
    "program",
    "amount_cad",
    "currency",
    "total_value_cad",
    "projects",
    "jobs",
    "jobs_retained",
    "instrument",
    "date",
    "jurisdiction",
)
_LONG_DOCUMENT_WORDS = 900  # a report, not an announcement: trends come from the sentence
_GENERIC_FUNDER = re.compile(
    r"^(?:(?:federal|provincial|state|municipal)\s+(?:government|budget)|province|Province|state|"
    r"governor)$",
    re.IGNORECASE,
)
_FROM_FUNDER = re.compile(
    rf"\b(?:from|by|of)\s+(?P<name>(?:the\s+)?{parties.NAME}(?:'s\s+{parties.NAME})?)", re.UNICODE
)
_POSSESSIVE_FUNDER = re.compile(
    rf"(?P<name>{parties.NAME})(?:'s|\u2019s)\s+(?:[\w-]+\s+){{0,2}}(?:contribution|investment|"
    r"funding|support|loan|grant|commitment|share|portion|allocation)"
)


@dataclass
class ExtractedFact:
    kind: str
    amount_cad: float | None
    currency: str | None
    sentence: str
    funder: str | None = None
    recipient: str | None = None
    program: str | None = None
    total_value_cad: float | None = None
    projects: int | None = None
    jobs: int | None = None  # jobs created
    jobs_retained: int | None = None  # jobs kept (retained, maintained, protected)
    instrument: str | None = None  # grant, loan, tax_credit, equity, guarantee, other
    date: dt.date | None = None
    jurisdiction: str | None = None
    trends: list[str] = field(default_factory=list)
    confidence: float = 0.5
    qualifier: str | None = None
    amount_low: float | None = None
    rate: str | None = None
    sentence_index: int = 0
    funder_from_document: bool = False  # no funder in its sentence: the document's
    start: int = 0  # where the amount is in the sentence
    end: int = 0

    def as_json(self) -> dict[str, Any]:
        """The public shape of ``corridor extract-facts --json``."""
        data = asdict(self)
        return {
            "kind": data["kind"],
            "funder": data["funder"],
            "recipient": data["recipient"],
            "program": data["program"],
            "amount_cad": _number(data["amount_cad"]),
            "currency": data["currency"],
            "total_value_cad": _number(data["total_value_cad"]),
            "projects": data["projects"],
            "jobs": data["jobs"],
            "jobs_retained": data["jobs_retained"],
            "instrument": data["instrument"],
            "date": self.date.isoformat() if self.date else None,
            "jurisdiction": data["jurisdiction"],
            "trends": list(data["trends"]),
            "sentence": data["sentence"],
            "confidence": round(self.confidence, 2),
        }


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


@dataclass
class _Context:
    text: str
    sentences: list[Sentence]
    mentions: Counter[str]
    acronyms: dict[str, str]
    date: dt.date | None
    jurisdiction: str | None
    long: bool


_SEATS = {"ottawa": "Canada", "queen's park": "Ontario", "washington": "United States"}


_COMMONWEALTHS = frozenset({"Kentucky", "Massachusetts", "Pennsylvania", "Virginia"})


def government_name(jurisdiction: str) -> str:
    """How Corridor names a government: "Government of Ontario", "State of Michigan"."""
    found = jurisdictions.by_name(jurisdiction)
    if jurisdiction == "United States":
        return "U.S. government"
    if found and found.kind == "state":
        kind = "Commonwealth" if jurisdiction in _COMMONWEALTHS else "State"
        return f"{kind} of {jurisdiction}"
    return f"Government of {jurisdiction}"


def _canonical_government(text: str, jurisdiction: str | None) -> str:
    """ "the province" and "Ottawa" say which government only in context: name it."""
    lowered = text.lower()
    named = re.match(
        r"(?:the\s+)?(?:state|province|commonwealth)\s+of\s+(?P<name>.+)$|"
        r"(?P<place>.+?)\s+(?:lawmakers|legislators|legislature|General\s+Assembly)$",
        text,
        re.I,
    )
    if named and named.group("place") and jurisdictions.by_name(named.group("place")):
        return government_name(named.group("place"))  # "Kentucky lawmakers" vote its money
    if named and jurisdictions.by_name(named.group("name")) is not None:
        return government_name(named.group("name"))
    if lowered in _SEATS:
        return government_name(_SEATS[lowered])
    if jurisdictions.by_name(text) is not None:
        return government_name(text)
    if jurisdiction and _GENERIC_FUNDER.match(text):
        return government_name(jurisdiction)
    return text


def _funder(sentence: str, amount: money.Amount, recipient: str | None) -> tuple[str | None, bool]:
    """The funder named in the sentence and whether it is a government or public agency."""
    public = parties.governments(sentence) + parties.agencies(sentence)
    tail = sentence[amount.end :]
    head = sentence[: amount.start]
    led = re.search(rf"\b(?:led|backed)\s+by\s+(?P<name>{parties.NAME})", tail[:120])
    if led:
        name = parties.clean_name(led.group("name"))
        if name and name != recipient:
            return name, _is_public(name)
    for match in _FROM_FUNDER.finditer(tail[:120]):
        found = [p for p in public if p.start >= amount.end + match.start("name") - 5]
        if found and found[0].start <= amount.end + match.end("name"):
            return found[0].text, True
    for match in _POSSESSIVE_FUNDER.finditer(sentence):
        found = [p for p in public if match.start() <= p.start < match.end()]
        if found:
            return found[0].text, True
    subject = parties.subject_before(sentence, amount.start)
    if subject and subject.text != recipient:
        verb_text = head[subject.end :]
        if not re.search(
            r"\b(?:receiv|secur|get|got|won|obtain|awarded|raised|approved(?:\s+\w+day)?\s+for|"
            r"eligible|qualif|land)",
            verb_text,
            re.I,
        ):
            is_public = any(
                p.start <= subject.start < p.end or subject.start <= p.start < subject.end
                for p in public
            )
            return subject.text, is_public
    before_amount = [p for p in public if p.end <= amount.start]
    if before_amount:
        return before_amount[-1].text, True
    # "... under a revised package the Michigan Strategic Fund approved": named after it.
    after_amount = [
        p
        for p in public
        if p.start >= amount.end and p.text != recipient and _ACTS.match(sentence[p.end :])
    ]
    if after_amount:
        return after_amount[0].text, True
    named = jurisdictions.mentions(sentence, ("governments", "programs"))
    if named:
        return government_name(named.most_common(1)[0][0]), True
    return None, False


_ACTS = re.compile(
    r"\s+(?:(?:board\s+)?(?:approved|announced|awarded|agreed|voted|granted|offered|committed|"
    r"said|says)|will|has|had|is|was)\b"
)
_BOTH_GOVERNMENTS = re.compile(
    r"\b(?:the\s+)?(federal|provincial|Ontario|Quebec|Canadian|Michigan|Ohio|Indiana|Mexican)\s+and\s+"
    r"(federal|provincial|Ontario|Quebec|Canadian|Michigan|Ohio|Indiana|Mexican)\s+governments\b",
    re.IGNORECASE,
)
_EACH = re.compile(
    r"\b(?:will|are|were|have|had|would)?\s*each\s+(?:\w+\s+){0,3}$|^\s*each\b", re.I
)


def _each_funders(sentence: str, amount: money.Amount) -> list[str]:
    """ "Ottawa and Ontario will each provide up to $2.5 billion": one fact per funder."""
    head = sentence[: amount.start]
    both = _BOTH_GOVERNMENTS.search(head)
    if both and (_EACH.search(head[-40:]) or re.search(r"\b(?:each|both)\b", head[both.end() :])):
        return [f"{both.group(1)} government", f"{both.group(2)} government"]
    if not (_EACH.search(head[-40:]) or _EACH.match(sentence[amount.end : amount.end + 10])):
        return []
    verb = list(parties._INVEST_VERB.finditer(head))
    subject_zone = head[: verb[-1].start()] if verb else head
    subject_zone = subject_zone[-80:]
    found = parties.governments(subject_zone) + parties.agencies(subject_zone)
    found += parties.names(subject_zone)
    texts: list[str] = []
    for party in sorted(found, key=lambda p: p.start):
        for piece in re.split(r",\s*|\s+and\s+", party.text):
            piece = parties.clean_name(piece)
            if piece and piece not in texts:
                texts.append(piece)
    return texts if len(texts) >= 2 and " and " in subject_zone else []


_MINISTER = re.compile(
    r"\b(?:(?:Minister|Ministre|Secretary|Premier|Governor|Mayor|Prime\s+Minister)\b|Gov\.)"
)


def _is_public(name: str) -> bool:
    return bool(parties.governments(name) or parties.agencies(name) or _MINISTER.search(name))


def _minister_government(name: str, context: _Context, text: str = "") -> str | None:
    """A minister, premier or governor announces for a government: name the government."""
    if not _MINISTER.search(name):
        return None
    if re.search(r"\bMayor\b", name):
        return None
    named = jurisdictions.mentions(name, ("governments", "agencies", "places"))
    if named:
        return named.most_common(1)[0][0]
    if re.search(r"Innovation,\s+Science|Industry|Finance|Prime\s+Minister|federal", name, re.I):
        return "Canada"
    if re.search(r"Economic\s+Development,\s+Job\s+Creation|Premier", name):
        return context.jurisdiction if context.jurisdiction not in (None, "Canada") else "Ontario"
    return context.jurisdiction or (jurisdictions.place_in(text) if text else None)


def _program(sentence: str, context: _Context, funder: str | None) -> str | None:
    found = [
        p
        for p in parties.programs(sentence, context.acronyms)
        if not (funder and (p.text.startswith(funder) or funder.startswith(p.text)))
    ]
    found = [p for p in found if not re.match(r"(?:Government|Minister)", p.text)]
    if not found:
        return None
    first = found[0]
    beneficiary = re.search(
        r"(?:Credits?|Grants?)(?P<cut>\s+for\s+)(?P<name>[A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*){0,3})$",
        first.text,
    )
    if beneficiary and parties.is_company(beneficiary.group("name")):
        # "Job Creation Tax Credits for Corvane": the program, then who gets it.
        cut = beneficiary.start("cut")
        first = parties.Party(first.text[:cut], first.start, first.start + cut)
    # "the AMIC Stream of the Regional Development Program": the program, not its stream.
    inner = re.search(r"\b[Ss]tream\s+of\s+(?:the\s+)?(?P<program>[A-Z].+)$", first.text)
    if inner:
        return inner.group("program")
    streamed = re.match(r"(?P<acronym>[A-Z][A-Z&-]{1,10})\s+(?:\w+\s+){0,3}[Ss]tream$", first.text)
    if streamed and streamed.group("acronym") in context.acronyms:
        # "the SDF Capital Stream" of "Ontario's Skills Development Fund (SDF)"
        return re.sub(r"^[A-Z][\w.-]*'s\s+", "", context.acronyms[streamed.group("acronym")])
    if re.search(r"\b[Ss]tream$", first.text) and len(found) > 1:
        return found[1].text
    return first.text


# "The program will provide $470 million": the program the sentences before named.
_THE_PROGRAM = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:new\s+)?(?:program|fund|initiative)\b"
)


def _program_before(context: _Context, index: int, funder: str | None) -> str | None:
    for earlier in reversed(context.sentences[max(0, index - 2) : index]):
        found = _program(earlier.text, context, funder)
        if found and not _THE_PROGRAM.fullmatch(found):
            return found
    return None


def _currency(amount: money.Amount, jurisdiction: str | None) -> str:
    if amount.currency_stated or not jurisdiction:
        return amount.currency
    found = jurisdictions.by_name(jurisdiction)
    if found and found.country in ("United States", "Mexico"):
        return "USD"
    return amount.currency


_TOTAL_WORDS = re.compile(r"total|leverag|project\s+(?:value|cost)|worth", re.IGNORECASE)


def _attach_counts(facts: list[ExtractedFact], context: _Context) -> None:
    """Jobs and projects stated after a fact's sentence belong to it, up to the next fact."""
    fact_sentences = sorted({f.sentence_index for f in facts})
    for fact in facts:
        later = [i for i in fact_sentences if i > fact.sentence_index]
        stop = later[0] if later else len(context.sentences)
        if len(fact_sentences) == 1 and not context.long:
            window = [s for s in context.sentences if s.index != fact.sentence_index]
        else:
            window = context.sentences[fact.sentence_index + 1 : stop]
            if context.long:
                window = window[:2]
        for sentence in window:
            if money.find_amounts(sentence.text) and sentence.index in fact_sentences:
                continue
            if fact.jobs is None:
                fact.jobs = counts.find_jobs(sentence.text)
            if fact.jobs_retained is None:
                fact.jobs_retained = counts.find_retained(sentence.text)
            if fact.projects is None:
                fact.projects = counts.find_projects(sentence.text)
            if fact.total_value_cad is None and sentence.index > fact.sentence_index:
                totals_named = _TOTAL_WORDS.search(sentence.text) is not None
                for amount in money.find_amounts(sentence.text):
                    judged = classify.judge(sentence.text, amount, [])
                    larger = amount.value > (fact.amount_cad or 0)
                    if totals_named and judged.role != classify.OTHER and larger:
                        fact.total_value_cad = amount.value


def _same_name(a: str, b: str) -> bool:
    """ "Canada Infrastructure Bank" and "CIB" name one party."""

    def initials(name: str) -> str:
        return "".join(w[0] for w in re.findall(r"[A-Z][\w'-]*", name))

    return a == b or (a.isupper() and a == initials(b)) or (b.isupper() and b == initials(a))


_LEAD_SENTENCES = 1  # the headline, a dateline, the lead


def _same(a: ExtractedFact, b: ExtractedFact) -> bool:
    leads = [_ITEM_LEAD.match(f.sentence) for f in (a, b)]
    if leads[0] and leads[1] and leads[0].group("name") != leads[1].group("name"):
        return False  # two list items that happen to get the same amount
    # A headline or lead restates the body; two body sentences with the same amount
    # ("one firm will invest $55 million ... another $55 million") are two facts unless
    # they name the same party.
    restated = min(a.sentence_index, b.sentence_index) <= _LEAD_SENTENCES or any(
        x is not None and y is not None and _same_name(x, y)
        for x, y in ((a.recipient, b.recipient), (a.funder, b.funder))
    )
    return (
        restated
        and a.amount_cad == b.amount_cad
        and a.currency == b.currency
        and a.sentence_index != b.sentence_index
        and (a.funder is None or b.funder is None or a.jurisdiction == b.jurisdiction)
    )


def _merge(facts: list[ExtractedFact]) -> list[ExtractedFact]:
    """A headline and its body state the same amount: keep one fact with every field found."""
    kept: list[ExtractedFact] = []
    for fact in facts:
        twin = next((k for k in kept if _same(k, fact)), None)
        if twin is None:
            kept.append(fact)
            continue
        richer, poorer = (fact, twin) if _richness(fact) > _richness(twin) else (twin, fact)
        for name in (
            "funder",
            "recipient",
            "program",
            "total_value_cad",
            "projects",
            "jobs",
            "jobs_retained",
            "instrument",
        ):
            if getattr(richer, name) is None:
                setattr(richer, name, getattr(poorer, name))
        richer.trends = sorted(set(richer.trends) | set(poorer.trends), key=trends.TRENDS.index)
        richer.confidence = max(richer.confidence, poorer.confidence)
        if poorer.sentence_index > richer.sentence_index == 0:
            richer.sentence_index = poorer.sentence_index  # placed where the body tells it
        kept[kept.index(twin)] = richer
    return kept


def _richness(fact: ExtractedFact) -> int:
    fields = (
        fact.funder,
        fact.recipient,
        fact.program,
        fact.total_value_cad,
        fact.projects,
        fact.jobs,
        fact.jobs_retained,
        fact.instrument,
    )
    return sum(value is not None for value in fields) * 10 + min(len(fact.sentence), 300) // 100


def _context(text: str) -> _Context:
    clean = normalise(text)
    found = sentences(clean)
    return _Context(
        text=clean,
        sentences=found,
        mentions=jurisdictions.mentions(clean),
        acronyms=parties.acronyms(clean),
        date=dates.document_date(clean),
        jurisdiction=jurisdictions.place_in(clean),
        long=len(clean.split()) > _LONG_DOCUMENT_WORDS,
    )


def extract_facts(text: str) -> list[ExtractedFact]:
    """The investments and policy allocations ``text`` states, in document order."""
    context = _context(text)
    facts: list[ExtractedFact] = []
    for sentence in context.sentences:
        amounts = money.find_amounts(sentence.text)
        if not amounts:
            continue
        judged = [
            (a, classify.judge(sentence.text, a, [o for o in amounts if o is not a]))
            for a in amounts
        ]
        totals = [a for a, j in judged if j.role == classify.TOTAL]
        for amount, judgement in judged:
            if judgement.role not in (classify.INVESTMENT, classify.UNKNOWN, classify.TOTAL):
                continue
            if _is_total_of_previous(facts, sentence, amount, amounts):
                continue
            if judgement.role != classify.INVESTMENT:
                continue
            others = [o for o in amounts if o is not amount]
            fact = _fact(sentence, amount, judgement, totals, context, others)
            _share_with_previous(facts, fact)
            funders = _each_funders(sentence.text, amount)
            if not funders:
                facts.append(fact)
                continue
            for funder in funders:
                twin = ExtractedFact(**{**fact.__dict__, "trends": list(fact.trends)})
                public = _is_public(funder) or jurisdictions.by_name(funder) is not None
                if public or funder.lower() in _SEATS:
                    twin.jurisdiction = jurisdictions.government_of(
                        funder, context.mentions
                    ) or _SEATS.get(funder.lower())
                twin.funder = _canonical_government(funder, twin.jurisdiction)
                twin.kind = fact.kind
                facts.append(twin)
    if facts:
        _funders_from_previous(facts)
        _parts_of_company_investment(facts)
        _headline_company(facts, context)
        _company_pronouns(facts)
        _attach_counts(facts, context)
        facts = _merge(facts)
        facts = _without_sums(facts)
        _link_to_company_investment(facts)
        _one_program(facts)
        if not context.long:
            _document_jobs(facts, context)
        _document_trends(facts, context)
    return facts


_COMPANY_PRONOUN = re.compile(
    r"\b(?:the|The)\s+(?:company|firm|automaker|carmaker|manufacturer|supplier|parts\s+maker|"
    r"start-up|startup|business)\b(?:'s)?[^$.]{0,40}$|^\s*(?:It|The\s+company)\s+(?:will|plans|is|has)\b"
    r"|^\s*\"?\s*(?:We|we)\b(?:\s+\w+){0,5}\s+(?:to\s+)?invest"
)
# "With a matching investment of $140,000, the company automated its line."
_COMPANY_AFTER = re.compile(
    r"^[^.;$]{0,30}?,\s+(?:the|The)\s+(?:company|firm|manufacturer|supplier|automaker|business)\b"
)
_COMPANY_SPEAKER = re.compile(
    r"\bsaid\s+(?:the\s+)?(?:company|firm)'s\b|\bsaid\s+[^,.]{0,60}(?:president|CEO|chief\s+executive|"
    r"owner|founder|general\s+manager|plant\s+manager)\b",
    re.IGNORECASE,
)


def _funders_from_previous(facts: list[ExtractedFact]) -> None:
    """A list of recipients right after an announcement shares its funder."""
    for previous, fact in itertools.pairwise(facts):
        if (
            fact.funder is None
            and previous.funder
            and fact.sentence_index - previous.sentence_index <= 2
        ):
            fact.funder = previous.funder
            fact.jurisdiction = previous.jurisdiction
            fact.currency = previous.currency if not fact.currency else fact.currency
            if fact.program is None:
                fact.program = previous.program


_SUPPORT_WORDS = re.compile(
    r"\b(?:subsid\w*|incentives?|grants?|loans?|tax\s+(?:credits?|breaks?|abatements?)|"
    r"abatements?|rebates?|aide|subvention\w*|prêts?|apoyos?)\b",
    re.IGNORECASE,
)


_HEADLINE_COMPANY = re.compile(
    rf"^(?P<name>{parties.NAME})(?:'s|\u2019s)?\s+(?:to\s+(?:build|invest|expand|open|add|make|"
    r"spend|put)|invests?|investing|announces?|plans?|will|is\s+investing|commits?|unveils?|"
    r"expands?|builds?|investment|expansion|pledges?)\b"
)


def _headline_company(facts: list[ExtractedFact], context: _Context) -> None:
    """A company's release ("GM to build the EV600 at CAMI", "Stellantis investment
    secures two plants") spends the company's money where no sentence names a funder."""
    if not context.sentences or any(f.funder for f in facts if _public_side(f)):
        return
    found = _HEADLINE_COMPANY.match(context.sentences[0].text)
    if not found:
        return
    name = parties.clean_name(found.group("name"))
    if not name or not parties.is_company(name) or _is_public(name):
        return
    if name.isupper():  # "GM": the name the text spells out ("General Motors")
        spelled = [p.text for p in parties.names(context.text) if _same_name(name, p.text)]
        name = next((p for p in spelled if p != name), name)
    for fact in facts:
        if fact.funder is None and fact.recipient is None:
            fact.funder = name
            fact.kind = INVESTMENT


def _parts_of_company_investment(facts: list[ExtractedFact]) -> None:
    """ "Magna is investing $471 million ... In Guelph, a $140 million investment will
    install a paint line": a sentence that names no funder, after a company's larger
    investment, spends part of that company's money, not the government's that the
    document also names (whose support is smaller than the part)."""
    for index, fact in enumerate(facts):
        if not fact.funder_from_document or fact.recipient or fact.instrument:
            continue
        if _SUPPORT_WORDS.search(fact.sentence):
            continue  # a grant, a loan or a subsidy is not the company's own money
        earlier = [f for f in facts[:index] if (f.amount_cad or 0) >= (fact.amount_cad or 0)]
        earlier = [f for f in earlier if f.funder and f.currency == fact.currency]
        if not earlier:
            continue
        company = earlier[-1]
        if _is_public(company.funder or "") or (company.funder or "").startswith(
            ("Government of", "State of", "U.S.")
        ):
            continue
        if jurisdictions.by_name(company.funder or "") is not None:
            continue
        fact.funder = company.funder
        fact.program = None
        fact.instrument = None
        fact.kind = INVESTMENT


def _company_pronouns(facts: list[ExtractedFact]) -> None:
    """ "The company plans to invest $250 million": the company the previous fact funded."""
    for previous, fact in itertools.pairwise(facts):
        head = fact.sentence[: fact.start]
        said = _COMPANY_PRONOUN.search(head) or _COMPANY_AFTER.match(fact.sentence[fact.end :])
        if not (previous.recipient and fact.recipient is None and said):
            continue
        if re.match(r'\s*"?\s*[Ww]e\b', head) and not _COMPANY_SPEAKER.search(fact.sentence):
            continue  # "we" is a minister speaking, not the company
        if fact.funder in (None, previous.funder) or _is_public(fact.funder or ""):
            fact.funder = previous.recipient
            fact.kind = INVESTMENT
            fact.jurisdiction = previous.jurisdiction


def _share_with_previous(facts: list[ExtractedFact], fact: ExtractedFact) -> None:
    """ "offered Acme up to $25 million in tax credits and up to $3 million in training
    grants": the second amount goes to the same recipient from the same funder."""
    previous = facts[-1] if facts else None
    if previous is None or previous.sentence_index != fact.sentence_index:
        return
    between = fact.sentence[previous.end : fact.start]
    if not re.search(r"\band\b|,", between) or len(between) > 60:
        return
    if fact.funder not in (None, previous.funder):
        return
    if fact.recipient is None and previous.recipient is not None:
        fact.recipient = previous.recipient
        if fact.kind == POLICY:
            fact.kind = previous.kind
    if fact.funder is None:
        fact.funder = previous.funder
    if fact.instrument is None and fact.rate and previous.rate:
        fact.instrument = previous.instrument  # "a credit of $35/kWh for cells and $10/kWh ..."


def _is_total_of_previous(
    facts: list[ExtractedFact],
    sentence: Sentence,
    amount: money.Amount,
    amounts: list[money.Amount],
) -> bool:
    """A sentence right after a fact that gives its project's total value adds to that fact."""
    if len(amounts) > 1 or not facts or not classify.states_total(sentence.text, amount):
        return False
    previous = [f for f in facts if sentence.index - 2 <= f.sentence_index < sentence.index]
    if not previous:
        return False
    for fact in previous:
        if fact.total_value_cad is None and (fact.amount_cad or 0) < amount.value:
            fact.total_value_cad = amount.value
    return True


def _link_to_company_investment(facts: list[ExtractedFact]) -> None:
    """Governments that support "the project" support the company investment just announced."""
    companies = [
        f
        for f in facts
        if f.funder
        and not _is_public(f.funder)
        and not f.funder.startswith(("Government of", "State of", "U.S."))
    ]
    names = {f.funder or "" for f in companies}
    if not names or not all(a in b or b in a for a in names for b in names):
        return  # several companies ("Magna" and "Magna International" are one)
    company = max(companies, key=lambda f: f.amount_cad or 0)
    for fact in facts:
        if fact is company or fact.recipient or not fact.funder:
            continue
        if not (_is_public(fact.funder) or fact.funder.startswith(("Government of", "State of"))):
            continue
        if (company.amount_cad or 0) > (
            fact.amount_cad or 0
        ) and 0 < fact.sentence_index - company.sentence_index <= 2:
            fact.recipient = company.funder
            if fact.kind == POLICY and not fact.rate:
                fact.kind = INVESTMENT
            if fact.total_value_cad is None:
                fact.total_value_cad = company.amount_cad


def _rounding(value: float) -> float:
    """How far a stated amount may be from the exact sum it rounds: half its last stated
    digit when it states two or more ("$1.3 billion" is 1.25 to 1.35 billion), else 0.5 %
    ("$600 million" is not 594 million)."""
    whole = f"{int(value):d}"
    digits = whole.rstrip("0")
    if len(digits) < 2:
        return 0.005 * value
    return max(0.005 * value, 10 ** (len(whole) - len(digits)) / 2)


def _without_sums(facts: list[ExtractedFact]) -> list[ExtractedFact]:
    """ "Governments put $1 billion into the plant" before "Ottawa gives $500 million and
    Ontario another $500 million", "four companies will share $355 million" before the
    four awards: an amount that is the sum of a run of the other facts is their total,
    not a fact of its own."""
    sums: list[ExtractedFact] = []
    parts: list[ExtractedFact] = []  # a part of a larger sum is not a sum itself
    for fact in sorted(facts, key=lambda f: -(f.amount_cad or 0)):
        if any(fact is p for p in parts):
            continue
        value = fact.amount_cad or 0

        def can_add(
            other: ExtractedFact, whole: ExtractedFact = fact, value: float = value
        ) -> bool:
            return (
                other.sentence_index != whole.sentence_index
                and other.currency == whole.currency
                # a part close to the whole restates it ("$4 billion" and "$4.2 billion")
                and (other.amount_cad or 0) < 0.9 * value
            )

        others = [f for f in facts if f is not fact and not any(f is s for s in sums)]
        tolerance = _rounding(value)
        if fact.qualifier in _ROUGHLY:
            tolerance = max(tolerance, 0.02 * value)  # "about $6 million"
        found = _run_summing_to(others, value, tolerance, can_add)
        if found:
            sums.append(fact)
            parts.extend(found)
            for part in found:  # the total's program funds its parts
                if part.program is None and part.funder == fact.funder:
                    part.program = fact.program
    return [f for f in facts if not any(f is s for s in sums)]


def _public_side(fact: ExtractedFact) -> bool:
    funder = fact.funder or ""
    return (
        _is_public(funder)
        or funder.startswith(("Government of", "State of", "U.S."))
        or jurisdictions.by_name(funder) is not None
    )


_ROUGHLY = frozenset(
    {"about", "approximately", "around", "roughly", "some", "nearly", "almost", "close to"}
)


def _run_summing_to(
    facts: list[ExtractedFact],
    value: float,
    tolerance: float,
    can_add: Callable[[ExtractedFact], bool],
) -> list[ExtractedFact]:
    """The first run of two or more facts, next to each other in the document, whose
    amounts add up to ``value``; a fact that cannot be a part ends the run."""
    for start in range(len(facts)):
        total = 0.0
        for end in range(start, len(facts)):
            if not can_add(facts[end]) or _public_side(facts[end]) != _public_side(facts[start]):
                break  # a government's support and a company's own money are not one total
            total += facts[end].amount_cad or 0
            if end > start and abs(total - value) <= tolerance:
                return facts[start : end + 1]
            if total > value + tolerance:
                break
    return []


def _one_program(facts: list[ExtractedFact]) -> None:
    """A release about one program ("$6 million from the Southwestern Ontario Development
    Fund", then each company's award) funds every award of the same funder through it."""
    programs = {f.program for f in facts if f.program}
    if len(programs) != 1:
        return
    program = programs.pop()
    funders = {f.funder for f in facts if f.program == program}
    for fact in facts:
        if fact.program is None and fact.recipient and fact.funder in funders:
            fact.program = program


def _document_jobs(facts: list[ExtractedFact], context: _Context) -> None:
    """An announcement's job counts (created, retained) are the project's: every fact of
    it shares them. A release that lists several recipients gives each its own counts,
    so nothing is shared there."""
    if len({f.recipient for f in facts if f.recipient and f.funder}) >= 2:
        return
    for name, find in (("jobs", counts.find_jobs), ("jobs_retained", counts.find_retained)):
        known = next((getattr(f, name) for f in facts if getattr(f, name) is not None), None)
        if known is None:
            for sentence in context.sentences:
                known = find(sentence.text)
                if known is not None:
                    break
        if known is None:
            continue
        for fact in facts:
            if getattr(fact, name) is None:
                setattr(fact, name, known)


_WINDOW_BEFORE, _WINDOW_AFTER = 320, 260


def _around(text: str, amount: money.Amount) -> tuple[str, money.Amount]:
    """A very long "sentence" (a PDF table, a run-on list) is read only near the amount,
    so the name patterns stay fast and do not pick parties from far away."""
    if len(text) <= _WINDOW_BEFORE + _WINDOW_AFTER + 200:
        return text, amount
    start = max(0, amount.start - _WINDOW_BEFORE)
    window = text[start : amount.end + _WINDOW_AFTER]
    return window, dataclasses.replace(amount, start=amount.start - start, end=amount.end - start)


def _fact(
    sentence: Sentence,
    amount: money.Amount,
    judgement: classify.Judgement,
    totals: list[money.Amount],
    context: _Context,
    others: list[money.Amount] | None = None,
) -> ExtractedFact:
    text, near = _around(sentence.text, amount)
    recipient_party = parties.recipient_near(text, near.start, near.end, None)
    recipient = recipient_party.text if recipient_party and not is_title(text) else None
    lead = _LIST_LEAD.match(text)
    label = _ITEM_LEAD.match(text)
    if recipient is None and lead and not is_title(text):
        name = parties.clean_name(lead.group("name"))
        if name and not _is_public(name) and jurisdictions.by_name(name) is None:
            recipient = name
    if recipient is None and label and re.search(r"\bcount(?:y|ies)$", label.group("name"), re.I):
        recipient = label.group("name").strip()  # "Adams and Brown counties: $250,000 for ..."
    own = _COMPANY_OWN.match(text[near.end :])
    funder: str | None
    if own and recipient:
        funder, public, recipient = recipient, False, None
    else:
        funder, public = _funder(text, near, recipient)
    from_document = funder is None
    if funder is None:
        funder, public = _document_funder(context, sentence.index)
    if funder and recipient == funder:
        recipient = None
    minister_of = _minister_government(funder, context, text) if funder else None
    if minister_of:
        funder, public = government_name(minister_of), True
    if funder and not public:
        public = _is_public(funder) or jurisdictions.by_name(funder) is not None
        public = public or funder.lower() in _SEATS
    if funder and funder.lower() in _SEATS:
        jurisdiction_hint: str | None = _SEATS[funder.lower()]
    else:
        jurisdiction_hint = None
    jurisdiction = jurisdiction_hint
    if funder and public and jurisdiction is None:
        jurisdiction = jurisdictions.government_of(funder, context.mentions)
    if jurisdiction is None:
        jurisdiction = jurisdictions.place_in(text) or context.jurisdiction
        # "Canada's first large-scale plant" in a release about an Ontario plant: a
        # company invests in the province or state, not in the country.
        here = jurisdictions.by_name(jurisdiction or "")
        there = jurisdictions.by_name(context.jurisdiction or "")
        if (
            not public
            and not _MINISTER.search(text)
            and not re.search(r"\b(?:federal|fédéral|ministre|gouvernement)\b", text, re.I)
            and here is not None
            and there is not None
            and here.kind in ("federal", "country")
            and there.kind not in ("federal", "country")
            and there.country == here.country
        ):
            jurisdiction = context.jurisdiction
    if funder:
        funder = _canonical_government(funder, jurisdiction)
        funder = context.acronyms.get(funder, funder)  # "MSF": the Michigan Strategic Fund
    program = None if own and recipient is None and funder else _program(text, context, funder)
    if (program is None or _THE_PROGRAM.fullmatch(program)) and _THE_PROGRAM.search(text):
        program = _program_before(context, sentence.index, funder)
    if program and funder and program.startswith(funder):
        program = program
    kind = POLICY if classify.is_policy(text, public, recipient is not None) else INVESTMENT
    if amount.rate:
        kind = POLICY  # an incentive per unit is a policy measure, not one investment
    total = max((t.value for t in totals if t.value > amount.value), default=None)
    fact = ExtractedFact(
        kind=kind,
        amount_cad=amount.value,
        currency=_currency(amount, jurisdiction),
        sentence=sentence.text,
        funder=funder,
        recipient=recipient,
        program=program,
        total_value_cad=total,
        projects=counts.find_projects(text),
        jobs=counts.find_jobs(text),
        jobs_retained=counts.find_retained(text),
        instrument=_instrument(sentence, amount, others or [], context, funder, public, recipient),
        date=context.date or dates.parse_date(text),
        jurisdiction=jurisdiction,
        trends=trends.find_trends(text),
        qualifier=amount.qualifier,
        amount_low=amount.low,
        rate=amount.rate,
        sentence_index=sentence.index,
        funder_from_document=from_document,
        start=amount.start,
        end=amount.end,
    )
    fact.confidence = _confidence(fact, judgement)
    return fact


# "Acme Tool: Ontario is investing $600,000, ...": a list item led by its recipient.
_LIST_LEAD = re.compile(rf"^\s*(?:[-*]\s*)?(?P<name>{parties.NAME})\s*:\s+(?=\S)")
# Any list item led by a label: "Monroe and Noble counties: $200,000 for training."
_ITEM_LEAD = re.compile(r"^\s*(?:[-*]\s*)?(?P<name>[^:$.]{3,90}):\s")
# "... supporting an additional investment of $6 million from the company": its own money.
_COMPANY_OWN = re.compile(
    r"^\s*(?:of\s+its\s+own\s+|in\s+private\s+investment\s+)?(?:from|by)\s+the\s+"
    r"(?:company|firm|manufacturer|business|employer|automaker|supplier)\b(?!'s)",
    re.IGNORECASE,
)


def _instrument(
    sentence: Sentence,
    amount: money.Amount,
    others: list[money.Amount],
    context: _Context,
    funder: str | None,
    public: bool,
    recipient: str | None,
) -> str | None:
    """The instrument the sentence says for this amount, else the next sentence's when it
    states no amount of its own ("The support is a repayable loan.")."""
    found = instruments.find_instrument(sentence.text, amount, others)
    if found is None and (public or recipient):
        following = context.sentences[sentence.index + 1 : sentence.index + 2]
        if following and not money.find_amounts(following[0].text):
            found = instruments.find_in_text(following[0].text)
    if found and found != instruments.EQUITY and funder and not public and recipient is None:
        return None  # a company's own investment names no instrument of support
    return found


def _document_funder(context: _Context, before_index: int) -> tuple[str | None, bool]:
    """A sentence that names no funder ("The funding will help ...") speaks for the
    document's main funder: the first government or agency in the text."""
    for sentence in context.sentences[: before_index + 1]:
        public = parties.governments(sentence.text) + parties.agencies(sentence.text)
        if public:
            return public[0].text, True
    return None, False


def _document_trends(facts: list[ExtractedFact], context: _Context) -> None:
    """An announcement is about one thing: its facts share the document's trends.
    A long report's facts keep their own sentence's trends."""
    if context.long:
        return
    if len(facts) <= 2:
        document = trends.find_trends(context.text)
        for fact in facts:
            fact.trends = document
        return
    by_paragraph: dict[int, list[str]] = {}
    for sentence in context.sentences:
        by_paragraph.setdefault(sentence.paragraph, []).append(sentence.text)
    for fact in facts:
        paragraph = context.sentences[fact.sentence_index].paragraph
        found = trends.find_trends(" ".join(by_paragraph[paragraph]))
        fact.trends = sorted(set(fact.trends) | set(found), key=trends.TRENDS.index)


def _confidence(fact: ExtractedFact, judgement: classify.Judgement) -> float:
    score = 0.45
    score += 0.2 if judgement.strong else 0.0
    score += 0.1 if fact.funder else -0.1
    score += 0.1 if (fact.recipient or fact.program) else 0.0
    score += 0.05 if (fact.jobs or fact.projects) else 0.0
    score -= 0.1 if fact.qualifier in ("up to", "as much as") else 0.0
    return max(0.05, min(0.95, score))
