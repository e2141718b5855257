"""Every page's URL name is the site's only one of that name: with two, ``{% url %}`` and
``redirect()`` silently send people to whichever app's page Django reverses last."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver


def _names(patterns: list[Any], namespace: str = "") -> list[str]:
    names: list[str] = []
    for p in patterns:
        if isinstance(p, URLResolver):
            if p.namespace in ("admin", "api"):
                continue  # namespaced: their names cannot clash with the pages'
            names += _names(p.url_patterns, p.namespace or namespace)
        elif isinstance(p, URLPattern) and p.name:
            names.append(f"{namespace}:{p.name}" if namespace else p.name)
    return names


def test_no_two_pages_share_a_url_name() -> None:
    counts = Counter(_names(get_resolver().url_patterns))
    assert [name for name, n in counts.items() if n > 1] == []
    assert counts["training-program-detail"] == 1  # the skills map's, beside the funding one
    assert counts["program-detail"] == 1
