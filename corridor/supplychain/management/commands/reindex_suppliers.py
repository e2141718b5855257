from __future__ import annotations

import sys
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from tqdm import tqdm

from corridor.core.history import change_context
from corridor.core.scoping import system_scope


class Command(BaseCommand):
    help = (
        "Re-read every facility's products into its capability tags and rebuild the "
        "supplier search index (after upgrading, or after editing the taxonomy)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--no-retag", action="store_true", help="Only rebuild the index; leave the tags"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from corridor.registry.models import Facility
        from corridor.supplychain.search_index import rebuild_index
        from corridor.supplychain.signals import batched_updates
        from corridor.supplychain.taxonomy import tag_from_products

        started = time.perf_counter()
        with change_context(source="command:reindex-suppliers"):
            if not options["no_retag"]:
                with system_scope("reindex-suppliers: tags from products"), batched_updates():
                    ids = list(Facility.objects.values_list("pk", flat=True))
                    added, removed = tag_from_products(ids)
                self.stdout.write(f"Tags from products: {added} added, {removed} removed.")
            bar = tqdm(unit="facility", desc="Indexing", disable=not sys.stderr.isatty())

            def progress(done: int, total: int) -> None:
                bar.total = total
                bar.update(done - bar.n)

            try:
                written = rebuild_index(progress=progress)
            finally:
                bar.close()
        seconds = time.perf_counter() - started
        self.stdout.write(f"Indexed {written} facilities in {seconds:.1f} s.")
