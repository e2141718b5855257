"""Supplier search: free text, capabilities, certifications, tier, size and distance.

``search_suppliers`` answers from the search index (``search_index.py``): on SQLite
an FTS5 table and an R*Tree choose the candidates, on PostgreSQL a GIN-indexed
``tsvector`` and a btree on (latitude, longitude); then exact conditions on plain columns
decide. ``brute_force`` answers the same question by reading the registry and
checking every facility in Python. Both share one definition of a match and one
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
import math
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.utils import timezone

from corridor.core import policy
from corridor.core.scoping import system_scope
from corridor.registry.models import Certification, Facility, Tier
from corridor.supplychain.search_index import (
    EARTH_RADIUS_KM,
    Document,
    cert_token,
    chord2,
    chord2_limit,
    documents_for,
    key_token,
    km_from_chord2,
    tier_token,
    unit_vector,
)
from corridor.supplychain.taxonomy import Concept, Taxonomy, load_taxonomy

NO_POINT = 9.0  # sorts after every squared chord (at most 4)
BBOX_MARGIN_DEG = 1e-6


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
    centre: tuple[float, float, float] | None
    limit2: float | None  # squared chord of the radius
    bbox: tuple[float, float, float, float] | None  # min_lat, max_lat, min_lon, max_lon
    limit: int
    offset: int


STANDARDS = {s.replace(" ", "").lower(): s for s, _ in Certification.STANDARDS}


def _standard(value: str) -> str:
    return STANDARDS.get(value.replace(" ", "").replace("-", "").lower(), value.strip())


def bounding_box(lat: float, lon: float, radius_km: float) -> tuple[float, float, float, float]:
    """A latitude/longitude box holding every point within ``radius_km`` (a little more)."""
    angle = radius_km / EARTH_RADIUS_KM
    dlat = math.degrees(angle) * 1.000001 + BBOX_MARGIN_DEG
    min_lat, max_lat = lat - dlat, lat + dlat
    if min_lat <= -90 or max_lat >= 90 or angle >= math.pi / 2:
        return (max(min_lat, -90.0), min(max_lat, 90.0), -180.0, 180.0)
    ratio = math.sin(angle) / math.cos(math.radians(lat))
    if ratio >= 1:
        return (min_lat, max_lat, -180.0, 180.0)
    dlon = math.degrees(math.asin(ratio)) * 1.000001 + BBOX_MARGIN_DEG
    return (min_lat, max_lat, lon - dlon, lon + dlon)


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


# --- the indexed search ---------------------------------------------------------------
@dataclass
class _Row:
    facility_id: int
    score: int
    c2: float | None
    name_terms: str
    body_terms: str
    direct_keys: str
    all_keys: str
    tier: str
    employees: int | None
    certifications: list[tuple[str, dt.date | None]]


class _Sql:
    """The WHERE clause, score and distance of a plan, for one database."""

    def __init__(self, plan: Plan, vendor: str) -> None:
        self.plan = plan
        self.pg = vendor == "postgresql"
        self.params: list[Any] = []

    def p(self, value: Any) -> str:
        self.params.append(value)
        return "%s"

    def f(self, value: float) -> str:
        self.params.append(value)
        return "CAST(%s AS double precision)" if self.pg else "%s"

    def has(self, column: str, token: str) -> str:
        fn = "strpos" if self.pg else "instr"
        return f"{fn}(d.{column}, {self.p(f' {token} ')}) > 0"

    def best(self, parts: list[str]) -> str:
        if len(parts) == 1:
            return parts[0]
        return ("GREATEST(" if self.pg else "max(") + ", ".join(parts) + ")"

    def concept_score(self, concept: Concept) -> str:
        parts = [
            f"CASE WHEN {self.has('direct_keys', k)} THEN 3 "
            f"WHEN {self.has('all_keys', k)} THEN 2 ELSE 0 END"
            for k in concept.keys
        ]
        parts += [
            f"CASE WHEN {self.has('name_terms', t)} THEN 3 "
            f"WHEN {self.has('body_terms', t)} THEN 1 ELSE 0 END"
            for t in concept.terms
        ]
        return self.best(parts)

    def concept_match(self, concept: Concept) -> str:
        parts = [self.has("all_keys", k) for k in concept.keys]
        for t in concept.terms:
            parts += [self.has("name_terms", t), self.has("body_terms", t)]
        return "(" + " OR ".join(parts) + ")"

    def chord2(self) -> str:
        assert self.plan.centre is not None
        terms = []
        for axis, value in zip("xyz", self.plan.centre, strict=True):
            a, b = self.f(value), self.f(value)
            terms.append(f"(d.{axis} - {a}) * (d.{axis} - {b})")
        return f"(({terms[0]} + {terms[1]}) + {terms[2]})"

    def conditions(self) -> list[str]:
        plan = self.plan
        out = []
        if plan.tiers:
            out.append("d.tier IN (" + ", ".join(self.p(t) for t in plan.tiers) + ")")
        if plan.min_employees is not None:
            out.append(f"d.employees >= {self.p(plan.min_employees)}")
        if plan.max_employees is not None:
            out.append(f"d.employees <= {self.p(plan.max_employees)}")
        if plan.bbox is not None and plan.limit2 is not None:
            lo_lat, hi_lat, lo_lon, hi_lon = plan.bbox
            out.append(
                f"d.latitude BETWEEN {self.f(lo_lat)} AND {self.f(hi_lat)} "
                f"AND d.longitude BETWEEN {self.f(lo_lon)} AND {self.f(hi_lon)}"
            )
            out.append(f"d.x IS NOT NULL AND {self.chord2()} <= {self.f(plan.limit2)}")
        out.extend(self.concept_match(c) for c in plan.concepts)
        for standard in plan.certifications:
            out.append(
                "EXISTS (SELECT 1 FROM registry_certification c WHERE c.facility_id = "
                f"d.facility_id AND c.deleted_at IS NULL AND c.standard = {self.p(standard)} "
                f"AND (c.expires_on IS NULL OR c.expires_on >= {self.p(plan.on)}))"
            )
        return out

    def score(self) -> str:
        if not self.plan.concepts:
            return "0"
        return " + ".join(f"({self.concept_score(c)})" for c in self.plan.concepts)


def fulltext_groups(plan: Plan) -> list[list[str]]:
    """The tokens the full-text index must hold: every group (AND), any token of one (OR)."""
    groups = []
    for concept in plan.concepts:
        groups.append(sorted({key_token(k) for k in concept.keys} | set(concept.terms)))
    if plan.tiers:
        groups.append(sorted({tier_token(t) for t in plan.tiers}))
    groups.extend([cert_token(s)] for s in plan.certifications)
    return groups


def _fts5(groups: list[list[str]]) -> str:
    return " AND ".join("(" + " OR ".join(f'"{t}"' for t in g) + ")" for g in groups)


def _tsquery(groups: list[list[str]]) -> str:
    return " & ".join("(" + " | ".join(f"'{t}'" for t in g) + ")" for g in groups)


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


ESTIMATE_CAP = 100_000


def _sqlite_driver(cursor: Any, plan: Plan, groups: list[list[str]]) -> str:
    """Which index chooses the candidates on SQLite: the one giving fewer rows (both
    counts stop early, so deciding costs little)."""
    if not groups:
        return "space" if plan.bbox is not None else "scan"
    if plan.bbox is None:
        return "text"
    cursor.execute(
        "SELECT count(*) FROM (SELECT 1 FROM supplychain_supplierfts "
        "WHERE supplychain_supplierfts MATCH %s LIMIT %s)",
        [_fts5(groups), ESTIMATE_CAP],
    )
    by_text = cursor.fetchone()[0]
    lo_lat, hi_lat, lo_lon, hi_lon = plan.bbox
    cursor.execute(
        "SELECT count(*) FROM (SELECT 1 FROM supplychain_supplierrtree WHERE max_lat >= %s "
        "AND min_lat <= %s AND max_lon >= %s AND min_lon <= %s LIMIT %s)",
        [lo_lat, hi_lat, lo_lon, hi_lon, by_text + 1],
    )
    return "space" if cursor.fetchone()[0] <= by_text else "text"


def _tune_sqlite(cursor: Any) -> None:
    """Read the index through memory mapping and a larger page cache (per connection)."""
    cursor.execute("PRAGMA mmap_size = 2147418112")
    cursor.execute("PRAGMA cache_size = -65536")


def _take(sql: _Sql) -> list[Any]:
    params, sql.params = sql.params, []
    return params


def _search_sql(plan: Plan, visibility: Any) -> tuple[list[_Row], int]:
    vendor = connection.vendor
    sql = _Sql(plan, vendor)
    groups = fulltext_groups(plan)
    columns = "d.name_terms, d.body_terms, d.direct_keys, d.all_keys, d.tier, d.employees"
    no_distance = "CAST(NULL AS double precision)" if sql.pg else "NULL"
    head = (
        f"SELECT d.facility_id, {sql.score()} AS score, "
        f"{sql.chord2() if plan.centre is not None else no_distance} AS c2"
    )
    head_params = _take(sql)
    with connection.cursor() as cursor:
        drivers = []
        if vendor == "sqlite":
            _tune_sqlite(cursor)
            driver = _sqlite_driver(cursor, plan, groups)
            if driver == "text":
                drivers.append(
                    "d.facility_id IN (SELECT rowid FROM supplychain_supplierfts "
                    f"WHERE supplychain_supplierfts MATCH {sql.p(_fts5(groups))})"
                )
            elif driver == "space":
                assert plan.bbox is not None
                lo_lat, hi_lat, lo_lon, hi_lon = plan.bbox
                drivers.append(
                    "d.facility_id IN (SELECT id FROM supplychain_supplierrtree WHERE "
                    f"max_lat >= {sql.p(lo_lat)} AND min_lat <= {sql.p(hi_lat)} "
                    f"AND max_lon >= {sql.p(lo_lon)} AND min_lon <= {sql.p(hi_lon)})"
                )
        else:
            if groups:
                drivers.append(f"d.search_vector @@ CAST({sql.p(_tsquery(groups))} AS tsquery)")
            # the box (in ``conditions``) uses the btree on (latitude, longitude)
        if isinstance(visibility, tuple):
            drivers.append(f"d.facility_id IN ({visibility[0]})")
            sql.params.extend(visibility[1])
        where = drivers + sql.conditions()
        where_sql = " AND ".join(where) or "1 = 1"
        where_params = _take(sql)
        certs_sql: list[str] = []
        certs_params: list[Any] = []
        for standard in plan.certifications:  # for the reasons of the page's rows only
            certs_sql.append(
                "(SELECT CASE WHEN SUM(CASE WHEN c.expires_on IS NULL THEN 1 ELSE 0 END) > 0 "
                "THEN 'open' ELSE CAST(MAX(c.expires_on) AS text) END "
                "FROM registry_certification c WHERE c.facility_id = page.facility_id "
                "AND c.deleted_at IS NULL AND c.standard = %s "
                "AND (c.expires_on IS NULL OR c.expires_on >= %s))"
            )
            certs_params += [standard, plan.on]
        order = "score DESC, COALESCE({0}.c2, " + str(NO_POINT) + "), {0}.facility_id"
        page_sql = (
            f"SELECT page.facility_id, page.score, page.c2, {columns}, page.total"
            f"{''.join(', ' + c for c in certs_sql)} FROM ("
            f"SELECT * FROM ({head}, COUNT(*) OVER () AS total "
            f"FROM supplychain_supplierdoc d WHERE {where_sql}) AS found "
            f"ORDER BY found.{order.format('found')} LIMIT %s OFFSET %s) AS page "
            "JOIN supplychain_supplierdoc d ON d.facility_id = page.facility_id "
            f"ORDER BY page.{order.format('page')}"
        )
        cursor.execute(
            page_sql, [*certs_params, *head_params, *where_params, plan.limit, plan.offset]
        )
        fetched = cursor.fetchall()
        if fetched:
            total = int(fetched[0][9])
        else:
            cursor.execute(
                f"SELECT COUNT(*) FROM supplychain_supplierdoc d WHERE {where_sql}", where_params
            )
            total = int(cursor.fetchone()[0])
    rows = [
        _Row(
            facility_id=r[0],
            score=int(r[1]),
            c2=r[2],
            name_terms=r[3],
            body_terms=r[4],
            direct_keys=r[5],
            all_keys=r[6],
            tier=r[7],
            employees=r[8],
            certifications=[
                (standard, None if value == "open" else _date(value))
                for standard, value in zip(plan.certifications, r[10:], strict=True)
                if value is not None
            ],
        )
        for r in fetched
    ]
    return rows, total


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def search_suppliers(user: Any, query: SupplierQuery) -> SearchResult:
    """Facilities ``user`` may see that answer ``query``, best first (see the module doc)."""
    taxonomy = load_taxonomy()
    plan = make_plan(query, taxonomy)
    visibility = _visibility(user)
    if visibility is None:
        return SearchResult(hits=[], total=0)
    rows, total = _search_sql(plan, visibility)
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
