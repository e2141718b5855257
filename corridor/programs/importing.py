"""Importing funded projects: Corridor's own CSV and the federal grants-and-contributions
open data, with the same bad-input behaviour as the registry's company import.

* A row that cannot be read is rejected with its row number, field and reason; the
  others are imported; the raw values of every row (every amendment too) are kept.
* Open data lists every amendment of an agreement: only the latest (highest
  ``amendment_number``, then latest ``amendment_date``) becomes the funded project.
* Recipients are linked to registry facilities through the registry's entity
  resolution; an uncertain match waits for the coordinator's review on the project.
* Everything is written in one transaction; re-importing the same file changes nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from corridor.core.scoping import system_scope
from corridor.programs.models import (
    FundedProject,
    FundingProgram,
    LinkStatus,
    ProjectImport,
    ProjectRecipient,
    ProjectRow,
    ProjectStatus,
)
from corridor.programs.names import ProgramNames
from corridor.registry.importing import BATCH_KEYS, load_resolver
from corridor.registry.models import Facility
from corridor.registry.places import MunicipalityLookup
from corridor.registry.resolution import InputRecord, Resolver
from corridor.registry.rows import Reject, content_hash
from corridor.registry.sheets import ImportFileError, header_key, read_rows

Progress = Callable[[int, int], None]
OPEN_DATA = "grants"
CORRIDOR = "corridor-csv"
REQUIRED = {
    OPEN_DATA: ("ref_number", "agreement_value", "recipient_legal_name", "prog_name_en"),
    CORRIDOR: ("project_id", "program", "title", "recipients"),
}


@dataclass
class Parsed:
    row: int
    raw: dict[str, str]
    ref: str
    amendment: int
    amendment_date: dt.date | None
    program: FundingProgram | None
    values: dict[str, Any]
    recipients: list[tuple[str, str, str]]  # (name, city, province)


@dataclass
class ProjectImportReport:
    file_name: str
    file_format: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    superseded: int = 0  # earlier amendments of an agreement
    skipped: int = 0  # open-data rows of programs Corridor does not follow
    linked: int = 0
    review: int = 0
    rejects: list[Reject] = field(default_factory=list)
    run_id: int | None = None

    def summary(self) -> str:
        return (
            f"{self.file_name} ({self.file_format}): {self.rows} rows: {self.created} new "
            f"projects, {self.updated} updated, {self.unchanged} unchanged, {self.superseded} "
            f"earlier amendments kept as raw rows, {self.skipped} of other programs skipped, "
            f"{len(self.rejects)} rejected; recipients: {self.linked} linked to facilities, "
            f"{self.review} for review."
        )


def _table(path: Path) -> tuple[str, list[tuple[int, dict[str, str]]]]:
    """The file's format and its rows keyed by normalised column name."""
    found, raw_rows = read_rows(path)
    headers = [header_key(h) for h in found]
    rows = [(number, {header_key(h): v for h, v in raw.items()}) for number, raw in raw_rows]
    file_format = OPEN_DATA if "ref_number" in headers else CORRIDOR
    missing = [c for c in REQUIRED[file_format] if c not in headers]
    if missing:
        kind = "grants-and-contributions open data" if file_format == OPEN_DATA else "Corridor"
        raise ImportFileError(
            f"{path.name}: missing required column {', '.join(repr(m) for m in missing)} "
            f"for the {kind} format. Columns found: {', '.join(headers)}."
        )
    return file_format, rows


class _RowError(ValueError):
    def __init__(self, field: str, reason: str) -> None:
        super().__init__(reason)
        self.field, self.reason = field, reason


def _amount(raw: dict[str, str], name: str) -> int | None:
    text = raw.get(name, "").replace(",", "").replace("$", "").replace(" ", "")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise _RowError(name, f"{raw[name]!r} is not an amount of dollars") from None
    if value < 0:
        raise _RowError(name, f"{raw[name]!r} is negative")
    return round(value)


def _count(raw: dict[str, str], name: str) -> int | None:
    text = raw.get(name, "").replace(",", "")
    if not text:
        return None
    if not text.isdigit():
        raise _RowError(name, f"{raw[name]!r} is not a whole number of 0 or more")
    return int(text)


def _day(raw: dict[str, str], name: str) -> dt.date | None:
    text = raw.get(name, "")
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise _RowError(name, f"{text!r} is not a date (write YYYY-MM-DD)") from None


def _parse_open_data(row: int, raw: dict[str, str], programs: ProgramNames) -> Parsed:
    ref = raw.get("ref_number", "")
    if not ref:
        raise _RowError("ref_number", "the agreement's reference number is empty")
    amendment_text = raw.get("amendment_number", "") or "0"
    if not amendment_text.isdigit():
        raise _RowError("amendment_number", f"{amendment_text!r} is not an amendment number")
    name = raw.get("recipient_legal_name", "")
    if not name:
        raise _RowError("recipient_legal_name", "the recipient's legal name is empty")
    start, end = _day(raw, "agreement_start_date"), _day(raw, "agreement_end_date")
    if start and end and end < start:
        raise _RowError("agreement_end_date", "the agreement ends before it starts")
    contribution = _amount(raw, "agreement_value")
    if contribution is None:
        raise _RowError("agreement_value", "the agreement value is empty")
    recipient = raw.get("recipient_operating_name") or name
    title = raw.get("agreement_title_en") or f"{raw.get('prog_name_en', '')}: {recipient}"
    status = ProjectStatus.COMPLETED if end and end < dt.date.today() else ProjectStatus.UNDERWAY
    return Parsed(
        row,
        raw,
        ref,
        int(amendment_text),
        _day(raw, "amendment_date"),
        programs.find(raw.get("prog_name_en", "")),
        {
            "title": title[:300],
            "description": raw.get("description_en", ""),
            "contribution": contribution,
            "total_value": None,
            "approved_on": start,
            "starts_on": start,
            "ends_on": end,
            "status": status,
            "technology_tags": [],
        },
        [(name, raw.get("recipient_city", ""), raw.get("recipient_province", "")[:2].upper())],
    )


def _parse_corridor(row: int, raw: dict[str, str], programs: ProgramNames) -> Parsed:
    ref = raw.get("project_id", "")
    if not ref:
        raise _RowError("project_id", "the project id is empty")
    program = programs.find(raw.get("program", ""))
    if program is None:
        raise _RowError("program", f"{raw.get('program', '')!r} is not a program Corridor knows")
    if not raw.get("title"):
        raise _RowError("title", "the title is empty")
    names = [n.strip() for n in raw.get("recipients", "").split(";") if n.strip()]
    if not names:
        raise _RowError("recipients", "no recipient is named")
    status = raw.get("status", "") or ProjectStatus.APPROVED
    if status not in ProjectStatus.values:
        raise _RowError("status", f"{status!r} is not one of {', '.join(ProjectStatus.values)}")
    values: dict[str, Any] = {
        "title": raw["title"][:300],
        "description": raw.get("description", ""),
        "contribution": _amount(raw, "contribution"),
        "total_value": _amount(raw, "total_value"),
        "approved_on": _day(raw, "approved_on"),
        "starts_on": _day(raw, "starts_on"),
        "ends_on": _day(raw, "ends_on"),
        "status": status,
        "technology_tags": [t.strip() for t in raw.get("technologies", "").split(";") if t.strip()],
    }
    for name in (
        "jobs_created_expected",
        "jobs_retained_expected",
        "jobs_created_reported",
        "jobs_retained_reported",
    ):
        values[name] = _count(raw, name)
    city, province = raw.get("recipient_city", ""), raw.get("recipient_province", "") or "ON"
    return Parsed(
        row, raw, ref, 0, None, program, values, [(n, city, province[:2].upper()) for n in names]
    )


def _latest(parsed: list[Parsed]) -> dict[str, Parsed]:
    latest: dict[str, Parsed] = {}
    for p in parsed:
        best = latest.get(p.ref)
        key = (p.amendment, p.amendment_date or dt.date.min)
        if best is None or key > (best.amendment, best.amendment_date or dt.date.min):
            latest[p.ref] = p
    return latest


def import_projects(
    path: Path, *, user: Any = None, progress: Progress | None = None
) -> ProjectImportReport:
    """Import a file of funded projects. Raises ImportFileError (nothing written)."""
    file_format, rows = _table(path)
    report = ProjectImportReport(path.name, file_format, rows=len(rows))
    parse = _parse_open_data if file_format == OPEN_DATA else _parse_corridor
    parsed: list[Parsed] = []
    seen: set[tuple[str, int]] = set()
    with system_scope(f"import of {path.name}"), transaction.atomic():
        programs = ProgramNames(FundingProgram.objects.all())
        for row, raw in rows:
            ref = raw.get("ref_number") or raw.get("project_id") or ""
            try:
                item = parse(row, raw, programs)
            except _RowError as error:
                report.rejects.append(Reject(row, ref, error.field, error.reason, raw))
                continue
            if (item.ref, item.amendment) in seen:
                report.rejects.append(
                    Reject(
                        row,
                        ref,
                        "amendment_number" if file_format == OPEN_DATA else "project_id",
                        "the same agreement and amendment appear earlier in the file",
                        raw,
                    )
                )
                continue
            seen.add((item.ref, item.amendment))
            parsed.append(item)
        _Writer(path, file_format, user, report).write(parsed, progress)
    return report


class _Writer:
    def __init__(self, path: Path, file_format: str, user: Any, report: ProjectImportReport):
        self.report = report
        self.source = file_format
        self.run = ProjectImport.objects.create(
            file_name=path.name,
            file_sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
            file_format=file_format,
            user=user if getattr(user, "is_authenticated", False) else None,
        )
        self.places = MunicipalityLookup()
        self._resolver: Resolver | None = None

    @property
    def resolver(self) -> Resolver:
        if self._resolver is None:
            self._resolver = load_resolver()
        return self._resolver

    def write(self, parsed: list[Parsed], progress: Progress | None) -> None:
        latest = _latest(parsed)
        for done, item in enumerate(parsed, start=1):
            is_latest = latest[item.ref] is item
            changed = self._raw_row(item, is_latest)
            if not is_latest:
                self.report.superseded += 1
            elif item.program is None:
                self.report.skipped += 1
            elif changed:
                self._project(item)
            else:
                self.report.unchanged += 1
            if progress is not None:
                progress(done, len(parsed))
        self._finish()

    def _raw_row(self, item: Parsed, is_latest: bool) -> bool:
        """Keep the raw row; whether it is new or changed (or newly the latest)."""
        digest = content_hash(item.raw)
        row = ProjectRow.objects.filter(
            source=self.source, source_ref=item.ref, amendment=item.amendment
        ).first()
        if row is not None and row.content_hash == digest and row.is_latest == is_latest:
            return False
        if row is None:
            row = ProjectRow(source=self.source, source_ref=item.ref, amendment=item.amendment)
        row.raw, row.content_hash, row.row_number = item.raw, digest, item.row
        row.import_run, row.is_latest = self.run, is_latest
        row.save()
        return True

    def _project(self, item: Parsed) -> None:
        assert item.program is not None
        values = {**item.values, "program": item.program}
        values["municipality"] = self.places.find(item.recipients[0][1] or None)
        project = FundedProject.objects.filter(source=self.source, source_ref=item.ref).first()
        if project is None:
            project = FundedProject.objects.create(
                source=self.source, source_ref=item.ref, **values
            )
            self.report.created += 1
        else:
            for name, value in values.items():
                setattr(project, name, value)
            project.save()
            self.report.updated += 1
        for row in ProjectRow.objects.filter(source=self.source, source_ref=item.ref):
            if row.project_id != project.pk:
                row.project = project
                row.save()
        known = {(r.name, r.city) for r in project.recipients.all()}
        for index, (name, city, province) in enumerate(item.recipients):
            if (name, city) not in known:
                self._recipient(project, index, name, city, province)

    def _recipient(
        self, project: FundedProject, index: int, name: str, city: str, province: str
    ) -> None:
        record = InputRecord(
            source="funded-project",
            source_id=f"{project.source_ref}#{index}",
            name=name,
            city=city or None,
            province=province or None,
        )
        decision = self.resolver.resolve(record)
        recipient = ProjectRecipient(
            project=project,
            name=name,
            city=city,
            province=province,
            is_lead=index == 0,
            match_score=round(decision.score, 4),
            reasons=list(decision.reasons),
        )
        if decision.kind == "match" and decision.facility_key < BATCH_KEYS:
            recipient.link_status = LinkStatus.LINKED
            recipient.facility_id = decision.facility_key
            recipient.company_id = decision.company_key
            self.report.linked += 1
        elif decision.kind == "review" and (decision.candidate_key or BATCH_KEYS) < BATCH_KEYS:
            recipient.link_status = LinkStatus.REVIEW
            recipient.candidate_id = decision.candidate_key
            self.report.review += 1
        recipient.save()
        if index == 0 and recipient.facility_id and project.municipality_id is None:
            facility = Facility.objects.get(pk=recipient.facility_id)
            if facility.municipality_id:
                project.municipality_id = facility.municipality_id
                project.save()

    def _finish(self) -> None:
        run, report = self.run, self.report
        for name in ("rows", "created", "updated", "unchanged", "superseded", "skipped"):
            setattr(run, name, getattr(report, name))
        run.rejects = [
            {"row": r.row, "ref": r.source_id, "field": r.field, "reason": r.reason, "raw": r.raw}
            for r in report.rejects
        ]
        run.finished_at = timezone.now()
        run.save()
        report.run_id = run.pk
