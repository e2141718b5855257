"""What the news says about a funding program: the facts Corridor read from announcements
that name it. Shown on the program's page (``corridor/programs/views/programs.py``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from corridor.core import policy
from corridor.intel.models import Fact, FactStatus
from corridor.intel.views.common import money

NEWS_ROWS = 20


@dataclass(frozen=True, slots=True)
class NewsLine:
    fact: Fact
    amount: str


def program_news(user: Any, program: Any) -> list[NewsLine]:
    """The newest facts the user may see that name ``program`` (rejected ones left out)."""
    facts = (
        policy.visible(user, Fact)
        .filter(funding_program=program)
        .exclude(status=FactStatus.REJECTED)
        .select_related("document")
        .order_by("-date", "-pk")[:NEWS_ROWS]
    )
    return [NewsLine(f, money(f.amount_cad, f.currency)) for f in facts]
