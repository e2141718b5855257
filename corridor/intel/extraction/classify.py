"""Is an amount an investment, a policy allocation, a project's total value, or money
that is not a fact (sales, trade, revenues, salaries, market sizes, prices)?

Each amount is judged by the words around it, then by its sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass

from corridor.intel.extraction.money import Amount

INVESTMENT = "investment"
TOTAL = "total"
OTHER = "other"
UNKNOWN = "unknown"

_NOT_INVESTMENT_NEAR = re.compile(
    r"\b(?:sales|sold|sell(?:s|ing)?\s+for|revenues?|turnover|exports?|exported|imports?|imported|"
    r"trade[ds]?|trading|bilateral|salar(?:y|ies)|wages?|paid|pay(?:s|ing)?\b|payroll|earn(?:s|ed|ing)?|"
    r"earnings|income|profits?|losses|lost|prices?|priced|costs?\s+(?:of|per|about|around|less|more)|"
    r"cost\s+(?:consumers|buyers|drivers)|msrp|sticker|retail(?:s|ing)?\s+(?:for|at)|market|"
    r"valued\s+at|valuation|market\s+cap|gdp|economic\s+(?:impact|output|activity|benefit)|"
    r"contribut(?:es|ed)\s+\S+\s+to\s+(?:the|our)\s+economy|debt|deficit|tariffs?|dut(?:y|ies)|"
    r"fines?|penalt(?:y|ies)|settlement|lawsuit|damages|bonus(?:es)?|dividends?|share\s+price|"
    r"stock|shares|per\s+share|worth\s+of\s+(?:goods|vehicles|parts)|spen[dt]\s+by\s+consumers|"
    r"household|rent|mortgage|ventes|chiffre\s+d'affaires|exportaciones|ventas|salaire|"
    r"average\s+(?:wage|salary|price)|median|a\s+year\s+in\s+(?:sales|revenue)|"
    r"cross[- ]border|crosses\s+the\s+border|every\s+day|each\s+day|daily|per\s+day|"
    r"donat(?:e|ed|ion)|raised\s+for\s+charity|fundraising|lottery|budget\s+deficit|"
    r"estimated\s+to\s+(?:reach|be\s+worth|grow)|projected\s+to\s+(?:reach|grow)|"
    r"forecast|billion\s+industry|million\s+industry|industry\s+worth|sector\s+worth|"
    r"cost\s+overruns?|overrun|strike|lost\s+production|consumer\s+spending|"
    r"(?:consumers|Canadians|Americans|Ontarians|Quebecers|Michiganders|households|buyers|"
    r"shoppers|drivers|motorists|families|car\s+buyers)\s+(?:\w+\s+){0,2}?(?:spent|spend|spending|"
    r"paid|bought|shelled\s+out)|@\s+on\s+(?:new|used)\s+(?:\w+\s+)?(?:vehicles|cars|trucks|"
    r"pickups|SUVs|EVs|automobiles))\b",
    re.IGNORECASE,
)
# Names whose words would read as money that is not an investment ("Minister of Economic
# Development, Job Creation and Trade", "Export Development Canada"): masked before judging.
_TITLES = re.compile(
    r"\b(?:(?:Minister|Ministry|Ministre|Ministère|Department|Secretary|Office)\s+(?:of|for|du|de\s+la|"
    r"des|de)\s+(?:[A-Z\u00c0-\u00dd][\w'\u2019-]*(?:,\s*|\s+(?:and|of|the|et|du|de|des)\s+|\s+)?)+"
    r"|Export\s+Development\s+Canada|Exportation\s+et\s+développement\s+Canada)"
)


def _mask(sentence: str) -> str:
    return _TITLES.sub(lambda m: " " * len(m.group(0)), sentence)


_TOTAL_NEAR = re.compile(
    r"\b(?:total\s+(?:project\s+)?(?:value|cost|investment|innovation\s+spending|spending)|"
    r"total\s+of\s+\S+\s+in\s+(?:new\s+)?(?:investment|spending)|"
    r"project\s+(?:value|cost)|leverag(?:ing|es|ed|e)|bringing\s+(?:the\s+)?total|"
    r"(?:overall|combined)\s+(?:investment|value)|project\s+worth|valued\s+at|representing\s+(?:a\s+)?total|"
    r"d'une\s+valeur\s+(?:totale\s+)?de|valeur\s+totale|valor\s+total|total\s+capital\s+investment|"
    r"in\s+(?:total\s+)?(?:private|industry|partner)\s+(?:investment|funding|spending|contributions)|"
    r"a\s+total\s+(?:project\s+)?(?:investment|value)|of\s+the\s+total)\b",
    re.IGNORECASE,
)
_TOTAL_AFTER = re.compile(
    r"^[\s-]*(?!(?:for|to|toward|towards|into|in|on|of|at)\s)(?:[a-z][\w-]*\s+){0,2}(?:project|expansion|plant|facility|factory|retooling|investment\s+project|"
    r"initiative|build|modernization|upgrade)s?\b",
    re.IGNORECASE,
)
_INVESTMENT_WORDS = re.compile(
    r"\b(?:invest\w*|fund\w*|financ\w*|contribut\w*|allocat\w*|grants?|loans?|award\w*|commit\w*|"
    r"gave|give[ns]?|giving|offer\w*|approv\w*|waiv\w*|recipients?|round|"
    r"provid\w*|support\w*|earmark\w*|pledg\w*|incentives?|tax\s+credits?|subsid\w*|rebates?|"
    r"receiv\w*|secur\w*|budget\w*|spend(?:ing|s)?|spent|capital|expan\w*|build\w*|set\s+aside|"
    r"inject\w*|consenti\w*|backing|raise[ds]?|raising|dedicat\w*|repayable|forgivable|envelope|"
    r"investissement|investir|subvention|prêt|aide\s+financière|octro\w*|inversión|invertir\w*|"
    r"apoyo|financement|financiamiento|retool\w*|modernize|upgrade|"
    r"(?:spread|shared|divided|split)\s+(?:across|among|between))\b",
    re.IGNORECASE,
)
_INCENTIVE = re.compile(
    r"\b(?:credit|incentive|rebate|subsid\w*|grant|bonus\s+for|support)\b", re.I
)
_POLICY_WORDS = re.compile(
    r"\b(?:strateg(?:y|ies|ic\s+plan)|polic(?:y|ies)|action\s+plan|plan\b|budget|framework|roadmap|"
    r"envelope|tax\s+credits?|incentives?\s+(?:program|package|scheme)|rebates?|act\b|legislation|"
    r"reserve|bill\b|law\b|stratégie|politique|plan\s+d'action|estrategia|política)",
    re.IGNORECASE,
)


# A list of awards: "- $60 million to Flint-based Acme to make anodes."
_LISTED_AWARD = re.compile(r"^\s+to\s+(?:the\s+)?[A-Z]")
# A list of uses: "- Up to $35 million to develop isotopes." "$16 million to buy land."
_LIST_PURPOSE = re.compile(r"^\s+(?:to|for)\s+[a-z]")
_LIST_START = re.compile(r"\s*(?:[-*]\s*)?(?:(?:up\s+to|about|nearly|more\s+than|over)\s+)?", re.I)


# "un prêt de 150 M$, dont 26 M$ pardonnables": the forgivable part of the same loan.
_OF_WHICH = re.compile(r"(?:,\s*|\()\s*(?:dont|of\s+which|de\s+los\s+cuales)\s+(?:\w+\s+)?$", re.I)
# "au projet de feuilles de cuivre de 750 M$", "ce qui porte à plus de 1,2 G$ l'ensemble".
_FRENCH_TOTAL = re.compile(
    r"\bprojet\s+(?:de\s+|d')?(?:[\w'\u00c0-\u00ff-]+\s+){0,5}?(?:de|d'une?\s+valeur\s+de)\s+$",
    re.IGNORECASE,
)
_RUNNING_TOTAL = re.compile(
    r"\b(?:(?:porte|portant|portera)\s+à|bringing\s+(?:the\s+)?(?:\w+\s+)?total\s+to|"
    r"(?:comes|came|amounts|amounted)\s+to|"
    r"brings\s+(?:the\s+)?(?:\w+\s+)?total\s+to)\s+(?:plus\s+de\s+|près\s+de\s+|more\s+than\s+|"
    r"nearly\s+)?$",
    re.IGNORECASE,
)
# "With $142,500 in program funding, the company will invest more than $326,000."
_COMPANY_WILL_INVEST = re.compile(
    r",\s*(?:the\s+(?:company|firm|manufacturer|business)|it)\s+will\s+(?:invest|spend)\s+"
    r"(?:more\s+than\s+|over\s+|about\s+|nearly\s+)?$",
    re.IGNORECASE,
)
# "expected to bring up to $2.4 billion in investment and 2,300 jobs": the project's value
# beside the support that wins it, not an investment announced.
_BRINGS = re.compile(
    r"\b(?:bring|brings|bringing|attract|attracts|attracting|generate|generates)\s+(?:in\s+)?"
    r"(?:up\s+to\s+|more\s+than\s+|over\s+|nearly\s+|about\s+|an?\s+|some\s+)?$",
    re.IGNORECASE,
)
_INVESTMENT_NOUN = re.compile(
    r"^\s*(?:(?:in|of)\s+(?:new\s+|private\s+|capital\s+)?investments?|(?:new\s+|private\s+)?"
    r"investments?)\b",
    re.IGNORECASE,
)
# "a 20-year tax break valued at $132.6 million": the value of support, not of a business.
_SUPPORT_VALUED = re.compile(
    r"\b(?:tax\s+(?:breaks?|credits?|abatements?|exemptions?)|abatements?|incentives?|exemptions?|"
    r"packages?|grants?|loans?|renaissance\s+zone|designation)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:valued|worth|estimated)\s+at\s+(?:up\s+to\s+|about\s+|nearly\s+|more\s+than\s+)?$",
    re.IGNORECASE,
)
# "tax incentives of $409 million, instead of $1.03 billion"; "reduced the $210 million grant
# to $141 million": the former amount is not a fact.
_FORMER = re.compile(
    r"\b(?:instead\s+of|rather\s+than|down\s+from|up\s+from|reduced\s+from|cut\s+from|"
    r"previously|originally|formerly|au\s+lieu\s+de|en\s+lugar\s+de)\s+(?:the\s+)?"
    r"(?:(?:an?|some|about|nearly|more\s+than)\s+)?$",
    re.IGNORECASE,
)
_REDUCED = re.compile(
    r"\b(?:reduc\w*|cut(?:s|ting)?|lower\w*|slash\w*|scal\w*\s+back|trimm?\w*|rescind\w*)\s+"
    r"(?:the|its|their|a)\s+$",
    re.IGNORECASE,
)
# "through the new $224 million Capital Stream": a program's size beside the award.
_PROGRAM_SIZE = re.compile(
    r"^\s+(?:[A-Z][\w&'-]*\s+|[a-z]+\s+){0,5}?(?:[Pp]rogram|[Pp]rogramme|[Ff]und|[Ss]tream|"
    r"[Ii]nitiative|[Rr]eserve)\b"
)
# "incentives of $858 million as part of a deal to build a $2.4 billion plant"
_PART_OF = re.compile(
    r"\b(?:as\s+)?part\s+of\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,4}$", re.IGNORECASE
)
# "$470 million for projects and $30 million for planning, $500 million in all"
_IN_ALL = re.compile(
    r"\s*(?:in\s+all|all\s+told|altogether|in\s+total|en\s+tout|au\s+total|en\s+total)\b",
    re.IGNORECASE,
)
# "plans to put $1 billion into its plant and $700 million into the Woodruff facility"
_PUT_INTO = re.compile(
    r"\b(?:put|puts|putting|pour|pours|pouring|plow|plows|sink|sinks)\s+(?:another\s+|an\s+"
    r"additional\s+|an?\s+)?$",
    re.IGNORECASE,
)
_INTO_PLANT = re.compile(
    r"^\s+into\s+(?:its|their|the|a|an|his|her)\s+(?:[\w-]+\s+){0,3}(?:plant|facility|factory|"
    r"site|operations?|campus|line|mill|complex)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Judgement:
    role: str  # investment, total, other, unknown
    reason: str
    strong: bool = False


def judge(sentence: str, amount: Amount, others: list[Amount]) -> Judgement:
    """What this amount is, given its sentence and the other amounts in it."""
    sentence = _mask(sentence)
    before = sentence[max(0, amount.start - 70) : amount.start]
    after = sentence[amount.end : amount.end + 50]
    if amount.rate:
        if _INCENTIVE.search(before + after) and not re.search(r"\bprices?\b|\bcost", before, re.I):
            return Judgement(INVESTMENT, f"an incentive per {amount.rate}", True)
        return Judgement(OTHER, f"a rate per {amount.rate}")
    if amount.value < 1000:
        return Judgement(OTHER, "too small to be an investment")
    # Cut the window at the neighbouring amounts so one amount's words don't colour another.
    for other in others:
        if other.end <= amount.start and sentence.find(before) < other.end:
            before = sentence[other.end : amount.start]
        if other.start >= amount.end:
            after = sentence[amount.end : min(other.start, amount.end + 50)]
    if others and _OF_WHICH.search(before[-25:]):
        return Judgement(OTHER, "a part of the amount just stated")
    if re.match(r"\s+(?:more|less)\s+than\b", after):
        return Judgement(OTHER, "a difference between two amounts")
    if _RUNNING_TOTAL.search(before[-40:]):
        return Judgement(OTHER, "a running total of earlier support")
    if _FRENCH_TOTAL.search(before[-60:]):
        return Judgement(TOTAL, "a project's value")
    if any(o.end <= amount.start for o in others) and _COMPANY_WILL_INVEST.search(before[-50:]):
        return Judgement(TOTAL, "the company's investment that the support leverages")
    if _BRINGS.search(before[-40:]) and _INVESTMENT_NOUN.match(after):
        return Judgement(TOTAL, "the investment a project brings to a place")
    if _SUPPORT_VALUED.search(before[-70:]):
        return Judgement(INVESTMENT, "the value of an incentive", True)
    if _FORMER.search(before[-40:]) or (others and _REDUCED.search(before[-60:])):
        return Judgement(OTHER, "an amount replaced by another")
    if (
        others
        and _PROGRAM_SIZE.match(after)
        and re.search(r"\b(?:the|its|a)\s+(?:new\s+)?$", before)
    ):
        return Judgement(OTHER, "the size of a program named beside another amount")
    near = before[-55:] + " @ " + after[:35]
    if _NOT_INVESTMENT_NEAR.search(near) and not re.search(
        r"\b(?:invest\w*|fund\w*|contribut\w*|grant|loan)\s+(?:of\s+)?(?:an?\s+)?(?:additional\s+)?$",
        before,
        re.IGNORECASE,
    ):
        return Judgement(OTHER, "money that is not an investment")
    if others and (
        _TOTAL_NEAR.search(before[-45:] + " " + after[:30])
        or _TOTAL_AFTER.match(after)
        or _IN_ALL.match(after)
        or _PART_OF.search(before)
    ):
        return Judgement(TOTAL, "a project's total value")
    if re.search(
        r"\bleverag\w*\s+(?:more\s+than\s+|over\s+|nearly\s+|about\s+|an\s+additional\s+)?$",
        before,
        re.I,
    ):
        return Judgement(TOTAL, "money leveraged from others")
    if (_PUT_INTO.search(before) and re.match(r"\s+(?:into|in)\b", after)) or _INTO_PLANT.match(
        after
    ):
        return Judgement(INVESTMENT, "money put into a plant", True)
    if _INVESTMENT_WORDS.search(sentence):
        strong = bool(_INVESTMENT_WORDS.search(before[-60:] + after[:40]))
        return Judgement(INVESTMENT, "an investment", strong)
    if re.search(r"\b(?:for|toward|towards|to\s+help|to\s+support)\b", after[:25], re.IGNORECASE):
        return Judgement(INVESTMENT, "money for a purpose")
    if _LISTED_AWARD.match(sentence[amount.end :]) and not sentence[: amount.start].strip(" -*:"):
        return Judgement(INVESTMENT, "an award listed with its recipient")
    if _LIST_PURPOSE.match(sentence[amount.end :]) and _LIST_START.fullmatch(
        sentence[: amount.start]
    ):
        return Judgement(INVESTMENT, "an award listed with its recipient")
    return Judgement(UNKNOWN, "no investment words")


def is_policy(sentence: str, funder_is_government: bool, has_recipient: bool) -> bool:
    """A government putting money into a strategy, policy, budget or incentive scheme,
    rather than into a company or a set of projects."""
    if not funder_is_government or has_recipient:
        return False
    if re.search(r"\bin\s+(?:\d[\d,]*|more\s+than\s+\d+)\s+(?:[\w-]+\s+){0,3}projects\b", sentence):
        return False
    return bool(_POLICY_WORDS.search(sentence))


_STANDALONE_TOTAL = re.compile(
    r"\b(?:total\s+(?:capital\s+|project\s+)?(?:value|cost|investment|spending)|project\s+(?:value|cost)|"
    r"represents?\s+(?:a\s+)?total|leverag(?:ing|es|ed|e)|d'une\s+valeur|valeur\s+totale|"
    r"(?:the|this|a)\s+(?:\S+\s+){1,3}(?:project|expansion)\b)",
    re.IGNORECASE,
)


def states_total(sentence: str, amount: Amount) -> bool:
    """Does a sentence give the total value of a project announced just before
    ("The $23 million project will create 45 jobs", "The project has a total value of $11.6M")?"""
    window = sentence[max(0, amount.start - 60) : amount.end + 25]
    if _STANDALONE_TOTAL.search(window):
        return True
    if re.search(
        r"\bpart\s+of\s+(?:a|an|the|its|their|this|a\s+total|an\s+overall)\s+"
        r"(?:(?:total|larger|broader|overall|combined|planned)\s+)?$",
        sentence[: amount.start],
        re.I,
    ):
        return True  # "creating 70 jobs as part of a $31 million investment"
    if re.search(
        r"\b(?:company|firm|project|partners?|manufacturer|automaker)(?:'s|s')\s+(?:total\s+)?$",
        sentence[: amount.start],
        re.I,
    ):
        return True
    return bool(re.search(r"\b(?:The|the|This|this)\s+$", sentence[: amount.start])) and bool(
        _TOTAL_AFTER.match(sentence[amount.end :])
    )
