"""Linking a fact to what Corridor already holds: its recipient to the registry's company
of the same name, and the program it names to a funding program.

Company names are compared as the registry's entity resolution normalises them
(``corridor.registry.resolution.names.parse_name``): legal forms, case, accents
and punctuation do not matter ("Acme Stamping Inc." = "ACME STAMPING LTD"). Programs
are found by any name they go by (``corridor.programs.names``); a fact that names no
program but whose funder is a program ("NGen invested ...") is linked through its funder."""

from __future__ import annotations

from corridor.core.scoping import system_scope
from corridor.programs.models import FundingProgram
from corridor.programs.names import ProgramNames
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


def program_names() -> ProgramNames:
    """Every funding program's names, read once for a batch of facts."""
    with system_scope("matching announcements to the funding programs Corridor holds"):
        return ProgramNames(FundingProgram.objects.all())


def program_named(
    program: str | None, funder: str | None, names: ProgramNames | None = None
) -> FundingProgram | None:
    names = names or program_names()
    return names.find(program) or names.find(funder)
