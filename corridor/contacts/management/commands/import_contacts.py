from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Q

from corridor.contacts.importing import check_file, import_contacts
from corridor.core.history import change_context
from corridor.core.models import Organisation
from corridor.core.scoping import system_scope
from corridor.registry.sheets import ImportFileError

RECORDERS = ("municipality", "coordinator_office")


def _organisation(given: str) -> Organisation:
    with system_scope("import-contacts: the recording organisation"):
        recorders = Organisation.objects.filter(kind__in=RECORDERS)
        if given.isdigit():
            found = list(recorders.filter(pk=int(given)))
        else:
            found = list(recorders.filter(Q(name__iexact=given) | Q(short_name__iexact=given)))
            found = found or list(recorders.filter(name__icontains=given))
        if len(found) == 1:
            return found[0]
        names = "; ".join(o.name for o in (found or recorders.order_by("name"))[:12])
    raise CommandError(
        f"--organisation {given!r} names {'several' if found else 'no'} municipality or "
        f"coordinator office ({names}). Give its exact name or id."
    )


class Command(BaseCommand):
    help = (
        "Import a contact list (CSV or XLSX) for one municipality: every row is checked "
        "first, and nothing is written unless every row is right. Required columns: name, "
        "and company or company_id; see docs/contacts.md."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--organisation",
            required=True,
            help="The municipality (or the coordinator office) that recorded these people: "
            "its name, short name or id",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the file and say what it would add"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = _organisation(options["organisation"])
        path = options["path"]
        try:
            with change_context(source="command:import-contacts"):
                if options["dry_run"]:
                    report = check_file(path, organisation)
                else:
                    report = import_contacts(path, organisation)
        except ImportFileError as exc:
            raise CommandError(f"{exc} Nothing was imported.") from exc
        for error in report.errors[:50]:
            self.stderr.write(f"  {error}")
        if len(report.errors) > 50:
            self.stderr.write(f"  … and {len(report.errors) - 50} more problems")
        if report.errors:
            raise CommandError(report.summary())
        for outcome in report.skipped:
            self.stdout.write(f"  row {outcome.row}: {outcome.skipped}, skipped")
        self.stdout.write(report.summary())
