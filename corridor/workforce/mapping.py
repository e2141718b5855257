"""Mapping what a company calls an occupation ("CNC machinist", "millwright") to NOC 2021.

An exact title or synonym wins (case, accents, punctuation and plurals aside); otherwise
the closest title or synonym by rapidfuzz's token-set ratio, if it scores at least
``THRESHOLD``. Below that the name stays unmapped (kept as said, shown for an officer to
map) rather than guessed."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process

THRESHOLD = 86


@dataclass(frozen=True, slots=True)
class Match:
    occupation_id: int | None
    score: int  # 0-100


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    words = [
        w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
        for w in text.split()
    ]
    return " ".join(words)


class OccupationMatcher:
    """Built once from the occupations (any iterable of objects with id, title, synonyms)."""

    def __init__(self, occupations: Any) -> None:
        self.names: dict[str, int] = {}
        for occupation in occupations:
            for name in [occupation.title, *occupation.synonym_list()]:
                self.names.setdefault(normalise(name), occupation.pk)
        self.choices = list(self.names)

    def match(self, stated: str) -> Match:
        key = normalise(stated)
        if not key:
            return Match(None, 0)
        if key in self.names:
            return Match(self.names[key], 100)
        best = process.extractOne(key, self.choices, scorer=fuzz.token_set_ratio)
        if best is None or best[1] < THRESHOLD:
            return Match(None, round(best[1]) if best else 0)
        return Match(self.names[best[0]], round(best[1]))
