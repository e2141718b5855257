"""The Content-Security-Policy every response carries (django-csp sends it).

No script runs unless it is a file Corridor serves itself: no inline script, no
``eval``, no inline event handler, no style attribute. A string from data that ever
reached the page as HTML (a facility named ``<img onerror=...>``) could not run.
Map tiles may come from the tile server of ``CORRIDOR_TILE_URL`` and from nowhere else.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

SELF = "'self'"
NONE = "'none'"


def tile_origin(tile_url: str) -> str | None:
    """``https://tiles.example.ca`` for ``https://tiles.example.ca/{z}/{x}/{y}.png``.

    Subdomain templates (``{s}.tile.example.org``) become ``*.tile.example.org``."""
    if not tile_url:
        return None
    parts = urlsplit(tile_url.replace("{s}", "subdomain"))
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    host = parts.netloc.replace("subdomain", "*") if "{s}" in tile_url else parts.netloc
    return f"{parts.scheme}://{host}"


def policy(tile_url: str) -> dict[str, Any]:
    """django-csp's ``CONTENT_SECURITY_POLICY`` setting for this deployment."""
    images = [SELF, "data:"]
    tiles = tile_origin(tile_url)
    if tiles:
        images.append(tiles)
    return {
        "DIRECTIVES": {
            "default-src": [SELF],
            "script-src": [SELF],
            "style-src": [SELF],
            "img-src": images,
            "font-src": [SELF],
            "connect-src": [SELF],
            "object-src": [NONE],
            "base-uri": [SELF],
            "form-action": [SELF],
            "frame-ancestors": [NONE],
        }
    }
