"""Acceptance on Corridor's source documents (copies in tests/data/seeds/)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from corridor.intel.extraction import extract_facts

SEEDS = Path(__file__).parent / "data" / "seeds"
JSON_KEYS = [
    "kind", "funder", "recipient", "program", "amount_cad", "currency", "total_value_cad",
    "projects", "jobs", "jobs_retained", "instrument", "date", "jurisdiction", "trends",
    "sentence",
]  # fmt: skip


def _facts(name: str) -> list[dict[str, Any]]:
    return [f.as_json() for f in extract_facts((SEEDS / name).read_text(encoding="utf-8"))]


def test_o_amp_is_ontario_investing_12_million_in_100_projects_with_613_jobs() -> None:
    [fact] = _facts("o-amp.txt")
    assert fact["kind"] == "investment"
    assert "ontario government" in fact["funder"].lower()
    assert fact["amount_cad"] == 12_000_000
    assert fact["currency"] == "CAD"
    assert fact["projects"] == 100
    assert fact["jobs"] == 613
    assert fact["date"] == "2021-12-07"
    assert fact["jurisdiction"] == "Ontario"
    assert "O-AMP" in fact["program"]
    assert {"lean-manufacturing", "electrification"} <= set(fact["trends"])


def test_ngen_invested_148_million_in_65_projects_leveraging_352_million() -> None:
    [fact] = _facts("ngen.txt")
    assert fact["funder"] == "NGen"
    assert fact["amount_cad"] == 148_000_000
    assert fact["projects"] == 65
    assert fact["total_value_cad"] == 352_000_000
    assert fact["jobs"] == 10_000
    assert fact["date"] == "2020-12-16"
    assert fact["jurisdiction"] == "Canada"


def test_quebec_allocated_516_million_to_the_electrification_of_transportation() -> None:
    [fact] = _facts("auto-mayors.txt")
    assert fact["kind"] == "policy"
    assert fact["funder"] == "Government of Quebec"
    assert fact["amount_cad"] == 516_100_000
    assert fact["jurisdiction"] == "Quebec"
    assert fact["trends"] == ["electrification"]
    assert "electrification of transportation" in fact["sentence"]


@pytest.mark.parametrize("name", ["o-amp.txt", "ngen.txt", "auto-mayors.txt"])
def test_every_seed_fact_has_the_keys_of_the_json_interface(name: str) -> None:
    keys = set(JSON_KEYS) | {"confidence"}
    for fact in _facts(name):
        assert set(fact) == keys
        assert 0 < fact["confidence"] <= 1
