"""The indexed supplier search: counting and ranking inside the database.

The full-text index (SQLite FTS5, PostgreSQL tsvector + GIN) holds every token a
match is decided on: words, capability keys with their ancestors, tier,
certification standards held, and the facility's grid cell at every level
(``grid.py``). So, for a query with a radius:

* **counting**: the circle is split into cells wholly inside it and edge cells.
  Facilities in inside cells are counted by the full-text index alone when every
  condition is a token (text, capabilities, tiers); certification validity, size
  and a narrower visibility are then checked on the rows. Facilities in edge cells
  have their distance checked on a narrow row (id, unit vector, size, tier).
* **ranking with bounded work**: the page is looked for first in a smaller circle
  holding a few times as many facilities as the page needs; when the page is full
  there and its last row has the highest score a query can give, nothing farther
  away can come before it (ranking is by score, then distance). Otherwise the
  circle doubles, up to the whole radius.

Without a radius the text index chooses the candidates and the rows are checked.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import connection

from corridor.registry.models import Tier
from corridor.supplychain import grid
from corridor.supplychain.search_index import cert_token, key_token, tier_token

if TYPE_CHECKING:
    from corridor.supplychain.search import Plan
    from corridor.supplychain.taxonomy import Concept

NO_POINT = 9.0  # sorts after every squared chord (at most 4)
WINDOW = 4  # the smaller circle holds about this many times the rows a page needs
FTS = "supplychain_supplierfts"
Runs = tuple[tuple[int, int], ...]  # runs of place keys (first, last)


@dataclass
class Row:
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


class Sql:
    """The conditions, score and distance of a plan, for one database."""

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

    def take(self) -> list[Any]:
        params, self.params = self.params, []
        return params

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

    def score(self) -> str:
        if not self.plan.concepts:
            return "0"
        return " + ".join(f"({self.concept_score(c)})" for c in self.plan.concepts)

    def chord2(self) -> str:
        assert self.plan.centre is not None
        terms = []
        for axis, value in zip("xyz", self.plan.centre, strict=True):
            a, b = self.f(value), self.f(value)
            terms.append(f"(d.{axis} - {a}) * (d.{axis} - {b})")
        return f"(({terms[0]} + {terms[1]}) + {terms[2]})"

    def match(self, groups: list[list[str]]) -> str:
        """The full-text query: for every group (AND) one of its tokens (OR)."""
        if self.pg:
            return " & ".join("(" + " | ".join(f"'{t}'" for t in g) + ")" for g in groups)
        return " AND ".join("(" + " OR ".join(f'"{t}"' for t in g) + ")" for g in groups)

    def source(
        self, groups: list[list[str]], runs: Runs | None, visibility: Any, narrow: bool
    ) -> tuple[str, list[str]]:
        """FROM and WHERE of the rows holding the tokens whose place key is in ``runs``.

        SQLite walks the runs (a JSON list; CROSS JOIN keeps that order) and asks FTS5
        for each run's rowids, then
        reads the rows by place key (``narrow``: from the index alone); PostgreSQL
        combines the GIN index with ranges of the place-key btree."""
        where: list[str] = []
        if self.pg:
            if groups:
                where.append(f"d.search_vector @@ CAST({self.p(self.match(groups))} AS tsquery)")
            if runs is not None:
                where.append(
                    "("
                    + " OR ".join(
                        f"d.place_key BETWEEN {self.p(lo)} AND {self.p(hi)}" for lo, hi in runs
                    )
                    + ")"
                )
            table = "supplychain_supplierdoc d"
        elif runs is None:
            table = "supplychain_supplierdoc d"
            if groups:
                where.append(
                    f"d.place_key IN (SELECT rowid FROM {FTS} WHERE {FTS} MATCH "
                    f"{self.p(self.match(groups))})"
                )
        else:
            walk = f"json_each({self.p(json.dumps(runs))}) AS r"
            between = "BETWEEN r.value ->> 0 AND r.value ->> 1"
            index = " INDEXED BY supplychain_supplierdoc_place" if narrow else ""
            if groups:
                table = (
                    f"{walk} CROSS JOIN {FTS} ON {FTS} MATCH {self.p(self.match(groups))} "
                    f"AND {FTS}.rowid {between} "
                    f"CROSS JOIN supplychain_supplierdoc AS d{index} ON d.place_key = {FTS}.rowid"
                )
            else:
                table = (
                    f"{walk} CROSS JOIN supplychain_supplierdoc AS d{index} "
                    f"ON d.place_key {between}"
                )
        if isinstance(visibility, tuple):
            where.append(f"d.facility_id IN ({visibility[0]})")
            self.params.extend(visibility[1])
        return table, where

    def row_checks(self, limit2: float | None) -> list[str]:
        """What the full-text index cannot decide: size, valid certificates, distance."""
        plan = self.plan
        out = []
        if plan.tiers:
            out.append("d.tier IN (" + ", ".join(self.p(t) for t in plan.tiers) + ")")
        if plan.min_employees is not None:
            out.append(f"d.employees >= {self.p(plan.min_employees)}")
        if plan.max_employees is not None:
            out.append(f"d.employees <= {self.p(plan.max_employees)}")
        if limit2 is not None:
            out.append(f"d.x IS NOT NULL AND {self.chord2()} <= {self.f(limit2)}")
        for standard in plan.certifications:
            out.append(
                "EXISTS (SELECT 1 FROM registry_certification c WHERE c.facility_id = "
                f"d.facility_id AND c.deleted_at IS NULL AND c.standard = {self.p(standard)} "
                f"AND (c.expires_on IS NULL OR c.expires_on >= {self.p(plan.on)}))"
            )
        return out


def fulltext_groups(plan: Plan) -> list[list[str]]:
    """The tokens the full-text index must hold: every group (AND), any token of one (OR)."""
    groups = []
    for concept in plan.concepts:
        groups.append(sorted({key_token(k) for k in concept.keys} | set(concept.terms)))
    if plan.tiers:
        groups.append(sorted({tier_token(t) for t in plan.tiers}))
    groups.extend([cert_token(s)] for s in plan.certifications)
    return groups


def _tokens_decide(plan: Plan, visibility: Any) -> bool:
    """Whether the full-text index alone decides a match (no row needs reading)."""
    canonical_tiers = all(t in Tier.values for t in plan.tiers) and "none" not in Tier.values
    return (
        not plan.certifications
        and plan.min_employees is None
        and plan.max_employees is None
        and canonical_tiers
        and not isinstance(visibility, tuple)
    )


class Search:
    """One query against the database (``run`` gives the page's rows and the total)."""

    def __init__(self, plan: Plan, visibility: Any) -> None:
        self.plan = plan
        self.visibility = visibility
        self.vendor = connection.vendor
        self.groups = fulltext_groups(plan)
        self.exact = _tokens_decide(plan, visibility)

    def count(self, cursor: Any, runs: Runs | None, limit2: float | None) -> int:
        if runs is not None and not runs:
            return 0
        sql = Sql(self.plan, self.vendor)
        if self.exact and limit2 is None and self.vendor == "sqlite" and self.groups:
            # the FTS5 table alone decides: no row is read
            if runs is None:
                table = f"{FTS} WHERE {FTS} MATCH {sql.p(sql.match(self.groups))}"
            else:
                walk = sql.p(json.dumps(runs))  # parameters in the order of the text
                table = (
                    f"json_each({walk}) AS r CROSS JOIN {FTS} ON {FTS} MATCH "
                    f"{sql.p(sql.match(self.groups))} "
                    f"AND {FTS}.rowid BETWEEN r.value ->> 0 AND r.value ->> 1"
                )
            cursor.execute(f"SELECT count(*) FROM {table}", sql.params)
            return int(cursor.fetchone()[0])
        table, where = sql.source(self.groups, runs, self.visibility, narrow=True)
        if not (self.exact and limit2 is None):
            where += sql.row_checks(limit2)
        cursor.execute(
            f"SELECT count(*) FROM {table} WHERE {' AND '.join(where) or '1 = 1'}", sql.params
        )
        return int(cursor.fetchone()[0])

    def rank(
        self, cursor: Any, runs: Runs | None, limit2: float | None, k: int
    ) -> list[tuple[Any, ...]]:
        """The best ``k`` rows among the candidates (score, distance, id)."""
        if runs is not None and not runs:
            return []
        sql = Sql(self.plan, self.vendor)
        no_distance = "CAST(NULL AS double precision)" if sql.pg else "NULL"
        score = sql.score()  # parameters in the order of the text
        distance = sql.chord2() if self.plan.centre is not None else no_distance
        head = (
            f"SELECT d.facility_id, {score} AS score, {distance} AS c2, d.name_terms, "
            "d.body_terms, d.direct_keys, d.all_keys, d.tier, d.employees"
        )
        table, where = sql.source(self.groups, runs, self.visibility, narrow=False)
        where += sql.row_checks(limit2)
        cursor.execute(  # a subquery: PostgreSQL orders by an output name only alone
            f"SELECT * FROM ({head} FROM {table} WHERE {' AND '.join(where) or '1 = 1'}) "
            f"AS found ORDER BY found.score DESC, COALESCE(found.c2, {NO_POINT}), "
            "found.facility_id LIMIT %s",
            [*sql.params, k],
        )
        return list(cursor.fetchall())

    def run(self) -> tuple[list[Row], int]:
        plan = self.plan
        k = plan.offset + plan.limit
        with connection.cursor() as cursor:
            if self.vendor == "sqlite":
                _tune_sqlite(cursor)
            cover = None
            if plan.limit2 is not None and plan.lat is not None and plan.lon is not None:
                assert plan.bbox is not None and plan.radius_km is not None
                cover = grid.covering(plan.lat, plan.lon, plan.radius_km, plan.bbox)
            if cover is None:
                total = self.count(cursor, None, plan.limit2)
                found = self.rank(cursor, None, plan.limit2, k) if total and k else []
            else:
                total = self.count(cursor, cover.inside, None) + self.count(
                    cursor, cover.edge, plan.limit2
                )
                found = self._page_in_circle(cursor, cover, total, k) if total and k else []
            page = found[plan.offset : plan.offset + plan.limit]
            certs = self._certifications(cursor, [r[0] for r in page])
        rows = [
            Row(
                facility_id=r[0],
                score=int(r[1]),
                c2=r[2],
                name_terms=r[3],
                body_terms=r[4],
                direct_keys=r[5],
                all_keys=r[6],
                tier=r[7],
                employees=r[8],
                certifications=certs.get(r[0], []),
            )
            for r in page
        ]
        return rows, total

    def _page_in_circle(
        self, cursor: Any, cover: grid.Covering, total: int, k: int
    ) -> list[tuple[Any, ...]]:
        plan = self.plan
        assert plan.radius_km is not None and plan.limit2 is not None
        assert plan.lat is not None and plan.lon is not None
        best = 3 * len(plan.concepts)  # the highest score any row can have
        radius = plan.radius_km * math.sqrt(WINDOW * k / total) if total > WINDOW * k else None
        while radius is not None and radius < plan.radius_km:
            near = grid.covering(
                plan.lat, plan.lon, radius, grid.bounding_box(plan.lat, plan.lon, radius)
            )
            if near is None:
                break
            found = self.rank(cursor, near.cells, grid.chord2_limit(radius), k)
            if len(found) == k and int(found[-1][1]) == best:
                return found  # anything farther away ranks after these
            radius *= 2
        return self.rank(cursor, cover.cells, plan.limit2, k)

    def _certifications(
        self, cursor: Any, ids: list[int]
    ) -> dict[int, list[tuple[str, dt.date | None]]]:
        """The page's rows' valid certificates of the standards asked for (for the reasons)."""
        plan = self.plan
        out: dict[int, list[tuple[str, dt.date | None]]] = {}
        if not ids or not plan.certifications:
            return out
        marks = ", ".join(["%s"] * len(ids))
        cursor.execute(  # by facility only, so that its index is the one used
            "SELECT facility_id, standard, expires_on, deleted_at FROM registry_certification "
            f"WHERE facility_id IN ({marks})",
            ids,
        )
        for fid, standard, expires, deleted in cursor.fetchall():
            expires = None if expires is None else _date(expires)
            if (
                deleted is None
                and standard in plan.certifications
                and (expires is None or expires >= plan.on)
            ):
                out.setdefault(fid, []).append((standard, expires))
        return out


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def _tune_sqlite(cursor: Any) -> None:
    """Read the index through memory mapping and a larger page cache (per connection)."""
    cursor.execute("PRAGMA mmap_size = 2147418112")
    cursor.execute("PRAGMA cache_size = -65536")
