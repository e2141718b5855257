"""How the money is given: a grant (or a non-repayable contribution, a subsidy, a
subvention), a loan (a repayable contribution, un prêt), a tax credit (crédit d'impôt,
tax incentives), equity (a stake, a Series B round), a guarantee, or other (a waiver
of charges). Only what the words say: "is investing $5 million" names no instrument."""

from __future__ import annotations

import re

from corridor.intel.extraction.money import Amount

GRANT, LOAN, TAX_CREDIT, EQUITY, GUARANTEE, OTHER = (
    "grant",
    "loan",
    "tax_credit",
    "equity",
    "guarantee",
    "other",
)

# Most specific first: "loan guarantee" is a guarantee, "repayable contribution" a loan.
_WORDS: list[tuple[str, re.Pattern[str]]] = [
    (
        GUARANTEE,
        re.compile(r"\b(?:loan\s+guarantees?|guarantee[sd]?|garanties?(?:\s+de\s+prêt)?)\b", re.I),
    ),
    (
        TAX_CREDIT,
        re.compile(
            r"\b(?:tax\s+(?:credits?|incentives?|abatements?|exemptions?|breaks?)|"
            r"crédits?\s+d'impôts?|cr[ée]dito\s+fiscal)\b",
            re.I,
        ),
    ),
    (
        LOAN,
        re.compile(
            r"\b(?:loans?|repayable\s+(?:contributions?|funding|financing|support)|"
            r"conditionally\s+repayable|prêts?|préstamos?|lend(?:s|ing)?|lent|"
            r"contribution\s+remboursable)\b",
            re.I,
        ),
    ),
    (
        EQUITY,
        re.compile(
            r"\b(?:equity(?:\s+(?:stake|investment|financing|round))?|stake|Series\s+[A-H]\b|"
            r"seed\s+round|funding\s+round|prise\s+de\s+participation|participation\s+au\s+capital)",
            re.I,
        ),
    ),
    (
        GRANT,
        re.compile(
            r"\b(?:grants?|non-repayable\s+(?:contributions?|funding|support)|"
            r"(?<!industry\s)(?<!private\s)(?<!partner\s)(?<!company\s)contribution\b(?!s)|"
            r"subsid(?:y|ies)|subventions?|aide\s+non\s+remboursable|forgivable)\b",
            re.I,
        ),
    ),
    (OTHER, re.compile(r"\b(?:waive[sd]?|waiving|waiver|exonération)\b", re.I)),
]
# A grant word inside a program's name ("Skills Development Grant Program") is a grant.


def _first(text: str) -> tuple[str, int] | None:
    """The instrument a piece of text names, with where, the most specific first."""
    found = [(name, m.start()) for name, pattern in _WORDS for m in pattern.finditer(text)]
    if not found:
        return None
    order = [name for name, _ in _WORDS]
    # "forgivable loan": both words; the more specific (earlier in _WORDS) wins.
    return min(found, key=lambda f: order.index(f[0]))


def find_instrument(sentence: str, amount: Amount, others: list[Amount]) -> str | None:
    """The instrument said about ``amount``: right after it ("$6 million loan",
    "$25 million in tax credits"), then right before it ("tax credits worth $4.1 million"),
    then anywhere in its stretch of the sentence (cut at the neighbouring amounts)."""
    start = max((o.end for o in others if o.end <= amount.start), default=0)
    end = min((o.start for o in others if o.start >= amount.end), default=len(sentence))
    after = sentence[amount.end : end]
    before = sentence[start : amount.start]
    close_after = re.match(
        r"^(?:\s+(?:in|of|as|as\s+an?|through|via|under|worth))?(?:\s+[\w'&-]+){0,5}?\s*", after
    )
    near_after = after[: close_after.end() + 30] if close_after else after[:40]
    for text in (near_after[:60], before[-50:], before + " " + after):
        found = _first(text)
        if found:
            return found[0]
    return None


def find_in_text(text: str) -> str | None:
    """The instrument a nearby sentence names ("The funding is a repayable loan.")."""
    found = _first(text)
    return found[0] if found else None
