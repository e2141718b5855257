"""Linking a fact's recipient to the registry's company of the same name.

Names are compared as the registry's entity resolution normalises them
(``corridor.registry.resolution.names.parse_name``): legal forms, case, accents
and punctuation do not matter ("Acme Stamping Inc." = "ACME STAMPING LTD")."""

from __future__ import annotations

from corridor.core.scoping import system_scope
from corridor.registry.models import Company
from corridor.registry.resolution.names import parse_name


def company_named(name: str | None) -> Company | None:
    """The one live registry company whose normalised name is the recipient's, or None."""
    if not name:
        return None
    wanted = parse_name(name)
    if not wanted.core or not wanted.distinctive:
        return None
    first = wanted.core.split()[0]
    with system_scope("matching a public announcement's recipient to the registry"):
        candidates = Company.objects.filter(name__icontains=first)[:200]
        matches = [c for c in candidates if parse_name(c.name).core == wanted.core]
    return matches[0] if len(matches) == 1 else None
