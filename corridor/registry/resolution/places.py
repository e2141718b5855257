"""Town names: aliases of communities to their municipality (Alliston -> New Tecumseth)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from .text import data_rows, fold

_PREFIX = re.compile(
    r"^(?:the\s+)?(?:city|town|township|twp|municipality|village|county|region"
    r"|regional municipality|corporation of the (?:city|town|township))\s+of\s+"
)
_PROVINCE = re.compile(r"(?:,|\s)\s*(?:on|ont|ontario|canada)\.?$")
_SPLIT = re.compile(r"[()/,;]")
_TOKEN_CANON = {"saint": "st", "sainte": "ste", "mount": "mt", "fort": "ft", "twp": ""}


@dataclass(frozen=True, slots=True)
class Town:
    """The municipalities a written town name may denote; `known` if it is in the alias table."""

    municipalities: frozenset[str]
    known: bool
    community: str | None = None  # a named community inside one municipality: "courtice"
    ordered: tuple[str, ...] = field(default=(), compare=False, repr=False)  # sorted municipalities

    def __post_init__(self) -> None:
        object.__setattr__(self, "ordered", tuple(sorted(self.municipalities)))


def place_key(text: str) -> str:
    """Comparable form of a place name: 'St. Thomas' == 'Saint Thomas' == 'st thomas'."""
    s = fold(text)
    s = _PROVINCE.sub("", s)
    s = _PREFIX.sub("", s)
    s = s.replace(".", " ").replace("'", "").replace("-", " ")
    tokens = [_TOKEN_CANON.get(t, t) for t in re.split(r"[^0-9a-z]+", s)]
    return " ".join(t for t in tokens if t)


def _load() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for row in data_rows("place_aliases.csv"):
        municipality = place_key(row["municipality"])
        table.setdefault(place_key(row["alias"]), set()).add(municipality)
        table.setdefault(municipality, set()).add(municipality)
    return {k: frozenset(v) for k, v in table.items()}


ALIASES: dict[str, frozenset[str]] = _load()
_BY_INITIAL: dict[str, list[str]] = {}
for _alias in sorted(ALIASES):
    _BY_INITIAL.setdefault(_alias[0], []).append(_alias)


@lru_cache(maxsize=16384)
def _lookup(key: str) -> Town | None:
    if not key:
        return None
    found = ALIASES.get(key)
    if found is not None:
        return Town(found, True)
    if len(key) >= 5:  # a typo of a known place ("Woodstok", "Tilsonburg"); ties ("Mlton") keep all
        # typos rarely hit the first letter; comparing within it keeps the lookup cheap
        near = process.extract(
            key, _BY_INITIAL.get(key[0], []), scorer=fuzz.ratio, score_cutoff=84, limit=5
        )
        if near:
            top = near[0][1]
            municipalities: set[str] = set()
            for alias, score, _ in near:
                if score >= top - 2:
                    municipalities |= ALIASES[alias]
            return Town(frozenset(municipalities), True)
        # one slip in a short name scores under the ratio cut-off ("Essed" / "Essex" is 80)
        slipped: set[str] = set()
        for alias in _BY_INITIAL.get(key[0], ()):
            if abs(len(alias) - len(key)) <= 1 and OSA.distance(key, alias, score_cutoff=1) <= 1:
                slipped |= ALIASES[alias]
        if slipped:
            return Town(frozenset(slipped), True)
    return None


@lru_cache(maxsize=16384)
def resolve_town(text: str) -> Town | None:
    """Municipalities for a written town; unknown places stand for themselves."""
    key = place_key(text)
    if not key:
        return None
    town = _lookup(key)
    if town is not None:
        if key in ALIASES and len(town.municipalities) == 1 and key not in town.municipalities:
            return Town(town.municipalities, True, key)
        return town
    # "Alliston (New Tecumseth)", "Cambridge/Preston", "Woodstock, Oxford County"
    found: set[str] = set()
    for part in _SPLIT.split(fold(text)):
        sub = _lookup(place_key(part))
        if sub is not None:
            found |= sub.municipalities
    if found:
        return Town(frozenset(found), True)
    return Town(frozenset((key,)), False)


def is_place(text: str) -> bool:
    """Whether text is exactly a known corridor place (used to spot plant descriptors)."""
    return place_key(text) in ALIASES
