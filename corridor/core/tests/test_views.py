"""The pages of organisations, history and accounts, as people use them."""

from typing import Any

from corridor.core import policy
from corridor.core.models import ApiToken, Organisation


def test_the_home_page_shows_the_users_organisation_and_every_capability(as_user: Any) -> None:
    page = as_user("alice").get("/").content.decode()
    assert "Windsor Economic Development" in page
    assert "as <strong>editor</strong>" in page
    from corridor.core.navigation import CAPABILITIES

    for capability in CAPABILITIES:
        assert capability.title in page


def test_a_capability_not_yet_built_says_so(as_user: Any, monkeypatch: Any) -> None:
    from corridor.core.navigation import Capability
    from corridor.core.views import home

    later = Capability("later", "Later", "A capability still to come.")
    monkeypatch.setitem(home.PLANNED, "later", later)
    response = as_user("alice").get("/later/")
    assert response.status_code == 200
    assert "Not yet available" in response.content.decode()
    assert as_user("alice").get("/no-such-thing/").status_code == 404


def test_signing_in_leads_home(world: Any, client: Any) -> None:
    response = client.post("/login/", {"username": "alice", "password": "a-long-test-password"})
    assert response.status_code == 302 and response.url == "/"


def test_pages_send_visitors_to_sign_in(client: Any, world: Any) -> None:
    response = client.get("/organisations/")
    assert response.status_code == 302
    assert response.url.startswith("/login/?next=")


def test_the_organisation_list_filters_by_kind_and_name(as_user: Any) -> None:
    page = as_user("alice").get("/organisations/", {"kind": "association"}).content.decode()
    assert "APMA" in page or "Automotive Parts" in page
    assert "Oshawa Economic Development" not in page
    page = as_user("alice").get("/organisations/", {"q": "oshawa"}).content.decode()
    assert "Oshawa Economic Development" in page
    assert "Windsor Economic Development" not in page


def test_the_organisation_list_maps_municipalities(as_user: Any) -> None:
    page = as_user("dave").get("/organisations/").content.decode()
    assert "data-map" in page
    assert '"lat": 42.3149' in page


def test_an_editor_edits_their_organisation_and_the_change_is_shown(
    world: Any, as_user: Any
) -> None:
    client = as_user("alice")
    form = client.get(f"/organisations/{world.org_a.pk}/edit/").content.decode()
    assert f'<a href="/organisations/{world.org_a.pk}/">Cancel</a>' in form
    response = client.post(
        f"/organisations/{world.org_a.pk}/edit/",
        {
            "name": world.org_a.name,
            "short_name": "Windsor",
            "website": "https://example.ca",
            "description": "Gateway to Detroit",
            "loaded_version": world.org_a.version,
        },
    )
    assert response.status_code == 302
    history = client.get(f"/history/core/organisation/{world.org_a.pk}/").content.decode()
    assert "Gateway to Detroit" in history
    assert "alice" in history


def test_a_stale_form_shows_a_conflict_and_keeps_the_other_edit(world: Any, as_user: Any) -> None:
    stale_version = world.org_a.version
    as_user("carol").post(
        f"/organisations/{world.org_a.pk}/edit/",
        {
            "name": world.org_a.name,
            "short_name": "By Carol",
            "kind": "municipality",
            "municipality": world.windsor.pk,
            "website": "",
            "description": "",
            "loaded_version": stale_version,
        },
    )
    response = as_user("alice").post(
        f"/organisations/{world.org_a.pk}/edit/",
        {
            "name": world.org_a.name,
            "short_name": "By Alice",
            "website": "",
            "description": "",
            "loaded_version": stale_version,
        },
    )
    assert response.status_code == 200
    assert "changed by someone else" in response.content.decode()
    org = policy.visible(world.carol, Organisation).get(pk=world.org_a.pk)
    assert org.short_name == "By Carol"


def test_another_municipality_cannot_edit_by_url(world: Any, as_user: Any) -> None:
    assert as_user("bob").get(f"/organisations/{world.org_a.pk}/edit/").status_code == 403
    response = as_user("bob").post(
        f"/organisations/{world.org_a.pk}/edit/",
        {"name": "Taken", "loaded_version": world.org_a.version},
    )
    assert response.status_code == 403


def test_the_coordinator_deletes_and_restores_an_organisation(world: Any, as_user: Any) -> None:
    carol = as_user("carol")
    carol.post(f"/organisations/{world.org_b.pk}/delete/")
    assert as_user("alice").get(f"/organisations/{world.org_b.pk}/").status_code == 404
    page = carol.get(f"/organisations/{world.org_b.pk}/").content.decode()
    assert "Deleted" in page and "Restore" in page
    carol.post(f"/organisations/{world.org_b.pk}/restore/")
    assert as_user("alice").get(f"/organisations/{world.org_b.pk}/").status_code == 200


def test_an_editor_cannot_delete(world: Any, as_user: Any) -> None:
    assert as_user("alice").post(f"/organisations/{world.org_a.pk}/delete/").status_code == 403


def test_a_user_creates_a_token_sees_it_once_and_revokes_it(world: Any, as_user: Any) -> None:
    client = as_user("alice")
    page = client.post("/account/", {"name": "GIS sync"}).content.decode()
    assert "cor_" in page and "will not be shown again" in page
    token = policy.visible(world.alice, ApiToken).get()
    assert "cor_" not in client.get("/account/").content.decode().split("new-token")[0][-50:]
    client.post(f"/account/tokens/{token.pk}/revoke/")
    token.refresh_from_db()
    assert not token.is_active


def test_nobody_revokes_anothers_token(world: Any, as_user: Any) -> None:
    token, _ = ApiToken.issue(world.alice)
    assert as_user("carol").post(f"/account/tokens/{token.pk}/revoke/").status_code == 404


def test_the_change_log_filters_by_action(world: Any, as_user: Any) -> None:
    world.org_b.delete()
    page = as_user("carol").get("/changes/", {"action": "delete"}).content.decode()
    assert "Oshawa Economic Development" in page
    assert "Windsor Economic Development" not in page


def test_a_null_character_in_a_page_search_is_refused_clearly(as_user: Any) -> None:
    response = as_user("alice").get("/organisations/", {"q": "\x00"})
    assert response.status_code == 400
    assert "null character" in response.content.decode()
