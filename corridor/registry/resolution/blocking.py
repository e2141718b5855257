"""Blocking: the in-memory index that proposes a few candidate facilities for a record.

Every facility is filed under short keys (its phone numbers, postal code, website domain,
normalised name, each name word within its town, civic address, coordinate cell...). A record
is compared only with facilities sharing at least one key with it; keys shared by too many
facilities (a generic word such as "stamping" in Windsor) are skipped when looking up.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache

from .geo import cell
from .names import CompanyName
from .records import FacilityEntry, PreparedRecord

# Kinds of key whose sharing makes a facility a candidate outright: phone, postal code, website
# domain, numbered company, whole normalised name, civic address in the town. The others (name
# prefix within the town "d" / postal area "f" / coordinate cell "g", and the town-free civic
# address "s" used for rows without a town) only propose facilities whose names then pass a quick
# similarity screen.
_STRONG = frozenset("pzw#na")
_NEIGHBOURS = tuple((dy, dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1))


PREFIX = 6  # name prefix length for the typo-tolerant keys


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


@lru_cache(maxsize=131072)
def _prefix_heads(compact: str) -> tuple[str, ...]:
    """The "d" keys of a name without their place: "d" + each prefix variant + "|"."""
    return tuple("d" + variant + "|" for variant in prefix_variants(compact))


def _name_keys(names: Iterable[CompanyName], places: Iterable[str]) -> Iterator[str]:
    places = tuple(places)
    for name in names:
        if name.number:
            yield "#" + name.number
        if name.compact and not name.numbered_only:
            yield "n" + name.compact
            for alternate in name.alternates:
                yield "n" + alternate.replace(" ", "")
            heads = _prefix_heads(name.compact)
            for place in places:
                for head in heads:
                    yield head + place


def keys_of(
    names: Iterable[CompanyName],
    towns: Iterable[str],
    streets: Iterable[tuple[str | None, str | None]],
    postals: Iterable[str],
    phones: Iterable[str],
    domains: Iterable[str],
    points: Iterable[tuple[float, float]],
) -> set[str]:
    """Blocking keys for a set of field values (of one record or of one facility)."""
    names = list(names)
    towns = list(towns)
    postals = list(postals)
    fsas = sorted({p[:3] for p in postals})
    keys = set(_name_keys(names, towns))
    keys.update("p" + p for p in phones)
    keys.update("z" + p for p in postals)
    keys.update("w" + d for d in domains)
    for fsa in fsas:
        keys.update("f" + fsa + "|" + n.compact[:4] for n in names)
    for number, street in streets:
        if number and street:
            keys.update("a" + number + "|" + street[:4] + "|" + place for place in towns or fsas)
            keys.add("s" + number + "|" + street[:6])
    for point in points:
        y, x = cell(point)
        keys.update(f"g{y},{x}|{n.compact[:2]}" for n in names)
    return keys


def record_keys(record: PreparedRecord) -> set[str]:
    """Blocking keys of one normalised record (the same keys keys_of gives, built directly)."""
    name = record.name
    towns = sorted(record.town.municipalities) if record.town else ()
    keys = set(_name_keys((name,), towns))
    for phone in record.phones:
        keys.add("p" + phone)
    if record.postal:
        keys.add("z" + record.postal)
        keys.add("f" + record.postal[:3] + "|" + name.compact[:4])
    if record.domain:
        keys.add("w" + record.domain)
    street = record.street
    if street is not None and street.number and street.street:
        head = "a" + street.number + "|" + street.street[:4] + "|"
        for place in towns or ((record.postal[:3],) if record.postal else ()):
            keys.add(head + place)
        keys.add("s" + street.number + "|" + street.street[:6])
    if record.point is not None:
        y, x = cell(record.point)
        keys.add(f"g{y},{x}|{name.compact[:2]}")
    return keys


def entry_keys(entry: FacilityEntry) -> set[str]:
    """Blocking keys of a facility, over all its variants."""
    return keys_of(
        entry.names,
        entry.towns,
        [(s.number, s.street) for s in entry.streets],
        entry.postals,
        entry.phones,
        entry.domains,
        entry.points,
    )


class FacilityIndex:
    """Facilities by key; candidate lookup bounded by `block_cap` and `max_candidates`."""

    __slots__ = ("block_cap", "entries", "max_candidates", "postings")

    def __init__(self, block_cap: int = 60, max_candidates: int = 24) -> None:
        self.entries: dict[int, FacilityEntry] = {}
        # A key filed under one facility maps to its key; under several, to a list of keys.
        self.postings: dict[str, int | list[int]] = {}
        self.block_cap = block_cap
        self.max_candidates = max_candidates

    def __len__(self) -> int:
        return len(self.entries)

    def add(self, entry: FacilityEntry, keys: Iterable[str] | None = None) -> None:
        """File a facility (new, or grown by a record) under its keys."""
        self.entries[entry.facility_key] = entry
        postings = self.postings
        fk = entry.facility_key
        for key in entry_keys(entry) if keys is None else keys:
            found = postings.get(key)
            if found is None:
                postings[key] = fk
            elif isinstance(found, int):
                if found != fk:
                    postings[key] = [found, fk]
            elif fk not in found:
                found.append(fk)

    def candidates(
        self, record: PreparedRecord, keys: Iterable[str]
    ) -> tuple[list[int], list[int]]:
        """Facilities to compare with a record: (sharing a strong key, sharing only name keys).

        Strong keys (phone, postal code, address, domain, whole name, numbered company) always
        qualify; facilities met only through weak keys (a name word in the town, a name prefix in
        the postal area or coordinate cell) are for the caller to screen by name first.
        """
        get = self.postings.get
        cap = self.block_cap
        lookup = list(keys)
        if record.town is not None:  # the town-free address key is for rows without a town
            lookup = [k for k in lookup if k[0] != "s"]
        if record.point is not None:
            y, x = cell(record.point)
            prefix = record.name.compact[:2]
            lookup = [k for k in lookup if k[0] != "g"]
            lookup.extend(f"g{y + dy},{x + dx}|{prefix}" for dy, dx in _NEIGHBOURS)
        # facility keys met, once per shared key; counted (in C) below
        strong_hits: list[int] = []
        weak_hits: list[int] = []
        for key in lookup:
            found = get(key)
            if found is None:
                continue
            hits = strong_hits if key[0] in _STRONG else weak_hits
            if isinstance(found, int):
                hits.append(found)
            elif len(found) <= cap:
                hits.extend(found)
        limit = self.max_candidates
        strong = Counter(strong_hits)
        if not weak_hits:
            return _top(strong, limit), []
        weak = Counter(weak_hits)
        for fk in strong:
            weak.pop(fk, None)
        return _top(strong, limit), _top(weak, limit * 4)


def _top(votes: dict[int, int], limit: int) -> list[int]:
    if len(votes) <= limit:
        return sorted(votes)
    ranked = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))
    return sorted(fk for fk, _ in ranked[:limit])
