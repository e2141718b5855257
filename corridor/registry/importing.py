"""Importing a company list: read, reject bad rows, resolve, write everything or nothing.

``import_companies`` is what the command, the import page and the demo call.
Re-importing the same file changes nothing; a changed row updates its source
record and its facility (both recorded in the change history); new rows go
through entity resolution: a confident match links to the facility, a clear
non-match creates one, an uncertain one is parked as its own facility and waits
in the review queue for the coordinator.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from corridor.core.scoping import system_scope
from corridor.registry.models import Company, Facility, ImportRun, MatchStatus, SourceRecord
from corridor.registry.places import MunicipalityLookup
from corridor.registry.resolution import Decision, FacilityEntry, InputRecord, Resolver
from corridor.registry.rows import Reject, content_hash, parse_row
from corridor.registry.sheets import read_table
from corridor.registry.signals import facilities_changed

Progress = Callable[[int, int], None]
# Keys the resolver hands out for facilities and companies created in this batch
# start here, far above any database id, and are mapped to real ids as rows are written.
BATCH_KEYS = 10**15
BATCH_KEY_PATTERN = re.compile(r"\b\d{16,}\b")

RECORD_FIELDS = (
    "name",
    "street",
    "city",
    "province",
    "postal_code",
    "phone",
    "website",
    "naics",
    "employees",
    "products",
)


@dataclass
class ImportReport:
    source: str
    file_name: str
    rows: int = 0
    matched: int = 0
    created: int = 0
    review: int = 0
    updated: int = 0
    unchanged: int = 0
    rejects: list[Reject] = field(default_factory=list)
    dry_run: bool = False
    run_id: int | None = None

    @property
    def rejected(self) -> int:
        return len(self.rejects)

    def summary(self) -> str:
        verb = "would import" if self.dry_run else "imported"
        return (
            f"{self.file_name}: {verb} {self.rows} rows from source '{self.source}': "
            f"{self.matched} matched, {self.created} new, {self.review} for review, "
            f"{self.updated} updated, {self.unchanged} unchanged, {self.rejected} rejected."
        )


class _DryRun(Exception):
    pass


def _as_input(row: SourceRecord | Facility, source: str, source_id: str) -> InputRecord:
    """A source record or a facility as matching sees it (both carry the same fields)."""
    values: dict[str, Any] = {name: getattr(row, name) or None for name in RECORD_FIELDS}
    values["employees"] = row.employees
    return InputRecord(
        source=source, source_id=source_id, lat=row.latitude, lon=row.longitude, **values
    )


def record_from_source(record: SourceRecord) -> InputRecord:
    return _as_input(record, record.source, record.source_id)


def record_from_facility(facility: Facility) -> InputRecord:
    """A facility entered by hand, as matching sees it."""
    return _as_input(facility, "corridor", str(facility.pk))


def load_resolver() -> Resolver:
    """A resolver holding every live facility of the registry, with all its source rows."""
    resolver = Resolver(next_facility_key=BATCH_KEYS, next_company_key=BATCH_KEYS)
    by_facility: dict[int, list[InputRecord]] = {}
    for record in SourceRecord.objects.filter(facility__deleted_at__isnull=True).iterator(2000):
        by_facility.setdefault(record.facility_id, []).append(record_from_source(record))
    entries = []
    for facility in Facility.objects.only(
        "id", "company_id", *RECORD_FIELDS, "latitude", "longitude"
    ).iterator(2000):
        rows = by_facility.get(facility.pk) or [record_from_facility(facility)]
        entries.append(FacilityEntry.from_records(facility.pk, facility.company_id, rows))
    resolver.load(entries)
    return resolver


class _Writer:
    """Writes decisions, mapping the resolver's batch keys to database ids."""

    def __init__(self, run: ImportRun, places: MunicipalityLookup) -> None:
        self.run = run
        self.places = places
        self.facility_ids: dict[int, int] = {}
        self.company_ids: dict[int, int] = {}

    def facility_id(self, key: int) -> int:
        return self.facility_ids.get(key, key)

    def readable(self, reason: str) -> str:
        """A resolver reason with this batch's temporary facility keys as database ids."""
        return BATCH_KEY_PATTERN.sub(lambda m: str(self.facility_id(int(m.group()))), reason)

    def company(self, key: int, record: InputRecord) -> int:
        if key < BATCH_KEYS:
            return key
        if key not in self.company_ids:
            company = Company.objects.create(name=record.name, website=record.website or "")
            self.company_ids[key] = company.pk
        return self.company_ids[key]

    def new_facility(self, decision: Decision, record: InputRecord) -> int:
        place = self.places.find(record.city)
        facility = Facility.objects.create(
            company_id=self.company(decision.company_key, record),
            name=record.name,
            street=record.street or "",
            city=record.city or "",
            municipality=place,
            province=(record.province or "ON")[:2].upper(),
            postal_code=(record.postal_code or "")[:7],
            phone=(record.phone or "")[:40],
            website=record.website or "",
            naics=record.naics or "",
            employees=record.employees,
            products=record.products or "",
            latitude=record.lat,
            longitude=record.lon,
        )
        self.facility_ids[decision.facility_key] = facility.pk
        return facility.pk

    def source_record(
        self,
        record: InputRecord,
        row: int,
        raw: dict[str, str],
        decision: Decision,
        facility_id: int,
        status: str,
    ) -> None:
        candidate = decision.candidate_key if decision.kind == "review" else None
        SourceRecord.objects.create(
            source=record.source,
            source_id=record.source_id,
            import_run=self.run,
            row_number=row,
            raw=raw,
            content_hash=content_hash(raw),
            facility_id=facility_id,
            status=status,
            match_score=round(decision.score, 4),
            candidate_id=self.facility_id(candidate) if candidate is not None else None,
            reasons=[self.readable(reason) for reason in decision.reasons],
            **_record_values(record),
        )


def _record_values(record: InputRecord) -> dict[str, Any]:
    values = {f: getattr(record, f) or "" for f in RECORD_FIELDS}
    values["employees"] = record.employees
    values["latitude"] = record.lat
    values["longitude"] = record.lon
    return values


def _update_changed(
    existing: SourceRecord, record: InputRecord, row: int, raw: dict[str, str], run: ImportRun
) -> None:
    """A row that changed since the last import: update it and fill its facility."""
    for name, value in _record_values(record).items():
        setattr(existing, name, value)
    existing.raw, existing.content_hash = raw, content_hash(raw)
    existing.row_number, existing.import_run = row, run
    existing.save()
    facility = Facility.objects.get(pk=existing.facility_id)
    changed = False
    for name in ("street", "postal_code", "phone", "website", "naics", "employees", "products"):
        value = getattr(record, name)
        if value not in (None, "") and getattr(facility, name) != value:
            setattr(facility, name, value)
            changed = True
    if record.lat is not None and record.lon is not None:
        changed = changed or (facility.latitude, facility.longitude) != (record.lat, record.lon)
        facility.latitude, facility.longitude = record.lat, record.lon
    if changed:
        facility.save()


def import_companies(
    path: Path,
    source: str | None = None,
    *,
    user: Any = None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Import a CSV or XLSX list. Raises ImportFileError (nothing written) if unreadable."""
    table = read_table(path)
    source = source or path.stem
    report = ImportReport(source=source, file_name=path.name, dry_run=dry_run)
    parsed: list[tuple[int, dict[str, str], InputRecord]] = []
    seen: set[str] = set()
    for row, raw in table.rows:
        outcome = parse_row(source, row, raw, table.columns)
        if isinstance(outcome, Reject):
            report.rejects.append(outcome)
        elif outcome.source_id in seen:
            report.rejects.append(
                Reject(
                    row,
                    outcome.source_id,
                    "source_id",
                    "the same source id appears earlier in the file",
                    raw,
                )
            )
        else:
            seen.add(outcome.source_id)
            parsed.append((row, raw, outcome))
    report.rows = len(table.rows)
    try:
        with (
            system_scope(f"import of {path.name}"),
            transaction.atomic(),
            facilities_changed.batch(),  # subscribers' derived work (tags, search rows), once
        ):
            _write(path, source, user, parsed, report, progress)
            if dry_run:
                raise _DryRun
    except _DryRun:
        report.run_id = None
    return report


def _write(
    path: Path,
    source: str,
    user: Any,
    parsed: list[tuple[int, dict[str, str], InputRecord]],
    report: ImportReport,
    progress: Progress | None,
) -> None:
    run = ImportRun.objects.create(
        source=source,
        file_name=path.name,
        file_sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
        user=user if getattr(user, "is_authenticated", False) else None,
    )
    existing = {r.source_id: r for r in SourceRecord.objects.filter(source=source)}
    fresh: list[tuple[int, dict[str, str], InputRecord]] = []
    for row, raw, record in parsed:
        known = existing.get(record.source_id)
        if known is None:
            fresh.append((row, raw, record))
        elif known.content_hash == content_hash(raw):
            report.unchanged += 1
        else:
            _update_changed(known, record, row, raw, run)
            report.updated += 1
    if fresh:
        resolver = load_resolver()
        writer = _Writer(run, MunicipalityLookup())
        for done, (row, raw, record) in enumerate(fresh, start=1):
            decision = resolver.resolve(record)
            if decision.kind == "match":
                facility_id = writer.facility_id(decision.facility_key)
                writer.source_record(record, row, raw, decision, facility_id, MatchStatus.AUTO)
                report.matched += 1
            else:
                facility_id = writer.new_facility(decision, record)  # review: parked apart
                status = MatchStatus.REVIEW if decision.kind == "review" else MatchStatus.NEW
                writer.source_record(record, row, raw, decision, facility_id, status)
                if decision.kind == "review":
                    report.review += 1
                else:
                    report.created += 1
            if progress is not None:
                progress(done, len(fresh))
    for name in ("rows", "matched", "created", "review", "updated", "unchanged", "rejected"):
        setattr(run, name, getattr(report, name))
    run.rejects = [
        {"row": r.row, "source_id": r.source_id, "field": r.field, "reason": r.reason, "raw": r.raw}
        for r in report.rejects
    ]
    run.finished_at = timezone.now()
    run.save()
    report.run_id = run.pk


def write_rejects(report: ImportReport, path: Path) -> None:
    """The rejected rows with their row number, field and reason, then their raw values."""
    columns: list[str] = []
    for reject in report.rejects:
        columns.extend(c for c in reject.raw if c not in columns)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "row", "source_id", "field", "reason", *columns])
        for r in report.rejects:
            writer.writerow(
                [
                    report.file_name,
                    r.row,
                    r.source_id,
                    r.field,
                    r.reason,
                    *(r.raw.get(c, "") for c in columns),
                ]
            )
