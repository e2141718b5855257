"""Input rows, their normalised form, registry entries and decisions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal, NamedTuple

from .addresses import StreetAddress, parse_postal_code, parse_street
from .contacts import parse_domain, parse_local_phones, parse_phones
from .geo import valid_coordinates
from .names import CompanyName, parse_name, strip_town_suffix
from .places import Town, place_key, resolve_town

DecisionKind = Literal["match", "new", "review"]

# How many variants of each field one facility keeps: enough for the spellings seen in
# practice, bounded so that a facility listed a hundred times does not slow every lookup.
MAX_VARIANTS = 6


@dataclass(slots=True)
class InputRecord:
    """One row of a municipal list, trade-show lead sheet or directory, as written."""

    source: str
    source_id: str
    name: str
    street: str | None = None
    city: str | None = None
    province: str | None = None
    postal_code: str | None = None
    phone: str | None = None
    website: str | None = None
    naics: str | None = None
    employees: int | None = None
    products: str | None = None
    lat: float | None = None
    lon: float | None = None


class PreparedRecord(NamedTuple):
    """The normalised fields of an input row that matching looks at.

    A named tuple: cheap to build, and cheap to pickle when a worker process normalises rows
    ahead of the resolver (Resolver.resolve_all with workers=2).
    """

    name: CompanyName
    town: Town | None
    street: StreetAddress | None
    postal: str | None
    fsa: str | None
    phones: tuple[str, ...]
    domain: str | None
    point: tuple[float, float] | None
    local_phones: tuple[str, ...] = ()  # seven-digit numbers written without an area code


@lru_cache(maxsize=16384)
def _town(city: str) -> tuple[Town | None, frozenset[str]]:
    """The town a city cell denotes, and the names that, ending a company name, mean that town."""
    town = resolve_town(city)
    if town is None:
        return None, frozenset()
    return town, town.municipalities | {place_key(city)}


def prepare(record: InputRecord) -> PreparedRecord:
    """Normalise an input row."""
    name = parse_name(record.name or "")
    town, town_names = _town(record.city) if record.city else (None, frozenset())
    if town is not None:
        name = strip_town_suffix(name, town_names)
    postal = parse_postal_code(record.postal_code) if record.postal_code else None
    phones = parse_phones(record.phone) if record.phone else ()
    return PreparedRecord(
        name=name,
        town=town,
        street=parse_street(record.street) if record.street else None,
        postal=postal,
        fsa=postal[:3] if postal else None,
        phones=phones,
        domain=parse_domain(record.website) if record.website else None,
        point=valid_coordinates(record.lat, record.lon),
        local_phones=parse_local_phones(record.phone) if record.phone and not phones else (),
    )


def _add(values: list[Any], value: object) -> None:
    if value is not None and value not in values and len(values) < MAX_VARIANTS:
        values.append(value)


@dataclass(slots=True)
class FacilityEntry:
    """A facility of the registry as the index sees it: every variant its records carried."""

    facility_key: int
    company_key: int
    names: list[CompanyName] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)  # numbered companies behind the names
    towns: list[str] = field(default_factory=list)
    towns_known: bool = False
    communities: list[str] = field(default_factory=list)  # "bowmanville" when a row named it
    streets: list[StreetAddress] = field(default_factory=list)
    postals: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    local_phones: list[str] = field(default_factory=list)  # seven digits, no area code
    domains: list[str] = field(default_factory=list)
    points: list[tuple[float, float]] = field(default_factory=list)
    review_of: int | None = None  # provisional facility parked for review: the facility it may be
    record_count: int = 0

    def absorb(self, record: PreparedRecord) -> None:
        """Add a record's variants to this facility (at most MAX_VARIANTS of each)."""
        name = record.name
        names = self.names
        for known in names:
            if known.core == name.core and known.plant == name.plant:
                break
        else:
            if len(names) < MAX_VARIANTS:
                names.append(name)
        if name.number is not None:
            _add(self.numbers, name.number)
        town = record.town
        if town is not None:
            for municipality in town.ordered:
                _add(self.towns, municipality)
            self.towns_known = self.towns_known or town.known
            if town.community is not None:
                _add(self.communities, town.community)
        if record.street is not None and record.street.street:
            _add(self.streets, record.street)
        if record.postal is not None:
            _add(self.postals, record.postal)
        for phone in record.phones:
            _add(self.phones, phone)
        for phone in record.local_phones:
            _add(self.local_phones, phone)
        if record.domain is not None:
            _add(self.domains, record.domain)
        if record.point is not None:
            _add(self.points, record.point)
        self.record_count += 1

    @classmethod
    def from_records(
        cls, facility_key: int, company_key: int, records: Iterable[InputRecord]
    ) -> FacilityEntry:
        """An existing registry facility from the source rows linked to it."""
        entry = cls(facility_key, company_key)
        for record in records:
            entry.absorb(prepare(record))
        return entry


@dataclass(slots=True)
class Decision:
    """What the resolver decided for one input row."""

    source: str
    source_id: str
    kind: DecisionKind
    facility_key: int  # matched facility, new facility, or provisional facility for review
    company_key: int
    score: float  # 0..1, confidence that the row is the best candidate facility
    candidate_key: int | None = None  # best existing facility (for review: the one it may be)
    reasons: list[str] = field(default_factory=list)
