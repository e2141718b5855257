"""The supplier search index: one derived row per live facility (see `search_index.py`)."""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import models

from corridor.core.scoping import ScopedManager
from corridor.registry.models import Facility


class SupplierDoc(models.Model):
    """What supplier search reads for one live (not deleted, not merged) facility.

    Derived from the facility, its company, its capability tags and its
    certifications; kept current by signals and rebuilt by ``corridor
    reindex-suppliers``. Not a domain record: no history, no version. Word
    columns hold normalised tokens between spaces (" die casting "), so that
    "does it contain this word" is the same substring test on every database.
    On SQLite an FTS5 table and an R*Tree follow it through triggers; on
    PostgreSQL a generated ``tsvector`` with a GIN index does (migrations 0003, 0005);
    ``place_key`` orders rows by grid cell (``grid.py``).
    """

    facility = models.OneToOneField(
        Facility, primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    name_terms = models.TextField(help_text="Words of the facility's and its company's name")
    body_terms = models.TextField(help_text="Words of the products and of the capability names")
    direct_keys = models.TextField(help_text="Capabilities tagged or named")
    all_keys = models.TextField(help_text="The same with their ancestors")
    tier = models.CharField(max_length=10, blank=True)
    employees = models.PositiveIntegerField(null=True, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    # the point as a unit vector: distances by + - * only, bit-identical on every database
    x = models.FloatField(null=True, blank=True)
    y = models.FloatField(null=True, blank=True)
    z = models.FloatField(null=True, blank=True)
    doc = models.TextField(help_text="Tokens for the full-text index")
    # the row's key in the full-text index: its grid cell in Morton order, then the id
    place_key = models.BigIntegerField(default=0)

    objects: ClassVar[Any] = ScopedManager()

    class Meta:
        verbose_name = "supplier search row"
        indexes = [
            # the narrow row the search checks: found by place key, no other column read
            models.Index(
                fields=["place_key", "facility", "x", "y", "z", "employees", "tier"],
                name="supplychain_supplierdoc_place",
            )
        ]

    def __str__(self) -> str:
        return f"Search row of facility {self.facility_id}"
