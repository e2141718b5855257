from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from corridor.intel.ingesting import extract_file
from corridor.intel.readers import UnreadableDocument


class Command(BaseCommand):
    help = (
        "Print the facts (investments and policy allocations) of one document without "
        "adding it to Corridor. --json prints a JSON list (see docs/intel.md)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--json", action="store_true", help="a JSON list of facts")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        try:
            facts = extract_file(path)
        except UnreadableDocument as exc:
            raise CommandError(str(exc)) from exc
        if options["json"]:
            for fact in facts:
                fact.pop("confidence", None)
            self.stdout.write(json.dumps(facts, ensure_ascii=False, indent=2))
            return
        if not facts:
            self.stdout.write("No investment or policy allocation found.")
        for fact in facts:
            amount = fact["amount_cad"]
            self.stdout.write(
                f"{fact['kind']}: {fact['funder'] or '?'} -> {fact['recipient'] or '-'}: "
                f"{fact['currency']} {amount:,} ({fact['date'] or 'no date'}, "
                f"{fact['jurisdiction'] or '?'}; confidence {fact['confidence']})"
            )
            self.stdout.write(f"    {fact['sentence']}")
