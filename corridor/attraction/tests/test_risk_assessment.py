"""The retention early warning's assessment: each reason, raised when it should be and
not otherwise, the weights, and the list's rows kept across runs."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from corridor.attraction import assessment, risk, weights
from corridor.attraction.models import FacilityRisk, RiskReason, RiskWeight
from corridor.calls.models import Call, CallStatus, CallTemplate, Flag
from corridor.core.history import change_context
from corridor.core.models import Municipality
from corridor.core.scoping import system_scope
from corridor.intel.ingesting import jurisdiction_named
from corridor.intel.models import Document, Fact, FactStatus
from corridor.registry.models import Company, Facility

pytestmark = pytest.mark.django_db
NOW = timezone.make_aware(dt.datetime(2026, 6, 1, 12, 0))
TODAY = NOW.date()


def plant(name: str, place: Municipality, company: Company | None = None, **extra: Any) -> Facility:
    with system_scope("test fixtures"), change_context(source="tests"):
        company = company or Company.objects.create(name=name)
        return Facility.objects.create(
            company=company, name=name, city=place.name, municipality=place, **extra
        )


def flag(
    facility: Facility, org: Any, severity: str, category: str, days_old: int = 5, **extra: Any
) -> Flag:
    with system_scope("test fixtures"), change_context(source="tests"):
        made = Flag.objects.create(
            facility=facility,
            organisation=org,
            severity=severity,
            category=category,
            detail="What the company said in confidence",
            respond_by=TODAY,
            **extra,
        )
        Flag.objects.filter(pk=made.pk).update(created_at=NOW - dt.timedelta(days=days_old))
    return made


def announce(
    company: Company, sentence: str, place: str | None, amount: int | None = None, **extra: Any
) -> Fact:
    with system_scope("test fixtures"), change_context(source="tests"):
        doc = Document.objects.create(
            title=f"News of {company.name}", text=sentence, date=TODAY, content_hash=sentence[:60]
        )
        return Fact.objects.create(
            document=doc,
            funder=company.name,
            recipient=company.name,
            recipient_company=company,
            amount_cad=Decimal(amount) if amount else None,
            currency="USD",
            date=extra.pop("date", TODAY - dt.timedelta(days=30)),
            jurisdiction=jurisdiction_named(place) if place else None,
            sentence=sentence,
            **extra,
        )


def visit(facility: Facility, org: Any, on: dt.date) -> Call:
    with system_scope("test fixtures"), change_context(source="tests"):
        return Call.objects.create(
            facility=facility,
            organisation=org,
            scheduled_on=on,
            status=CallStatus.COMPLETED,
            template=CallTemplate.objects.get(number=1),
        )


def reasons_of(facility: Facility) -> dict[str, dict[str, Any]]:
    with system_scope("tests"):
        row = FacilityRisk.objects.filter(facility=facility).first()
    return {r["reason"]: r for r in row.reasons} if row else {}


def test_red_flag_counts_with_its_category_and_age_never_its_detail(world: Any) -> None:
    p = plant("Red Plant", world.windsor, employees=300)
    flag(p, world.org_a, "red", "relocation_closure", days_old=10)
    run = assessment.assess_all(NOW)
    found = reasons_of(p)
    assert set(found) == {"red_flag", "no_visit"}
    red = found["red_flag"]
    assert red["weight"] == 40
    assert "Relocation or closure risk" in red["detail"] and "10 days" in red["detail"]
    assert "confidence" not in red["detail"]
    assert run.listed == 1 and run.added == 1
    with system_scope("tests"):
        row = FacilityRisk.objects.get(facility=p)
    assert row.score == 50 and row.jobs == 300 and row.signature == "no_visit,red_flag"


def test_an_old_flag_weighs_one_and_a_half_times(world: Any) -> None:
    p = plant("Old Flag", world.windsor)
    flag(p, world.org_a, "red", "downsizing", days_old=120)
    visit(p, world.org_a, TODAY - dt.timedelta(days=100))
    assessment.assess_all(NOW)
    assert reasons_of(p)["red_flag"]["weight"] == 60
    assert "1.5 times" in reasons_of(p)["red_flag"]["detail"]


def test_closed_flags_and_yellow_flags(world: Any) -> None:
    closed = plant("Closed Flag", world.windsor)
    flag(closed, world.org_a, "red", "downsizing", status="closed")
    yellow = plant("Yellow", world.windsor)
    flag(yellow, world.org_a, "yellow", "workforce")
    visit(yellow, world.org_a, TODAY - dt.timedelta(days=30))
    assessment.assess_all(NOW)
    assert reasons_of(closed) == {}
    assert set(reasons_of(yellow)) == {"yellow_flag"}
    assert reasons_of(yellow)["yellow_flag"]["weight"] == 15


def test_lease_and_ownership_flags_are_their_own_reasons(world: Any) -> None:
    p = plant("Leased", world.windsor)
    flag(p, world.org_a, "yellow", "relocation_closure", rule="lease")
    flag(p, world.org_a, "yellow", "ownership_change", rule="ownership")
    visit(p, world.org_a, TODAY - dt.timedelta(days=30))
    assessment.assess_all(NOW)
    assert set(reasons_of(p)) == {"lease", "ownership"}


def test_parent_investing_elsewhere_and_announcing_cuts(world: Any) -> None:
    company = Company.objects.create(name="Parent Co")
    p = plant("Parent Co Windsor", world.windsor, company=company)
    visit(p, world.org_a, TODAY - dt.timedelta(days=30))
    announce(
        company, "Parent Co will invest US$180 million in Tennessee.", "Tennessee", 180_000_000
    )
    announce(company, "Parent Co will lay off 200 workers at two plants.", "Ontario", 5_000_000)
    found = (assessment.assess_all(NOW), reasons_of(p))[1]
    assert set(found) == {"parent_elsewhere", "parent_cuts"}
    assert "Tennessee" in found["parent_elsewhere"]["detail"]
    assert "USD 180 million" in found["parent_elsewhere"]["detail"]
    assert found["parent_elsewhere"]["path"].startswith("/intel/documents/")
    assert "lay off" in found["parent_cuts"]["detail"]


def test_announcements_that_do_not_count(world: Any) -> None:
    company = Company.objects.create(name="Quiet Co")
    p = plant("Quiet Co Windsor", world.windsor, company=company)
    announce(company, "Quiet Co will invest $10 million in Windsor.", "Ontario", 10_000_000)
    announce(company, "Quiet Co gets $5 million from Ottawa.", "Canada (federal)", 5_000_000)
    announce(
        company,
        "Quiet Co will invest $9 million in Michigan.",
        "Michigan",
        9_000_000,
        date=TODAY - dt.timedelta(days=800),
    )
    announce(
        company, "Quiet Co will invest $7 million in Ohio.", "Ohio", 7_000_000,
        status=FactStatus.REJECTED,
    )  # fmt: skip
    assessment.assess_all(NOW)
    assert reasons_of(p) == {}


def test_only_local_supplier_of_an_oem_plant(world: Any) -> None:
    from corridor.supplychain.models import Capability, FacilityCapability

    with system_scope("tests"), change_context(source="tests"):
        stamping = Capability.objects.exclude(parent=None).order_by("key").first()
    assert stamping is not None
    oem = plant("Big OEM", world.windsor, tier="oem", latitude=42.3, longitude=-83.0)
    supplier = plant("Lone Supplier", world.windsor, latitude=42.31, longitude=-83.01)
    far = plant("Far Supplier", world.oshawa, latitude=43.9, longitude=-78.9)
    with system_scope("tests"), change_context(source="tests"):
        FacilityCapability.objects.create(facility=supplier, capability=stamping)
        FacilityCapability.objects.create(facility=far, capability=stamping)
    visit(supplier, world.org_a, TODAY - dt.timedelta(days=30))
    assessment.assess_all(NOW)
    found = reasons_of(supplier)
    assert set(found) == {"single_supplier"}
    assert "Big OEM" in found["single_supplier"]["detail"]
    assert reasons_of(far) == {} and reasons_of(oem) == {}


def test_no_visit_counts_only_beside_another_reason(world: Any) -> None:
    alone = plant("Never Called", world.windsor)
    recent = plant("Called Lately", world.windsor)
    flag(recent, world.org_a, "yellow", "permits_infrastructure")
    visit(recent, world.org_a, TODAY - dt.timedelta(days=200))
    stale = plant("Called Long Ago", world.windsor)
    flag(stale, world.org_a, "yellow", "permits_infrastructure")
    visit(stale, world.org_a, TODAY - dt.timedelta(days=600))
    assessment.assess_all(NOW)
    assert reasons_of(alone) == {}
    assert "no_visit" not in reasons_of(recent)
    assert "last completed call" in reasons_of(stale)["no_visit"]["detail"].lower()


def test_coordinator_weights_override_the_csv(world: Any) -> None:
    p = plant("Weighed", world.windsor)
    flag(p, world.org_a, "red", "downsizing")
    visit(p, world.org_a, TODAY - dt.timedelta(days=30))
    with change_context(user=world.carol, source="tests"):
        weights.set_weight(world.carol, "red_flag", 55, "Counts more this year")
    assert weights.current_weights()["red_flag"].weight == 55
    assert weights.current_weights()["yellow_flag"].weight == 15
    assessment.assess_all(NOW)
    assert reasons_of(p)["red_flag"]["weight"] == 55
    with change_context(user=world.carol, source="tests"):
        row = weights.set_weight(world.carol, "red_flag", 45)
    assert row.explanation == "Counts more this year" and row.version == 2


def test_only_the_coordinator_sets_weights(world: Any) -> None:
    from django.core.exceptions import PermissionDenied

    for who in (world.alice, world.erin, world.dave):
        with pytest.raises(PermissionDenied):
            weights.set_weight(who, "red_flag", 1)
    with system_scope("tests"):
        assert not RiskWeight.objects.exists()


def test_rows_kept_refreshed_and_dropped(world: Any) -> None:
    p = plant("Comes And Goes", world.windsor, employees=20)
    f = flag(p, world.org_a, "yellow", "workforce")
    assessment.assess_all(NOW)
    with system_scope("tests"):
        first = FacilityRisk.objects.get(facility=p).first_listed_at
    later = NOW + dt.timedelta(days=1)
    flag(p, world.org_a, "red", "downsizing")
    run = assessment.assess_all(later)
    assert run.added == 0 and run.changed == 1
    assert [c.new_reasons for c in run.risen] == [{"red_flag"}]
    with system_scope("tests"):
        row = FacilityRisk.objects.get(facility=p)
        assert row.first_listed_at == first and row.assessed_at == later
        Flag.objects.filter(facility=p).update(status="closed")
    assert f.pk
    run = assessment.assess_all(later)
    assert run.dropped == 1 and run.listed == 0
    with system_scope("tests"):
        assert not FacilityRisk.objects.exists()


def test_the_assessment_is_a_handful_of_queries(
    world: Any, django_assert_max_num_queries: Any
) -> None:
    for n in range(20):
        p = plant(f"Plant {n}", world.windsor, employees=n)
        flag(p, world.org_a, "red" if n % 2 else "yellow", "downsizing")
    with django_assert_max_num_queries(25):
        run = assessment.assess_all(NOW)
    assert run.listed == 20


def test_listed_is_ranked_by_score(world: Any) -> None:
    low = plant("Low", world.windsor)
    flag(low, world.org_a, "yellow", "workforce")
    high = plant("High", world.oshawa)
    flag(high, world.org_b, "red", "downsizing")
    assessment.assess_all(NOW)
    assert [line.facility.name for line in risk.listed(world.carol)] == ["High", "Low"]
    assert [line.facility.name for line in risk.listed(world.carol, world.windsor)] == ["Low"]
    assert risk.listed(world.dave) == []
    assert [line.facility.name for line in risk.listed(world.erin, min_score=50)] == ["High"]
    assert RiskReason.RED_FLAG == "red_flag"
