"""The registry's API: lists filtered like the pages, imported rows, review and merges."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from corridor.core.models import ApiToken
from corridor.core.scoping import system_scope
from corridor.registry.models import Facility, MatchStatus, Merge, SourceRecord
from corridor.registry.tests.test_views import Registry, build_registry


@pytest.fixture
def registry(world: Any, tmp_path: Path) -> Registry:
    return build_registry(world, tmp_path)


@pytest.fixture
def api(world: Any) -> Any:
    """api('alice') -> a Client sending alice's bearer token (anonymous: none)."""

    def make(name: str) -> Client:
        user = world.users()[name]
        if user is None:
            return Client()
        _, token = ApiToken.issue(user)
        return Client(HTTP_AUTHORIZATION=f"Bearer {token}")

    return make


def _names(body: dict[str, Any]) -> set[str]:
    return {item["name"] for item in body["items"]}


def test_companies_are_listed_and_searched(registry: Registry, api: Any) -> None:
    body = api("dave").get("/api/v1/companies", {"q": "maple"}).json()
    assert _names(body) == {"Maple Stamping Ltd"}
    assert body["count"] == 1
    company = api("dave").get(f"/api/v1/companies/{registry.maple.company_id}").json()
    assert registry.maple.pk in company["facility_ids"]
    assert registry.plastics.pk not in company["facility_ids"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"q": "brake"}, {"Oshawa Brake Works"}),
        ({"naics": "3363", "employees_min": 300}, {"Oshawa Brake Works"}),
        ({"tier": "tier1"}, {"Maple Stamping Ltd"}),
        ({"certification": "IATF 16949"}, {"Maple Stamping Ltd"}),
        ({"employees_max": 100}, {"Lakeshore Plastics Inc"}),
    ],
)
def test_facilities_filter_like_the_page(
    registry: Registry, api: Any, query: dict[str, Any], expected: set[str]
) -> None:
    body = api("erin").get("/api/v1/facilities", query).json()
    assert _names(body) == expected
    page = api("erin").get("/registry/", query)  # bearer tokens do not sign pages in
    assert page.status_code == 302


def test_facilities_filter_by_municipality(registry: Registry, world: Any, api: Any) -> None:
    body = api("bob").get("/api/v1/facilities", {"municipality": world.windsor.pk}).json()
    assert _names(body) == {"Maple Stamping Ltd"}
    assert body["count"] == 2  # W1 and the twin waiting for review
    assert {item["municipality"] for item in body["items"]} == {"Windsor"}


def test_a_bad_filter_names_the_field(registry: Registry, api: Any) -> None:
    response = api("alice").get("/api/v1/facilities", {"employees_min": -1})
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "employees_min"


def test_a_facility_has_its_naics_title_and_certifications(registry: Registry, api: Any) -> None:
    body = api("dave").get(f"/api/v1/facilities/{registry.maple.pk}").json()
    assert body["naics"] == "336370"
    assert body["naics_title"] == "Motor vehicle metal stamping"
    assert body["company"] == "Maple Stamping Ltd"
    assert body["municipality"] == "Windsor"
    assert [c["standard"] for c in body["certifications"]] == ["IATF 16949"]
    assert body["merged_into_id"] is None and body["deleted"] is False


def test_imported_rows_are_for_participants_only(registry: Registry, api: Any) -> None:
    url = f"/api/v1/facilities/{registry.maple.pk}/source-records"
    body = api("erin").get(url).json()
    assert [r["source_id"] for r in body["items"]] == ["W1"]
    assert body["items"][0]["raw"]["postal_code"] == "N8W 1A1"
    response = api("dave").get(url)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"
    assert api("dave").get("/api/v1/review-queue").status_code == 403


def test_the_review_queue_lists_rows_waiting(registry: Registry, api: Any) -> None:
    body = api("bob").get("/api/v1/review-queue").json()
    assert [r["source_id"] for r in body["items"]] == ["W2"]
    assert body["items"][0]["candidate_id"] == registry.maple.pk
    assert body["items"][0]["status"] == "review"


def test_an_editor_cannot_confirm_or_reject(registry: Registry, api: Any) -> None:
    pk = registry.review.pk
    for action in ("confirm", "reject"):
        response = api("alice").post(f"/api/v1/review-queue/{pk}/{action}")
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "forbidden"
    assert api("dave").post(f"/api/v1/review-queue/{pk}/confirm").status_code == 404
    with system_scope("test"):
        assert SourceRecord.objects.get(pk=pk).status == MatchStatus.REVIEW


def test_confirming_merges_and_a_second_decision_is_refused(registry: Registry, api: Any) -> None:
    carol = api("carol")
    response = carol.post(f"/api/v1/review-queue/{registry.review.pk}/confirm")
    assert response.status_code == 200
    merge = response.json()
    assert merge["survivor_id"] == registry.maple.pk
    assert merge["merged_id"] == registry.maple_twin.pk
    assert merge["moved_records"] == [registry.review.pk]
    assert merge["merged_by"] == "carol" and merge["undone_at"] is None
    assert carol.get("/api/v1/review-queue").json()["count"] == 0
    rows = carol.get(f"/api/v1/facilities/{registry.maple.pk}/source-records").json()
    assert {r["source_id"]: r["status"] for r in rows["items"]} == {"W1": "new", "W2": "confirmed"}
    again = carol.post(f"/api/v1/review-queue/{registry.review.pk}/confirm")
    assert again.status_code == 422
    assert again.json()["error"]["code"] == "invalid"
    assert carol.post(f"/api/v1/review-queue/{registry.review.pk}/reject").status_code == 422


def test_rejecting_keeps_the_row_apart(registry: Registry, api: Any) -> None:
    response = api("carol").post(f"/api/v1/review-queue/{registry.review.pk}/reject")
    assert response.status_code == 200
    assert response.json()["status"] == "rejected"
    assert response.json()["facility_id"] == registry.maple_twin.pk
    twin = api("alice").get(f"/api/v1/facilities/{registry.maple_twin.pk}")
    assert twin.status_code == 200


def test_merge_and_undo_round_trip(registry: Registry, api: Any) -> None:
    carol = api("carol")
    survivor, merged = registry.plastics, registry.brakes
    response = carol.post(
        f"/api/v1/facilities/{survivor.pk}/merge",
        {"merged_id": merged.pk},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    merge_id = response.json()["id"]
    assert api("alice").get(f"/api/v1/facilities/{merged.pk}").status_code == 404
    gone = carol.get(f"/api/v1/facilities/{merged.pk}").json()  # the coordinator still sees it
    assert gone["deleted"] is True and gone["merged_into_id"] == survivor.pk
    rows = carol.get(f"/api/v1/facilities/{survivor.pk}/source-records").json()
    assert {r["source_id"] for r in rows["items"]} == {"O1", "O2"}

    assert api("alice").post(f"/api/v1/merges/{merge_id}/undo").status_code == 403
    assert api("dave").post(f"/api/v1/merges/{merge_id}/undo").status_code == 404
    undone = carol.post(f"/api/v1/merges/{merge_id}/undo")
    assert undone.status_code == 200
    assert undone.json()["undone_at"] is not None and undone.json()["undone_by"] == "carol"
    back = api("alice").get(f"/api/v1/facilities/{merged.pk}/source-records").json()
    assert [r["source_id"] for r in back["items"]] == ["O2"]
    assert carol.post(f"/api/v1/merges/{merge_id}/undo").status_code == 422


def test_merge_mistakes_are_422_with_the_field(registry: Registry, api: Any) -> None:
    carol = api("carol")
    url = f"/api/v1/facilities/{registry.plastics.pk}/merge"
    itself = carol.post(url, {"merged_id": registry.plastics.pk}, content_type="application/json")
    assert itself.status_code == 422
    missing = carol.post(url, {"merged_id": 999999}, content_type="application/json")
    assert missing.status_code == 422
    assert missing.json()["error"]["field"] == "merged_id"
    no_body = carol.post(url, {}, content_type="application/json")
    assert no_body.status_code == 422
    assert (
        api("alice")
        .post(url, {"merged_id": registry.brakes.pk}, content_type="application/json")
        .status_code
        == 403
    )
    with system_scope("test"):
        assert not Merge.objects.exists()
        assert Facility.objects.count() == 4


def test_anonymous_callers_get_401(registry: Registry, api: Any) -> None:
    response = api("anonymous").get("/api/v1/facilities")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthenticated"


def test_confirming_against_a_merged_candidate_is_422(
    registry: Registry, world: Any, api: Any
) -> None:
    from corridor.core.history import change_context
    from corridor.registry import services

    with change_context(user=world.carol, source="tests"):
        services.merge_facilities(world.carol, registry.plastics, registry.maple)
    response = api("carol").post(f"/api/v1/review-queue/{registry.review.pk}/confirm")
    assert response.status_code == 422
    assert "merged or removed" in response.json()["error"]["message"]
