"""The panels of a facility's page: each capability registers its own.

Core and the registry know no capability: an app adds its panel from its
``AppConfig.ready()``::

    facility_panels.register("calls", "calls/_facility_calls.html", facility_calls, order=10)

A panel's builder is called with the request's user, the facility and the page's GET
parameters, and returns what its template reads as ``panel``, or ``None`` when the reader
sees nothing of it (a partner, a merged facility). ``head`` names a template for the
page's ``<head>`` (a stylesheet) included once when the panel is shown. The page shows
the panels in ``order``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

# (user, facility, the page's GET parameters) -> the panel's context, or None
Builder = Callable[[Any, Any, Any], Any]


@dataclass(frozen=True, slots=True)
class PanelKind:
    slug: str
    template: str
    build: Builder
    order: int
    head: str = ""


@dataclass(frozen=True, slots=True)
class Panel:
    slug: str
    template: str
    head: str
    panel: Any


_KINDS: dict[str, PanelKind] = {}


def register(slug: str, template: str, build: Builder, *, order: int, head: str = "") -> None:
    """Add a panel to every facility's page (called once, from an app's ``ready()``)."""
    _KINDS[slug] = PanelKind(slug, template, build, order, head)


def unregister(slug: str) -> None:
    """Take a panel away again (tests that register one of their own)."""
    _KINDS.pop(slug, None)


def kinds() -> list[PanelKind]:
    return sorted(_KINDS.values(), key=lambda k: (k.order, k.slug))


def panels_for(user: Any, facility: Any, query: Any = None) -> list[Panel]:
    """The panels ``user`` sees on ``facility``'s page, in order."""
    shown = []
    for kind in kinds():
        panel = kind.build(user, facility, query)
        if panel is not None:
            shown.append(Panel(kind.slug, kind.template, kind.head, panel))
    return shown
