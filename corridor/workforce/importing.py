"""``corridor import-workforce KIND PATH``: labour supply, job postings and programs.

The same behaviour as the registry import: columns matched by name (with aliases); a row
that cannot be read is rejected with its file, row number, field and reason (and kept,
raw, in the run's rejects and the ``--rejects`` file); everything else is written in one
transaction or not at all; each row keeps its raw values; importing the same file again
changes nothing (rows are keyed: supply and postings by region, occupation, period and
source; programs by institution and program code).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import models, transaction

from corridor.core.scoping import system_scope
from corridor.registry.places import MunicipalityLookup
from corridor.registry.sheets import ImportFileError, header_key, read_rows
from corridor.workforce.models import (
    Campus,
    Credential,
    DeliveryMode,
    Demand,
    DemandKind,
    ImportKind,
    Institution,
    LabourSupply,
    Occupation,
    Region,
    TrainingProgram,
    WorkforceImport,
)

Progress = Callable[[int, int], None]

COLUMNS: dict[str, dict[str, tuple[str, ...]]] = {
    ImportKind.SUPPLY: {
        "region": ("region", "economic_region", "er", "region_code", "geo"),
        "noc": ("noc", "noc_code", "noc_2021", "occupation_code", "occupation"),
        "period": ("period", "year", "ref_date", "date"),
        "employed": ("employed", "employment"),
        "unemployed": ("unemployed", "unemployment"),
        "source": ("source",),
    },
    ImportKind.POSTINGS: {
        "region": ("region", "economic_region", "er", "region_code"),
        "noc": ("noc", "noc_code", "noc_2021", "occupation_code", "occupation"),
        "month": ("month", "period", "date"),
        "postings": ("postings", "job_postings", "count", "openings"),
        "source": ("source",),
    },
    ImportKind.PROGRAMS: {
        "institution": ("institution", "college", "school"),
        "code": ("code", "program_code", "id"),
        "name": ("program", "name", "program_name", "title"),
        "credential": ("credential", "award"),
        "length_months": ("length_months", "months", "length"),
        "campuses": ("campuses", "campus", "locations"),
        "noc": ("noc", "noc_codes", "occupations"),
        "seats": ("seats", "capacity", "intake"),
        "graduates": ("graduates", "graduates_per_year", "completions"),
        "delivery_mode": ("delivery_mode", "delivery", "mode"),
        "source": ("source",),
    },
}
REQUIRED: dict[str, tuple[str, ...]] = {
    ImportKind.SUPPLY: ("region", "noc", "period", "employed", "unemployed"),
    ImportKind.POSTINGS: ("region", "noc", "month", "postings"),
    ImportKind.PROGRAMS: ("institution", "code", "name", "credential", "seats", "graduates"),
}


class RowError(ValueError):
    def __init__(self, field: str, reason: str) -> None:
        super().__init__(reason)
        self.field, self.reason = field, reason


@dataclass(frozen=True, slots=True)
class Reject:
    row: int
    field: str
    reason: str
    raw: dict[str, str]


@dataclass
class ImportReport:
    kind: str
    file_name: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejects: list[Reject] = field(default_factory=list)
    run_id: int | None = None

    def summary(self) -> str:
        return (
            f"{self.file_name}: {self.rows} rows of {self.kind}: {self.created} new, "
            f"{self.updated} updated, {self.unchanged} unchanged, {len(self.rejects)} rejected."
        )

    def lines(self) -> list[str]:
        return [f"{self.file_name}, row {r.row}, {r.field}: {r.reason}" for r in self.rejects]


def read_sheet(path: Path, kind: str) -> tuple[dict[str, str], list[tuple[int, dict[str, str]]]]:
    """The columns found (field → header) and the non-empty rows with their row numbers."""
    headers, rows = read_rows(path, comments=True)
    by_key = {header_key(h): h for h in headers if h}
    columns: dict[str, str] = {}
    for name, aliases in COLUMNS[kind].items():
        for alias in aliases:
            if alias in by_key:
                columns[name] = by_key[alias]
                break
    missing = [f for f in REQUIRED[kind] if f not in columns]
    if missing:
        raise ImportFileError(
            f"{path.name}: missing required column {', '.join(repr(m) for m in missing)} "
            f"for {kind}. Columns found: {', '.join(headers)}."
        )
    return columns, rows


def _number(value: str, name: str) -> int:
    cleaned = value.replace(",", "").replace(" ", "")
    if not re.fullmatch(r"\d+(\.0+)?", cleaned):
        raise RowError(name, f"{value!r} is not a whole number of 0 or more")
    number = int(float(cleaned))
    if number > 10_000_000:
        raise RowError(name, f"{value!r} is too large")
    return number


def _period(value: str, name: str) -> dt.date:
    text = value.strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            return dt.date(int(text), 1, 1)
        if re.fullmatch(r"\d{4}-\d{1,2}", text):
            year, month = text.split("-")
            return dt.date(int(year), int(month), 1)
        return dt.date.fromisoformat(text[:10]).replace(day=1)
    except ValueError:
        raise RowError(name, f"{value!r} is not a year, a month (YYYY-MM) or a date") from None


def _key(text: str) -> str:
    return re.sub(r"[\s\-–—]+", " ", text.strip().lower())


class _Lookups:
    def __init__(self) -> None:
        self.regions: dict[str, Region] = {}
        for region in Region.objects.all():
            self.regions[region.code] = region
            self.regions[_key(region.name)] = region
        self.occupations = {o.noc_code: o for o in Occupation.objects.all()}
        self.places = MunicipalityLookup()
        self.rows: dict[Any, dict[tuple[Any, ...], Any]] = {}

    def region(self, value: str) -> Region:
        found = self.regions.get(value.strip()) or self.regions.get(_key(value))
        if found is None:
            raise RowError("region", f"{value!r} is not an economic region of the corridor")
        return found

    def occupation(self, value: str, name: str = "noc") -> Occupation:
        code = value.strip().split(" ")[0]
        found = self.occupations.get(code)
        if found is None:
            raise RowError(name, f"{value!r} is not a NOC 2021 code Corridor counts")
        return found


def _cell(raw: dict[str, str], columns: dict[str, str], name: str) -> str:
    header = columns.get(name)
    return raw.get(header, "").strip() if header else ""


def _choice(value: str, choices: Any, name: str, default: str | None = None) -> str:
    if not value and default is not None:
        return default
    for key, label in choices.choices:
        if _key(value) in (_key(key.replace("_", " ")), _key(str(label))):
            return str(key)
    options = ", ".join(str(k) for k in choices.values)
    raise RowError(name, f"{value!r} is not one of {options}")


def _source(raw: dict[str, str], columns: dict[str, str], default: str) -> str:
    return (_cell(raw, columns, "source") or default)[:200]


def _write_supply(
    look: _Lookups, raw: dict[str, str], columns: dict[str, str], default: str
) -> str:
    cell = lambda name: _cell(raw, columns, name)  # noqa: E731
    region, occupation = look.region(cell("region")), look.occupation(cell("noc"))
    period = _period(cell("period"), "period")
    values = {
        "employed": _number(cell("employed"), "employed"),
        "unemployed": _number(cell("unemployed"), "unemployed"),
    }
    key = {
        "region": region,
        "occupation": occupation,
        "period": period,
        "source": _source(raw, columns, default),
    }
    return _upsert(look, LabourSupply, key, values, raw)


def _write_postings(
    look: _Lookups, raw: dict[str, str], columns: dict[str, str], default: str
) -> str:
    cell = lambda name: _cell(raw, columns, name)  # noqa: E731
    region, occupation = look.region(cell("region")), look.occupation(cell("noc"))
    month = _period(cell("month"), "month")
    key = {
        "kind": DemandKind.POSTINGS,
        "region": region,
        "occupation": occupation,
        "month": month,
        "source": _source(raw, columns, default),
    }
    return _upsert(look, Demand, key, {"count": _number(cell("postings"), "postings")}, raw)


def _ident(value: Any) -> Any:
    return value.pk if isinstance(value, models.Model) else value


def _upsert(
    look: _Lookups, model: Any, key: dict[str, Any], values: dict[str, Any], raw: dict[str, str]
) -> str:
    """Create the row with this key, update its values, or leave it: one look-up in memory."""
    names = tuple(key)
    known = look.rows.get(model)
    if known is None:
        fields = [f"{n}_id" if isinstance(key[n], models.Model) else n for n in names]
        known = look.rows[model] = {
            tuple(getattr(o, f) for f in fields): o for o in model.objects.filter(**_base(key))
        }
    ident = tuple(_ident(key[n]) for n in names)
    found = known.get(ident)
    if found is None:
        known[ident] = model.objects.create(**key, **values, raw=raw)
        return "created"
    if all(getattr(found, k) == v for k, v in values.items()):
        return "unchanged"
    for k, v in values.items():
        setattr(found, k, v)
    found.raw = raw
    found.save()
    return "updated"


def _base(key: dict[str, Any]) -> dict[str, Any]:
    """What every row of this import shares (postings are one kind of demand)."""
    return {"kind": key["kind"]} if "kind" in key else {}


def _campuses(look: _Lookups, institution: Institution, text: str) -> list[Campus]:
    campuses = []
    for part in [p.strip() for p in text.split(";") if p.strip()]:
        named = re.fullmatch(r"(?P<name>.+?)\s*\((?P<place>[^)]+)\)", part)
        name, place = (named["name"], named["place"]) if named else (part, part)
        municipality = look.places.find(place)
        if municipality is None:
            raise RowError("campuses", f"{place!r} is not a municipality Corridor knows")
        campus = Campus.objects.filter(institution=institution, name=name).first()
        if campus is None:
            campus = Campus.objects.create(
                institution=institution, name=name, municipality=municipality
            )
        campuses.append(campus)
    return campuses


def _write_program(
    look: _Lookups, raw: dict[str, str], columns: dict[str, str], default: str
) -> str:
    cell = lambda name: _cell(raw, columns, name)  # noqa: E731
    name, code = cell("name")[:200], cell("code")[:40]
    if not name:
        raise RowError("name", "the program name is empty")
    if not code:
        raise RowError("code", "the program code is empty")
    values: dict[str, Any] = {
        "name": name,
        "credential": _choice(cell("credential"), Credential, "credential"),
        "length_months": _number(cell("length_months") or "12", "length_months"),
        "seats": _number(cell("seats"), "seats"),
        "graduates_per_year": _number(cell("graduates"), "graduates"),
        "delivery_mode": _choice(
            cell("delivery_mode"), DeliveryMode, "delivery_mode", DeliveryMode.IN_PERSON
        ),
        "source": _source(raw, columns, default),
    }
    if values["length_months"] > 120:
        raise RowError("length_months", "a program of more than 120 months")
    occupations = [look.occupation(c) for c in re.split(r"[;,]", cell("noc")) if c.strip()]
    institution_name = cell("institution")[:200]
    if not institution_name:
        raise RowError("institution", "the institution is empty")
    with transaction.atomic():  # a row rejected for its campuses leaves nothing behind
        institution = Institution.objects.filter(name__iexact=institution_name).first()
        if institution is None:
            institution = Institution.objects.create(name=institution_name)
        campuses = _campuses(look, institution, cell("campuses"))
        program = TrainingProgram.objects.filter(institution=institution, code=code).first()
        outcome = "unchanged"
        if program is None:
            program = TrainingProgram.objects.create(
                institution=institution, code=code, raw=raw, **values
            )
            outcome = "created"
        elif any(getattr(program, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(program, k, v)
            program.raw = raw
            program.save()
            outcome = "updated"
        before = (
            set(program.campuses.values_list("pk", flat=True)),
            set(program.occupations.values_list("pk", flat=True)),
        )
        after = ({c.pk for c in campuses}, {o.pk for o in occupations})
        if before != after:
            program.campuses.set(campuses)
            program.occupations.set(occupations)
            outcome = "updated" if outcome == "unchanged" else outcome
    return outcome


WRITERS: dict[str, Callable[[_Lookups, dict[str, str], dict[str, str], str], str]] = {
    ImportKind.SUPPLY: _write_supply,
    ImportKind.POSTINGS: _write_postings,
    ImportKind.PROGRAMS: _write_program,
}
DEFAULT_SOURCES: dict[str, str] = {
    ImportKind.SUPPLY: "labour supply import",
    ImportKind.POSTINGS: "job postings import",
    ImportKind.PROGRAMS: "program import",
}


def import_workforce(
    kind: str,
    path: Path,
    *,
    user: Any = None,
    source: str | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Import one file. Raises ImportFileError (nothing written) when it cannot be read."""
    if kind not in WRITERS:
        raise ImportFileError(f"{kind!r} is not a kind of import: supply, postings or programs")
    columns, rows = read_sheet(path, kind)
    report = ImportReport(kind=kind, file_name=path.name, rows=len(rows))
    write = WRITERS[kind]
    default = source or DEFAULT_SOURCES[kind]
    with system_scope(f"import of {path.name}"), transaction.atomic():
        look = _Lookups()
        for done, (number, raw) in enumerate(rows, start=1):
            try:  # a row is read whole before it writes (programs keep a savepoint of their own)
                outcome = write(look, raw, columns, default)
            except RowError as error:
                report.rejects.append(Reject(number, error.field, error.reason, raw))
            else:
                setattr(report, outcome, getattr(report, outcome) + 1)
            if progress is not None:
                progress(done, len(rows))
        run = WorkforceImport.objects.create(
            kind=kind,
            file_name=path.name,
            file_sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
            rows=report.rows,
            created=report.created,
            updated=report.updated,
            unchanged=report.unchanged,
            rejected=len(report.rejects),
            rejects=[
                {"row": r.row, "field": r.field, "reason": r.reason, "raw": r.raw}
                for r in report.rejects
            ],
            user=user if getattr(user, "is_authenticated", False) else None,
        )
        report.run_id = run.pk
    return report


def write_rejects(report: ImportReport, path: Path) -> None:
    """The rejected rows: file, row, field and reason, then their raw values."""
    import csv

    columns: list[str] = []
    for reject in report.rejects:
        columns.extend(c for c in reject.raw if c not in columns)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "row", "field", "reason", *columns])
        for r in report.rejects:
            writer.writerow(
                [report.file_name, r.row, r.field, r.reason, *(r.raw.get(c, "") for c in columns)]
            )
