"""Demo registry: Ontario's real assembly plants and ~1,500 fictional suppliers.

The suppliers come the way real data comes: as a dozen messy municipal lists, a
provincial directory, trade-show leads and a business-registry extract, written
to CSV files under var/demo-lists/ and imported through the same import path as
any list, so the review queue has real work in it. Every supplier is marked
fictional; the assembly plants are real and name their source.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from corridor.core.datafiles import read_rows
from corridor.core.scoping import system_scope
from corridor.registry.importing import ImportReport, import_companies
from corridor.registry.models import Certification, Company, Facility, SourceRecord, Tier
from corridor.registry.resolution.generator import generate

DATA = Path(__file__).resolve().parent / "data"
SUPPLIER_ROWS = 2600  # about 1,500 facilities once duplicates are resolved
SEED = 2026
OEM_SOURCE = "oem-plants"
OEMS = ("Ford", "General Motors", "Stellantis", "Honda", "Toyota")
OEM_NOTE = "Automakers' public plant listings; coordinates approximate"

# Each list names its columns its own way, as municipalities' spreadsheets do.
HEADER_STYLES = (
    {
        "source_id": "ID",
        "name": "Company Name",
        "street": "Address",
        "city": "City",
        "postal_code": "Postal Code",
        "phone": "Phone",
        "website": "Website",
        "naics": "NAICS",
        "employees": "Employees",
        "products": "Products",
        "lat": "Latitude",
        "lon": "Longitude",
    },
    {
        "source_id": "Record ID",
        "name": "Business Name",
        "street": "Street Address",
        "city": "Municipality",
        "postal_code": "Postal",
        "phone": "Telephone",
        "website": "Web",
        "naics": "NAICS Code",
        "employees": "Employment",
        "products": "Products/Services",
        "lat": "lat",
        "lon": "lon",
    },
    {
        "source_id": "ref",
        "name": "name",
        "street": "street",
        "city": "town",
        "postal_code": "postcode",
        "phone": "tel",
        "website": "url",
        "naics": "naics_2022",
        "employees": "headcount",
        "products": "description",
        "lat": "y",
        "lon": "x",
    },
)


@dataclass
class RegistryDemoSummary:
    reports: list[ImportReport]

    @property
    def facilities(self) -> int:
        with system_scope("demo summary"):
            return Facility.objects.count()

    @property
    def review(self) -> int:
        return sum(r.review for r in self.reports)


def write_supplier_lists(folder: Path) -> list[Path]:
    """Generate the fictional suppliers' lists as CSV files; returns their paths."""
    records, _truth = generate(SUPPLIER_ROWS, seed=SEED)
    by_source: dict[str, list[dict[str, object]]] = {}
    for record in records:
        by_source.setdefault(record.source, []).append(
            {
                "source_id": record.source_id,
                "name": record.name,
                "street": record.street,
                "city": record.city,
                "postal_code": record.postal_code,
                "phone": record.phone,
                "website": record.website,
                "naics": record.naics,
                "employees": record.employees,
                "products": record.products,
                "lat": record.lat,
                "lon": record.lon,
            }
        )
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, (source, rows) in enumerate(sorted(by_source.items())):
        header = HEADER_STYLES[number % len(HEADER_STYLES)]
        path = folder / f"{source}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(header.values())
            for row in rows:
                writer.writerow("" if row[k] is None else row[k] for k in header)
        paths.append(path)
    return paths


def _oem_list(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{OEM_SOURCE}.csv"
    rows = list(read_rows(DATA / "oem_plants.csv"))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def _finish_oems() -> None:
    companies = {row["source_id"]: row["company"] for row in read_rows(DATA / "oem_plants.csv")}
    for record in SourceRecord.objects.filter(source=OEM_SOURCE).select_related("facility"):
        facility = record.facility
        facility.tier, facility.source_note, facility.is_fictional = Tier.OEM, OEM_NOTE, False
        facility.save()
        company = Company.objects.get(pk=facility.company_id)
        if company.name != companies[record.source_id]:
            company.name = companies[record.source_id]
            company.ownership = "foreign"
            company.save()


def _tier_for(naics: str, rng: random.Random) -> str:
    if naics.startswith("3335"):
        return Tier.TOOLING
    if naics.startswith("5413"):
        return Tier.SERVICE
    if naics.startswith("3363"):
        return rng.choices([Tier.TIER1, Tier.TIER2], [0.45, 0.55])[0]
    return rng.choices([Tier.TIER1, Tier.TIER2, Tier.TIER3], [0.15, 0.5, 0.35])[0]


def _finish_suppliers() -> None:
    """Mark suppliers fictional; give them tiers, certifications, customers and a map point."""
    rng = random.Random(SEED)
    today = dt.date(2026, 11, 1)
    for facility in (
        Facility.objects.exclude(tier=Tier.OEM).select_related("municipality").order_by("pk")
    ):
        facility.is_fictional = True
        facility.tier = facility.tier or _tier_for(facility.naics, rng)
        if facility.tier == Tier.TIER1 and not facility.oem_customers:
            facility.oem_customers = ", ".join(sorted(rng.sample(OEMS, rng.randint(1, 3))))
        if facility.latitude is None and facility.municipality is not None:
            # fictional plants without coordinates are placed near their town's centre
            facility.latitude = float(facility.municipality.latitude) + rng.uniform(-0.04, 0.04)
            facility.longitude = float(facility.municipality.longitude) + rng.uniform(-0.05, 0.05)
        facility.save()
        standards = []
        if facility.tier == Tier.TIER1 or rng.random() < 0.25:
            standards.append("IATF 16949")
        if rng.random() < 0.6:
            standards.append("ISO 9001")
        if rng.random() < 0.3:
            standards.append("ISO 14001")
        for standard in standards:
            Certification.objects.get_or_create(
                facility=facility,
                standard=standard,
                defaults={
                    "issuer": rng.choice(["BSI", "SGS", "Intertek", "DNV", "TÜV SÜD"]),
                    "expires_on": today + dt.timedelta(days=rng.randint(-200, 1000)),
                },
            )
    Company.objects.exclude(facilities__tier=Tier.OEM).update(is_fictional=True)


def build_demo(progress: Callable[[str], None] | None = None) -> RegistryDemoSummary:
    """Import the demo lists (idempotent: re-importing unchanged lists changes nothing)."""
    folder = Path(settings.VAR_DIR) / "demo-lists"
    paths = [_oem_list(folder), *write_supplier_lists(folder)]
    reports = []
    for path in paths:
        if progress:
            progress(f"importing {path.name}")
        reports.append(import_companies(path))
    with system_scope("demo registry"):
        _finish_oems()
        _finish_suppliers()
    summary = RegistryDemoSummary(reports)
    if progress:
        progress(
            f"registry: {summary.facilities} facilities, {summary.review} rows waiting for review"
        )
    return summary
