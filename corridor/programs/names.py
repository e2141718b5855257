"""Finding a funding program by any name it goes by.

Open-data rows, Corridor's own project files and news announcements name programs in
many ways: "Ontario Automotive Modernization Program (O-AMP)", "O-AMP", "OAMP", "the
Strategic Innovation Fund". ``ProgramNames`` reads every program's key, name, short
name and aliases once and finds the program of a name as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from corridor.programs.models import FundingProgram

_PARENTHESES = re.compile(r"^(?P<outside>.*?)\s*\((?P<inside>[^)]+)\)\s*$")


def _key(name: str) -> str:
    text = " ".join(name.replace("’", "'").split()).casefold()
    return text[4:] if text.startswith("the ") else text


def spellings(name: str) -> list[str]:
    """The name as written, then the parts of "Full Name (ACRONYM)": the acronym, the name."""
    found = [name]
    match = _PARENTHESES.match(name.strip())
    if match:
        found += [match["inside"], match["outside"]]
    return [n for n in found if n.strip()]


class ProgramNames:
    def __init__(self, programs: Iterable[FundingProgram]) -> None:
        self.by_name: dict[str, FundingProgram] = {}
        for program in programs:
            for name in [program.key, *program.names()]:
                self.by_name.setdefault(_key(name), program)

    def find(self, name: str | None) -> FundingProgram | None:
        for spelling in spellings(name or ""):
            program = self.by_name.get(_key(spelling))
            if program is not None:
                return program
        return None
