"""Which government a phrase or a document is about: Ontario, Quebec, Canada (federal),
Michigan, Ohio, Indiana, Mexico, other US states and provinces (``data/jurisdictions.json``)."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "jurisdictions.json"
_WEIGHTS = {"governments": 5, "agencies": 4, "programs": 4, "places": 1}
_GENERIC_FEDERAL = re.compile(r"\b(?:the\s+)?federal(?:\s+government|\s+minister)?\b", re.I)
_GENERIC_PROVINCE = re.compile(r"\b(?:the\s+)?provinc(?:e|ial)(?:\s+government)?\b", re.I)
_GENERIC_STATE = re.compile(r"\b(?:the\s+)?(?:state(?:\s+government)?|governor)\b", re.I)


@dataclass(frozen=True, slots=True)
class Jurisdiction:
    name: str
    kind: str  # federal, province, state, country
    country: str
    patterns: dict[str, re.Pattern[str]]


def _pattern(words: list[str], place_words: bool = False) -> re.Pattern[str]:
    if not words:
        return re.compile(r"(?!x)x")
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    # Short acronyms must be written in capitals ("ISED", "MEDC"), other words in any case.
    # "Ottawa County" is a place of its own, not the government that "Ottawa" names.
    county = "" if place_words else r"(?!\s+(?:county|counties|township)\b)"
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-]){county}", re.IGNORECASE)


@cache
def jurisdictions() -> tuple[Jurisdiction, ...]:
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    found = []
    for name, entry in raw.items():
        if name.startswith("_"):
            continue
        patterns = {
            group: _pattern(entry.get(group, []), place_words=group == "places")
            for group in _WEIGHTS
        }
        found.append(Jurisdiction(name, entry["kind"], entry["country"], patterns))
    return tuple(found)


def by_name(name: str) -> Jurisdiction | None:
    return next((j for j in jurisdictions() if j.name == name), None)


def _acronym_ok(match: re.Match[str]) -> bool:
    word = match.group(0)
    return len(word) > 4 or word != word.lower() or not word.isalpha() or " " in word


def mentions(
    text: str, groups: tuple[str, ...] = ("governments", "agencies", "programs", "places")
) -> Counter[str]:
    """Weighted counts of the jurisdictions named in ``text``."""
    counts: Counter[str] = Counter()
    for jurisdiction in jurisdictions():
        for group in groups:
            hits = [m for m in jurisdiction.patterns[group].finditer(text) if _acronym_ok(m)]
            if hits:
                counts[jurisdiction.name] += _WEIGHTS[group] * len(hits)
    return counts


def document_jurisdiction(text: str) -> str | None:
    counts = mentions(text)
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def government_of(phrase: str, context: Counter[str]) -> str | None:
    """The jurisdiction of a funder phrase ("the Ontario government", "MEDC", "the province"),
    using the document's mentions for generic phrases."""
    named = mentions(phrase, ("governments", "agencies", "programs"))
    if not named:
        named = mentions(phrase, ("places",))
    if named:
        best = named.most_common()
        # "Government of Canada's Strategic Innovation Fund" names one government.
        return best[0][0]
    ranked = [name for name, _ in context.most_common()]
    if _GENERIC_FEDERAL.search(phrase):
        countries = [n for n in ranked if (j := by_name(n)) and j.kind in ("federal", "country")]
        us_like = [n for n in ranked if (j := by_name(n)) and j.country == "United States"]
        canada_like = [n for n in ranked if (j := by_name(n)) and j.country == "Canada"]
        if us_like and (not canada_like or context[us_like[0]] > context[canada_like[0]]):
            return "United States"
        if "Mexico" in ranked[:1]:
            return "Mexico"
        return countries[0] if countries and countries[0] != "United States" else "Canada"
    if _GENERIC_PROVINCE.search(phrase):
        provinces = [n for n in ranked if (j := by_name(n)) and j.kind == "province"]
        return provinces[0] if provinces else "Ontario"
    if _GENERIC_STATE.search(phrase):
        states = [n for n in ranked if (j := by_name(n)) and j.kind == "state"]
        return states[0] if states else None
    return None


def place_in(text: str) -> str | None:
    """The most-named jurisdiction of a piece of text, provinces and states before countries."""
    counts = mentions(text)
    if not counts:
        return None
    ranked = counts.most_common()
    top = ranked[0][0]
    if top in ("Canada", "United States") and len(ranked) > 1:
        second = ranked[1][0]
        second_j = by_name(second)
        top_j = by_name(top)
        if second_j and top_j and second_j.country == top_j.country and counts[top] < 5:
            return second
    return top
