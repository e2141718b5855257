"""``{% document_ask_answers document %}``: on an announcement's page, the asks of the
common agenda it answers (confirmed or suggested), and for officers a form to link it to
an ask by hand. A template tag, so that intelligence never imports outreach."""

from __future__ import annotations

from typing import Any

from django import template

from corridor.core import policy
from corridor.outreach import answers
from corridor.outreach.models import AGENDA_STATUSES, AskResponse, PolicyAsk, ResponseStatus

register = template.Library()


@register.inclusion_tag("outreach/_document_answers.html", takes_context=True)
def document_ask_answers(context: Any, document: Any) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not policy.can_view(user, AskResponse):
        return {"show": False}
    linked = [
        (r, answers.commitment(r))
        for r in answers.responses(user)
        .filter(document=document)
        .exclude(status=ResponseStatus.REJECTED)
    ]
    may_link = policy.can_create(user, AskResponse)
    asks = (
        list(
            policy.visible(user, PolicyAsk)
            .filter(status__in=AGENDA_STATUSES)
            .order_by("theme", "title", "pk")
        )
        if may_link
        else []
    )
    return {
        "show": True,
        "document": document,
        "linked": linked,
        "asks": asks,
        "may_link": may_link,
        "csrf_token": context.get("csrf_token"),
    }
