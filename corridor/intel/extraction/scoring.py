"""Precision and recall of the extraction, per field, on a labelled set.

A labelled text ``NN-name.txt`` comes with ``NN-name.json``: the facts a careful
reader takes from it. An extracted fact matches an expected one when the amounts
agree (within 0.5 %, same currency); at most one each way. Then:

* facts: precision, recall and F1 of the matching itself;
* per field, precision = correct values given / values given (over every extracted
  fact, so a fact that should not exist costs precision on each field it fills) and
  recall = correct values given / values expected (over every expected fact);
* field accuracy: over matched facts only, the share of the fields funder,
  recipient, program, jurisdiction, jobs, jobs_retained and total_value_cad that are
  right (an empty field is right when the expected one is empty too).

Names agree when one contains the other after lower-casing and dropping "the"
and punctuation ("Ontario government" = "The Ontario government"). Trends are
scored tag by tag.

Which part a text belongs to (tuning or held-out) is written in the manifests
``sources-*.csv`` of its folder (columns number, file, part, ...). A text that no
manifest names is an error of the labelled set, not a text of some default part.
Labelled examples taken from officers' corrections (``corridor export-labelled``)
are a third part, "corrections", read from another folder and never mixed into
the held-out part.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corridor.intel.extraction.facts import FIELDS, extract_facts

TEXT_FIELDS = frozenset({"funder", "recipient", "program"})
# The fields whose share of right values over matched facts is the field accuracy.
ACCURACY_FIELDS = (
    "funder",
    "recipient",
    "program",
    "jurisdiction",
    "jobs",
    "jobs_retained",
    "total_value_cad",
)
PARTS = ("tuning", "held-out")
CORRECTIONS = "corrections"
HELD_OUT_FROM = 28  # the first texts' held-out part (01-42); the manifests now say it


class LabelledSetError(ValueError):
    """The labelled set is not complete: a text without a manifest row, a bad part."""


@dataclass
class Tally:
    given: int = 0
    expected: int = 0
    correct: int = 0

    @property
    def precision(self) -> float | None:
        return self.correct / self.given if self.given else None

    @property
    def recall(self) -> float | None:
        return self.correct / self.expected if self.expected else None


@dataclass
class Score:
    texts: int = 0
    facts: Tally = field(default_factory=Tally)
    fields: dict[str, Tally] = field(
        default_factory=lambda: {name: Tally() for name in (*FIELDS, "trends")}
    )
    accuracy: Tally = field(default_factory=Tally)  # fields of matched facts: given=checked
    misses: list[str] = field(default_factory=list)

    @property
    def f1(self) -> float | None:
        p, r = self.facts.precision, self.facts.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def field_accuracy(self) -> float | None:
        return self.accuracy.correct / self.accuracy.given if self.accuracy.given else None


def _plain(value: str) -> str:
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    value = re.sub(r"[^\w\s]", " ", value.lower())
    return " ".join(w for w in value.split() if w != "the")


def agrees(name: str, expected: Any, given: Any) -> bool:
    if expected is None or given is None:
        return False
    if name in TEXT_FIELDS:
        a, b = _plain(str(expected)), _plain(str(given))
        return bool(a and b) and (a in b or b in a)
    if isinstance(expected, int | float) and isinstance(given, int | float):
        return abs(float(expected) - float(given)) <= 0.005 * abs(float(expected))
    return str(expected).lower() == str(given).lower()


def _matches(expected: dict[str, Any], given: dict[str, Any]) -> bool:
    return agrees("amount_cad", expected["amount_cad"], given["amount_cad"]) and (
        expected.get("currency") or "CAD"
    ) == (given.get("currency") or "CAD")


def score_text(
    score: Score, name: str, expected: list[dict[str, Any]], given: list[dict[str, Any]]
) -> None:
    score.texts += 1
    pairs: list[tuple[dict[str, Any] | None, dict[str, Any] | None]] = []
    left = list(given)
    for fact in expected:
        # The closest amount, so "about $6 million" does not take the $6,024,562 fact's twin.
        candidates = [g for g in left if _matches(fact, g)]
        twin = min(
            candidates,
            key=lambda g: abs(float(fact["amount_cad"]) - float(g["amount_cad"])),
            default=None,
        )
        if twin is not None:
            left.remove(twin)
        pairs.append((fact, twin))
    pairs.extend((None, g) for g in left)
    score.facts.expected += len(expected)
    score.facts.given += len(given)
    score.facts.correct += sum(1 for e, g in pairs if e is not None and g is not None)
    for e, g in pairs:
        if e is not None and g is not None:
            for key in ACCURACY_FIELDS:
                score.accuracy.given += 1
                want, got = e.get(key), g.get(key)
                if (want is None and got is None) or agrees(key, want, got):
                    score.accuracy.correct += 1
        for key in FIELDS:
            tally = score.fields[key]
            want = e.get(key) if e else None
            got = g.get(key) if g else None
            tally.expected += want is not None
            tally.given += got is not None
            if agrees(key, want, got):
                tally.correct += 1
            elif want is not None or got is not None:
                score.misses.append(f"{name} {key}: expected {want!r}, got {got!r}")
        tally = score.fields["trends"]
        want_tags = set(e.get("trends") or []) if e else set()
        got_tags = set(g.get("trends") or []) if g else set()
        tally.expected += len(want_tags)
        tally.given += len(got_tags)
        tally.correct += len(want_tags & got_tags)
        if want_tags != got_tags:
            score.misses.append(
                f"{name} trends: expected {sorted(want_tags)}, got {sorted(got_tags)}"
            )


def labelled_texts(folder: Path) -> Iterable[tuple[str, str, list[dict[str, Any]]]]:
    for path in sorted(folder.glob("*.txt")):
        gold = path.with_suffix(".json")
        if not gold.exists():
            raise LabelledSetError(f"{path.name} has no expected facts: {gold.name} is missing")
        expected = json.loads(gold.read_text(encoding="utf-8"))
        yield path.stem, path.read_text(encoding="utf-8"), expected


def manifest_parts(folder: Path) -> dict[str, str]:
    """Each text's part ("tuning" or "held-out"), by file stem, from ``sources-*.csv``."""
    parts: dict[str, str] = {}
    where: dict[str, str] = {}
    for manifest in sorted(folder.glob("sources-*.csv")):
        with manifest.open(encoding="utf-8", newline="") as handle:
            for line, row in enumerate(csv.DictReader(handle), start=2):
                stem = Path((row.get("file") or "").strip()).stem
                part = (row.get("part") or "").strip()
                if not stem:
                    raise LabelledSetError(f"{manifest.name} line {line}: no file named")
                if part not in PARTS:
                    raise LabelledSetError(
                        f"{manifest.name} line {line}: part {part!r} is not one of {PARTS}"
                    )
                if stem in parts and parts[stem] != part:
                    raise LabelledSetError(
                        f"{stem} is {parts[stem]} in {where[stem]} but {part} in {manifest.name}"
                    )
                parts[stem], where[stem] = part, manifest.name
    return parts


def evaluate(folder: Path, extra: Path | None = None, only: str | None = None) -> dict[str, Score]:
    """Scores of the tuning part, the held-out part and both together, and of the
    corrections' labelled examples in ``extra`` (a part of their own, not in "all").
    ``only="tuning"`` reads the tuning part alone: the held-out texts are not even run,
    so tuning never shows a held-out figure."""
    parts = manifest_parts(folder)
    texts = list(labelled_texts(folder))
    unlisted = [name for name, _, _ in texts if name not in parts]
    if unlisted:
        raise LabelledSetError(
            f"{len(unlisted)} labelled text(s) in no manifest ({folder}/sources-*.csv): "
            + ", ".join(unlisted)
            + ". Add a row (number,file,part,...) for each to its writer's manifest."
        )
    if only is not None and only not in PARTS:
        raise LabelledSetError(f"only={only!r} is not one of {PARTS}")
    scores = {"tuning": Score(), "held-out": Score(), "all": Score()}
    if only is not None:
        scores = {only: scores[only]}
    for name, text, expected in texts:
        if only is not None and parts[name] != only:
            continue
        given = [fact.as_json() for fact in extract_facts(text)]
        score_text(scores[parts[name]], name, expected, given)
        if "all" in scores:
            score_text(scores["all"], name, expected, given)
    if extra is not None:
        scores[CORRECTIONS] = Score()
        for name, text, expected in labelled_texts(extra):
            given = [fact.as_json() for fact in extract_facts(text)]
            score_text(scores[CORRECTIONS], name, expected, given)
    return scores


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.0f}%"


def table(scores: dict[str, Score]) -> str:
    """A Markdown table: precision and recall per field and part, then F1 and field accuracy."""
    parts = list(scores)
    header = "| field | " + " | ".join(f"{p} P | {p} R" for p in parts) + " |"
    lines = [header, "|---|" + "---|---|" * len(parts)]
    rows = [("facts (matched on amount)", {p: s.facts for p, s in scores.items()})]
    rows += [(key, {p: s.fields[key] for p, s in scores.items()}) for key in (*FIELDS, "trends")]
    for label, tallies in rows:
        cells = " | ".join(
            f"{_percent(t.precision)} | {_percent(t.recall)}" for t in tallies.values()
        )
        lines.append(f"| {label} | {cells} |")
    lines += ["", "| part | texts | facts expected | facts found | F1 | field accuracy |"]
    lines.append("|---|---|---|---|---|---|")
    for part, score in scores.items():
        lines.append(
            f"| {part} | {score.texts} | {score.facts.expected} | {score.facts.given} | "
            f"{_ratio(score.f1)} | {_ratio(score.field_accuracy)} |"
        )
    return "\n".join(lines)


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"
