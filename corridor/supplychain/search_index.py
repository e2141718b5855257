"""The supplier search index: building one facility's search row, and keeping the table current.

A search row (``SupplierDoc``) is built from plain values by ``build_document``;
the index and the brute-force reference (``search.brute_force``) both use it, so
they cannot disagree on what a facility says. ``index_facilities`` rewrites the
rows of some facilities (signals call it); ``rebuild_index`` rewrites them all
(``corridor reindex-suppliers``).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction

from corridor.core.scoping import system_scope
from corridor.supplychain.grid import (
    EARTH_RADIUS_KM,
    chord2,
    chord2_limit,
    place_key,
    unit_vector,
)
from corridor.supplychain.taxonomy import Taxonomy, load_taxonomy, normalise

__all__ = ["EARTH_RADIUS_KM", "chord2", "chord2_limit", "unit_vector"]

CHUNK = 2000
INDEX_VERSION = "place-keys-1"  # what a search row holds; a change means rebuilding
Progress = Callable[[int, int], None]

KEY_TOKEN = "zzk"
TIER_TOKEN = "zzt"
CERT_TOKEN = "zzc"


def key_token(key: str) -> str:
    return KEY_TOKEN + key.replace("-", "").replace("_", "")


def tier_token(tier: str) -> str:
    return TIER_TOKEN + (re.sub(r"[^a-z0-9]", "", tier.lower()) or "none")


def cert_token(standard: str) -> str:
    return CERT_TOKEN + re.sub(r"[^a-z0-9]", "", standard.lower())


def km_from_chord2(value: float) -> float:
    return round(2.0 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(value) / 2.0)), 3)


# No one searches for a word this long, and PostgreSQL's full-text index refuses a word
# over 2,047 bytes ("word is too long"): such a run of letters (an imported cell of one
# long string) is not filed at all.
MAX_WORD_CHARS = 100


def searchable(tokens: list[str]) -> list[str]:
    """The tokens a supplier search can find: those no longer than ``MAX_WORD_CHARS``."""
    return [t for t in tokens if len(t) <= MAX_WORD_CHARS]


def padded(tokens: Iterable[str]) -> str:
    """Tokens as ' a b c ' so that 'contains the word w' is a search for ' w '."""
    unique = sorted(set(tokens))
    return " " + " ".join(unique) + " " if unique else " "


@dataclass(frozen=True)
class Document:
    facility_id: int
    name_terms: str
    body_terms: str
    direct_keys: str
    all_keys: str
    tier: str
    employees: int | None
    latitude: float | None
    longitude: float | None
    x: float | None
    y: float | None
    z: float | None
    doc: str
    place_key: int = 0
    certifications: tuple[tuple[str, dt.date | None], ...] = ()

    def row(self) -> dict[str, Any]:
        return {
            "facility_id": self.facility_id,
            "name_terms": self.name_terms,
            "body_terms": self.body_terms,
            "direct_keys": self.direct_keys,
            "all_keys": self.all_keys,
            "tier": self.tier,
            "employees": self.employees,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "x": self.x,
            "y": self.y,
            "z": self.z,
            "doc": self.doc,
            "place_key": self.place_key,
        }


def build_document(
    taxonomy: Taxonomy,
    *,
    facility_id: int,
    name: str,
    company: str,
    products: str,
    tier: str,
    employees: int | None,
    latitude: float | None,
    longitude: float | None,
    tag_keys: Iterable[str],
    certifications: Iterable[tuple[str, dt.date | None]] = (),
) -> Document:
    """The search row of one facility."""
    name_text = f"{name} {company}"
    name_tokens = searchable(normalise(name_text))
    direct = {k for k in tag_keys if k in taxonomy.nodes}
    direct.update(taxonomy.named_in(name_text))  # "Windsor Stamping Ltd" stamps
    every = taxonomy.with_ancestors(direct)
    body_tokens = searchable(normalise(products))
    for key in direct:
        body_tokens.extend(taxonomy.words_of(key))
    certs = tuple(sorted(set(certifications), key=lambda c: (c[0], c[1] or dt.date.max)))
    words = sorted(set(name_tokens) | set(body_tokens))
    special = [key_token(k) for k in sorted(every)]
    special.append(tier_token(tier or ""))
    special.extend(sorted({cert_token(s) for s, _ in certs}))
    has_point = latitude is not None and longitude is not None
    vector = unit_vector(latitude, longitude) if has_point else (None, None, None)  # type: ignore[arg-type]
    return Document(
        facility_id=facility_id,
        name_terms=padded(name_tokens),
        body_terms=padded(body_tokens),
        direct_keys=padded(direct),
        all_keys=padded(every),
        tier=tier or "",
        employees=employees,
        latitude=latitude if has_point else None,
        longitude=longitude if has_point else None,
        x=vector[0],
        y=vector[1],
        z=vector[2],
        doc=" ".join(words + special),
        place_key=place_key(
            latitude if has_point else None, longitude if has_point else None, facility_id
        ),
        certifications=certs,
    )


def _models(apps: Any) -> tuple[Any, Any, Any, Any]:
    if apps is None:
        from django.apps import apps as django_apps

        apps = django_apps
    return (
        apps.get_model("registry", "Facility"),
        apps.get_model("registry", "Certification"),
        apps.get_model("supplychain", "FacilityCapability"),
        apps.get_model("supplychain", "SupplierDoc"),
    )


def documents_for(ids: list[int], taxonomy: Taxonomy, apps: Any = None) -> list[Document]:
    """Search rows of the live facilities among ``ids`` (system work: reads everything)."""
    facility, certification, tag, _doc = _models(apps)
    tags: dict[int, list[str]] = defaultdict(list)
    for fid, key in tag._base_manager.filter(
        facility_id__in=ids, deleted_at__isnull=True, capability__deleted_at__isnull=True
    ).values_list("facility_id", "capability__key"):
        tags[fid].append(key)
    certs: dict[int, list[tuple[str, dt.date | None]]] = defaultdict(list)
    for fid, standard, expires in certification._base_manager.filter(
        facility_id__in=ids, deleted_at__isnull=True
    ).values_list("facility_id", "standard", "expires_on"):
        certs[fid].append((standard, expires))
    rows = facility._base_manager.filter(
        pk__in=ids, deleted_at__isnull=True, merged_into__isnull=True
    ).values(
        "id", "name", "company__name", "products", "tier", "employees", "latitude", "longitude"
    )
    return [
        build_document(
            taxonomy,
            facility_id=r["id"],
            name=r["name"],
            company=r["company__name"] or "",
            products=r["products"] or "",
            tier=r["tier"] or "",
            employees=r["employees"],
            latitude=r["latitude"],
            longitude=r["longitude"],
            tag_keys=tags.get(r["id"], ()),
            certifications=certs.get(r["id"], ()),
        )
        for r in rows.order_by("pk")
    ]


def _chunks(ids: list[int], size: int = CHUNK) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def index_facilities(ids: Iterable[int], apps: Any = None) -> int:
    """Rewrite the search rows of these facilities (a deleted or merged one loses its row)."""
    wanted = sorted(set(ids))
    if not wanted:
        return 0
    _f, _c, _t, doc_model = _models(apps)
    taxonomy = load_taxonomy(apps)
    written = 0
    with system_scope("supplier search index"), transaction.atomic():
        for chunk in _chunks(wanted):
            docs = documents_for(chunk, taxonomy, apps)
            doc_model._base_manager.filter(facility_id__in=chunk).delete()
            doc_model._base_manager.bulk_create([doc_model(**d.row()) for d in docs])
            written += len(docs)
    return written


# SQLite: the FTS5 table follows supplychain_supplierdoc through these triggers
# (migration 0005; a full rebuild drops them and fills the FTS table in one statement).
SQLITE_TRIGGERS = {
    "supplychain_supplierdoc_ai": """CREATE TRIGGER supplychain_supplierdoc_ai
        AFTER INSERT ON supplychain_supplierdoc BEGIN
        INSERT INTO supplychain_supplierfts(rowid, doc) VALUES (new.place_key, new.doc);
    END""",
    "supplychain_supplierdoc_ad": """CREATE TRIGGER supplychain_supplierdoc_ad
        AFTER DELETE ON supplychain_supplierdoc BEGIN
        INSERT INTO supplychain_supplierfts(supplychain_supplierfts, rowid, doc)
            VALUES ('delete', old.place_key, old.doc);
    END""",
    "supplychain_supplierdoc_au": """CREATE TRIGGER supplychain_supplierdoc_au
        AFTER UPDATE ON supplychain_supplierdoc BEGIN
        INSERT INTO supplychain_supplierfts(supplychain_supplierfts, rowid, doc)
            VALUES ('delete', old.place_key, old.doc);
        INSERT INTO supplychain_supplierfts(rowid, doc) VALUES (new.place_key, new.doc);
    END""",
}
PG_TEXT_INDEX = (
    "CREATE INDEX supplychain_supplierdoc_search ON supplychain_supplierdoc "
    "USING gin (search_vector)"
)
COLUMNS = (
    "facility_id", "name_terms", "body_terms", "direct_keys", "all_keys", "tier",
    "employees", "latitude", "longitude", "x", "y", "z", "doc", "place_key",
)  # fmt: skip


def _bulk_write(cursor: Any, docs: list[Document]) -> None:
    marks = ", ".join(["%s"] * len(COLUMNS))
    cursor.executemany(
        f"INSERT INTO supplychain_supplierdoc ({', '.join(COLUMNS)}) VALUES ({marks})",
        [tuple(row[c] for c in COLUMNS) for row in (d.row() for d in docs)],
    )


def rebuild_index(progress: Progress | None = None, apps: Any = None) -> int:
    """Rewrite every search row; returns how many live facilities are indexed.

    In one transaction: the rows are written in bulk with the full-text index set
    aside (SQLite: triggers dropped, the FTS5 table filled in one statement after;
    PostgreSQL: the GIN index dropped and built again after)."""
    facility, _c, _t, _doc = _models(apps)
    taxonomy = load_taxonomy(apps)
    sqlite = connection.vendor == "sqlite"
    with (
        system_scope("rebuilding the supplier search index"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        if sqlite:
            for name in SQLITE_TRIGGERS:
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
            cursor.execute("DELETE FROM supplychain_supplierdoc")
            cursor.execute(
                "INSERT INTO supplychain_supplierfts(supplychain_supplierfts) VALUES ('delete-all')"
            )
        else:
            cursor.execute("DROP INDEX IF EXISTS supplychain_supplierdoc_search")
            cursor.execute("DELETE FROM supplychain_supplierdoc")
        ids = list(
            facility._base_manager.filter(
                deleted_at__isnull=True, merged_into__isnull=True
            ).values_list("pk", flat=True)
        )
        ids.sort()
        written = 0
        for chunk in _chunks(ids):
            docs = documents_for(chunk, taxonomy, apps)
            _bulk_write(cursor, docs)
            written += len(docs)
            if progress is not None:
                progress(written, len(ids))
        if sqlite:
            cursor.execute(
                "INSERT INTO supplychain_supplierfts(rowid, doc) "
                "SELECT place_key, doc FROM supplychain_supplierdoc"
            )
            for sql in SQLITE_TRIGGERS.values():
                cursor.execute(sql)
        else:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending checks at CREATE INDEX
            cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
            cursor.execute(PG_TEXT_INDEX)
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        optimise_index()
    return written


def optimise_index() -> None:
    """Merge the full-text index's segments (SQLite) or refresh the planner's statistics."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "INSERT INTO supplychain_supplierfts(supplychain_supplierfts) VALUES ('optimize')"
            )
        elif connection.vendor == "postgresql":
            cursor.execute("ANALYZE supplychain_supplierdoc")
