"""Small helpers the pages of every capability share."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest
from pydantic import ValidationError

from corridor.core import counting


def paginate(
    request: HttpRequest, items: Any, per_page: int = 50, count: int | None = None
) -> tuple[Page[Any], str]:
    """The requested page of ``items`` and the query string to keep in page links
    (``count``: how many items there are, when the page already knows)."""
    paginator = Paginator(items, per_page)
    # The page's own count when it knows it; otherwise counting's (large counts reused).
    paginator.count = count if count is not None else counting.count(items)
    page = paginator.get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    keep = params.urlencode()
    return page, (keep + "&") if keep else ""


def querystring(request: HttpRequest, **changes: Any) -> str:
    """The page's query string with ``changes`` made (a value of ``None`` drops the key)."""
    params = request.GET.copy()
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    return params.urlencode()


def read_filters(request: HttpRequest, schema: Any) -> tuple[Any, list[str]]:
    """Parse the page's filter fields with the same FilterSchema the API uses."""
    values = {k: v for k, v in request.GET.items() if k in schema.model_fields and v != ""}
    try:
        return schema(**values), []
    except ValidationError as exc:
        problems = [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()]
        return schema(), problems


EVERY = "all"  # a list page's "any" choice: no filter on that field, not its default


def read_page_filters(
    params: Mapping[str, str], schema: Any, defaults: Mapping[str, str] | None = None
) -> tuple[Any, dict[str, str]]:
    """A list page's filters, read with the FilterSchema its export and API list use.

    ``params`` are the page's query values under the schema's names (a page translates
    the names its old links used first). An absent or empty field takes its value from
    ``defaults`` (the page's own default, e.g. open follow-ups), then from the schema;
    ``EVERY`` ("all") asks for no filter on that field (not even the schema's default).
    A value the schema refuses falls back the same way, as an old page did with a
    mistyped link. Returns the filters and the value each field was read with, as the
    page's form shows it."""
    defaults = defaults or {}
    chosen: dict[str, str] = {}
    for name in schema.model_fields:
        value = params.get(name) or defaults.get(name, "")
        if value:
            chosen[name] = value
    for _ in range(len(chosen) + 1):
        values = {k: (None if v == EVERY else v) for k, v in chosen.items()}
        try:
            return schema(**values), chosen
        except ValidationError as exc:
            wrong = {str(e["loc"][0]) for e in exc.errors() if e["loc"]}
            for name in wrong:
                if name in defaults and chosen.get(name) != defaults[name]:
                    chosen[name] = defaults[name]
                else:
                    chosen.pop(name, None)
    return schema(), {}


def map_point(lat: Any, lon: Any, label: str, url: str = "", detail: str = "") -> dict[str, Any]:
    return {"lat": float(lat), "lon": float(lon), "label": label, "url": url, "detail": detail}
