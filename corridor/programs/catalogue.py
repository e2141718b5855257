"""Loading the real programs Corridor ships (``data/programs.json``), idempotently."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, NamedTuple

from django.db import transaction

from corridor.core.models import Organisation, OrganisationKind
from corridor.core.scoping import system_scope
from corridor.programs.editing import edited_by_people
from corridor.programs.eligibility import validate_rules
from corridor.programs.models import FundingProgram

DATA_FILE = Path(__file__).resolve().parent / "data" / "programs.json"
FIELDS = (
    "name",
    "short_name",
    "aliases",
    "jurisdiction",
    "status",
    "website",
    "description",
    "eligibility",
    "published_figures",
    "source",
)


def read_catalogue(path: Path = DATA_FILE) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    for program in data["programs"]:
        validate_rules(program["eligibility"])
    return data


def _organisations(data: dict[str, Any]) -> dict[str, Organisation]:
    """Funders and delivery partners by short name, added as government organisations."""
    found: dict[str, Organisation] = {}
    for entry in data["organisations"]:
        org = Organisation.all_objects.filter(name=entry["name"]).first()
        if org is None:
            org = Organisation.objects.create(
                name=entry["name"],
                short_name=entry["short_name"],
                kind=OrganisationKind.GOVERNMENT,
                website=entry.get("website", ""),
            )
        found[entry["short_name"]] = org
    for org in Organisation.objects.exclude(short_name=""):
        found.setdefault(org.short_name, org)
    return found


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


class Loaded(NamedTuple):
    created: int
    updated: int
    kept: int  # fields a person changed, left as they set them


def load_programs(path: Path = DATA_FILE) -> Loaded:
    """Create or refresh the programs of the data file; a field a person changed since
    (editing.edited_by_people) keeps their value."""
    data = read_catalogue(path)
    created = updated = kept = 0
    with system_scope("loading Corridor's programs"), transaction.atomic():
        orgs = _organisations(data)
        existing = {p.key: p for p in FundingProgram.all_objects.filter(
            key__in=[entry["key"] for entry in data["programs"]]
        )}  # fmt: skip
        theirs = edited_by_people(p.pk for p in existing.values())
        for entry in data["programs"]:
            values = {name: entry.get(name, "") for name in FIELDS}
            values["funder"] = orgs.get(entry.get("funder", ""))
            values["delivered_by"] = orgs.get(entry.get("delivered_by", ""))
            values["starts_on"] = _date(entry.get("starts_on"))
            values["ends_on"] = _date(entry.get("ends_on"))
            program = existing.get(entry["key"])
            if program is None:
                FundingProgram.objects.create(key=entry["key"], **values)
                created += 1
                continue
            changed = [k for k, v in values.items() if getattr(program, k) != v]
            mine = [k for k in changed if k not in theirs.get(program.pk, set())]
            kept += len(changed) - len(mine)
            if mine:
                for name in mine:
                    setattr(program, name, values[name])
                program.save()
                updated += 1
    return Loaded(created, updated, kept)
