"""Importing a contact list (CSV or XLSX): read, check every row, then write all or nothing.

The file is read by the registry's reader (``registry/sheets.read_rows``: UTF-8 or
Windows-1252, comma/semicolon/tab, the first sheet of a workbook, a cell that cannot be
read stops the file naming its row and column). Each row names its company by id or by
name, matched as the registry normalises names ("Apex Stamping Inc." is "Apex
Stamping"); an unknown or ambiguous company is an error on that row, with the nearest
name when there is one. Any error in any row and nothing is written: a contact list is
small, and half of one imported is harder to finish than the whole one fixed. A row for a
person the organisation already recorded at that company (same name or same e-mail) is
skipped, so importing the same file twice adds nobody twice. Every row is kept as it
arrived on the ``ContactImport``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from rapidfuzz import fuzz, process

from corridor.contacts.models import ConsentBasis, Contact, ContactImport, Language, Role
from corridor.contacts.services import check_place
from corridor.core.models import Organisation
from corridor.core.scoping import system_scope
from corridor.registry.models import Company, Facility
from corridor.registry.resolution.names import parse_name
from corridor.registry.resolution.text import alnum_tokens
from corridor.registry.sheets import ImportFileError, column_letter, header_key, read_rows

# Corridor's field -> the column names accepted for it (compared as header_key makes them).
COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("name", "full_name", "contact", "contact_name", "person"),
    "company": ("company", "company_name", "employer", "business", "business_name"),
    "company_id": ("company_id",),
    "facility": ("facility", "plant", "site", "facility_name", "location"),
    "facility_id": ("facility_id", "plant_id"),
    "role": ("role",),
    "title": ("title", "job_title", "position"),
    "phone": ("phone", "telephone", "tel", "phone_number", "work_phone", "mobile"),
    "email": ("email", "e_mail", "email_address", "courriel"),
    "language": ("language", "preferred_language", "lang"),
    "consent_basis": ("consent", "consent_basis", "casl", "casl_consent"),
    "consent_on": ("consent_on", "consent_date", "consent_given_on"),
    "consent_note": ("consent_note", "how_they_agreed"),
    "shared": ("shared", "may_share", "share"),
    "shared_on": ("shared_on", "shared_date", "agreed_to_sharing_on"),
}
# The template's columns, in its order (what the import page offers to download).
TEMPLATE_COLUMNS = [
    "name", "company", "facility", "role", "title", "phone", "email", "language",
    "consent_basis", "consent_on", "consent_note", "shared", "shared_on",
]  # fmt: skip
YES = {"yes", "y", "true", "1", "oui", "x"}
NO = {"no", "n", "false", "0", "non", ""}
# A company name at least this close (rapidfuzz, 0-100) is offered as "did you mean".
SUGGEST = 80


@dataclass
class RowOutcome:
    row: int
    raw: dict[str, str]
    values: dict[str, Any] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    skipped: str = ""  # why the row adds nobody: the person is already recorded
    contact_id: int | None = None

    def label(self, name: str) -> str:
        """A choice as the form shows it: "HR lead", not "hr"."""
        choices = {"role": Role, "language": Language, "consent_basis": ConsentBasis}[name]
        value = self.values.get(name, "")
        return str(choices(value).label) if value in choices.values else str(value)

    @property
    def role_label(self) -> str:
        return self.label("role")

    @property
    def language_label(self) -> str:
        return self.label("language")

    @property
    def consent_label(self) -> str:
        return self.label("consent_basis")

    @property
    def company(self) -> Company | None:
        return self.values.get("company")

    @property
    def facility(self) -> Facility | None:
        return self.values.get("facility")


@dataclass
class ContactImportReport:
    file_name: str
    organisation: Organisation
    outcomes: list[RowOutcome] = field(default_factory=list)
    import_id: int | None = None

    @property
    def errors(self) -> list[str]:
        return [f"{self.file_name}: row {o.row}, {e}" for o in self.outcomes for e in o.errors]

    @property
    def to_create(self) -> list[RowOutcome]:
        return [o for o in self.outcomes if not o.errors and not o.skipped]

    @property
    def skipped(self) -> list[RowOutcome]:
        return [o for o in self.outcomes if o.skipped]

    def summary(self) -> str:
        if self.errors:
            rows = len({o.row for o in self.outcomes if o.errors})
            return (
                f"{self.file_name}: {len(self.errors)} problems in {rows} of "
                f"{len(self.outcomes)} rows. Nothing was imported: fix them and import the "
                "file again."
            )
        verb = "added" if self.import_id else "would add"
        return (
            f"{self.file_name}: {verb} {len(self.to_create)} people for "
            f"{self.organisation.label}; {len(self.skipped)} already recorded, skipped."
        )


class _Columns:
    """Where each of Corridor's fields is in the file, and how to name a cell's place."""

    def __init__(self, path: Path, headers: list[str]) -> None:
        by_key = {header_key(h): h for h in headers if h}
        self.headers = headers
        self.of: dict[str, str] = {}
        for name, aliases in COLUMNS.items():
            found = next((by_key[a] for a in aliases if a in by_key), None)
            if found is not None:
                self.of[name] = found
        missing = [n for n in ("name",) if n not in self.of]
        if "company" not in self.of and "company_id" not in self.of:
            missing.append("company")
        if missing:
            accepted = "; ".join(f"{m}: {', '.join(COLUMNS[m])}" for m in missing)
            raise ImportFileError(
                f"{path.name}: missing required column {', '.join(repr(m) for m in missing)} "
                f"(accepted names — {accepted}; a company may also be named by company_id). "
                f"Columns found: {', '.join(h for h in headers if h) or 'none'}."
            )

    def place(self, name: str) -> str:
        header = self.of.get(name)
        if header is None:
            return f"{name}"
        return f"column {column_letter(self.headers.index(header))} ({header!r})"

    def cell(self, raw: dict[str, str], name: str) -> str:
        header = self.of.get(name)
        return raw.get(header, "").strip() if header else ""


def _choice(text: str, choices: Any, extra: dict[str, str] | None = None) -> str | None:
    """A choice's value from its value or its label, as people write them."""
    key = " ".join(alnum_tokens(text))
    for value, label in choices:
        if key in (" ".join(alnum_tokens(value)), " ".join(alnum_tokens(label))):
            return str(value)
    return (extra or {}).get(key)


ROLE_WORDS = {
    "plant manager": "plant_manager", "general manager": "plant_manager",
    "owner": "owner", "president": "owner", "ceo": "owner", "human resources": "hr", "hr": "hr",
}  # fmt: skip
LANGUAGE_WORDS = {"english": "en", "anglais": "en", "francais": "fr", "french": "fr"}
CONSENT_WORDS = {
    "express consent": "express", "implied": "implied", "business relationship": "implied",
    "existing business relationship": "implied", "conspicuously published": "published",
    "none recorded": "none", "none": "none", "": "none",
}  # fmt: skip


class _Companies:
    """The live companies by normalised name, as the registry's matching writes them."""

    def __init__(self, companies: Any) -> None:
        self.by_id = {c.pk: c for c in companies}
        self.by_core: dict[str, list[Company]] = {}
        for company in self.by_id.values():
            self.by_core.setdefault(parse_name(company.name).core, []).append(company)
        self.cores = list(self.by_core)

    def find(self, name: str) -> tuple[Company | None, str]:
        core = parse_name(name).core
        found = self.by_core.get(core, [])
        if len(found) == 1:
            return found[0], ""
        if found:
            ids = ", ".join(str(c.pk) for c in sorted(found, key=lambda c: c.pk))
            return None, f"{len(found)} companies are called {name!r} (ids {ids}): give company_id."
        near = process.extractOne(core, self.cores, scorer=fuzz.ratio, score_cutoff=SUGGEST)
        hint = ""
        if near is not None:
            company = self.by_core[near[0]][0]
            hint = f" Did you mean {company.name!r} (company_id {company.pk})?"
        return None, f"no company called {name!r} in the registry.{hint}"


class _Reader:
    def __init__(self, columns: _Columns, companies: _Companies, organisation: Organisation):
        self.columns = columns
        self.companies = companies
        self.organisation = organisation
        self.plants: dict[int, list[Facility]] = {}
        self.known: dict[int, list[Contact]] = {}
        self.emails_in_file: dict[str, int] = {}

    def _plants(self, company: Company) -> list[Facility]:
        if company.pk not in self.plants:
            self.plants[company.pk] = list(Facility.objects.filter(company=company).order_by("pk"))
        return self.plants[company.pk]

    def _known(self, company: Company) -> list[Contact]:
        if company.pk not in self.known:
            self.known[company.pk] = list(
                Contact.objects.filter(company=company, owner_organisation=self.organisation)
            )
        return self.known[company.pk]

    def read(self, row: int, raw: dict[str, str]) -> RowOutcome:
        out = RowOutcome(row, raw)
        wrong: set[str] = set()  # fields already said to be wrong: one message each

        def cell(name: str) -> str:
            return self.columns.cell(raw, name)

        def problem(name: str, text: str) -> None:
            if name.removesuffix("_id") in wrong:
                return
            wrong.add(name.removesuffix("_id"))
            out.errors.append(f"{self.columns.place(name)}: {text}")

        if not cell("name"):
            problem("name", "the person's name is empty.")
        company = self._company(cell, problem)
        facility = self._facility(company, cell, problem) if company else None
        values: dict[str, Any] = {
            "name": cell("name"), "company": company, "facility": facility,
            "title": cell("title"), "phone": cell("phone"), "email": cell("email"),
            "consent_note": cell("consent_note"),
        }  # fmt: skip
        for name, choices, words, default in (
            ("role", Role.choices, ROLE_WORDS, Role.OTHER),
            ("language", Language.choices, LANGUAGE_WORDS, Language.ENGLISH),
            ("consent_basis", ConsentBasis.choices, CONSENT_WORDS, ConsentBasis.NONE),
        ):
            text = cell(name)
            chosen = _choice(text, choices, words) if text else str(default)
            if chosen is None:
                labels = ", ".join(f"{v} ({label})" for v, label in choices)
                problem(name, f"{text!r} is not one of: {labels}.")
            values[name] = chosen or default
        for name in ("consent_on", "shared_on"):
            values[name] = self._day(cell(name), name, problem)
        shared = cell("shared").lower()
        if shared not in YES | NO:
            problem("shared", f"{cell('shared')!r} is not yes or no.")
        values["shared"] = shared in YES
        out.values = values
        if company is None:
            wrong.update({"company", "facility"})  # said already; the model would repeat it
        self._check(out, problem)
        if not out.errors and company is not None:
            self._already(out, company)
        return out

    def _company(self, cell: Any, problem: Any) -> Company | None:
        given = cell("company_id")
        if given:
            if not given.isdigit() or int(given) not in self.companies.by_id:
                problem("company_id", f"no company with id {given!r} in the registry.")
                return None
            company = self.companies.by_id[int(given)]
            named = cell("company")
            if named and parse_name(named).core != parse_name(company.name).core:
                problem("company", f"company {given} is {company.name!r}, not {named!r}.")
            return company
        if not cell("company"):
            problem("company", "the company is empty.")
            return None
        company, why = self.companies.find(cell("company"))
        if company is None:
            problem("company", why)
        return company

    def _facility(self, company: Company, cell: Any, problem: Any) -> Facility | None:
        plants = self._plants(company)
        given = cell("facility_id")
        if given:
            found = next((p for p in plants if given.isdigit() and p.pk == int(given)), None)
            if found is None:
                problem("facility_id", f"{given!r} is not a facility of {company.name}.")
            return found
        named = cell("facility")
        if not named:
            return None
        key = " ".join(alnum_tokens(named))
        for plant in plants:
            if key in (" ".join(alnum_tokens(plant.name)), " ".join(alnum_tokens(plant.city))):
                return plant
        listed = "; ".join(f"{p.name}, {p.city}" for p in plants[:5]) or "none recorded"
        problem("facility", f"{named!r} is not a facility of {company.name} ({listed}).")
        return None

    @staticmethod
    def _day(text: str, name: str, problem: Any) -> dt.date | None:
        if not text:
            return None
        try:
            return dt.date.fromisoformat(text[:10])
        except ValueError:
            problem(name, f"{text!r} is not a date (write YYYY-MM-DD).")
            return None

    def _check(self, out: RowOutcome, problem: Any) -> None:
        """The rules a contact entered by hand meets (lengths, e-mail, dates)."""
        contact = Contact(owner_organisation=self.organisation, **out.values)
        for check in (check_place, lambda c: c.full_clean(exclude=["owner_organisation"])):
            try:
                check(contact)
            except ValidationError as exc:
                for name, messages in exc.message_dict.items():
                    for message in messages:
                        problem(name, message)
        email = out.values["email"].lower()
        if email and email in self.emails_in_file:
            problem("email", f"the same e-mail is on row {self.emails_in_file[email]}.")
        elif email:
            self.emails_in_file[email] = out.row

    def _already(self, out: RowOutcome, company: Company) -> None:
        name = " ".join(alnum_tokens(out.values["name"]))
        email = out.values["email"].lower()
        for known in self._known(company):
            same_name = " ".join(alnum_tokens(known.name)) == name
            if same_name or (email and known.email.lower() == email):
                out.skipped = f"already recorded as {known.name} (contact {known.pk})"
                out.contact_id = known.pk
                return


def check_file(path: Path, organisation: Organisation) -> ContactImportReport:
    """Read and check every row; writes nothing. Raises ImportFileError for a file that
    cannot be read at all."""
    headers, rows = read_rows(path)
    columns = _Columns(path, headers)
    if not rows:
        raise ImportFileError(f"{path.name}: the file has a header row but no people.")
    report = ContactImportReport(file_name=path.name, organisation=organisation)
    with system_scope(f"checking the contact list {path.name}"):
        companies = _Companies(Company.objects.only("pk", "name"))
        reader = _Reader(columns, companies, organisation)
        report.outcomes = [reader.read(number, raw) for number, raw in rows]
    return report


def import_contacts(
    path: Path, organisation: Organisation, *, user: Any = None, is_fictional: bool = False
) -> ContactImportReport:
    """Check the file and, when no row has a problem, add its people in one transaction."""
    report = check_file(path, organisation)
    if report.errors:
        return report
    with system_scope(f"import of the contact list {path.name}"), transaction.atomic():
        for outcome in report.to_create:
            contact = Contact(
                owner_organisation=organisation, is_fictional=is_fictional, **outcome.values
            )
            contact.save()
            outcome.contact_id = contact.pk
        run = ContactImport.objects.create(
            organisation=organisation,
            imported_by=user if getattr(user, "is_authenticated", False) else None,
            file_name=path.name,
            file_sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
            created=len(report.to_create),
            rows=[
                {"row": o.row, "raw": o.raw, "contact": o.contact_id, "skipped": o.skipped}
                for o in report.outcomes
            ],
        )
    report.import_id = run.pk
    return report


def template_csv() -> str:
    """The template officers download: the columns and two fictional example people."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(TEMPLATE_COLUMNS)
    writer.writerow(
        ["Pat Example", "Example Stamping Ltd.", "", "plant_manager", "Plant Manager",
         "519-555-0142", "pat.example@example.com", "en", "implied", "2026-09-14",
         "Business card at the plant tour", "no", ""]
    )  # fmt: skip
    writer.writerow(
        ["Dominique Exemple", "Example Stamping Ltd.", "", "hr", "Directrice RH",
         "519-555-0143", "d.exemple@example.com", "fr", "express", "2026-10-01",
         "Signed the consent form at the job fair", "yes", "2026-10-01"]
    )  # fmt: skip
    return out.getvalue()
