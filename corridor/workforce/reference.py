"""Loading the classifications Corridor ships: NOC 2021 occupations and economic regions.

Idempotent: migrations call it with their historical models, ``reference_data()`` (after a
test flushed the database) with the live ones."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from corridor.core.datafiles import read_rows

DATA = Path(__file__).resolve().parent / "data"
OCCUPATION_SOURCE = "Statistics Canada, National Occupational Classification (NOC) 2021 V1.0"
REGION_SOURCE = "Statistics Canada, Standard Geographical Classification (SGC) 2021"


def load_reference(apps: Any = None) -> None:
    if apps is None:
        from django.apps import apps as live

        apps = live
    occupation = apps.get_model("workforce", "Occupation")._base_manager
    region = apps.get_model("workforce", "Region")._base_manager
    for row in read_rows(DATA / "occupations.csv"):
        found = occupation.filter(noc_code=row["noc_code"]).first()
        if found is None:
            occupation.create(
                noc_code=row["noc_code"], title=row["title"], synonyms=row["synonyms"]
            )
        elif (found.title, found.synonyms) != (row["title"], row["synonyms"]):
            found.title, found.synonyms = row["title"], row["synonyms"]
            found.save()
    for row in read_rows(DATA / "regions.csv"):
        found = region.filter(code=row["code"]).first()
        if found is None:
            region.create(code=row["code"], name=row["name"])
        elif found.name != row["name"]:
            found.name = row["name"]
            found.save()
