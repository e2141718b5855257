"""``{% also_reported document as others %}``: the other documents of a document's event
that the signed-in person may see (the line "Also reported by …" on a document's page)."""

from __future__ import annotations

from typing import Any

from django import template

from corridor.core import policy
from corridor.intel.events import others_in_event
from corridor.intel.models import Document

register = template.Library()


@register.simple_tag(takes_context=True)
def also_reported(context: Any, document: Document) -> list[Document]:
    request = context.get("request")
    if request is None or not getattr(document, "event_id", None):
        return []
    return others_in_event(document, policy.visible(request.user, Document))
