"""Evidence figures match the data they come from, computed here by hand."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from corridor.calls.models import Flag, FollowUp
from corridor.core.history import change_context
from corridor.core.scoping import system_scope
from corridor.outreach import evidence
from corridor.registry.models import Company, Facility
from corridor.supplychain.tests.helpers import plant, recorded_need

DAY = dt.date(2026, 9, 1)


@pytest.fixture
def corridor_data(world: Any) -> Any:
    """Jobs: 100 + 250 (company X) + 1,200 (company Z, the OEM) = 1,550; C's size is not
    known; E was deleted. Red flags open: on A and D (B's is closed; C's is yellow).
    Follow-ups open: 1. Needs: stamping with no supplier near (a gap, $400,000) and
    die casting with a caster 2 km away (no gap)."""
    w = world
    with system_scope("tests"), change_context(source="tests"):
        x, y, z = (Company.objects.create(name=n) for n in ("X", "Y", "Z"))

        def site(company: Company, name: str, employees: int | None, **extra: Any) -> Facility:
            return Facility.objects.create(
                company=company, name=name, municipality=w.windsor, employees=employees, **extra
            )

        a, b = site(x, "A", 100), site(x, "B", 250)
        c = site(y, "C", None)
        d = site(z, "D", 1200, tier="oem")
        site(z, "E", 999).delete()

        def flag(facility: Facility, severity: str, status: str = "open") -> None:
            Flag.objects.create(
                facility=facility,
                organisation=w.org_a,
                severity=severity,
                category="other",
                status=status,
                respond_by=DAY,
            )

        flag(a, "red")
        flag(d, "red")
        flag(b, "red", "closed")
        flag(c, "yellow")
        FollowUp.objects.create(
            facility=a, owner_organisation=w.org_a, due_on=DAY, category="information"
        )
        FollowUp.objects.create(
            facility=b,
            owner_organisation=w.org_a,
            due_on=DAY,
            category="information",
            status="done",
        )
    buyer = plant("Buyer", w.windsor, 42.30, -83.00)
    plant("Caster", w.windsor, 42.31, -83.01, ("die-casting",))
    recorded_need(w, buyer, "stamping", 400_000)
    recorded_need(w, buyer, "die-casting", 50_000)
    return w


def _values(user: Any) -> dict[str, int | None]:
    return {f.key: f.value for f in evidence.figures(user)}


def test_every_figure_matches_the_data_for_a_participant(corridor_data: Any) -> None:
    assert _values(corridor_data.erin) == {
        "registry.jobs": 1550,
        "registry.facilities": 6,  # A, B, C, D, Buyer, Caster
        "registry.oem_plants": 1,
        "calls.completed": 0,
        "calls.open_red_flags": 2,
        "calls.open_follow_ups": 1,
        "supplychain.gaps": 1,
        "supplychain.unmet_value": 400_000,
        "supplychain.open_needs": 2,
        "workforce.shortages": 0,
        "programs.contribution": 0,
        "programs.jobs_expected": 0,
        "programs.from_referrals": 0,
        "intel.ontario_investment": 0,
    }


def test_partners_do_not_see_figures_that_rest_on_fewer_than_five_companies(
    corridor_data: Any,
) -> None:
    values = _values(corridor_data.dave)
    assert values["registry.jobs"] is None  # two companies
    assert values["calls.open_red_flags"] is None
    assert values["registry.oem_plants"] == 1  # assembly plants are public knowledge
    assert values["calls.completed"] == 0  # zero is shown
    shown = {f.key: f.display for f in evidence.figures(corridor_data.dave)}
    assert shown["registry.jobs"] == "fewer than 5"


def test_money_figures_read_as_dollars(corridor_data: Any) -> None:
    (figure,) = evidence.figures(corridor_data.carol, ["supplychain.unmet_value"])
    assert figure.display == "$400,000"


def test_unknown_keys_are_skipped_and_a_new_provider_is_one_function(world: Any) -> None:
    @evidence.provider("test.answer", "The answer", source="Tests")
    def _answer() -> evidence.Reading:
        return evidence.Reading(42)

    try:
        figures = evidence.figures(world.alice, ["nope", "test.answer", "test.answer"])
        assert [(f.key, f.display, f.source) for f in figures] == [("test.answer", "42", "Tests")]
        assert evidence.unknown_keys(["nope", "test.answer"]) == ["nope"]
    finally:
        evidence._providers.pop("test.answer")


def test_skills_and_funding_figures_match_the_data(world: Any) -> None:
    """Welders in Windsor-Sarnia: 30 postings against 10 unemployed (index 3, short);
    machinists: 12 postings against 10 (index 1.2, not "clearly short"). Funded: $2M
    with 40 jobs and $500,000 with 10 jobs from a referral; a cancelled $9M is left out."""
    from corridor.programs.models import Referral
    from corridor.programs.tests import helpers as funding
    from corridor.workforce.tests import helpers as skills

    month = dt.date.today().replace(day=1)
    windsor = skills.region("Windsor–Sarnia")
    skills.supply(windsor, "72106", unemployed=10)
    skills.postings(windsor, "72106", 30, month)
    skills.supply(windsor, "72100", unemployed=10)
    skills.postings(windsor, "72100", 12, month)
    parts = funding.program()
    funding.project(parts, "Press line", contribution=2_000_000, jobs_created_expected=40)
    referred = funding.project(parts, "Robot cell", contribution=500_000, jobs_created_expected=10)
    funding.project(parts, "Never built", contribution=9_000_000, status="cancelled")
    plant = funding.facility("Robot Cell Maker", world.windsor)
    with system_scope("tests"), change_context(source="tests"):
        Referral.objects.create(
            facility=plant, program=parts, organisation=world.org_a, referred_on=DAY,
            funded_project=referred, status="funded",
        )  # fmt: skip
    values = _values(world.dave)
    assert values["workforce.shortages"] == 1
    assert values["programs.contribution"] == 2_500_000
    assert values["programs.jobs_expected"] == 50
    assert values["programs.from_referrals"] == 1


def test_investment_tracked_counts_canadian_dollars_in_ontario_and_canada(world: Any) -> None:
    """$3.5M (Ontario) + $2M (Canada) count; US$10M in Michigan, a rejected $7M and a
    policy allocation do not."""
    from corridor.intel.models import Document, Fact, Jurisdiction

    with system_scope("tests"), change_context(source="tests"):
        where = {j.name: j for j in Jurisdiction.objects.all()}
        document = Document.objects.create(
            title="Releases", text="...", content_hash="0" * 64, raw=b""
        )

        def fact(amount: int, place: str, **extra: Any) -> None:
            Fact.objects.create(
                document=document, amount_cad=amount, jurisdiction=where[place],
                sentence="...", position=amount, **extra,
            )  # fmt: skip

        fact(3_500_000, "Ontario")
        fact(2_000_000, "Canada")
        fact(10_000_000, "Michigan", currency="USD")
        fact(7_000_000, "Ontario", status="rejected")
        fact(9_000_000, "Ontario", kind="policy")
    (figure,) = evidence.figures(world.dave, ["intel.ontario_investment"])
    assert (figure.value, figure.display) == (5_500_000, "$5,500,000")


def test_a_reading_is_reused_for_the_configured_seconds_then_read_again(
    world: Any, settings: Any
) -> None:
    calls = []

    @evidence.provider("test.counted", "Times read", source="Tests")
    def _counted() -> evidence.Reading:
        calls.append(1)
        return evidence.Reading(len(calls), companies=3)

    from django.core.cache import cache

    try:
        settings.CORRIDOR_EVIDENCE_SECONDS = 60
        cache.delete("corridor:evidence:test.counted")
        first = evidence.figures(world.alice, ["test.counted"])[0]
        again = evidence.figures(world.dave, ["test.counted"])[0]  # a partner, from the cache
        assert (first.display, len(calls)) == ("1", 1)
        assert again.suppressed  # the reader's suppression still applies to a reused reading
        cache.delete("corridor:evidence:test.counted")  # the minute is over
        assert evidence.figures(world.alice, ["test.counted"])[0].display == "2"
        settings.CORRIDOR_EVIDENCE_SECONDS = 0
        assert evidence.figures(world.alice, ["test.counted"])[0].display == "3"
    finally:
        evidence._providers.pop("test.counted")
        cache.delete("corridor:evidence:test.counted")
