"""The supply-chain part of the access-matrix world (see tests/test_access_matrix.py).

Built on ``world`` after ``build_calls``:

* tags: ``w.facility`` (Matrix Castings, Windsor) does die casting (``w.tag_a``),
  ``w.sc_caster`` (Matrix Diecast, Windsor) too, ``w.windsor_plant`` (Matrix
  Mouldings) does injection moulding; ``w.sc_oem`` is an OEM plant in Windsor;
* ``w.need_a``: alice's need for Windsor: Matrix Mouldings needs die casting; two
  suppliers are nearby and ``w.introduction_a`` introduced it to Matrix Castings;
* ``w.need_b``: bob's need for Oshawa: ``w.sc_oshawa_buyer`` needs stamping, with no
  supplier anywhere near (a gap).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from corridor.core.history import change_context
from corridor.core.scoping import system_scope
from corridor.registry.models import Company, Facility
from corridor.supplychain import needs
from corridor.supplychain.models import Capability, FacilityCapability, TagSource

DAY = dt.date(2026, 10, 6)


def build_supplychain(w: Any) -> None:
    with system_scope("access matrix fixtures"), change_context(user=w.carol, source="tests"):
        capability = {c.key: c for c in Capability.objects.all()}

        def tag(facility: Facility, key: str) -> FacilityCapability:
            return FacilityCapability.objects.create(
                facility=facility, capability=capability[key], source=TagSource.OFFICER
            )

        company = Company.objects.create(name="Matrix Supply")
        w.sc_caster = Facility.objects.create(
            company=company, name="Matrix Diecast", city="Windsor", municipality=w.windsor,
            latitude=42.27, longitude=-82.97, tier="tier2",
        )  # fmt: skip
        w.sc_oem = Facility.objects.create(
            company=company, name="Matrix Assembly", city="Windsor", municipality=w.windsor,
            latitude=42.32, longitude=-83.01, tier="oem",
        )  # fmt: skip
        w.sc_oshawa_buyer = Facility.objects.create(
            company=company, name="Matrix Trim Oshawa", city="Oshawa", municipality=w.oshawa,
            latitude=43.90, longitude=-78.86, tier="tier1",
        )  # fmt: skip
        w.tag_a = tag(w.facility, "die-casting")
        tag(w.sc_caster, "die-casting")
        w.tag_moulding = tag(w.windsor_plant, "injection-moulding")
    with change_context(user=w.carol, source="tests"):
        w.need_a = needs.record_need(
            w.alice,
            buyer=w.windsor_plant,
            capability=capability["die-casting"],
            organisation=w.org_a,
            description="Aluminium housings now bought in Ohio",
            annual_value=900_000,
            sourced_from="us",
        )
        w.introduction_a = needs.introduce(w.alice, w.need_a, w.facility, DAY)
        w.need_b = needs.record_need(
            w.bob,
            buyer=w.sc_oshawa_buyer,
            capability=capability["stamping"],
            organisation=w.org_b,
            annual_value=400_000,
        )
