"""docs/attraction.md's table of the risk weights says what the CSV says."""

from __future__ import annotations

import re
from pathlib import Path

from corridor.attraction import weights
from corridor.attraction.models import RiskReason

DOCS = Path(__file__).resolve().parents[3] / "docs" / "attraction.md"


def documented() -> dict[str, tuple[int, str]]:
    text = DOCS.read_text(encoding="utf-8")
    section = text.split("### The reasons and their weights", 1)[1].split("\n### ", 1)[0]
    rows = {}
    for line in section.splitlines():
        found = re.match(r"\| .*\(`(\w+)`\) \| (\d+) \| (.*) \|$", line)
        if found:
            rows[found.group(1)] = (int(found.group(2)), found.group(3))
    return rows


def test_the_docs_table_matches_the_csv() -> None:
    rows = documented()
    assert set(rows) == set(RiskReason.values)
    for key, default in weights.defaults().items():
        assert rows[key] == (default.weight, default.explanation), key


def test_every_explanation_fits_the_model() -> None:
    assert all(len(d.explanation) <= 400 for d in weights.defaults().values())
