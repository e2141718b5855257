"""Street addresses (civic number, street, unit) and Canadian postal codes."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .text import data_rows, fold_uncached

STREET_TYPES: dict[str, str] = {}
DIRECTIONS: dict[str, str] = {}
for _row in data_rows("street_types.csv"):
    (STREET_TYPES if _row["kind"] == "type" else DIRECTIONS)[_row["variant"]] = _row["canonical"]

_BOX = re.compile(r"\b(?:p\.?\s*o\.?\s*box|box|r\.?\s*r\.?|rural route)\s*#?\s*(\d+)\b,?")
_UNIT = re.compile(
    r"(?:,\s*|\b)(?:unit|suite|ste|apt|bay|bldg|building|floor|fl|room|rm|door|dock)\s*[#.:]?\s*"
    r"(?:no\.?\s*)?([a-z]?\d+[a-z]?|[a-z])\b,?"
)
_HASH_UNIT = re.compile(r"#\s*([a-z]?\d+[a-z]?|[a-z])\b,?")
_UNIT_CIVIC = re.compile(r"^([a-z]?\d{1,4}[a-z]?)\s*-\s*(\d+[a-z]?)\b")
_CIVIC = re.compile(r"^(\d+)([a-z])?(?=\s|$)")
_WORD = re.compile(r"[0-9a-z]+")
_POSTAL = re.compile(
    r"^([abceghjklmnprstvxy]\d[abceghjklmnprstvwxyz])\s*-?\s*(\d[abceghjklmnprstvwxyz]\d)$"
)
_LEADING_CANON = {"saint": "st", "mount": "mt", "fort": "ft"}
_LONG_DIRECTION = {
    "n": "north",
    "s": "south",
    "e": "east",
    "w": "west",
    "ne": "northeast",
    "nw": "northwest",
    "se": "southeast",
    "sw": "southwest",
}


class StreetAddress(NamedTuple):
    """A parsed street line: '4-123 Main St. N.' -> number 123, street 'main n', unit '4'."""

    number: str | None
    street: str | None  # street name with direction, trailing street type dropped: "main n"
    unit: str | None
    street_type: str | None = None


@lru_cache(maxsize=131072)
def parse_street(raw: str) -> StreetAddress | None:
    """Parse a street line as written in a municipal list; None if nothing usable."""
    text = fold_uncached(raw)
    if not text:
        return None
    if "box" in text or "rural" in text or "r.r" in text or "rr" in text:
        text = _BOX.sub(" ", text)
    unit: str | None = None
    found = _UNIT.search(text)
    if found:
        unit = found.group(1)
        text = text[: found.start()] + " " + text[found.end() :]
    found = _HASH_UNIT.search(text) if "#" in text else None
    if found:
        unit = unit or found.group(1)
        text = text[: found.start()] + " " + text[found.end() :]
    text = text.replace(".", " ").replace("'", "").replace(",", " ").strip()
    number: str | None = None
    found = _UNIT_CIVIC.match(text)
    if found:
        unit = unit or found.group(1)
        number = found.group(2)
        text = text[found.end() :]
    else:
        found = _CIVIC.match(text)
        if found:
            number = found.group(1) + (found.group(2) or "")
            text = text[found.end() :]
    street, street_type = _street_name(text)
    if street is None:
        return StreetAddress(number, None, unit) if number else None
    return StreetAddress(number, street, unit, street_type)


@lru_cache(maxsize=65536)
def _street_name(text: str) -> tuple[str | None, str | None]:
    """The street part of a line (after the civic number): name with direction, and its type.

    Cached: street names repeat across rows far more than whole lines (whose numbers differ).
    """
    words = _WORD.findall(text)
    if not words:
        return None, None
    direction = ""
    while len(words) > 1 and words[-1] in DIRECTIONS:
        direction = DIRECTIONS[words.pop()]
    street_type: str | None = None
    if len(words) > 1 and words[-1] in STREET_TYPES:
        street_type = STREET_TYPES[words.pop()]
    first = words[0]
    if len(words) > 1:
        first = _LONG_DIRECTION.get(DIRECTIONS.get(first, ""), STREET_TYPES.get(first, first))
    words = [_LEADING_CANON.get(first, first)] + [STREET_TYPES.get(w, w) for w in words[1:]]
    return " ".join(words + ([direction] if direction else [])), street_type


@lru_cache(maxsize=131072)
def parse_postal_code(raw: str) -> str | None:
    """'n4s7w3', 'N4S-7W3' -> 'N4S 7W3'; None unless it is a valid Canadian postal code."""
    text = "".join(raw.lower().split()) if raw.isascii() else fold_uncached(raw).replace(" ", "")
    found = _POSTAL.match(text)
    return f"{found.group(1)} {found.group(2)}".upper() if found else None
