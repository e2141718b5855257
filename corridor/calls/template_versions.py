"""Publishing versions of the common template."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max

from corridor.calls.answers import TemplateError, read_sections
from corridor.calls.models import CallTemplate
from corridor.core import policy
from corridor.core.scoping import system_scope

FIRST_VERSION = Path(__file__).with_name("data") / "template_v1.json"


def first_version_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FIRST_VERSION.read_text(encoding="utf-8"))
    return data


def ensure_first_version(model: Any = CallTemplate) -> None:
    """Version 1 as shipped, unless it exists (``model`` may be a migration's historical one)."""
    manager = model._base_manager
    if not manager.filter(number=1).exists():
        data = first_version_data()
        manager.create(
            number=1, title=data["title"], sections=data["sections"], change_note=data["source"]
        )


def current_template() -> CallTemplate:
    """The latest published version (new calls are made on it)."""
    with system_scope("the common template is public to signed-in users"):
        template = CallTemplate.objects.order_by("-number").first()
    if template is None:
        raise CallTemplate.DoesNotExist(
            "No call template has been published; run `corridor migrate`."
        )
    return template


def publish_template(user: Any, title: str, sections: Any, change_note: str = "") -> CallTemplate:
    """Publish a new version; calls already made keep the version they were made on."""
    if not policy.can_create(user, CallTemplate):
        raise PermissionDenied("Only the coordinator publishes the common template.")
    try:
        read_sections(sections)
    except TemplateError as error:
        raise ValidationError({"sections": str(error)}) from None
    if not title.strip():
        raise ValidationError({"title": "A template needs a title."})
    with system_scope("numbering template versions"), transaction.atomic():
        last = CallTemplate.objects.select_for_update().aggregate(n=Max("number"))["n"] or 0
        return CallTemplate.objects.create(
            number=last + 1,
            title=title.strip(),
            sections=sections,
            change_note=change_note,
            published_by=user,
        )
