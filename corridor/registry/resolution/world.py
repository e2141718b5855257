"""The synthetic ground truth: companies and their facilities along the corridor."""

from __future__ import annotations

import math
import random
import re
from dataclasses import dataclass, field

from .vocabulary import (
    DIRECTIONS,
    GENERIC_NAMES,
    STEMS,
    STREET_NAMES,
    STREET_TYPE_WEIGHTS,
    STREET_TYPES,
    SURNAMES,
    SYLLABLE_HEADS,
    SYLLABLE_TAILS,
    TRADES,
    CorridorTown,
    Trade,
    corridor_towns,
)

_POSTAL_LETTERS = "ABCEGHJKLMNPRSTVWXYZ"
_STREETS = tuple(dict.fromkeys(s.replace("-", " ") for s in STREET_NAMES))
_SUFFIXES = ("Inc.", "Ltd.", "Limited", "Corp.", "Corporation", "ULC", "Co.", "", "Incorporated")
_SUFFIX_WEIGHTS = (45, 28, 8, 7, 2, 2, 2, 4, 2)
_FOREIGN = (" Canada", " of Canada", " (Canada)")


@dataclass(slots=True)
class Company:
    company_id: int
    words: list[str]  # operating name: ["Apex", "Precision", "Stamping"]
    trade: Trade
    suffix: str  # legal form as the company writes it: "Inc.", "Ltd.", ""
    foreign: str  # " Canada", " of Canada", " (Canada)" for subsidiaries of foreign groups
    number: str | None  # numbered company behind the operating name
    domain: str | None
    facilities: list[Facility] = field(default_factory=list)


@dataclass(slots=True)
class Facility:
    facility_id: int
    company: Company
    town: CorridorTown
    local: str | None  # community name people write instead of the municipality
    civic: str
    street: str
    street_type: str
    direction: str
    unit: str | None
    postal: str
    phone: str
    alt_phone: str
    lat: float
    lon: float
    employees: int
    plant_no: int  # 1 for the first (head-office) plant


class World:
    """Draws companies and facilities; names are unique per company (after case and spacing)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.towns = corridor_towns()
        self._weights = [t.weight for t in self.towns]
        self.companies: list[Company] = []
        self.facilities: list[Facility] = []
        self._names: set[str] = set()
        self._generic_used: set[tuple[str, str]] = set()
        self._phones: set[str] = set()
        self._addresses: dict[str, list[Facility]] = {}

    def town(self) -> CorridorTown:
        return self.rng.choices(self.towns, self._weights)[0]

    def _name_words(self) -> tuple[list[str], Trade]:
        rng = self.rng
        trade = rng.choice(TRADES)
        form = rng.random()
        if form < 0.55:
            first = [rng.choice(STEMS)]
        elif form < 0.68:
            first = [rng.choice(SURNAMES)]
        elif form < 0.71:
            first = [rng.choice(SURNAMES), "&", "Sons"]
        elif form < 0.83:
            first = [rng.choice(SYLLABLE_HEADS) + rng.choice(SYLLABLE_TAILS)]
        elif form < 0.87:
            first = [".".join(rng.sample("ABCDEFGHJKLMNPRSTW", rng.choice((2, 3)))) + "."]
        elif form < 0.97:
            first = [rng.choice(STEMS), rng.choice(STEMS)]
        else:
            first = [rng.choice(SURNAMES), rng.choice(SURNAMES)]
        words = [
            w.replace("-", " ") if rng.random() < 0.5 else w for w in first
        ] + trade.words.split()
        return words, trade

    def _unique(self, words: list[str]) -> bool:
        key = re.sub(r"[^a-z0-9]", "", " ".join(words).lower().replace("&", "and"))
        if key in self._names:
            return False
        self._names.add(key)
        return True

    def new_company(self, words: list[str] | None = None, trade: Trade | None = None) -> Company:
        rng = self.rng
        if words is None or trade is None:
            for _ in range(50):
                words, trade = self._name_words()
                if self._unique(words):
                    break
        assert words is not None and trade is not None
        foreign = rng.choice(_FOREIGN) if rng.random() < 0.05 else ""
        number = str(rng.randint(1_000_000, 2_999_999)) if rng.random() < 0.06 else None
        domain = None
        if rng.random() < 0.75:
            parts = [re.sub(r"[^a-z0-9]", "", w.lower()) for w in words if w not in ("&", "+")]
            parts = [p for p in parts if p]
            base = "-".join(parts) if rng.random() < 0.25 else "".join(parts)
            domain = base + rng.choice((".ca", ".com", ".ca", ".com", ".net"))
        company = Company(
            len(self.companies) + 1,
            words,
            trade,
            rng.choices(_SUFFIXES, _SUFFIX_WEIGHTS)[0],
            foreign,
            number,
            domain,
        )
        self.companies.append(company)
        return company

    def generic_company(self, town: CorridorTown) -> Company:
        """Generic names ("Precision Machining") recur for unrelated companies, one per town."""
        name = self.rng.choice(GENERIC_NAMES)
        if (name, town.municipality) in self._generic_used:
            return self.new_company()
        self._generic_used.add((name, town.municipality))
        trade = next((t for t in TRADES if name.endswith(t.words)), TRADES[0])
        return self.new_company(name.split(), trade)

    def _phone(self, town: CorridorTown) -> str:
        while True:
            phone = (
                self.rng.choice(town.area_codes)
                + str(self.rng.randint(200, 999))
                + f"{self.rng.randint(0, 9999):04d}"
            )
            if phone not in self._phones:
                self._phones.add(phone)
                return phone

    def new_facility(
        self, company: Company, town: CorridorTown, share_building: bool = False
    ) -> Facility:
        rng = self.rng
        local = None
        if town.local and rng.random() < 0.6:
            local = rng.choice(town.local)
        building = self._addresses.get(town.municipality)
        if share_building and building:
            host = rng.choice(building)
            civic, street, street_type, direction, postal = (
                host.civic,
                host.street,
                host.street_type,
                host.direction,
                host.postal,
            )
            unit: str | None = str(rng.randint(1, 30))
            while unit == host.unit:
                unit = str(rng.randint(1, 30))
            host.unit = host.unit or str(int(unit or 0) + 1)
            lat, lon, local = host.lat, host.lon, host.local
        else:
            civic = str(
                rng.choice((rng.randint(1, 999), rng.randint(100, 9999), rng.randint(1000, 29999)))
            )
            street = rng.choice(_STREETS)
            street_type = rng.choices(STREET_TYPES, STREET_TYPE_WEIGHTS)[0]
            direction = rng.choice(DIRECTIONS) if rng.random() < 0.08 else ""
            if rng.random() < 0.05:
                street, street_type = f"Highway {rng.choice((2, 3, 7, 8, 9, 24, 59, 401))}", ""
            unit = str(rng.randint(1, 24)) if rng.random() < 0.15 else None
            postal = (
                rng.choice(town.fsas)
                + " "
                + str(rng.randint(0, 9))
                + rng.choice(_POSTAL_LETTERS)
                + str(rng.randint(0, 9))
            )
            radius = 0.05 * math.sqrt(rng.random())
            angle = rng.random() * 2 * math.pi
            lat, lon = (
                town.lat + radius * math.sin(angle),
                town.lon + radius * math.cos(angle) * 1.37,
            )
        facility = Facility(
            facility_id=len(self.facilities) + 1,
            company=company,
            town=town,
            local=local,
            civic=civic,
            street=street,
            street_type=street_type,
            direction=direction,
            unit=unit,
            postal=postal,
            phone=self._phone(town),
            alt_phone=self._phone(town),
            lat=lat,
            lon=lon,
            employees=int(rng.lognormvariate(3.8, 1.0)) + 3,
            plant_no=len(company.facilities) + 1,
        )
        company.facilities.append(facility)
        self.facilities.append(facility)
        self._addresses.setdefault(town.municipality, []).append(facility)
        return facility

    def populate(self, n_facilities: int) -> None:
        """Draw companies until there are about n_facilities facilities."""
        rng = self.rng
        while len(self.facilities) < n_facilities:
            roll = rng.random()
            town = self.town()
            company = self.generic_company(town) if roll < 0.01 else self.new_company()
            self.new_facility(company, town, share_building=rng.random() < 0.04)
            if rng.random() < 0.12:  # multi-plant company
                for _ in range(rng.choice((1, 1, 1, 2, 2, 3))):
                    other = town if rng.random() < 0.3 else self.town()
                    self.new_facility(company, other)
            if (
                rng.random() < 0.06
            ):  # a look-alike name in the same town: same first word, another trade
                twin_words, twin_trade = self._look_alike(company)
                if twin_words and self._unique(twin_words):
                    self.new_facility(self.new_company(twin_words, twin_trade), town)
            if rng.random() < 0.005:  # sister company in the same building, same switchboard
                self._sister(company)

    def _look_alike(self, company: Company, disjoint: bool = False) -> tuple[list[str], Trade]:
        trade = self.rng.choice(TRADES)
        first = company.words[: len(company.words) - len(company.trade.words.split())]
        if trade is company.trade or not first:
            return [], trade
        if disjoint and set(trade.words.split()) & set(company.trade.words.split()):
            return [], trade
        return first + trade.words.split(), trade

    def _sister(self, company: Company) -> None:
        words, trade = self._look_alike(company, disjoint=True)
        if not words or not self._unique(words):
            return
        home = company.facilities[0]
        sister = self.new_company(words, trade)
        sister.company_id = company.company_id  # same group
        sister.domain = company.domain
        facility = self.new_facility(sister, home.town, share_building=False)
        facility.civic, facility.street, facility.street_type = (
            home.civic,
            home.street,
            home.street_type,
        )
        facility.direction, facility.postal, facility.phone = (
            home.direction,
            home.postal,
            home.phone,
        )
        facility.lat, facility.lon, facility.local, facility.unit = (
            home.lat,
            home.lon,
            home.local,
            home.unit,
        )
