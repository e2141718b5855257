"""The Content-Security-Policy: sent on every page, strict, tiles from their host only."""

from __future__ import annotations

from typing import Any

import pytest

from corridor.core.csp import policy, tile_origin


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        ("", None),
        ("https://tiles.example.ca/{z}/{x}/{y}.png", "https://tiles.example.ca"),
        ("http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png", "http://127.0.0.1:8080"),
        ("https://{s}.tile.example.org/{z}/{x}/{y}.png", "https://*.tile.example.org"),
        ("javascript:alert(1)", None),
    ],
)
def test_it_allows_images_from_the_tile_servers_host_only(url: str, origin: str | None) -> None:
    assert tile_origin(url) == origin
    images = policy(url)["DIRECTIVES"]["img-src"]
    assert images == ["'self'", "data:"] + ([origin] if origin else [])


@pytest.mark.parametrize("url", ["/login/", "/", "/api/v1/me", "/api/v1/docs"])
def test_every_response_carries_a_strict_policy(as_user: Any, url: str) -> None:
    header = as_user("alice").get(url)["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in header.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe" not in header


def test_a_page_carries_no_inline_script_or_style(as_user: Any, world: Any) -> None:
    """What the policy refuses is not written in the first place (the browser tests catch
    what scripts add)."""
    for url in ("/", "/organisations/", f"/organisations/{world.org_a.pk}/", "/changes/"):
        html = as_user("carol").get(url).content.decode()
        assert "<style" not in html and ' style="' not in html, url
        for tag in html.split("<script")[1:]:
            opening = tag.split(">", 1)[0]
            assert "src=" in opening or 'type="application/json"' in opening, (url, opening)


def test_no_template_writes_what_the_policy_refuses() -> None:
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    refused = re.compile(
        r"<style|\sstyle=|\son[a-z]+=|javascript:|<script(?![^>]*\b(src|type=\"application/json\"))"
    )
    found = [
        f"{path.relative_to(root)}:{n}"
        for path in root.glob("*/templates/**/*.html")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if refused.search(re.sub(r"\{#.*?#\}", "", line))
    ] + [
        f"{path.relative_to(root)}:{n}"
        for path in (root / "templates").glob("**/*.html")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if refused.search(re.sub(r"\{#.*?#\}", "", line))
    ]
    assert not found, found
