"""What the intelligence pages share: navigation, money, highlighted sentences."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from corridor.intel.extraction.text import paragraphs
from corridor.intel.models import Fact

NAV = "intel"


def section(name: str) -> dict[str, Any]:
    return {"nav_current": NAV, "intel_section": name}


def money(value: Decimal | float | None, currency: str = "CAD") -> str:
    """ "$12 million", "US$1.5 billion", "$87,210"."""
    if value is None:
        return "—"
    amount = float(value)
    symbol = {"CAD": "$", "USD": "US$", "MXN": "MX$", "EUR": "€", "GBP": "£"}.get(
        currency, currency + " "
    )
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if amount >= size:
            return f"{symbol}{amount / size:,.1f} {word}".replace(".0 ", " ")
    return f"{symbol}{amount:,.0f}"


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    fact: Fact | None = None


def highlighted(text: str, facts: list[Fact]) -> list[list[Piece]]:
    """The document's paragraphs, with each fact's sentence as its own piece."""
    result = []
    pending = [f for f in facts if f.sentence]
    for paragraph in paragraphs(text):
        pieces: list[Piece] = []
        rest = paragraph
        for fact in sorted(
            pending, key=lambda f: rest.find(f.sentence) if f.sentence in rest else 10**9
        ):
            at = rest.find(fact.sentence)
            if at < 0:
                continue
            if at:
                pieces.append(Piece(rest[:at]))
            pieces.append(Piece(fact.sentence, fact))
            rest = rest[at + len(fact.sentence) :]
            pending = [f for f in pending if f is not fact]
        if rest:
            pieces.append(Piece(rest))
        result.append(pieces)
    return result
