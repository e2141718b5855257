"""Synthetic municipal lists with ground truth: `generate(n_records, seed)`.

A region's lists: a dozen municipal/regional economic-development spreadsheets, a provincial
supplier directory (geocoded), two trade-show lead sheets (company-level, head-office phone) and
a business-registry extract (legal names, numbered companies). Each true facility appears in
1-5 of them, written the way that list writes things, with typos and omissions on top.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from .records import InputRecord
from .variation import (
    PHONE_FORMATS,
    PROFILES,
    STANDARD,
    STREET_ABBR,
    SUFFIX_LONG,
    SUFFIX_SHORT,
    WORD_VARIANTS,
    Profile,
    apply_case,
    ocr_confusion,
    render_phone,
    render_postal,
    render_website,
    typo,
)
from .world import Facility, World

MUNICIPAL_LISTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "windsor-essex-edc",
        (
            "Windsor",
            "Tecumseh",
            "LaSalle",
            "Lakeshore",
            "Essex",
            "Kingsville",
            "Leamington",
            "Amherstburg",
        ),
    ),
    ("chatham-kent-sarnia", ("Chatham-Kent", "Sarnia")),
    ("london-middlesex-edc", ("London", "Strathroy-Caradoc")),
    ("st-thomas-elgin", ("St. Thomas", "Central Elgin", "Aylmer")),
    ("oxford-county", ("Woodstock", "Ingersoll", "Tillsonburg", "Zorra", "East Zorra-Tavistock")),
    ("woodstock-edo", ("Woodstock",)),
    ("stratford-perth", ("Stratford", "St. Marys", "North Perth")),
    ("waterloo-region-edc", ("Kitchener", "Waterloo", "Cambridge", "Woolwich", "Wilmot")),
    ("cambridge-ecdev", ("Cambridge",)),
    ("guelph-wellington-brant", ("Guelph", "Centre Wellington", "Puslinch", "Brantford", "Brant")),
    ("hamilton-halton", ("Hamilton", "Burlington", "Oakville", "Milton", "Halton Hills")),
    (
        "peel-york-toronto",
        (
            "Mississauga",
            "Brampton",
            "Caledon",
            "Vaughan",
            "Markham",
            "Richmond Hill",
            "Aurora",
            "Newmarket",
            "Toronto",
        ),
    ),
    (
        "south-simcoe",
        (
            "New Tecumseth",
            "Bradford West Gwillimbury",
            "Innisfil",
            "Barrie",
            "Essa",
            "Orangeville",
            "Collingwood",
        ),
    ),
    (
        "durham-northumberland",
        (
            "Pickering",
            "Ajax",
            "Whitby",
            "Oshawa",
            "Clarington",
            "Port Hope",
            "Cobourg",
            "Peterborough",
        ),
    ),
    ("niagara-edc", ("St. Catharines", "Welland", "Niagara Falls")),
)


@dataclass(frozen=True, slots=True)
class Source:
    """A list and its house style."""

    name: str
    kind: str  # "municipal", "directory", "tradeshow", "registry"
    towns: frozenset[str] | None  # municipalities it covers; None: all
    coverage: float  # chance a facility it covers is listed
    case: str
    suffix: str  # "keep", "drop", "long", "short"
    phone_format: str
    postal_style: str
    abbreviate_streets: float
    unit_style: str
    present: dict[str, float]  # chance each optional field is filled


@dataclass(frozen=True, slots=True)
class Truth:
    facility_id: int
    company_id: int


def _sources(rng: random.Random) -> list[Source]:
    def style(
        name: str,
        kind: str,
        towns: frozenset[str] | None,
        coverage: float,
        present: dict[str, float],
    ) -> Source:
        return Source(
            name,
            kind,
            towns,
            coverage,
            case=rng.choices(("asis", "upper", "title"), (6, 2, 2))[0],
            suffix=rng.choice(("keep", "keep", "drop", "long", "short")),
            phone_format=rng.choice(PHONE_FORMATS),
            postal_style=rng.choice(("spaced", "spaced", "nospace", "lower", "dash")),
            abbreviate_streets=rng.choice((0.05, 0.5, 0.95)),
            unit_style=rng.choice(("unit-before", "unit-after", "dash", "hash", "suite")),
            present=present,
        )

    sources = []
    for name, towns in MUNICIPAL_LISTS:
        present = {
            "street": rng.uniform(0.75, 0.98),
            "postal": rng.uniform(0.5, 0.95),
            "phone": rng.uniform(0.6, 0.95),
            "website": rng.uniform(0.3, 0.8),
            "coords": rng.choice((0.0, 0.0, 0.7)),
            "naics": rng.uniform(0.0, 0.6),
            "employees": rng.uniform(0.2, 0.8),
            "products": rng.uniform(0.2, 0.8),
        }
        coverage = 0.6 if len(towns) == 1 else 0.8
        sources.append(style(name, "municipal", frozenset(towns), coverage, present))
    sources.append(
        style(
            "ontario-supplier-directory",
            "directory",
            None,
            0.5,
            {
                "street": 0.97,
                "postal": 0.95,
                "phone": 0.9,
                "website": 0.7,
                "coords": 0.9,
                "naics": 0.9,
                "employees": 0.8,
                "products": 0.9,
            },
        )
    )
    for name, coverage in (("apma-conference-leads", 0.15), ("auto-parts-expo-leads", 0.12)):
        sources.append(
            style(
                name,
                "tradeshow",
                None,
                coverage,
                {
                    "street": 0.35,
                    "postal": 0.25,
                    "phone": 0.85,
                    "website": 0.8,
                    "coords": 0.0,
                    "naics": 0.0,
                    "employees": 0.3,
                    "products": 0.5,
                },
            )
        )
    sources.append(
        style(
            "business-registry-extract",
            "registry",
            None,
            0.1,
            {
                "street": 0.9,
                "postal": 0.9,
                "phone": 0.0,
                "website": 0.0,
                "coords": 0.0,
                "naics": 0.5,
                "employees": 0.0,
                "products": 0.0,
            },
        )
    )
    return sources


class _Writer:
    """Writes one facility as one row of one source."""

    def __init__(self, rng: random.Random, profile: Profile) -> None:
        self.rng = rng
        self.p = profile

    def name(self, f: Facility, source: Source) -> str:
        rng, p, company = self.rng, self.p, f.company
        words = list(company.words)
        if p.drop_word and len(words) > 2 and rng.random() < p.drop_word:
            del words[rng.randrange(1, len(words) - 1)]
        if p.join_split and rng.random() < p.join_split and len(words) > 1:
            i = rng.randrange(len(words) - 1)
            if words[i].isalpha() and words[i + 1].isalpha():
                words[i : i + 2] = [words[i] + words[i + 1].lower()]
        if rng.random() < p.word_variant:
            words = [rng.choice(WORD_VARIANTS[w]) if w in WORD_VARIANTS else w for w in words]
        text = " ".join(words)
        suffix = company.suffix
        mode = (
            source.suffix
            if rng.random() > p.suffix_swap
            else rng.choice(("keep", "drop", "long", "short"))
        )
        if mode == "drop" or rng.random() < p.suffix_drop * 0.3:
            suffix = ""
        elif mode == "long":
            suffix = SUFFIX_LONG.get(suffix, suffix)
        elif mode == "short":
            suffix = (
                SUFFIX_SHORT.get(suffix, suffix).rstrip(".")
                if rng.random() < 0.5
                else SUFFIX_SHORT.get(suffix, suffix)
            )
        foreign = company.foreign if rng.random() < 0.8 else ""
        if foreign == " (Canada)" or not suffix:
            text = text + foreign + (" " + suffix if suffix else "")
        else:
            text = text + foreign + ("," if rng.random() < 0.1 else "") + " " + suffix
        if company.number and (source.kind == "registry" or rng.random() < p.numbered_form):
            numbered = f"{company.number} Ontario {rng.choice(('Inc.', 'Inc', 'Limited', 'Ltd.'))}"
            form = rng.random()
            if source.kind == "registry" and form < 0.5:
                text = numbered
            elif form < 0.6:
                marker = rng.choice(("o/a", "O/A", "operating as", "c.o.b.", "d/b/a"))
                text = f"{numbered} {marker} {text}"
            else:
                text = f"{text} ({numbered})"
        if (
            len(company.facilities) > 1
            and source.kind != "tradeshow"
            and rng.random() < p.plant_descriptor
        ):
            town = (f.local or f.town.municipality).rstrip("*")
            alone = (
                sum(g.town is f.town for g in company.facilities) == 1
            )  # named by town only if unique
            if alone and rng.random() < 0.7:
                text += rng.choice(
                    (f" - {town} Plant", f" ({town})", f", {town} Facility", f" {town} Plant")
                )
            else:
                text += rng.choice(
                    (f" Plant {f.plant_no}", f" - Plant #{f.plant_no}", f" (Plant {f.plant_no})")
                )
        text = apply_case(
            text, source.case if rng.random() < 0.9 else rng.choice(("upper", "title", "asis"))
        )
        if rng.random() < p.name_typo:
            text = typo(text, rng)
            if rng.random() < p.second_typo:
                text = typo(text, rng)
        if p.ocr and rng.random() < p.ocr:
            text = ocr_confusion(text, rng)
        return text

    def street(self, f: Facility, source: Source) -> str:
        rng, p = self.rng, self.p
        abbreviate = rng.random() < source.abbreviate_streets
        street = f.street
        if rng.random() < p.street_typo:
            street = typo(street, rng)
        parts = [street]
        if f.street_type:
            parts.append(
                STREET_ABBR.get(f.street_type, f.street_type) if abbreviate else f.street_type
            )
        if f.direction:
            parts.append(STREET_ABBR[f.direction] if abbreviate else f.direction)
        if street.startswith("Highway") and abbreviate:
            parts[0] = street.replace("Highway", rng.choice(("Hwy", "Hwy.")))
        line = " ".join(parts)
        if abbreviate and rng.random() < 0.3:
            line = (
                line.replace(" St", " St.")
                .replace(" Rd", " Rd.")
                .replace(" Ave", " Ave.")
                .replace(" Dr", " Dr.")
            )
        civic = f.civic
        if rng.random() < p.number_typo:
            civic = typo("9" + civic, rng)[1:] or civic
            civic = "".join(c for c in civic if c.isdigit()) or f.civic
        unit = f.unit if f.unit and rng.random() > p.unit_drop else None
        if unit is None:
            text = f"{civic} {line}"
        elif source.unit_style == "unit-before":
            text = f"Unit {unit}, {civic} {line}"
        elif source.unit_style == "dash":
            text = f"{unit}-{civic} {line}"
        elif source.unit_style == "hash":
            text = f"{civic} {line} #{unit}"
        elif source.unit_style == "suite":
            text = f"{civic} {line}, Suite {unit}"
        else:
            text = f"{civic} {line}, Unit {unit}"
        if p.po_box and rng.random() < p.po_box:
            text = f"PO Box {rng.randint(10, 999)}, {text}"
        return apply_case(text, source.case)

    def city(self, f: Facility, source: Source) -> str:
        rng, p = self.rng, self.p
        town = f.town.municipality
        if f.local and rng.random() < p.local_name:
            town = f.local
        if town.endswith("*"):  # a hamlet unknown to the matcher: written only sometimes
            town = town[:-1] if rng.random() < p.hamlet else f.town.municipality
        if p.mailing_town and rng.random() < p.mailing_town:
            town = self.rng.choice(f.town.local or (f.town.municipality,)).rstrip("*")
        if town.startswith("St. ") and rng.random() < 0.4:
            town = town.replace("St. ", rng.choice(("St ", "Saint ")))
        if rng.random() < p.city_typo:
            town = typo(town, rng)
        if p.province_in_city and rng.random() < p.province_in_city:
            town += rng.choice((", ON", ", Ont.", " ON", ", Ontario"))
        return apply_case(town, source.case)

    def phone(self, f: Facility, source: Source) -> str:
        rng, p = self.rng, self.p
        digits = f.phone
        if source.kind == "tradeshow" and rng.random() < p.hq_phone:
            digits = f.company.facilities[0].phone
        elif rng.random() < p.alt_phone:
            digits = f.alt_phone
        fmt = source.phone_format if rng.random() < 0.85 else rng.choice(PHONE_FORMATS)
        if p.seven_digit_phone and rng.random() < p.seven_digit_phone:
            return f"{digits[3:6]}-{digits[6:]}"
        return render_phone(digits, fmt, rng.random() < p.extension, rng)

    def postal(self, f: Facility, source: Source) -> str:
        code = f.postal
        if self.rng.random() < self.p.postal_typo:
            code = code[:-1] + str((int(code[-1]) + 1) % 10)
        return render_postal(code, source.postal_style)


def generate(
    n_records: int, seed: int = 0, profile: str | Profile = STANDARD
) -> tuple[list[InputRecord], dict[tuple[str, str], Truth]]:
    """Exactly n_records rows, and each row's true facility and company by (source, source_id)."""
    prof = PROFILES[profile] if isinstance(profile, str) else profile
    rng = random.Random(seed)
    world = World(random.Random(rng.random()))
    sources = _sources(random.Random(rng.random()))
    writer = _Writer(random.Random(rng.random()), prof)
    pick = random.Random(rng.random())
    rows: dict[str, list[tuple[InputRecord, Truth]]] = {s.name: [] for s in sources}
    total = 0
    batch = max(50, n_records // 40)
    while total < n_records:
        start = len(world.facilities)
        world.populate(start + batch)
        for f in world.facilities[start:]:
            listed = _listings(f, sources, pick)
            for source in listed:
                copies = 2 if pick.random() < 0.015 else 1  # the same plant twice in one list
                for _ in range(copies):
                    rows[source.name].append(
                        (_row(writer, f, source, prof), Truth(f.facility_id, f.company.company_id))
                    )
                    total += 1
    flat: list[tuple[InputRecord, Truth]] = []
    for source in sources:
        source_rows = rows[source.name]
        pick.shuffle(source_rows)
        flat.extend(source_rows)
    drop = set(pick.sample(range(len(flat)), len(flat) - n_records))
    records: list[InputRecord] = []
    truth: dict[tuple[str, str], Truth] = {}
    counters: dict[str, int] = {}
    for i, (record, true) in enumerate(flat):
        if i in drop:
            continue
        counters[record.source] = counters.get(record.source, 0) + 1
        record.source_id = f"{record.source}-{counters[record.source]:07d}"
        records.append(record)
        truth[(record.source, record.source_id)] = true
    return records, truth


def _listings(f: Facility, sources: list[Source], rng: random.Random) -> list[Source]:
    listed = []
    for source in sources:
        if source.towns is not None and f.town.municipality not in source.towns:
            continue
        coverage = source.coverage
        if source.kind == "tradeshow" and f.plant_no > 1:
            coverage *= 0.3
        if rng.random() < coverage:
            listed.append(source)
    if not listed:
        covering = [
            s
            for s in sources
            if s.kind == "municipal" and s.towns and f.town.municipality in s.towns
        ]
        listed = [rng.choice(covering or sources)]
    if len(listed) > 5:
        listed = rng.sample(listed, 5)
    return listed


def _row(w: _Writer, f: Facility, source: Source, profile: Profile) -> InputRecord:
    rng = w.rng
    present = {k: min(1.0, 1.0 - (1.0 - v) * profile.missing) for k, v in source.present.items()}
    has_coords = rng.random() < present["coords"]
    jitter = profile.jitter_km / 111.0
    return InputRecord(
        source=source.name,
        source_id="",
        name=w.name(f, source),
        street=w.street(f, source) if rng.random() < present["street"] else None,
        city=w.city(f, source) if rng.random() < 0.97 else None,
        province=rng.choice(("ON", "Ontario", "ON", "")) if rng.random() < 0.7 else None,
        postal_code=w.postal(f, source) if rng.random() < present["postal"] else None,
        phone=w.phone(f, source) if rng.random() < present["phone"] else None,
        website=render_website(f.company.domain, rng)
        if f.company.domain and rng.random() < present["website"]
        else None,
        naics=f.company.trade.naics if rng.random() < present["naics"] else None,
        employees=max(1, int(f.employees * rng.uniform(0.8, 1.25)))
        if rng.random() < present["employees"]
        else None,
        products=f.company.trade.products if rng.random() < present["products"] else None,
        lat=round(f.lat + rng.gauss(0, jitter), 6) if has_coords else None,
        lon=round(f.lon + rng.gauss(0, jitter), 6) if has_coords else None,
    )
