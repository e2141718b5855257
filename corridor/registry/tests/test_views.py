"""The registry's pages as officers and the coordinator use them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from corridor.core.history import change_context
from corridor.core.models import ChangeRecord
from corridor.core.scoping import system_scope
from corridor.jobs.models import Job
from corridor.jobs.worker import run_queued
from corridor.registry.importing import import_companies
from corridor.registry.models import (
    Certification,
    Facility,
    ImportRun,
    MatchStatus,
    Merge,
    SourceRecord,
    Tier,
)

# W2 is W1 with a street number one off and no phone: an uncertain match, for review.
CSV = """id,name,street,city,postal_code,phone,website,naics,employees,lat,lon
W1,Maple Stamping Ltd,120 Industrial Rd,Windsor,N8W 1A1,519-555-0100,maple.ca,336370,240,42.3,-83.0
W2,Maple Stamping Ltd,122 Industrial Rd,Windsor,,,,336370,,,
O1,Lakeshore Plastics Inc,55 Harmony Rd,Oshawa,L1H 1A1,905-555-0111,,326193,80,43.90,-78.85
O2,Oshawa Brake Works,9 Simcoe St,Oshawa,,905-555-0122,,336340,450,,
X1,,1 Nowhere,Windsor,,,,,,,
"""


@dataclass
class Registry:
    maple: Facility  # W1
    maple_twin: Facility  # W2, parked apart, waiting for review
    plastics: Facility  # O1
    brakes: Facility  # O2
    review: SourceRecord  # W2's row
    records: dict[str, SourceRecord]


def build_registry(world: Any, directory: Path) -> Registry:
    """Import the small list above as the coordinator, then add certifications."""
    path = directory / "test-list.csv"
    path.write_text(CSV, encoding="utf-8")
    with change_context(user=world.carol, source="tests"):
        report = import_companies(path, "test list", user=world.carol)
    assert (report.created, report.review, report.rejected) == (3, 1, 1), report.summary()
    with system_scope("test data"), change_context(user=world.carol, source="tests"):
        records = {r.source_id: r for r in SourceRecord.objects.select_related("facility")}
        maple = records["W1"].facility
        maple.tier = Tier.TIER1
        maple.save()
        plastics = records["O1"].facility
        plastics.tier = Tier.TIER2
        plastics.save()
        Certification.objects.create(
            facility=maple,
            standard="IATF 16949",
            issuer="Registrar Ltd",
            expires_on=dt.date.today() + dt.timedelta(days=300),
        )
        Certification.objects.create(
            facility=records["O2"].facility,
            standard="IATF 16949",
            expires_on=dt.date.today() - dt.timedelta(days=3),
        )
    return Registry(
        maple=maple,
        maple_twin=records["W2"].facility,
        plastics=plastics,
        brakes=records["O2"].facility,
        review=records["W2"],
        records=records,
    )


@pytest.fixture
def registry(world: Any, tmp_path: Path) -> Registry:
    return build_registry(world, tmp_path)


@pytest.fixture(autouse=True)
def _uploads_in_a_temporary_folder(settings: Any, tmp_path: Path) -> None:
    settings.VAR_DIR = tmp_path / "var"


def _counts() -> tuple[int, ...]:
    with system_scope("test counts"):
        return (
            Facility.all_objects.count(),
            SourceRecord.objects.count(),
            ImportRun.objects.count(),
            ChangeRecord.objects.count(),
        )


def _names(page: str, registry: Registry) -> set[str]:
    facilities = (registry.maple, registry.plastics, registry.brakes)
    return {f.name for f in facilities if f'/registry/facilities/{f.pk}/"' in page}


# The facility list


def test_the_list_shows_every_facility_with_its_company_and_industry(
    registry: Registry, as_user: Any
) -> None:
    page = as_user("dave").get("/registry/").content.decode()
    assert _names(page, registry) == {
        "Maple Stamping Ltd",
        "Lakeshore Plastics Inc",
        "Oshawa Brake Works",
    }
    assert "336370 — Motor vehicle metal stamping" in page
    assert "4 facilities" in page  # with the twin waiting for review
    assert '"lat": 42.3' in page  # the map of the listed facilities


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"q": "brake works"}, {"Oshawa Brake Works"}),
        ({"q": "maple plastics"}, set()),
        ({"naics": "3363"}, {"Maple Stamping Ltd", "Oshawa Brake Works"}),
        ({"naics": "326193"}, {"Lakeshore Plastics Inc"}),
        ({"tier": "tier2"}, {"Lakeshore Plastics Inc"}),
        ({"employees_min": "100"}, {"Maple Stamping Ltd", "Oshawa Brake Works"}),
        ({"employees_min": "100", "employees_max": "300"}, {"Maple Stamping Ltd"}),
        # O2's certificate has expired: only a current one counts
        ({"certification": "IATF 16949"}, {"Maple Stamping Ltd"}),
    ],
)
def test_the_list_filters(
    registry: Registry, as_user: Any, query: dict[str, str], expected: set[str]
) -> None:
    page = as_user("alice").get("/registry/", query).content.decode()
    assert _names(page, registry) == expected


def test_the_list_filters_by_municipality(registry: Registry, world: Any, as_user: Any) -> None:
    page = as_user("alice").get("/registry/", {"municipality": world.oshawa.pk}).content.decode()
    assert _names(page, registry) == {"Lakeshore Plastics Inc", "Oshawa Brake Works"}
    assert f'<option value="{world.oshawa.pk}" selected>Oshawa</option>' in page


def test_a_bad_filter_value_is_explained(registry: Registry, as_user: Any) -> None:
    response = as_user("alice").get("/registry/", {"employees_min": "lots"})
    assert response.status_code == 200
    assert "employees_min" in response.content.decode()


def test_the_list_links_to_the_review_queue_and_the_import_for_those_who_may_use_them(
    registry: Registry, as_user: Any
) -> None:
    alice = as_user("alice").get("/registry/").content.decode()
    assert "Review queue (1 waiting)" in alice
    assert "Import a list" not in alice
    carol = as_user("carol").get("/registry/").content.decode()
    assert "Review queue (1 waiting)" in carol and "Import a list" in carol
    dave = as_user("dave").get("/registry/").content.decode()
    assert "Review queue" not in dave and "Import a list" not in dave


def test_the_navigation_shows_the_registry_as_available(world: Any, as_user: Any) -> None:
    page = as_user("erin").get("/").content.decode()
    assert 'href="/registry/"' in page


# A facility's and a company's pages


def test_a_facility_page_shows_its_facts_rows_and_history_link(
    registry: Registry, as_user: Any
) -> None:
    page = as_user("erin").get(f"/registry/facilities/{registry.maple.pk}/").content.decode()
    assert "Motor vehicle metal stamping" in page
    assert "IATF 16949 (automotive quality)" in page and "Registrar Ltd" in page
    assert "Imported rows" in page and "<code>W1</code>" in page
    assert "<details>" in page and "N8W 1A1" in page
    history = f"/history/registry/facility/{registry.maple.pk}/"
    assert history in page
    assert as_user("erin").get(history).status_code == 200
    assert "may be this facility" in page  # W2 waits for review against it
    assert "Merge another facility" not in page


def test_a_partner_sees_the_facility_but_not_the_imported_rows(
    registry: Registry, as_user: Any
) -> None:
    page = as_user("dave").get(f"/registry/facilities/{registry.maple.pk}/").content.decode()
    assert "Maple Stamping Ltd" in page and "Motor vehicle metal stamping" in page
    assert "Imported rows" not in page
    assert "<code>W1</code>" not in page and "N8W 1A1" in page  # its own address, not the row
    assert "maple.ca" in page
    assert "review queue" not in page


def test_an_expired_certification_is_marked(registry: Registry, as_user: Any) -> None:
    page = as_user("alice").get(f"/registry/facilities/{registry.brakes.pk}/").content.decode()
    assert "Expired" in page


def test_a_company_page_lists_its_plants(registry: Registry, as_user: Any) -> None:
    company_id = registry.maple.company_id
    page = as_user("dave").get(f"/registry/companies/{company_id}/").content.decode()
    assert f"/registry/facilities/{registry.maple.pk}/" in page
    assert "Oshawa Brake Works" not in page
    assert as_user("dave").get("/registry/companies/999999/").status_code == 404


# The review queue


def test_a_partner_may_not_open_the_review_queue(registry: Registry, as_user: Any) -> None:
    assert as_user("dave").get("/registry/review/").status_code == 403


def test_an_officer_reads_the_queue_side_by_side_without_buttons(
    registry: Registry, as_user: Any
) -> None:
    page = as_user("alice").get("/registry/review/").content.decode()
    assert "1 row waiting for review" in page
    assert "122 Industrial Rd" in page and "120 Industrial Rd" in page
    assert '<tr class="differs"><th scope="row">Street</th>' in page
    assert '<tr class="same"><th scope="row">Name</th>' in page
    assert '<tr class="one"><th scope="row">Phone</th>' in page
    assert "street number differs by one character" in page
    assert "Confirm: same facility" not in page and "Keep apart" not in page


def test_an_editor_cannot_confirm_or_reject(registry: Registry, as_user: Any) -> None:
    pk = registry.review.pk
    assert as_user("alice").post(f"/registry/review/{pk}/confirm/").status_code == 403
    assert as_user("alice").post(f"/registry/review/{pk}/reject/").status_code == 403
    assert as_user("dave").post(f"/registry/review/{pk}/confirm/").status_code == 404
    with system_scope("test"):
        assert SourceRecord.objects.get(pk=pk).status == MatchStatus.REVIEW


def test_the_coordinator_confirms_a_match_and_the_two_become_one(
    registry: Registry, world: Any, as_user: Any
) -> None:
    carol = as_user("carol")
    page = carol.get("/registry/review/").content.decode()
    assert "Confirm: same facility" in page
    response = carol.post(f"/registry/review/{registry.review.pk}/confirm/", follow=True)
    assert "The two are now one facility" in response.content.decode()
    with system_scope("test"):
        record = SourceRecord.objects.get(pk=registry.review.pk)
        twin = Facility.all_objects.get(pk=registry.maple_twin.pk)
    assert record.status == MatchStatus.CONFIRMED
    assert record.facility_id == registry.maple.pk
    assert twin.is_deleted and twin.merged_into_id == registry.maple.pk
    assert "Nothing is waiting for review" in carol.get("/registry/review/").content.decode()
    assert as_user("alice").get(f"/registry/facilities/{twin.pk}/").status_code == 404
    # the survivor's page now lists both rows and the merge
    page = carol.get(f"/registry/facilities/{registry.maple.pk}/").content.decode()
    assert "<code>W2</code>" in page and "Undo merge" in page


def test_the_coordinator_keeps_a_row_apart(registry: Registry, as_user: Any) -> None:
    response = as_user("carol").post(f"/registry/review/{registry.review.pk}/reject/")
    assert response.status_code == 302
    with system_scope("test"):
        record = SourceRecord.objects.get(pk=registry.review.pk)
        assert record.status == MatchStatus.REJECTED
        assert record.facility_id == registry.maple_twin.pk
        assert Facility.objects.filter(pk=registry.maple_twin.pk).exists()
    # a second decision on the same row is refused with a message, not an error page
    again = as_user("carol").post(f"/registry/review/{registry.review.pk}/confirm/", follow=True)
    assert "not waiting for review" in again.content.decode()


# Merges


def test_merge_and_undo_round_trip_on_the_facility_page(
    registry: Registry, as_user: Any, world: Any
) -> None:
    carol = as_user("carol")
    survivor, merged = registry.plastics, registry.brakes
    page = carol.get(f"/registry/facilities/{survivor.pk}/").content.decode()
    assert "Merge another facility into this one" in page
    response = carol.post(
        f"/registry/facilities/{survivor.pk}/merge/", {"merged": merged.pk}, follow=True
    )
    assert "Merged Oshawa Brake Works" in response.content.decode()
    with system_scope("test"):
        moved = SourceRecord.objects.get(source_id="O2")
        merge = Merge.objects.get(survivor=survivor, merged=merged)
    assert moved.facility_id == survivor.pk
    assert as_user("alice").get(f"/registry/facilities/{merged.pk}/").status_code == 404
    merged_page = carol.get(f"/registry/facilities/{merged.pk}/").content.decode()
    assert "This facility was merged into" in merged_page
    # each page lists the merge from its own side, and only from that side
    into = f"(facility {merged.pk}) merged into this one"
    out = f'This facility merged into <a href="/registry/facilities/{survivor.pk}/">'
    survivor_page = carol.get(f"/registry/facilities/{survivor.pk}/").content.decode()
    assert into in survivor_page and out not in survivor_page
    assert out in merged_page and into not in merged_page

    assert as_user("alice").post(f"/registry/merges/{merge.pk}/undo/").status_code == 403
    response = carol.post(f"/registry/merges/{merge.pk}/undo/", follow=True)
    assert "is a facility of its own again" in response.content.decode()
    with system_scope("test"):
        assert SourceRecord.objects.get(source_id="O2").facility_id == merged.pk
        assert Merge.objects.get(pk=merge.pk).undone_at is not None
    assert as_user("alice").get(f"/registry/facilities/{merged.pk}/").status_code == 200
    page = carol.get(f"/registry/facilities/{survivor.pk}/").content.decode()
    assert "Undone" in page and "Undo merge" not in page


def test_merge_mistakes_are_explained(registry: Registry, as_user: Any) -> None:
    carol = as_user("carol")
    url = f"/registry/facilities/{registry.plastics.pk}/merge/"
    same = carol.post(url, {"merged": registry.plastics.pk}, follow=True).content.decode()
    assert "cannot be merged into itself" in same
    missing = carol.post(url, {"merged": 999999}, follow=True).content.decode()
    assert "There is no facility 999999" in missing
    junk = carol.post(url, {"merged": "abc"}, follow=True).content.decode()
    assert "Enter the id" in junk
    with system_scope("test"):
        assert not Merge.objects.exists()


def test_only_the_coordinator_merges(registry: Registry, as_user: Any) -> None:
    url = f"/registry/facilities/{registry.maple.pk}/merge/"
    for name in ("alice", "erin", "dave"):
        assert as_user(name).post(url, {"merged": registry.brakes.pk}).status_code == 403
    with system_scope("test"):
        assert not Merge.objects.exists()


# Importing from the browser


def _upload(text: str, name: str = "windsor-list.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def test_only_the_coordinator_imports(world: Any, as_user: Any) -> None:
    assert as_user("alice").get("/registry/import/").status_code == 403
    assert as_user("dave").post("/registry/import/", {"file": _upload(CSV)}).status_code == 403
    assert as_user("carol").get("/registry/import/").status_code == 200


def test_the_import_preview_writes_nothing(world: Any, as_user: Any, settings: Any) -> None:
    before = _counts()
    response = as_user("carol").post(
        "/registry/import/", {"file": _upload(CSV), "source": "Windsor directory"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Preview: windsor-list.csv" in page
    assert "Lakeshore Plastics Inc" in page  # the first rows as read
    assert "column “postal_code”" in page
    assert "the company name is empty" in page  # X1 rejected, with its row and field
    assert "Import these rows" in page
    assert _counts() == before
    assert len(list((Path(settings.VAR_DIR) / "uploads").glob("*/windsor-list.csv"))) >= 1


def test_the_coordinator_previews_then_imports(world: Any, as_user: Any, settings: Any) -> None:
    carol = as_user("carol")
    preview = carol.post("/registry/import/", {"file": _upload(CSV), "source": "Windsor directory"})
    token = preview.context["confirm"].initial["upload"]
    response = carol.post("/registry/import/", {"upload": token, "source": "Windsor directory"})
    assert response.status_code == 302
    with system_scope("test"):
        job = Job.objects.get()
    assert response.url == f"/jobs/{job.pk}/"  # the import runs in the background worker
    assert run_queued() == 1
    with system_scope("test"):
        run = ImportRun.objects.get()
        assert (run.source, run.created, run.review, run.rejected) == ("Windsor directory", 3, 1, 1)
        assert run.user == world.carol
        assert Facility.objects.count() == 4
    job.refresh_from_db()
    assert job.result_url == f"/registry/import/{run.pk}/"
    page = carol.get(job.result_url).content.decode()
    assert "Review the 1 row waiting from this import" in page
    assert "the company name is empty" in page
    assert not (Path(settings.VAR_DIR) / "uploads" / token).exists()
    # the changes are recorded as the coordinator's
    history = carol.get("/changes/", {"model": "facility"}).content.decode()
    assert "Carol" in history or "carol" in history
    # the same upload cannot be imported twice
    again = carol.post("/registry/import/", {"upload": token}, follow=True)
    assert "no longer here" in again.content.decode()
    with system_scope("test"):
        assert ImportRun.objects.count() == 1


def test_a_bad_file_is_explained_and_nothing_is_written(world: Any, as_user: Any) -> None:
    before = _counts()
    carol = as_user("carol")
    response = carol.post("/registry/import/", {"file": _upload("company;town\nAcme;Windsor\n")})
    page = response.content.decode()
    assert response.status_code == 200
    assert "missing required column &#x27;source_id&#x27;" in page
    assert "Nothing was imported" in page
    pdf = carol.post("/registry/import/", {"file": _upload("%PDF-1.4", name="list.pdf")})
    assert "Corridor reads .csv and .xlsx files" in pdf.content.decode()
    assert _counts() == before


def test_another_users_upload_cannot_be_imported(world: Any, as_user: Any) -> None:
    preview = as_user("carol").post("/registry/import/", {"file": _upload(CSV)})
    token = preview.context["confirm"].initial["upload"]
    other = as_user("carol")  # a new session, as another coordinator would have
    response = other.post("/registry/import/", {"upload": token}, follow=True)
    assert "no longer here" in response.content.decode()
    with system_scope("test"):
        assert not ImportRun.objects.exists()


def test_a_partner_cannot_see_import_results(registry: Registry, as_user: Any) -> None:
    with system_scope("test"):
        run = ImportRun.objects.get()
    assert as_user("dave").get(f"/registry/import/{run.pk}/").status_code == 404
    page = as_user("alice").get(f"/registry/import/{run.pk}/").content.decode()
    assert "Maple Stamping Ltd" in page


def test_the_source_name_defaults_to_the_files_own_name(world: Any, as_user: Any) -> None:
    carol = as_user("carol")
    preview = carol.post("/registry/import/", {"file": _upload(CSV, name="Windsor list 2024.csv")})
    assert "as source “Windsor list 2024”" in preview.content.decode()
    token = preview.context["confirm"].initial["upload"]
    carol.post("/registry/import/", {"upload": token, "source": "Windsor list 2024"})
    run_queued()
    with system_scope("test"):
        assert ImportRun.objects.get().file_name == "Windsor list 2024.csv"


def test_a_review_item_whose_candidate_was_merged_away_cannot_be_confirmed(
    registry: Registry, world: Any, as_user: Any
) -> None:
    from corridor.registry import services

    with change_context(user=world.carol, source="tests"):
        services.merge_facilities(world.carol, registry.plastics, registry.maple)
    carol = as_user("carol")
    page = carol.get("/registry/review/").content.decode()
    assert "has since been merged or removed" in page
    assert "Confirm: same facility" not in page and "Keep apart" in page
    response = carol.post(f"/registry/review/{registry.review.pk}/confirm/", follow=True)
    assert response.status_code == 200
    assert "has since been merged or removed" in response.content.decode()
    with system_scope("test"):
        assert SourceRecord.objects.get(pk=registry.review.pk).status == MatchStatus.REVIEW
