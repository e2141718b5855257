"""How many rows a list has, for its page links and the API's ``count``.

Counting is exact, but a large count is reused for a short while: counting the
corridor's 500,000 calls costs PostgreSQL about 100 ms of CPU (20 ms of it on
the clock, the rest in parallel workers) for every page of the calls list, while
the page itself takes 3 ms. A count of at least ``CORRIDOR_COUNT_REUSE_FROM``
rows is kept ``CORRIDOR_COUNT_SECONDS`` per server process, under the SQL that
selects its rows' ids. That SQL carries the reader's access scope and filters, so
two readers share a count only when they see the same rows. Smaller counts are always
counted afresh, so a list an officer has just added to shows the new total.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db.models import QuerySet


def count(items: Any) -> int:
    """How many ``items`` (a queryset or a list) there are."""
    if not isinstance(items, QuerySet):
        return len(items)
    seconds = settings.CORRIDOR_COUNT_SECONDS
    if seconds <= 0:
        return items.count()
    require_scope = getattr(items, "_require_scope", None)
    if require_scope is not None:
        require_scope()  # a reused count is still only given inside an access scope
    try:
        key = _key(items)
    except EmptyResultSet:  # a filter no row can match: nothing to ask the database
        return 0
    found = cache.get(key)
    if found is not None:
        return int(found)
    total = items.count()
    if total >= settings.CORRIDOR_COUNT_REUSE_FROM:
        cache.set(key, total, seconds)
    return total


def _key(items: QuerySet[Any]) -> str:
    sql, params = _rows_counted(items).query.sql_with_params()
    text = f"{items.db}\n{sql}\n{params!r}"
    return "corridor:count:" + hashlib.sha256(text.encode()).hexdigest()


def _rows_counted(items: QuerySet[Any]) -> QuerySet[Any]:
    """What identifies the count: the rows' tables, joins and conditions, without the
    columns and order the list reads them in. Compiling a list's whole SELECT (its
    related rows' columns) took a few milliseconds of every list page. DISTINCT stays
    (and Django's count ignores the order of a DISTINCT list too); where order or
    columns can change the count (a slice, DISTINCT ON, grouping, a union) the query
    is kept whole."""
    query = items.query
    if (
        query.distinct_fields
        or query.is_sliced
        or query.combinator
        or query.group_by is not None
        or query.annotations
    ):
        return items
    return items.order_by().values("pk")
