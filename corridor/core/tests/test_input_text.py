"""The API's one input rule for text: no NUL, no other C0 control character (tab, line feed
and carriage return are text), no lone surrogate, in any text field of any input schema.
The answer is 422 ``invalid`` naming the field, and nothing is stored. The organisation
page's form refuses a NUL too (Django's own validator) and says so on the form."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from corridor.core.models import ApiToken, ChangeRecord, Organisation
from corridor.core.scoping import system_scope


@pytest.fixture
def carol(world: Any) -> Client:
    _, token = ApiToken.issue(world.carol)
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}")


def _state(org: Organisation) -> tuple[Any, ...]:
    with system_scope("test"):
        fresh = Organisation.objects.get(pk=org.pk)
        return (
            fresh.version,
            fresh.name,
            fresh.short_name,
            fresh.website,
            fresh.description,
            ChangeRecord.objects.count(),
        )


@pytest.mark.parametrize("field", ["name", "short_name", "website", "description"])
@pytest.mark.parametrize("bad", ["Wind\x00sor", "Wind\x1bsor", "\x07", "Windsor\x7f\x01"])
def test_a_control_character_in_an_organisation_patch_is_refused_naming_the_field(
    world: Any, carol: Client, field: str, bad: str
) -> None:
    before = _state(world.org_a)
    response = carol.patch(
        f"/api/v1/organisations/{world.org_a.pk}",
        {"version": world.org_a.version, field: bad},
        content_type="application/json",
    )
    assert response.status_code == 422, response.content
    error = response.json()["error"]
    assert (error["code"], error["field"]) == ("invalid", field)
    assert "control character" in error["message"]
    assert "Value error" not in error["message"]
    assert _state(world.org_a) == before


def test_a_lone_surrogate_is_refused_naming_the_field(world: Any, carol: Client) -> None:
    before = _state(world.org_a)
    body = f'{{"version": {world.org_a.version}, "description": "half \\ud800 a character"}}'
    response = carol.patch(
        f"/api/v1/organisations/{world.org_a.pk}", body, content_type="application/json"
    )
    assert response.status_code == 422, response.content
    assert response.json()["error"]["field"] == "description"
    assert _state(world.org_a) == before


def test_tabs_and_line_breaks_are_text(world: Any, carol: Client) -> None:
    text = "Line one\r\nLine two\n\tindented, café, 汽车"
    response = carol.patch(
        f"/api/v1/organisations/{world.org_a.pk}",
        json.dumps({"version": world.org_a.version, "description": text}),
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["description"] == text


def test_text_inside_a_list_is_checked_too(world: Any, carol: Client) -> None:
    """A list of strings (here a message's evidence keys) follows the same rule."""
    response = carol.post(
        "/api/v1/messages",
        {
            "theme": "jobs",
            "title": "Jobs",
            "summary": "s",
            "talking_points": "t",
            "evidence": ["jobs\x00"],
        },
        content_type="application/json",
    )
    assert response.status_code == 422, response.content
    assert response.json()["error"]["field"] == "evidence"
    assert "control character" in response.json()["error"]["message"]


def test_the_organisation_page_refuses_a_nul_on_the_form(world: Any, as_user: Any) -> None:
    """Django's CharField carries ProhibitNullCharactersValidator: the form says so, no 500."""
    before = _state(world.org_a)
    response = as_user("alice").post(
        f"/organisations/{world.org_a.pk}/edit/",
        {
            "loaded_version": world.org_a.version,
            "name": "Windsor\x00 Economic Development",
            "short_name": "",
            "website": "",
            "description": "",
        },
    )
    assert response.status_code == 200
    assert "Null characters are not allowed." in response.content.decode()
    assert _state(world.org_a) == before
