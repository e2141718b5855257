"""Asks answered in the access matrix (see tests/test_access_matrix.py).

Everyone signed in reads which announcements answer an ask (like the agenda); officers
of member municipalities (alice, bob) and the coordinator (carol) confirm, reject or
link one by hand; the viewers (dave, a partner; erin, a mayor) do not.

World: ``w.answer_ask``, an adopted ask addressed to Ontario, and ``w.answer``, the
matrix's Ontario release (``w.intel_document``) suggested as its answer.
"""

from __future__ import annotations

from typing import Any

from corridor.core.history import change_context
from corridor.core.scoping import system_scope
from corridor.outreach.models import AskResponse, AskStatus, PolicyAsk
from tests.access_rows import Row, everyone, only

OFFICERS = {"alice": 302, "bob": 302, "carol": 302}
OFFICERS_API = {"alice": 200, "bob": 200, "carol": 200}


def build_outreach_answers(w: Any) -> None:
    with system_scope("access matrix fixtures"), change_context(user=w.carol, source="tests"):
        w.answer_ask = PolicyAsk.objects.create(
            theme="capital", title="Match incentives for expansions", ask="Match them.",
            addressed_to="Province of Ontario", owner=w.org_a, status=AskStatus.ADOPTED,
        )  # fmt: skip
        w.answer = AskResponse.objects.create(
            ask=w.answer_ask, document=w.intel_document, fact=w.intel_fact, score=0.7
        )


OUTREACH_ANSWER_PAGES: list[Row] = [
    Row("ask-list", lambda w: "/outreach/agenda/?answered=1", everyone(200)),
    Row("ask-detail", lambda w: f"/outreach/agenda/asks/{w.answer_ask.pk}/", everyone(200)),
    Row(
        "ask-response-link",
        lambda w: "/outreach/agenda/responses/link/",
        only(OFFICERS, 403),
        method="post",
        data=lambda w: {"ask": w.answer_ask.pk, "document": w.intel_document.pk},
    ),
    Row(
        "ask-response-confirm",
        lambda w: f"/outreach/agenda/responses/{w.answer.pk}/confirm/",
        only(OFFICERS, 403),
        method="post",
    ),
    Row(
        "ask-response-reject",
        lambda w: f"/outreach/agenda/responses/{w.answer.pk}/reject/",
        only(OFFICERS, 403),
        method="post",
    ),
]

OUTREACH_ANSWER_API: list[Row] = [
    Row(
        "GET /api/v1/asks/{ask_id}/responses",
        lambda w: f"/api/v1/asks/{w.answer_ask.pk}/responses",
        everyone(200, 401),
    ),
    Row(
        "POST /api/v1/asks/{ask_id}/responses",
        lambda w: f"/api/v1/asks/{w.answer_ask.pk}/responses",
        only({"alice": 201, "bob": 201, "carol": 201}, 403, anonymous=401),
        method="post",
        data=lambda w: {"document_id": w.intel_document.pk},
    ),
    Row(
        "POST /api/v1/ask-responses/{response_id}/confirm",
        lambda w: f"/api/v1/ask-responses/{w.answer.pk}/confirm",
        only(OFFICERS_API, 403, anonymous=401),
        method="post",
    ),
    Row(
        "POST /api/v1/ask-responses/{response_id}/reject",
        lambda w: f"/api/v1/ask-responses/{w.answer.pk}/reject",
        only(OFFICERS_API, 403, anonymous=401),
        method="post",
    ),
]

OUTREACH_ANSWER_API_LISTS: dict[str, Any] = {}
