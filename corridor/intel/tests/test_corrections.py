"""Officers' checks: confirm, correct, reject; corrections survive reading the document again."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from corridor.core.history import change_context
from corridor.core.models import EditConflict
from corridor.core.scoping import system_scope
from corridor.intel import fact_records
from corridor.intel.models import Fact, FactCorrection, FactStatus
from corridor.intel.tests.helpers import add_text
from corridor.registry.models import Company

TWO_FACTS = (
    "Date: 2023-01-24\n\nThe Indiana Economic Development Corporation (IEDC) offered Kokomo "
    "Cells LLC up to $25 million in conditional tax credits and up to $3 million in training "
    "grants."
)


def _facts(document: Any) -> list[Fact]:
    with system_scope("test"):
        return list(Fact.objects.filter(document=document).order_by("position"))


def test_a_correction_keeps_what_it_replaced(world: Any) -> None:
    [fact] = _facts(add_text(world.alice))
    with change_context(user=world.alice, source="tests"):
        fact_records.correct(
            world.alice,
            fact,
            {"jobs": 50, "funder": "Government of Ontario"},
            fact.version,
            "Release updated",
        )
    with system_scope("test"):
        rows = {
            c.field: (c.before, c.after, c.note) for c in FactCorrection.objects.filter(fact=fact)
        }
    assert rows == {
        "jobs": (45, 50, "Release updated"),
        "funder": ("Ontario government", "Government of Ontario", "Release updated"),
    }
    fact.refresh_from_db()
    assert fact.status == FactStatus.CORRECTED


def test_reading_the_document_again_never_overwrites_a_correction(world: Any) -> None:
    document = add_text(world.alice, TWO_FACTS)
    first, second = _facts(document)
    with change_context(user=world.alice, source="tests"):
        fact_records.correct(world.alice, first, {"amount_cad": Decimal("24000000")}, first.version)
    with system_scope("test"):
        Fact.objects.filter(pk=second.pk).update(
            jobs=999
        )  # as if the rules had read it differently
        fact_records.store_facts(document)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.amount_cad == Decimal("24000000")
    assert first.status == FactStatus.CORRECTED
    assert second.jobs == 999  # the same reading as before writes nothing
    assert len(_facts(document)) == 2


def test_reading_again_updates_facts_nobody_checked(world: Any) -> None:
    document = add_text(world.alice)
    [fact] = _facts(document)
    with system_scope("test"):
        Fact.objects.filter(pk=fact.pk).update(jobs=1, extracted={})
        fact_records.store_facts(document)
    fact.refresh_from_db()
    assert fact.jobs == 45


def test_a_rejected_fact_stays_rejected_after_reading_again(world: Any) -> None:
    document = add_text(world.alice)
    [fact] = _facts(document)
    with change_context(user=world.bob, source="tests"):
        fact_records.reject(world.bob, fact, "Duplicate of the federal release")
    with system_scope("test"):
        fact_records.store_facts(document)
    fact.refresh_from_db()
    assert fact.status == FactStatus.REJECTED


def test_confirming_needs_an_officer_or_the_coordinator(world: Any) -> None:
    [fact] = _facts(add_text(world.alice))
    for user in (world.dave, world.erin):
        with pytest.raises(PermissionDenied):
            fact_records.confirm(user, fact)
    fact_records.confirm(world.bob, fact)
    assert fact.status == FactStatus.CONFIRMED


def test_a_stale_correction_is_refused(world: Any) -> None:
    [fact] = _facts(add_text(world.alice))
    stale = fact.version
    fact_records.confirm(world.carol, fact)
    with pytest.raises(EditConflict):
        fact_records.correct(world.alice, fact, {"jobs": 3}, stale)


def test_the_recipient_is_linked_to_the_registry_company_of_that_name(world: Any) -> None:
    with system_scope("test"), change_context(source="tests"):
        company = Company.objects.create(name="ACME STAMPING LTD")
    [fact] = _facts(add_text(world.alice))
    assert fact.recipient_company_id == company.pk
