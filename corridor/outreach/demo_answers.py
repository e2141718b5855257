"""Demo of asks answered: Ontario's skills funding for auto workers (a demo announcement
of intelligence) answers the agenda's ask to train the skilled workforce, confirmed by
the coordinator. Corridor's other suggestions are left for an officer to decide.

Called at the end of outreach's demo (``corridor/outreach/demo.py``), which runs after
intelligence's (the announcements), when the asks exist. Idempotent."""

from __future__ import annotations

from collections.abc import Callable

from corridor.core.history import change_context
from corridor.core.models import User
from corridor.core.scoping import system_scope
from corridor.intel.models import Document
from corridor.outreach import answers
from corridor.outreach.models import AskResponse, PolicyAsk, ResponseStatus

ANNOUNCEMENT = "Ontario skills funding for auto workers"
ASK_THEME = "workforce"


def build_demo_answers(say: Callable[[str], None]) -> None:
    with system_scope("demo: the agenda's answers"):
        coordinator = User.objects.filter(username="coordinator").first()
        document = Document.objects.filter(title=ANNOUNCEMENT, is_demo=True).first()
        ask = (
            PolicyAsk.objects.filter(theme=ASK_THEME, status__in=answers.ANSWERABLE)
            .order_by("pk")
            .first()
        )
        if coordinator is None or document is None or ask is None:
            return  # no demo agenda or announcements here: nothing to tell
        for pk in Document.objects.filter(is_demo=True).values_list("pk", flat=True):
            answers.suggest_for_document(pk)
        with change_context(user=coordinator, source="demo"):
            answers.link(
                coordinator,
                ask,
                document,
                note="The Skills Development Fund's training projects answer the ask.",
            )
        confirmed = AskResponse.objects.filter(status=ResponseStatus.CONFIRMED).count()
        suggested = AskResponse.objects.filter(status=ResponseStatus.SUGGESTED).count()
    say(f"Asks answered: {confirmed} confirmed, {suggested} suggested for an officer to decide")
