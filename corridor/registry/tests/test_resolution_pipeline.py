"""The speed-oriented paths: normalising in a helper process, blocking keys, plant reasons.

They must give exactly what the plain paths give; no timing assertions here (speed is measured
by benchmarks/registry_resolution.py).
"""

from __future__ import annotations

import multiprocessing

import pytest

from corridor.registry.resolution import FacilityEntry, InputRecord, Resolver, prepare
from corridor.registry.resolution.blocking import entry_keys, record_keys
from corridor.registry.resolution.generator import generate
from corridor.registry.resolution.pipeline import MIN_ROWS, normalised
from corridor.registry.resolution.scoring import compare


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="helpers are forked"
)
def test_a_helper_process_gives_the_same_decisions() -> None:
    records, _ = generate(MIN_ROWS + 700, seed=8)  # several chunks, the last one partial
    alone = Resolver().resolve_all(records, workers=1)
    helped = Resolver().resolve_all(records, workers=2)
    assert helped == alone
    assert [p for p, _ in normalised(records, workers=2)] == [prepare(r) for r in records]


def test_few_rows_are_normalised_in_process() -> None:
    records, _ = generate(50, seed=8)
    assert [p for p, _ in normalised(records, workers=2)] == [prepare(r) for r in records]


def test_a_row_files_its_facility_under_the_keys_the_facility_has() -> None:
    """record_keys (per row, built directly) and keys_of (a facility's variants) agree."""
    records, _ = generate(400, seed=12)
    for record in records:
        prepared = prepare(record)
        entry = FacilityEntry(1, 1)
        entry.absorb(prepared)
        row, facility = record_keys(prepared), entry_keys(entry)
        assert set(row.filed) == set(facility.filed), record
        assert set(row.heads) == set(facility.heads)
        assert set(row.places) == set(facility.places)
        assert set(row.cells) == set(facility.cells)
        assert len(row.strong) == len(set(row.strong))
        assert len(row.weak) == len(set(row.weak))


def test_a_loaded_facility_is_found_through_its_weak_keys() -> None:
    """A typo in the first letters and no shared phone or address: found by prefix and town."""
    resolver = Resolver()
    known = InputRecord("a", "1", "Northstar Stamping Inc.", "12 King St", "Woodstock")
    resolver.load([FacilityEntry.from_records(7, 3, [known])])
    decision = resolver.resolve(InputRecord("b", "1", "Nrothstar Stamping", city="Woodstock"))
    assert decision.candidate_key == 7


def test_the_plant_reason_does_not_depend_on_set_order() -> None:
    entry = FacilityEntry(1, 1)
    for plant in ("London", "Sarnia", "Windsor"):
        entry.absorb(prepare(InputRecord("a", plant, f"Apex Stamping - {plant} Plant")))
    row = prepare(InputRecord("b", "1", "Apex Stamping - Woodstock Plant"))
    reasons = compare(row, entry, explain=True).reasons
    assert "different plant (woodstock / london)" in reasons
