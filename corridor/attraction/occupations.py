"""Which occupations a plant of a capability hires (``data/capability_occupations.csv``).

A capability listed without codes, or not listed, takes its parent's occupations (and so
on up the taxonomy), so "Hot stamping" hires what "Stamping" hires.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from corridor.core.scoping import system_scope
from corridor.supplychain.models import Capability

DATA_FILE = Path(__file__).resolve().parent / "data" / "capability_occupations.csv"


@cache
def read_mapping(path: Path = DATA_FILE) -> dict[str, tuple[str, ...]]:
    """Capability key → its own NOC 2021 codes (empty when it inherits)."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        return {
            row["capability"].strip(): tuple(
                code.strip() for code in (row["noc_codes"] or "").split(";") if code.strip()
            )
            for row in csv.DictReader(lines)
        }


def noc_codes_for(capability: Capability) -> tuple[str, ...]:
    """The NOC codes of ``capability``, or of its nearest ancestor that lists some."""
    mapping = read_mapping()
    with system_scope("the taxonomy is shared reference data"):
        parents = dict(Capability.objects.values_list("key", "parent__key"))
    key: str | None = capability.key
    seen: set[str] = set()
    while key and key not in seen:
        seen.add(key)
        if mapping.get(key):
            return mapping[key]
        key = parents.get(key)
    return ()
