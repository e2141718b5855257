"""Officers' checks as labelled examples for the extraction benchmark.

A document whose every fact an officer has checked (confirmed, corrected or rejected)
becomes one labelled example in the labelled set's own form: ``NN-slug.txt`` (the
document's text) and ``NN-slug.json`` (its facts as ``corridor extract-facts --json``
names them, with the values the officers left: a corrected field as corrected, a
rejected fact left out, so a document whose facts were all rejected has an empty list).
The corrections themselves (``FactCorrection``: before, after, who, why) are not
touched; they are what made the values.

Documents with a fact nobody has checked yet are left out: their list of facts is not
known to be complete. ``benchmarks/intel_extraction.py --extra DIR`` scores these
examples as a part of their own, "corrections", never mixed into the held-out part.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from corridor.core.scoping import system_scope
from corridor.intel.extraction.facts import FIELDS
from corridor.intel.models import Document, Fact, FactCorrection, FactStatus

CHECKED = (FactStatus.CONFIRMED, FactStatus.CORRECTED, FactStatus.REJECTED)
KEPT = (FactStatus.CONFIRMED, FactStatus.CORRECTED)


@dataclass
class LabelledExample:
    document_id: int
    title: str
    text: str
    facts: list[dict[str, Any]]
    rejected: int
    corrected_fields: list[str]


def _number(value: Decimal | None) -> float | int | None:
    if value is None:
        return None
    as_float = float(value)
    return int(as_float) if as_float.is_integer() else as_float


def gold_fact(fact: Fact) -> dict[str, Any]:
    """A checked fact in the labelled set's shape (the keys of ``extract-facts --json``)."""
    values: dict[str, Any] = {
        "kind": fact.kind,
        "funder": fact.funder or None,
        "recipient": fact.recipient or None,
        "program": fact.program or None,
        "amount_cad": _number(fact.amount_cad),
        "currency": fact.currency or "CAD",
        "total_value_cad": _number(fact.total_value_cad),
        "projects": fact.projects,
        "jobs": fact.jobs,
        "jobs_retained": fact.jobs_retained,
        "instrument": fact.instrument or None,
        "date": fact.date.isoformat() if fact.date else None,
        "jurisdiction": fact.jurisdiction.name if fact.jurisdiction is not None else None,
    }
    assert set(values) == set(FIELDS), "the labelled shape follows extract-facts --json"
    values["trends"] = sorted(tag.slug for tag in fact.trends.all())
    return values


def labelled_examples() -> list[LabelledExample]:
    """Every document whose facts officers have all checked, with its gold facts."""
    examples: list[LabelledExample] = []
    with system_scope("officers' checked facts as labelled examples for the benchmark"):
        checked = Fact.objects.filter(status__in=CHECKED).values("document_id")
        unchecked = Fact.objects.exclude(status__in=CHECKED).values("document_id")
        documents = Document.objects.filter(pk__in=checked).exclude(pk__in=unchecked).order_by("pk")
        for document in documents:
            facts = list(
                Fact.objects.filter(document=document)
                .select_related("jurisdiction")
                .prefetch_related("trends")
                .order_by("position", "pk")
            )
            fields = FactCorrection.objects.filter(fact__document=document).values_list(
                "field", flat=True
            )
            examples.append(
                LabelledExample(
                    document_id=document.pk,
                    title=document.title,
                    text=document.text,
                    facts=[gold_fact(f) for f in facts if f.status in KEPT],
                    rejected=sum(1 for f in facts if f.status == FactStatus.REJECTED),
                    corrected_fields=sorted(set(fields)),
                )
            )
    return examples


def _slug(title: str) -> str:
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    return "-".join(re.findall(r"[a-z0-9]+", plain)[:6]) or "document"


def export(folder: Path) -> list[Path]:
    """Write the labelled examples into ``folder`` (NN-slug.txt and NN-slug.json, and
    corrections.csv saying which document and which corrections each came from)."""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    rows = []
    for number, example in enumerate(labelled_examples(), start=1):
        stem = f"{number:02d}-doc{example.document_id}-{_slug(example.title)}"
        text_path = folder / f"{stem}.txt"
        text_path.write_text(example.text, encoding="utf-8")
        gold_path = folder / f"{stem}.json"
        gold_path.write_text(
            json.dumps(example.facts, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        written += [text_path, gold_path]
        rows.append(
            [
                f"{number:02d}",
                text_path.name,
                example.document_id,
                example.title,
                len(example.facts),
                example.rejected,
                " ".join(example.corrected_fields),
            ]
        )
    with (folder / "corrections.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(
            ["number", "file", "document", "title", "facts", "rejected", "corrected_fields"]
        )
        writer.writerows(rows)
    return written
