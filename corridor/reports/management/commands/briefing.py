from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from corridor.core.models import Municipality, Organisation
from corridor.core.policy import Actor, MembershipInfo
from corridor.core.scoping import system_scope
from corridor.reports.briefing import render
from corridor.reports.dashboards import BadQuarter, parse_quarter


def briefing_reader() -> Actor:
    """The coordinator office, which reads every municipality's figures (suppressed in print)."""
    with system_scope("the briefing command reads as the coordinator office"):
        office = Organisation.objects.filter(kind="coordinator_office").order_by("pk").first()
    if office is None:
        raise CommandError("No coordinator office exists yet: run `corridor demo` or add one.")
    membership = MembershipInfo(office.pk, "coordinator_office", "coordinator", None)
    return Actor(user_id=0, username="corridor briefing", memberships=(membership,))


class Command(BaseCommand):
    help = (
        "Write the mayors' quarterly briefing as a PDF: the region and each municipality "
        "(or one municipality with --municipality), counts of fewer than 5 companies suppressed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--quarter", required=True, help="The quarter, e.g. 2026Q3.")
        parser.add_argument("--municipality", default="", help="One municipality, by name.")
        parser.add_argument("--out", required=True, help="The PDF file to write.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            quarter = parse_quarter(options["quarter"])
        except BadQuarter as error:
            raise CommandError(f"--quarter: {error}") from None
        place = None
        name = options["municipality"].strip()
        if name:
            with system_scope("finding the municipality named on the command line"):
                place = Municipality.objects.filter(name__iexact=name).first()
                known = list(Municipality.objects.order_by("name").values_list("name", flat=True))
            if place is None:
                raise CommandError(
                    f"--municipality: no municipality is named {name!r}. Known: "
                    + (", ".join(known) or "none yet")
                )
        out = Path(options["out"])
        if not out.parent.exists():
            raise CommandError(f"--out: the folder {out.parent} does not exist.")
        pdf = render(briefing_reader(), quarter, place)
        # write beside the target, then rename: a failed run leaves no half-written file
        fd, tmp = tempfile.mkstemp(dir=out.parent, suffix=".part")
        with os.fdopen(fd, "wb") as handle:
            handle.write(pdf)
        os.replace(tmp, out)
        where = place.name if place else "the region"
        self.stdout.write(
            f"Wrote the {quarter} briefing for {where} to {out} ({len(pdf):,} bytes)."
        )
