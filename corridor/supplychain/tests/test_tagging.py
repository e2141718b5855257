"""Tags read from the products column follow it; officers' tags stay."""

from pathlib import Path
from typing import Any

from corridor.core.history import change_context
from corridor.core.models import ChangeRecord
from corridor.core.scoping import system_scope
from corridor.registry.models import Company, Facility
from corridor.registry.tests.helpers import APEX, PRECISION, import_list, write_list
from corridor.supplychain.models import Capability, FacilityCapability, SupplierDoc, TagSource


def tags(facility: Facility) -> dict[str, str]:
    with system_scope("test"):
        return {
            t.capability.key: t.source
            for t in FacilityCapability.objects.filter(facility=facility).select_related(
                "capability"
            )
        }


def facility_named(name: str) -> Facility:
    with system_scope("test"):
        return Facility.objects.get(name=name)


def test_import_tags_facilities_from_their_products(world: Any, tmp_path: Path) -> None:
    rows = [[*APEX[:9], "Progressive die stampings; BIW welded assemblies", *APEX[10:]], PRECISION]
    import_list(write_list(tmp_path / "list.csv", rows))
    apex = facility_named("Apex Stamping Inc.")
    assert tags(apex) == {
        "stamping": TagSource.PRODUCTS,
        "body-in-white": TagSource.PRODUCTS,
        "welding": TagSource.PRODUCTS,
    }
    assert tags(facility_named("Precision Tool & Die")) == {"mould-making": TagSource.PRODUCTS}
    with system_scope("test"):
        assert SupplierDoc.objects.count() == 2
        recorded = list(
            ChangeRecord.objects.filter(content_type__model="facilitycapability", action="create")
        )
    assert len(recorded) == 4
    assert {r.source for r in recorded} == {"tests"}
    assert {(r.after or {}).get("source") for r in recorded} == {"products"}
    assert all("capability" in r.changed_fields for r in recorded)


def test_a_dry_run_tags_nothing(world: Any, tmp_path: Path) -> None:
    import_list(write_list(tmp_path / "list.csv", [APEX]), dry_run=True)
    with system_scope("test"):
        assert FacilityCapability.objects.count() == 0
        assert SupplierDoc.objects.count() == 0


def test_product_tags_follow_the_text_and_officer_tags_stay(world: Any) -> None:
    with system_scope("test"), change_context(user=world.carol, source="tests"):
        company = Company.objects.create(name="Lakeshore Castings")
        plant = Facility.objects.create(
            company=company, name="Lakeshore Castings", products="Aluminium die castings"
        )
        assert tags(plant) == {
            "aluminium": TagSource.PRODUCTS,
            "die-casting": TagSource.PRODUCTS,
        }
        FacilityCapability.objects.create(
            facility=plant,
            capability=Capability.objects.get(key="machining"),
            source=TagSource.OFFICER,
            added_by=world.carol,
        )
        FacilityCapability.objects.create(
            facility=plant, capability=Capability.objects.get(key="steel"), source="call"
        )
        plant.products = "Steel sand castings and CNC machining"
        plant.save()
        assert tags(plant) == {
            "steel": "call",  # already known from a call: not duplicated
            "sand-casting": TagSource.PRODUCTS,
            "cnc-machining": TagSource.PRODUCTS,
            "machining": TagSource.OFFICER,
        }
        removed = FacilityCapability.all_objects.filter(
            facility=plant, deleted_at__isnull=False
        ).count()
        assert removed == 2  # aluminium and die casting, soft-deleted and recorded
        plant.products = ""
        plant.save()
        assert tags(plant) == {"steel": "call", "machining": TagSource.OFFICER}


def test_saving_other_fields_does_not_retag(world: Any) -> None:
    with system_scope("test"), change_context(source="tests"):
        company = Company.objects.create(name="North Forge")
        plant = Facility.objects.create(company=company, name="North Forge", products="forgings")
        tag = FacilityCapability.objects.get(facility=plant)
        tag.delete()  # an officer says it is wrong
        plant.employees = 80
        plant.save()
        assert tags(plant) == {}


def test_text_without_capabilities_tags_nothing(world: Any) -> None:
    with system_scope("test"), change_context(source="tests"):
        company = Company.objects.create(name="Riverside Broadcasting")
        plant = Facility.objects.create(
            company=company, name="Riverside", products="broadcasting, forecasting, heating oil"
        )
        assert tags(plant) == {}
