"""The API: token auth, /me, pagination, one error format, versioned edits."""

from typing import Any

import pytest
from django.test import Client, override_settings

from corridor.core.models import ApiToken


@pytest.fixture
def token_client(world: Any) -> Any:
    def make(user: Any) -> Client:
        _, token = ApiToken.issue(user)
        return Client(HTTP_AUTHORIZATION=f"Bearer {token}")

    return make


def test_me_returns_the_user_and_memberships(world: Any, token_client: Any) -> None:
    body = token_client(world.alice).get("/api/v1/me").json()
    assert body["username"] == "alice"
    assert body["is_coordinator"] is False
    assert body["memberships"] == [
        {
            "organisation_id": world.org_a.pk,
            "organisation": "Windsor Economic Development",
            "organisation_kind": "municipality",
            "role": "editor",
        }
    ]


def test_no_token_gives_the_error_format(world: Any) -> None:
    response = Client().get("/api/v1/me")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthenticated"
    assert set(response.json()["error"]) == {"code", "message", "field"}


def test_a_revoked_token_no_longer_works(world: Any) -> None:
    record, token = ApiToken.issue(world.alice)
    client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    assert client.get("/api/v1/me").status_code == 200
    record.revoke()
    assert client.get("/api/v1/me").status_code == 401


def test_the_browser_session_also_works(as_user: Any) -> None:
    assert as_user("bob").get("/api/v1/me").json()["username"] == "bob"


def test_lists_are_paginated(world: Any, token_client: Any) -> None:
    body = token_client(world.alice).get("/api/v1/organisations?page_size=3&page=2").json()
    assert body["count"] == 4
    assert body["page"] == 2 and body["pages"] == 2 and body["page_size"] == 3
    assert len(body["items"]) == 1


def test_lists_filter_like_the_pages(world: Any, token_client: Any) -> None:
    body = token_client(world.alice).get("/api/v1/organisations?kind=association").json()
    assert [o["short_name"] for o in body["items"]] == ["APMA"]


def test_a_bad_parameter_names_the_field(world: Any, token_client: Any) -> None:
    response = token_client(world.alice).get("/api/v1/organisations?page=0")
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "page"


def test_an_unknown_id_is_a_404_in_the_error_format(world: Any, token_client: Any) -> None:
    response = token_client(world.alice).get("/api/v1/organisations/999999")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_an_editor_patches_their_organisation_with_its_version(
    world: Any, token_client: Any
) -> None:
    client = token_client(world.alice)
    version = client.get(f"/api/v1/organisations/{world.org_a.pk}").json()["version"]
    response = client.patch(
        f"/api/v1/organisations/{world.org_a.pk}",
        {"version": version, "short_name": "Windsor"},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["short_name"] == "Windsor"
    assert response.json()["version"] == version + 1
    stale = client.patch(
        f"/api/v1/organisations/{world.org_a.pk}",
        {"version": version, "short_name": "YQG"},
        content_type="application/json",
    )
    assert stale.status_code == 409
    assert stale.json()["error"] == {
        "code": "edit_conflict",
        "field": "version",
        "message": stale.json()["error"]["message"],
    }
    history = client.get(f"/api/v1/organisations/{world.org_a.pk}/history").json()
    assert history["items"][0]["after"]["short_name"] == "Windsor"
    assert history["items"][0]["user_name"] == "alice"


def test_another_municipality_cannot_patch(world: Any, token_client: Any) -> None:
    response = token_client(world.bob).patch(
        f"/api/v1/organisations/{world.org_a.pk}",
        {"version": 1, "name": "Mine"},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"


def test_an_invalid_value_names_the_field(world: Any, token_client: Any) -> None:
    response = token_client(world.carol).patch(
        f"/api/v1/organisations/{world.org_a.pk}",
        {"version": world.org_a.version, "name": world.org_b.name},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "name"


def test_the_openapi_document_lists_the_endpoints(client: Any, db: Any) -> None:
    doc = client.get("/api/v1/openapi.json").json()
    assert doc["info"]["title"] == "Corridor API"
    for path in ("/api/v1/me", "/api/v1/organisations", "/api/v1/changes"):
        assert path in doc["paths"]
    assert "BearerToken" in doc["components"]["securitySchemes"]


@override_settings(DEMO_MODE=False)
def test_demo_users_tokens_stop_working_outside_demo_mode(world: Any) -> None:
    world.alice.is_demo = True
    world.alice.save()
    _, token = ApiToken.issue(world.alice)
    assert Client(HTTP_AUTHORIZATION=f"Bearer {token}").get("/api/v1/me").status_code == 401


def test_a_null_character_in_a_search_is_refused_clearly(world: Any, token_client: Any) -> None:
    response = token_client(world.alice).get("/api/v1/organisations", {"q": "win\x00dsor"})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "bad_request"
