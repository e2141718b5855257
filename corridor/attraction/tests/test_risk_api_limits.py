"""An id too large for the database is an unknown facility, not a server error."""

from __future__ import annotations

from typing import Any

from corridor.core.models import ApiToken


def test_dismissing_a_facility_whose_id_is_too_large_answers_404(world: Any) -> None:
    from django.test import Client

    _, token = ApiToken.issue(world.alice, "tests")
    response = Client(HTTP_AUTHORIZATION=f"Bearer {token}").post(
        f"/api/v1/at-risk/{2**80}/dismiss",
        {"reason": "Signed a new lease"},
        content_type="application/json",
    )
    assert response.status_code == 404
