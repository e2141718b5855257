"""Filters shared by the registry's list pages and its API, so the two never disagree."""

from collections.abc import Callable
from typing import Annotated, Any

from django.db.models import Q
from django.utils import timezone
from ninja import FilterLookup, FilterSchema
from pydantic import Field

from corridor.core.filtersets import MAX_ID
from corridor.registry.models import Company, Facility

MAX_EMPLOYEES = 10_000_000


def _each_word(value: str | None, match: Callable[[str], Q]) -> Q:
    """Every word of ``value`` must ``match``."""
    query = Q()
    for word in (value or "").split():
        query &= match(word)
    return query


def _words(value: str | None, *fields: str) -> Q:
    """Every word must appear in one of ``fields``."""

    def anywhere(word: str) -> Q:
        either = Q()
        for name in fields:
            either |= Q(**{f"{name}__icontains": word})
        return either

    return _each_word(value, anywhere)


class CompanyFilter(FilterSchema):
    q: str | None = Field(None, max_length=200, description="Words in the company name")

    def filter_q(self, value: str | None) -> Q:
        return _words(value, "name")


class FacilityFilter(FilterSchema):
    q: str | None = Field(
        None, max_length=200, description="Words in the facility's or its company's name"
    )
    municipality: Annotated[int | None, FilterLookup("municipality_id")] = Field(
        None, ge=1, le=MAX_ID, description="Municipality id"
    )
    naics: Annotated[str | None, FilterLookup("naics__startswith")] = Field(
        None, max_length=6, description="NAICS code or its first digits, e.g. 3363"
    )
    tier: str | None = Field(None, max_length=10, description="oem, tier1, tier2, tier3, …")
    employees_min: Annotated[int | None, FilterLookup("employees__gte")] = Field(
        None, ge=0, le=MAX_EMPLOYEES, description="At least this many employees"
    )
    employees_max: Annotated[int | None, FilterLookup("employees__lte")] = Field(
        None, ge=0, le=MAX_EMPLOYEES, description="At most this many employees"
    )
    certification: str | None = Field(
        None,
        max_length=40,
        description="Holds a current certification of this standard, e.g. IATF 16949",
    )

    def filter_q(self, value: str | None) -> Q:
        # Each word as two subqueries, one per table, rather than an OR across the join:
        # each side is then answered by its own name index (registry migration 0003).
        def named(word: str) -> Q:
            facilities = Facility.all_objects.filter(name__icontains=word).values("pk")
            companies = Company.all_objects.filter(name__icontains=word).values("pk")
            return Q(pk__in=facilities) | Q(company_id__in=companies)

        return _each_word(value, named)

    def filter_certification(self, value: str | None) -> Q:
        if not value:
            return Q()
        # One filter() call, so all three conditions apply to the same certification.
        today = timezone.localdate()
        return Q(
            Q(certifications__expires_on__isnull=True) | Q(certifications__expires_on__gte=today),
            certifications__standard=value,
            certifications__deleted_at__isnull=True,
        )

    def filter(self, queryset: Any) -> Any:
        filtered = super().filter(queryset)
        # A facility with two certifications of one standard would be listed twice.
        return filtered.distinct() if self.certification else filtered
