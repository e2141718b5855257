"""Supplier search: free text, capabilities, certifications, tier, size and distance.

``search_suppliers`` answers from the search index (``search_index.py``,
``search_db.py``): the full-text index (SQLite FTS5, PostgreSQL a GIN-indexed
``tsvector``) holds the rows by place key, so that text and place meet inside it
(``grid.py``); exact conditions on plain columns decide what tokens cannot.
``brute_force`` answers the same question by reading the registry and checking
every facility in Python. Both share one definition of a match and one
ranking, and every step is exact (integer scores, word tests as substring tests,
distances from stored unit vectors with + - * only), so their results are
identical, on SQLite and on PostgreSQL alike.

What a query means:

* the text is read by ``Taxonomy.parse_query`` into concepts; every concept must
  match (AND), each through any of its alternatives (OR): a capability (the
  facility does it or something under it) or a word (in the name, or in its
  products and capability names);
* ``capabilities``: each must be done (descendants count); ``certifications``:
  each must be held and valid on ``on`` (no expiry date counts as valid);
  ``tiers``: any of them; ``min_employees``/``max_employees``: known and inside;
* a centre (``lat``/``lon``) gives distances; with ``radius_km`` only facilities
  within it (great-circle distance) are kept.

Ranking: score (sum over concepts of the best alternative: capability done
directly or word in the name 3, capability through a more specific one 2, word in
the products 1), then distance, then facility id.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.utils import timezone

from corridor.core import policy
from corridor.core.scoping import system_scope
from corridor.registry.models import Certification, Facility, Tier
from corridor.supplychain.grid import bounding_box, chord2, chord2_limit, unit_vector
from corridor.supplychain.search_db import NO_POINT, Search
from corridor.supplychain.search_index import Document, documents_for, km_from_chord2
from corridor.supplychain.taxonomy import Concept, Taxonomy, load_taxonomy

__all__ = ["bounding_box"]  # the box of a circle, for the tests and the views


class QueryError(ValueError):
    """A search that cannot be answered as asked (e.g. a radius without a centre)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


@dataclass
class SupplierQuery:
    text: str = ""
    lat: float | None = None
    lon: float | None = None
    radius_km: float | None = None
    capabilities: list[str] = field(default_factory=list)  # keys; descendants included
    certifications: list[str] = field(default_factory=list)  # standards valid on `on`
    tiers: list[str] = field(default_factory=list)
    min_employees: int | None = None
    max_employees: int | None = None
    on: dt.date | None = None  # the day certifications must be valid (today by default)
    limit: int = 50
    offset: int = 0


@dataclass
class SupplierHit:
    facility_id: int
    score: float
    distance_km: float | None
    reasons: list[str]


@dataclass
class SearchResult:
    hits: list[SupplierHit]
    total: int


# --- the query made concrete --------------------------------------------------------
@dataclass(frozen=True)
class Plan:
    concepts: tuple[Concept, ...]
    tiers: tuple[str, ...]
    certifications: tuple[str, ...]
    min_employees: int | None
    max_employees: int | None
    on: dt.date
    lat: float | None
    lon: float | None
    radius_km: float | None
    centre: tuple[float, float, float] | None
    limit2: float | None  # squared chord of the radius
    bbox: tuple[float, float, float, float] | None  # min_lat, max_lat, min_lon, max_lon
    limit: int
    offset: int


STANDARDS = {s.replace(" ", "").lower(): s for s, _ in Certification.STANDARDS}


def _standard(value: str) -> str:
    return STANDARDS.get(value.replace(" ", "").replace("-", "").lower(), value.strip())


def make_plan(query: SupplierQuery, taxonomy: Taxonomy) -> Plan:
    concepts = list(taxonomy.parse_query(query.text or ""))
    for key in query.capabilities:
        if key not in taxonomy.nodes:
            raise QueryError(f"Unknown capability '{key}'.", "capability")
        concepts.append(Concept(text=taxonomy.label(key), keys=(key,)))
    if (query.lat is None) != (query.lon is None):
        raise QueryError("Give both lat and lon, or neither.", "lat")
    centre = bbox = limit2 = None
    if query.lat is not None and query.lon is not None:
        if not (-90 <= query.lat <= 90 and -180 <= query.lon <= 180):
            raise QueryError("The centre is outside the world.", "lat")
        centre = unit_vector(query.lat, query.lon)
    if query.radius_km is not None:
        if query.lat is None or query.lon is None:
            raise QueryError("A radius needs a centre (lat and lon).", "radius_km")
        if not query.radius_km >= 0:
            raise QueryError("The radius cannot be negative.", "radius_km")
        limit2 = chord2_limit(query.radius_km)
        bbox = bounding_box(query.lat, query.lon, query.radius_km)
    unique: dict[tuple[tuple[str, ...], tuple[str, ...]], Concept] = {}
    for concept in concepts:
        unique.setdefault((concept.keys, concept.terms), concept)
    return Plan(
        concepts=tuple(unique.values()),
        tiers=tuple(sorted(set(query.tiers))),
        certifications=tuple(sorted({_standard(s) for s in query.certifications})),
        min_employees=query.min_employees,
        max_employees=query.max_employees,
        on=query.on or timezone.localdate(),
        lat=query.lat,
        lon=query.lon,
        radius_km=query.radius_km,
        centre=centre,
        limit2=limit2,
        bbox=bbox,
        limit=max(0, query.limit),
        offset=max(0, query.offset),
    )


# --- one definition of a match, in Python ---------------------------------------------
def concept_score(concept: Concept, fields: Any) -> int:
    """0 when the concept does not match; else the score of its best alternative."""
    best = 0
    for key in concept.keys:
        pattern = f" {key} "
        if pattern in fields.direct_keys:
            return 3
        if pattern in fields.all_keys:
            best = 2
    for term in concept.terms:
        pattern = f" {term} "
        if pattern in fields.name_terms:
            return 3
        if pattern in fields.body_terms:
            best = max(best, 1)
    return best


def _valid(certs: Any, standard: str, on: dt.date) -> dt.date | bool | None:
    """The expiry of a valid certificate of ``standard`` (None: no expiry), or False."""
    found: dt.date | bool | None = False
    for std, expires in certs:
        if std == standard and (expires is None or expires >= on):
            if expires is None:
                return None
            if found is False or (isinstance(found, dt.date) and expires > found):
                found = expires
    return found


def matches(doc: Document, plan: Plan) -> tuple[int, float | None] | None:
    """(score, squared chord or None) when ``doc`` answers ``plan``; None otherwise."""
    if plan.tiers and doc.tier not in plan.tiers:
        return None
    if plan.min_employees is not None and (
        doc.employees is None or doc.employees < plan.min_employees
    ):
        return None
    if plan.max_employees is not None and (
        doc.employees is None or doc.employees > plan.max_employees
    ):
        return None
    c2 = None
    if plan.centre is not None and doc.x is not None:
        c2 = chord2((doc.x, doc.y, doc.z), plan.centre)  # type: ignore[arg-type]
    if plan.limit2 is not None and (c2 is None or c2 > plan.limit2):
        return None
    score = 0
    for concept in plan.concepts:
        points = concept_score(concept, doc)
        if not points:
            return None
        score += points
    for standard in plan.certifications:
        if _valid(doc.certifications, standard, plan.on) is False:
            return None
    return score, c2


def rank_key(score: int, c2: float | None, facility_id: int) -> tuple[int, float, int]:
    return (-score, NO_POINT if c2 is None else c2, facility_id)


# --- reasons ------------------------------------------------------------------------
def reasons(
    fields: Any,
    plan: Plan,
    taxonomy: Taxonomy,
    certs: Any,
    c2: float | None,
) -> list[str]:
    out = []
    for concept in plan.concepts:
        out.append(_concept_reason(concept, fields, taxonomy))
    for standard in plan.certifications:
        expires = _valid(certs, standard, plan.on)
        out.append(
            f"{standard} valid until {expires.isoformat()}"
            if isinstance(expires, dt.date)
            else f"{standard} (no expiry recorded)"
        )
    if plan.tiers:
        out.append(str(Tier(fields.tier).label) if fields.tier in Tier.values else fields.tier)
    if plan.min_employees is not None or plan.max_employees is not None:
        out.append(f"{fields.employees} employees")
    if c2 is not None and plan.centre is not None:
        out.append(f"{km_from_chord2(c2):.1f} km away")
    return out


def _concept_reason(concept: Concept, fields: Any, taxonomy: Taxonomy) -> str:
    best: tuple[int, str] = (0, "")
    for key in concept.keys:
        label = taxonomy.label(key)
        if f" {key} " in fields.direct_keys:
            best = max(best, (3, f"does {label}"))
        elif f" {key} " in fields.all_keys:
            under = sorted(
                taxonomy.label(k)
                for k in taxonomy.descendants(key)
                if k != key and f" {k} " in fields.direct_keys
            )
            best = max(best, (2, f"does {', '.join(under) or label} ({label})"))
    for term in concept.terms:
        if f" {term} " in fields.name_terms:
            best = max(best, (3, f"“{term}” in the name"))
        elif f" {term} " in fields.body_terms:
            best = max(best, (1, f"“{term}” in its products or capabilities"))
    typed = f" (typed “{concept.corrected_from}”)" if concept.corrected_from else ""
    return best[1] + typed


# --- brute force: the reference -----------------------------------------------------
def load_documents(user: Any, taxonomy: Taxonomy | None = None) -> list[Document]:
    """The search rows of every facility ``user`` may see, built from the registry."""
    taxonomy = taxonomy or load_taxonomy()
    ids = sorted(
        policy.visible(user, Facility).filter(merged_into__isnull=True).values_list("pk", flat=True)
    )
    docs: list[Document] = []
    with system_scope("supplier search: the brute-force reference"):
        for start in range(0, len(ids), 2000):
            docs.extend(documents_for(ids[start : start + 2000], taxonomy))
    return docs


def scan(docs: list[Document], plan: Plan, taxonomy: Taxonomy) -> SearchResult:
    """Check every document in Python (the reference the index is tested against)."""
    found = []
    for doc in docs:
        outcome = matches(doc, plan)
        if outcome is not None:
            found.append((rank_key(outcome[0], outcome[1], doc.facility_id), outcome, doc))
    found.sort(key=lambda item: item[0])
    page = found[plan.offset : plan.offset + plan.limit]
    hits = [
        SupplierHit(
            facility_id=doc.facility_id,
            score=float(score),
            distance_km=km_from_chord2(c2) if c2 is not None else None,
            reasons=reasons(doc, plan, taxonomy, doc.certifications, c2),
        )
        for _key, (score, c2), doc in page
    ]
    return SearchResult(hits=hits, total=len(found))


def brute_force(user: Any, query: SupplierQuery) -> SearchResult:
    """The same search as ``search_suppliers``, by a plain Python scan of the registry."""
    taxonomy = load_taxonomy()
    plan = make_plan(query, taxonomy)
    return scan(load_documents(user, taxonomy), plan, taxonomy)


# --- the indexed search (search_db.py) ---------------------------------------------------
_UNRESTRICTED = object()


def _visibility(user: Any) -> tuple[str, list[Any]] | object | None:
    """None: the user sees nothing; _UNRESTRICTED: every live facility; else a subquery."""
    try:
        sql, params = policy.visible(user, Facility).order_by().values("pk").query.sql_with_params()
    except EmptyResultSet:
        return None
    live = Facility.objects.order_by().values("pk")
    for same in (live, live.filter(deleted_at__isnull=True)):
        if (sql, tuple(params)) == same.query.sql_with_params():
            return _UNRESTRICTED  # the index holds exactly the live facilities
    return sql, list(params)


def search_suppliers(user: Any, query: SupplierQuery) -> SearchResult:
    """Facilities ``user`` may see that answer ``query``, best first (see the module doc)."""
    taxonomy = load_taxonomy()
    plan = make_plan(query, taxonomy)
    visibility = _visibility(user)
    if visibility is None:
        return SearchResult(hits=[], total=0)
    rows, total = Search(plan, visibility).run()
    hits = [
        SupplierHit(
            facility_id=r.facility_id,
            score=float(r.score),
            distance_km=km_from_chord2(r.c2) if r.c2 is not None else None,
            reasons=reasons(r, plan, taxonomy, r.certifications, r.c2),
        )
        for r in rows
    ]
    return SearchResult(hits=hits, total=total)


# --- centres ------------------------------------------------------------------------
def centre_of_municipality(municipality_id: int, user: Any = None) -> tuple[float, float]:
    """The municipality's point; with ``user``, only a municipality they may see."""
    from corridor.core.models import Municipality

    if user is None:
        with system_scope("supplier search: centre of a municipality"):
            place = Municipality.objects.filter(pk=municipality_id).first()
    else:
        place = policy.visible(user, Municipality).filter(pk=municipality_id).first()
    if place is None or place.latitude is None or place.longitude is None:
        raise QueryError("No such municipality, or it has no point.", "municipality")
    return float(place.latitude), float(place.longitude)


def centre_of_facility(facility_id: int, user: Any = None) -> tuple[float, float]:
    """The facility's point; with ``user``, only a facility they may see."""
    if user is None:
        with system_scope("supplier search: centre of a facility"):
            plant = Facility.objects.filter(pk=facility_id).first()
    else:
        plant = policy.visible(user, Facility).filter(pk=facility_id).first()
    if plant is None or plant.latitude is None or plant.longitude is None:
        raise QueryError("No such facility, or it has no point.", "facility")
    return plant.latitude, plant.longitude
