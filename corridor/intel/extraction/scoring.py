"""Precision and recall of the extraction, per field, on a labelled set.

A labelled text ``NN-name.txt`` comes with ``NN-name.json``: the facts a careful
reader takes from it. An extracted fact matches an expected one when the amounts
agree (within 0.5 %, same currency); at most one each way. Then, per field:

* precision = correct values given / values given (over every extracted fact,
  so a fact that should not exist costs precision on each field it fills);
* recall = correct values given / values expected (over every expected fact).

Names agree when one contains the other after lower-casing and dropping "the"
and punctuation ("Ontario government" = "The Ontario government"). Trends are
scored tag by tag.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corridor.intel.extraction.facts import FIELDS, extract_facts

TEXT_FIELDS = frozenset({"funder", "recipient", "program"})
HELD_OUT_FROM = 28  # texts numbered 28 and up are the held-out part


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
    misses: list[str] = field(default_factory=list)


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
        twin = next((g for g in left if _matches(fact, g)), None)
        if twin is not None:
            left.remove(twin)
        pairs.append((fact, twin))
    pairs.extend((None, g) for g in left)
    score.facts.expected += len(expected)
    score.facts.given += len(given)
    score.facts.correct += sum(1 for e, g in pairs if e is not None and g is not None)
    for e, g in pairs:
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
        expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        yield path.stem, path.read_text(encoding="utf-8"), expected


def evaluate(folder: Path) -> dict[str, Score]:
    """Scores of the tuning part, the held-out part and both together."""
    scores = {"tuning": Score(), "held-out": Score(), "all": Score()}
    for name, text, expected in labelled_texts(folder):
        given = [fact.as_json() for fact in extract_facts(text)]
        part = "held-out" if int(name.split("-")[0]) >= HELD_OUT_FROM else "tuning"
        score_text(scores[part], name, expected, given)
        score_text(scores["all"], name, expected, given)
    return scores


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.0f}%"


def table(scores: dict[str, Score]) -> str:
    """A Markdown table: precision and recall per field and part."""
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
    counts = ", ".join(f"{p}: {s.texts} texts, {s.facts.expected} facts" for p, s in scores.items())
    return "\n".join(lines) + f"\n\n({counts})"
