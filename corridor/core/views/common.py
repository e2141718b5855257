"""Small helpers the pages of every capability share."""

from __future__ import annotations

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


def read_filters(request: HttpRequest, schema: Any) -> tuple[Any, list[str]]:
    """Parse the page's filter fields with the same FilterSchema the API uses."""
    values = {k: v for k, v in request.GET.items() if k in schema.model_fields and v != ""}
    try:
        return schema(**values), []
    except ValidationError as exc:
        problems = [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()]
        return schema(), problems


def map_point(lat: Any, lon: Any, label: str, url: str = "", detail: str = "") -> dict[str, Any]:
    return {"lat": float(lat), "lon": float(lon), "label": label, "url": url, "detail": detail}
