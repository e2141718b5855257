"""Blocking: the in-memory index that proposes a few candidate facilities for a record.

Every facility is filed under short keys (its phone numbers, postal code, website domain,
normalised name, each name word within its town, civic address, coordinate cell...). A record
is compared only with facilities sharing at least one key with it; keys shared by too many
facilities (a generic word such as "stamping" in Windsor) are skipped when looking up.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, NamedTuple

from .geo import cell
from .names import CompanyName
from .records import FacilityEntry, PreparedRecord

# Key kinds. Strong (sharing one makes a facility a candidate outright): phone "p", the phone's
# last seven digits in the town "l" (looked up by rows whose number has no area code), postal code
# "z", website domain "w", numbered company "#", whole normalised name "n", civic address in the
# town "a". Weak (they only propose facilities whose names then pass a quick similarity screen):
# name prefix within the town "d" / postal area "f" / coordinate cell "g", and the town-free civic
# address "s" (looked up for rows without a town).
_NEIGHBOURS = tuple((dy, dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1))
# A coordinate cell (y, x) as one integer: y * _ROW + x (|x| < 18,000 for any longitude).
_ROW = 1 << 16
_NEIGHBOUR_OFFSETS = tuple(dy * _ROW + dx for dy, dx in _NEIGHBOURS)


PREFIX = 6  # name prefix length for the typo-tolerant keys

Postings = dict[Any, "int | list[int]"]  # key -> one facility key, or a list of several


@lru_cache(maxsize=131072)
def prefix_variants(compact: str) -> tuple[str, ...]:
    """The name's first PREFIX letters and each way of deleting one of them.

    Two spellings one typo apart ("apexst" / "apxest" / "aprxst") share a variant, so a facility
    is found again despite a slip in the first letters (a symmetric-deletion index).
    """
    head = compact[:PREFIX]  # callers may pass the whole name; only the head counts
    if len(head) < 4:
        return (head,)
    return (head, *dict.fromkeys(head[:i] + head[i + 1 :] for i in range(len(head))))


def cell_number(point: tuple[float, float]) -> int:
    """The point's coordinate cell (geo.cell) as one integer; neighbours are +-1 and +-_ROW."""
    y, x = cell(point)
    return y * _ROW + x


class RecordKeys(NamedTuple):
    """Blocking keys of a record (or of all a facility's variants).

    Most keys are strings in one table. Two weak kinds are held as nested tables so that no key
    string is built per row: the name-prefix keys ("d": each prefix variant in each town, town ->
    variant -> facilities) and the coordinate-cell keys ("g": the name's first two letters and
    the cell, prefix -> cell number -> facilities).
    """

    filed: list[str]  # string keys the record's facility is filed under
    strong: list[str]  # distinct strong string keys to look up
    weak: list[str]  # distinct weak string keys to look up ("f"; "s" for a row without a town)
    heads: tuple[str, ...]  # name-prefix variants ("d" keys), in each of `places`
    places: tuple[str, ...]
    cells: list[tuple[str, int]]  # (name prefix, cell number): filed; a row looks up 9 cells


def keys_of(
    names: Iterable[CompanyName],
    towns: Iterable[str],
    streets: Iterable[tuple[str | None, str | None]],
    postals: Iterable[str],
    phones: Iterable[str],
    domains: Iterable[str],
    points: Iterable[tuple[float, float]],
    local_phones: Iterable[str] = (),
) -> RecordKeys:
    """Blocking keys for a set of field values (of one record or of one facility)."""
    names = list(names)
    towns = list(towns)
    phones = list(phones)
    postals = list(postals)
    fsas = sorted({p[:3] for p in postals})
    keys: dict[str, None] = {}  # insertion-ordered set
    heads: dict[str, None] = {}
    for name in names:
        if name.number:
            keys["#" + name.number] = None
        if name.compact and not name.numbered_only:
            keys["n" + name.compact] = None
            for alternate in name.alternates:
                keys["n" + alternate.replace(" ", "")] = None
            heads.update(dict.fromkeys(prefix_variants(name.compact)))
    keys.update(dict.fromkeys("p" + p for p in phones))
    # a number without its area code finds the facility only within a town
    locals_ = [p[3:] for p in phones] + list(local_phones)
    keys.update(dict.fromkeys("l" + p + "|" + t for p in locals_ for t in towns))
    keys.update(dict.fromkeys("z" + p for p in postals))
    keys.update(dict.fromkeys("w" + d for d in domains))
    weak = dict.fromkeys("f" + fsa + "|" + n.compact[:4] for fsa in fsas for n in names)
    for number, street in streets:
        if number and street:
            keys.update(
                dict.fromkeys("a" + number + "|" + street[:4] + "|" + t for t in towns or fsas)
            )
            weak["s" + number + "|" + street[:6]] = None
    cells = list(
        dict.fromkeys((n.compact[:2], cell_number(point)) for point in points for n in names)
    )
    strong = list(keys)
    return RecordKeys(strong + list(weak), strong, list(weak), tuple(heads), tuple(towns), cells)


def record_keys(record: PreparedRecord) -> RecordKeys:
    """Blocking keys of one normalised record (what keys_of gives, built directly)."""
    name = record.name
    compact = name.compact
    towns = record.town.ordered if record.town is not None else ()
    strong: list[str] = []
    weak: list[str] = []
    heads: tuple[str, ...] = ()
    if name.number:
        strong.append("#" + name.number)
    if compact and not name.numbered_only:
        strong.append("n" + compact)
        for alternate in name.alternates:
            key = "n" + alternate.replace(" ", "")
            if key not in strong:
                strong.append(key)
        heads = prefix_variants(compact[:PREFIX])
    for phone in record.phones:  # distinct (parse_phones)
        strong.append("p" + phone)
    local_keys: list[str] = []
    if towns:
        # filed under the seven digits in the town, for rows that leave the area code out
        local_keys = ["l" + p[3:] + "|" + t for p in record.phones for t in towns]
        if record.local_phones:
            for phone in record.local_phones:
                strong.extend("l" + phone + "|" + t for t in towns)
    postal = record.postal
    if postal:
        strong.append("z" + postal)
        weak.append("f" + postal[:3] + "|" + compact[:4])
    if record.domain:
        strong.append("w" + record.domain)
    street = record.street
    if street is not None and street.number and street.street:
        head = "a" + street.number + "|" + street.street[:4] + "|"
        for place in towns or ((postal[:3],) if postal else ()):
            strong.append(head + place)
        key = "s" + street.number + "|" + street.street[:6]
        if record.town is None:  # the town-free address key is looked up for rows without one
            weak.append(key)
            filed = strong + weak
        else:
            filed = strong + weak
            filed.append(key)
    else:
        filed = strong + weak
    if local_keys:
        filed.extend(local_keys)
    cells = [(compact[:2], cell_number(record.point))] if record.point is not None else []
    return RecordKeys(filed, strong, weak, heads, towns, cells)


def entry_keys(entry: FacilityEntry) -> RecordKeys:
    """Blocking keys of a facility, over all its variants."""
    return keys_of(
        entry.names,
        entry.towns,
        [(s.number, s.street) for s in entry.streets],
        entry.postals,
        entry.phones,
        entry.domains,
        entry.points,
        entry.local_phones,
    )


def _file(postings: Postings, key: object, fk: int, cap: int) -> None:
    found = postings.get(key)
    if found is None:
        postings[key] = fk
    elif type(found) is int:
        if found != fk:
            postings[key] = [found, fk]
    elif len(found) <= cap and fk not in found:  # type: ignore[arg-type, operator]
        found.append(fk)  # type: ignore[union-attr]


class FacilityIndex:
    """Facilities by key; candidate lookup bounded by `block_cap` and `max_candidates`."""

    __slots__ = ("block_cap", "by_cell", "by_place", "entries", "max_candidates", "postings")

    def __init__(self, block_cap: int = 60, max_candidates: int = 24) -> None:
        self.entries: dict[int, FacilityEntry] = {}
        # A key filed under one facility maps to its key; under several, to a list of keys.
        self.postings: Postings = {}
        self.by_place: dict[str, Postings] = {}  # town -> name-prefix variant -> facilities
        self.by_cell: dict[str, Postings] = {}  # name's first two letters -> cell -> facilities
        self.block_cap = block_cap
        self.max_candidates = max_candidates

    def __len__(self) -> int:
        return len(self.entries)

    def add(self, entry: FacilityEntry, keys: RecordKeys | None = None) -> None:
        """File a facility (new, or grown by a record) under its keys."""
        self.entries[entry.facility_key] = entry
        if keys is None:
            keys = entry_keys(entry)
        fk = entry.facility_key
        postings = self.postings
        # A key shared by more than block_cap facilities is never looked up (candidates), so
        # its list stops growing at block_cap + 1: filing stays constant-time when thousands of
        # facilities share one (numbered companies registered at one address and postal code)
        # instead of scanning an ever longer list for each new facility.
        cap = self.block_cap
        for key in keys.filed:
            found = postings.get(key)
            if found is None:
                postings[key] = fk
            elif type(found) is int:
                if found != fk:
                    postings[key] = [found, fk]
            elif len(found) <= cap and fk not in found:  # type: ignore[arg-type, operator]
                found.append(fk)  # type: ignore[union-attr]
        if keys.heads:
            for place in keys.places:
                table = self.by_place.get(place)
                if table is None:
                    table = self.by_place[place] = {}
                for head in keys.heads:
                    _file(table, head, fk, cap)
        for prefix, number in keys.cells:
            table = self.by_cell.get(prefix)
            if table is None:
                table = self.by_cell[prefix] = {}
            _file(table, number, fk, cap)

    def candidates(self, keys: RecordKeys) -> tuple[list[int], list[int]]:
        """Facilities to compare with a record: (sharing a strong key, sharing only weak keys).

        Strong keys (phone, postal code, address, domain, whole name, numbered company) always
        qualify; facilities met only through weak keys (the name prefix in the town, postal area
        or coordinate cell) are for the caller to screen by name first. Votes (keys shared) are
        counted only when there are more facilities than `max_candidates` to rank.
        """
        cap = self.block_cap
        strong_hits: list[int] = []
        get = self.postings.get
        for key in keys.strong:
            found = get(key)
            if found is None:
                continue
            if type(found) is int:
                strong_hits.append(found)
            elif len(found) <= cap:  # type: ignore[arg-type]
                strong_hits.extend(found)  # type: ignore[arg-type]
        weak_hits: list[int] = []
        for key in keys.weak:
            found = get(key)
            if found is None:
                continue
            if type(found) is int:
                weak_hits.append(found)
            elif len(found) <= cap:  # type: ignore[arg-type]
                weak_hits.extend(found)  # type: ignore[arg-type]
        if keys.heads:
            for place in keys.places:
                table = self.by_place.get(place)
                if table is None:
                    continue
                get = table.get
                for head in keys.heads:
                    found = get(head)
                    if found is None:
                        continue
                    if type(found) is int:
                        weak_hits.append(found)
                    elif len(found) <= cap:  # type: ignore[arg-type]
                        weak_hits.extend(found)  # type: ignore[arg-type]
        for prefix, number in keys.cells:
            table = self.by_cell.get(prefix)
            if table is None:
                continue
            get = table.get
            for offset in _NEIGHBOUR_OFFSETS:
                found = get(number + offset)
                if found is None:
                    continue
                if type(found) is int:
                    weak_hits.append(found)
                elif len(found) <= cap:  # type: ignore[arg-type]
                    weak_hits.extend(found)  # type: ignore[arg-type]
        limit = self.max_candidates
        strong_set = set(strong_hits)
        strong = sorted(strong_set) if len(strong_set) <= limit else _top(strong_hits, limit)
        if not weak_hits:
            return strong, []
        weak_set = set(weak_hits)
        weak_set -= strong_set
        if len(weak_set) <= limit * 4:
            return strong, sorted(weak_set)
        return strong, _top([fk for fk in weak_hits if fk in weak_set], limit * 4)


def _top(hits: list[int], limit: int) -> list[int]:
    """The `limit` facilities met through most keys (ties: lower key), in key order."""
    ranked = sorted(Counter(hits).items(), key=lambda kv: (-kv[1], kv[0]))
    return sorted(fk for fk, _ in ranked[:limit])
