"""``intel.new-program``: a watched announcement names a funding program Corridor does
not hold, or announces a new program.

Sent to the participants (the people of the member municipalities and of the
coordinator office), in the daily digest unless they chose otherwise, once per
announcement and program: three outlets reporting the same launch (one ``Event``) are
one notification. A fact naming a program Corridor holds (``Fact.funding_program``, see
``program_news.py``) is not news of a program; its facts are on that program's page.
Registered as a listener of ``listeners.on_new_documents`` from ``IntelConfig.ready()``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from corridor.core.scoping import system_scope
from corridor.intel.listeners import on_new_documents
from corridor.intel.models import Document, Fact, FactStatus
from corridor.notifications import Delivery, register_kind
from corridor.notifications.services import notify, participants

KIND = "intel.new-program"

NEW_PROGRAM = re.compile(
    r"\b(launch\w*|new|introduc\w*|creat\w*|unveil\w*|establish\w*|nouveau|nouvelle|lance\w*)\b"
    r"[^.;:]{0,60}?\b(programs?|programmes?|funds?|streams?|initiatives?|fonds)\b",
    re.IGNORECASE,
)


def _key_name(name: str) -> str:
    return " ".join(re.sub(r"[^\w ]", " ", name.lower()).split())[:80]


def programs_in(document: Document, facts: list[Fact]) -> list[tuple[str, str]]:
    """(program, why) for each program the document brings news of."""
    found: dict[str, tuple[str, str]] = {}
    for fact in facts:
        if fact.status == FactStatus.REJECTED or not fact.program:
            continue
        if fact.funding_program_id is None:
            found.setdefault(
                _key_name(fact.program), (fact.program, "a program Corridor does not hold yet")
            )
    head = document.title
    if NEW_PROGRAM.search(head) and not found:
        named = next((f.program for f in facts if f.program), "")
        if named and not any(f.funding_program_id for f in facts if f.program == named):
            found[_key_name(named)] = (named, "a new program")
        elif not named:
            found[_key_name(head)] = (head, "a new program")
    return list(found.values())


def tell(documents: Sequence[Document]) -> int:
    """Notify participants of the programs these documents bring news of; how many made."""
    people: list[Any] | None = None
    made = 0
    for document in documents:
        with system_scope("the facts of a watched announcement"):
            facts = list(Fact.objects.filter(document=document).order_by("position"))
        for program, why in programs_in(document, facts):
            if people is None:
                people = participants()
            anchor = f"e{document.event_id}" if document.event_id else f"d{document.pk}"
            made += len(
                notify(
                    people,
                    KIND,
                    f"New program in the news: {program}",
                    f"{document.title} ({document.source or 'a watched source'}) names "
                    f"{program}, {why}. Add it to the funding programs if officers should "
                    "refer companies to it.",
                    url=f"/intel/documents/{document.pk}/",
                    subject=document,
                    key=f"{KIND}:{anchor}:{_key_name(program)}",
                )
            )
    return made


def register() -> None:
    register_kind(KIND, "A new funding program in the news", Delivery.DIGEST)
    on_new_documents.register(tell)
