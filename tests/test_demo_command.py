"""`corridor demo` as a whole: every capability's demo data, built twice without change."""

from io import StringIO
from typing import Any

from django.core.management import call_command

from corridor.core.scoping import system_scope
from corridor.registry.models import Company, Facility, MatchStatus, SourceRecord, Tier


def run_demo() -> str:
    out = StringIO()
    call_command("demo", stdout=out)
    return out.getvalue()


def test_the_demo_builds_the_registry_through_the_import_path(
    db: Any, settings: Any, tmp_path: Any
) -> None:
    settings.DEMO_MODE = True
    settings.VAR_DIR = tmp_path
    output = run_demo()
    assert "Demo data ready" in output and "waiting for review" in output
    with system_scope("test"):
        oems = list(Facility.objects.filter(tier=Tier.OEM).select_related("municipality"))
        assert {f.municipality.name for f in oems} == {
            "Oakville",
            "Oshawa",
            "Ingersoll",
            "Windsor",
            "Brampton",
            "New Tecumseth",
            "Cambridge",
            "Woodstock",
        }
        assert all(not f.is_fictional and f.source_note for f in oems)
        suppliers = Facility.objects.exclude(tier=Tier.OEM)
        assert suppliers.count() >= 1400
        assert not suppliers.filter(is_fictional=False).exists()
        assert (
            not Company.objects.filter(is_fictional=False)
            .exclude(facilities__tier=Tier.OEM)
            .exists()
        )
        assert SourceRecord.objects.filter(status=MatchStatus.REVIEW).count() >= 10
        # the raw lists are kept beside the database
        assert len(list((tmp_path / "demo-lists").glob("*.csv"))) >= 12
        counts = (Facility.objects.count(), SourceRecord.objects.count())
    run_demo()
    with system_scope("test"):
        assert (Facility.objects.count(), SourceRecord.objects.count()) == counts
