"""Amounts of money: "$12 million", "C$4.7 billion", "US$45/kWh", "$87,210",
"$1.5B", "$4.7-billion", "between $5 million and $10 million", "more than $100 million",
"up to $2 million", "12 millions de dollars", "12 M$", "€2 billion", "2.5 billion pesos".

``find_amounts`` returns every amount in a sentence with its currency, its
qualifier ("more than", "up to", "about"), its range and whether it is a rate
("per kWh", "/hour", "a year"). A range's value is its upper end, since
announcements state ranges as ceilings ("$5 million to $10 million in support").
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from corridor.intel.extraction.numbers import DIGITS, parse_number

_SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "millions": 1e6, "mil": 1e6, "mln": 1e6,
    "m": 1e6, "mm": 1e6, "billion": 1e9, "billions": 1e9, "bn": 1e9, "b": 1e9, "bln": 1e9,
    "trillion": 1e12, "milliard": 1e9, "milliards": 1e9, "millones": 1e6, "millón": 1e6,
    "mil millones": 1e9, "g": 1e9,
}  # fmt: skip
_SCALE = (
    r"(?:[\s-]*(?P<scale>mil\s+millones|thousand|millions?|milliards?|millones|millón|billions?|"
    r"trillion|mln|bln|bn|mm|mil|[kmbg])\b)?"
)
_PREFIX = (
    r"(?P<prefix>US\s?\$|USD\s?\$?|U\.S\.\s?\$|C\s?\$|CA\$|CAD\s?\$?|CDN\s?\$|Cdn\s?\$|"
    r"MX\$|MXN\s?\$?|EUR\s?|€|£|GBP\s?|\$)"
)
_SUFFIX = (
    r"(?P<suffix>\s*(?:M\$|G\$|k\$|\$\s?(?:US|CA|CAN)?(?!\s?\d))|\s+(?:de\s+)?d[oó]lares(?:\s+"
    r"(?:estadounidenses|americanos|canadienses))?|\s+(?:de\s+)?dollars?(?:\s+(?:US|"
    r"américains|canadiens|canadian|american))?|\s+(?:US|U\.S\.|Canadian|American)\s+dollars|"
    r"\s+(?:CAD|USD|MXN|EUR)\b|\s+(?:pesos|euros?)(?:\s+mexicanos)?)"
)
_AMOUNT_PREFIXED = re.compile(rf"{_PREFIX}\s?(?P<number>{DIGITS}){_SCALE}", re.IGNORECASE)
_AMOUNT_SUFFIXED = re.compile(
    rf"(?<![\w$.,])(?P<number>{DIGITS}){_SCALE}(?:\s+(?:de|of))?{_SUFFIX}", re.IGNORECASE
)
_QUALIFIER = re.compile(
    r"(?P<q>more\s+than|over|in\s+excess\s+of|upwards\s+of|at\s+least|nearly|almost|close\s+to|"
    r"up\s+to|as\s+much\s+as|a\s+maximum\s+of|maximum\s+of|about|approximately|around|roughly|"
    r"an\s+estimated|some|plus\s+de|près\s+de|jusqu'à|environ|más\s+de|hasta)\s+(?:an?\s+)?"
    r"(?:additional\s+|extra\s+|further\s+)?$",
    re.IGNORECASE,
)
_RATE = re.compile(
    r"^\s*(?:/\s?|per\s+|an?\s+|each\s+|par\s+)(?P<unit>kwh|kilowatt[- ]hours?|hour|hr|year|"
    r"annum|month|week|day|vehicle|car|unit|employee|worker|person|job|tonne|ton|share|"
    r"barrel|litre|km|mile|square\s+(?:foot|feet|metre)|sq\.?\s?ft|an|heure|année)\b"
    r"|^\s*/\s?(?P<slash>[a-z]{1,5})\b",
    re.IGNORECASE,
)
_RANGE_LOW = re.compile(
    rf"(?:between\s+|from\s+)?(?P<low>{DIGITS})(?:{_SCALE})?\s*(?:-|to|and)\s*$", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Amount:
    value: float  # in the stated currency
    currency: str  # ISO code; "CAD" unless stated otherwise
    start: int
    end: int
    text: str
    qualifier: str | None = None  # "more than", "up to", "about", ...
    low: float | None = None  # a range's lower end
    rate: str | None = None  # "kwh", "hour", "year", ...
    currency_stated: bool = False  # a symbol that names the country (US$, C$, pesos)


def _currency(prefix: str | None, suffix: str | None) -> tuple[str, bool]:
    mark = re.sub(r"[\s.]", "", (prefix or "") + " " + (suffix or "")).upper()
    if "US" in mark or "AMERICAIN" in mark or "AMERICAN" in mark:
        return "USD", True
    if "MX" in mark or "PESO" in mark:
        return "MXN", True
    if "EUR" in mark or "€" in mark:
        return "EUR", True
    if "£" in mark or "GBP" in mark:
        return "GBP", True
    if "C$" in mark or "CA" in mark or "CDN" in mark or "CAN" in mark:
        return "CAD", True
    return "CAD", False


def _scale(word: str | None, suffix_has_m: bool) -> float:
    if not word:
        return 1e6 if suffix_has_m else 1.0
    key = re.sub(r"\s+", " ", word.lower())
    return _SCALES.get(key, 1.0)


def _rate(after: str) -> str | None:
    found = _RATE.match(after)
    if not found:
        return None
    unit = (found.group("unit") or found.group("slash") or "").lower()
    if found.group("slash") and unit not in ("kwh", "mwh", "hr", "h", "yr", "year", "unit", "t"):
        return None
    if unit in ("an", "heure", "année"):
        return "year" if unit != "heure" else "hour"
    return unit.replace(" ", "")


def find_amounts(sentence: str) -> list[Amount]:
    """Every amount of money in ``sentence``, in order."""
    found: list[Amount] = []
    taken: list[tuple[int, int]] = []
    matches = list(_AMOUNT_PREFIXED.finditer(sentence)) + list(_AMOUNT_SUFFIXED.finditer(sentence))
    for match in sorted(matches, key=lambda m: (m.start(), -m.end())):
        if any(match.start() < end and start < match.end() for start, end in taken):
            continue
        number = parse_number(match.group("number"))
        if number is None:
            continue
        groups = match.groupdict()
        suffix = groups.get("suffix")
        scale_word = groups.get("scale")
        # "$5 M" is five million, but "$5 m" right before a word ("$5 more") is not a scale.
        if (
            scale_word
            and scale_word.lower() in ("m", "b", "k", "g")
            and match.group(0).endswith(scale_word)
        ):
            tail = sentence[match.end() : match.end() + 1]
            if tail.isalpha():
                scale_word = None
        suffix_m = bool(suffix and re.match(r"\s*[MG]\$", suffix))
        scale = _scale(scale_word, suffix_m)
        if suffix and re.match(r"\s*G\$", suffix):
            scale = 1e9
        currency, stated = _currency(groups.get("prefix"), suffix)
        end = match.end()
        rate = _rate(sentence[end : end + 30])
        before = sentence[max(0, match.start() - 40) : match.start()]
        qualifier = _QUALIFIER.search(before)
        low = None
        range_low = _RANGE_LOW.search(re.sub(r"[$€£]|US|C(?=\$)", "", before)[-30:])
        if range_low and not re.search(r"\d\s*$", before[:-1] if before else ""):
            low_value = parse_number(range_low.group("low"))
            if low_value is not None:
                low_scale = (
                    _scale(range_low.group("scale"), False) if range_low.group("scale") else scale
                )
                low = low_value * low_scale
        value = number * scale
        if value >= 1 and abs(value - round(value)) < 1e-6:
            value = float(round(value))
        found.append(
            Amount(
                value=value,
                currency=currency,
                start=match.start(),
                end=end,
                text=match.group(0).strip(),
                qualifier=re.sub(r"\s+", " ", qualifier.group("q").lower()) if qualifier else None,
                low=low,
                rate=rate,
                currency_stated=stated,
            )
        )
        taken.append((match.start(), end))
    return _merge_conversions(_merge_ranges(found, sentence), sentence)


_CONVERSION_BETWEEN = re.compile(
    r"\s*\(\s*(?:or\s+|about\s+|approximately\s+|roughly\s+|around\s+|some\s+|nearly\s+|"
    r"environ\s+|unos\s+|alrededor\s+de\s+)?$",
    re.IGNORECASE,
)


def _merge_conversions(amounts: list[Amount], sentence: str) -> list[Amount]:
    """ "$800 million (C$1 billion)" and "€2 billion (US$2.2 billion)" state one amount in
    two currencies: keep the first, in its own currency, and drop the conversion. A bare
    dollar followed by Canadian dollars is the U.S. dollar, and the other way round."""
    kept: list[Amount] = []
    for amount in amounts:
        previous = kept[-1] if kept else None
        if (
            previous is not None
            and (
                (
                    amount.currency_stated
                    and (amount.currency != previous.currency or not previous.currency_stated)
                )
                # "800 million euros (around 864 million dollars)"
                or (previous.currency_stated and previous.currency in ("EUR", "MXN", "GBP"))
            )
            and _CONVERSION_BETWEEN.fullmatch(sentence[previous.end : amount.start])
            and sentence[amount.end : amount.end + 3].lstrip().startswith(")")
        ):
            if not previous.currency_stated and previous.text.startswith("$"):
                other = "USD" if amount.currency == "CAD" else "CAD"
                kept[-1] = dataclasses.replace(previous, currency=other, currency_stated=True)
            continue
        kept.append(amount)
    return kept


def _merge_ranges(amounts: list[Amount], sentence: str) -> list[Amount]:
    """ "$5 million to $10 million" is one amount with a range, not two."""
    merged: list[Amount] = []
    for amount in amounts:
        if merged:
            previous = merged[-1]
            between = sentence[previous.end : amount.start]
            if re.fullmatch(r"\s*(?:-|to|and|à|a)\s*", between) and (
                re.search(r"between\s+$", sentence[: previous.start]) or "and" not in between
            ):
                merged[-1] = Amount(
                    value=amount.value,
                    currency=amount.currency,
                    start=previous.start,
                    end=amount.end,
                    text=sentence[previous.start : amount.end],
                    qualifier=previous.qualifier or amount.qualifier,
                    low=previous.value,
                    rate=amount.rate,
                    currency_stated=amount.currency_stated or previous.currency_stated,
                )
                continue
        merged.append(amount)
    return merged
