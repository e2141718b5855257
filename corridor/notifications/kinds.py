"""The kinds of notification, registered by the capabilities that produce them."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models


class Delivery(models.TextChoices):
    """How a person wants one kind of notification."""

    OFF = "off", "Off"
    APP = "app", "In Corridor only"
    AT_ONCE = "at_once", "In Corridor and by e-mail at once"
    DIGEST = "digest", "In Corridor and in the daily e-mail digest"


@dataclass(frozen=True, slots=True)
class Kind:
    slug: str
    label: str
    default: Delivery


_kinds: dict[str, Kind] = {}


def register_kind(slug: str, label: str, default: str = Delivery.DIGEST) -> Kind:
    """Declare a kind of notification (from the producing app's AppConfig.ready())."""
    kind = Kind(slug, label, Delivery(default))
    _kinds[slug] = kind
    return kind


def kind(slug: str) -> Kind:
    try:
        return _kinds[slug]
    except KeyError:
        raise LookupError(
            f"No notification kind {slug!r}: register it with notifications.register_kind"
        ) from None


def all_kinds() -> list[Kind]:
    """Every registered kind, by label."""
    return sorted(_kinds.values(), key=lambda k: k.label)
