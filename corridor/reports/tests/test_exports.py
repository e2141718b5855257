"""The shared export: the list page's own rows and filters, as CSV and as XLSX."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from corridor.registry.tests.test_views import Registry, _names, build_registry


@pytest.fixture
def registry(world: Any, tmp_path: Path) -> Registry:
    return build_registry(world, tmp_path)


def _csv(response: Any) -> list[list[str]]:
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")  # Excel reads the accents
    return list(csv.reader(io.StringIO(text[1:])))


def _xlsx(response: Any) -> list[list[Any]]:
    assert "spreadsheetml" in response["Content-Type"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    return [list(r) for r in sheet.iter_rows(values_only=True)]


@pytest.mark.parametrize("query", [{}, {"naics": "3363"}, {"q": "brake works"}])
def test_the_facility_export_lists_what_the_page_lists(
    registry: Registry, as_user: Any, query: dict[str, str]
) -> None:
    client = as_user("alice")
    page = client.get("/registry/", query).content.decode()
    shown = _names(page, registry)
    rows = _csv(client.get("/registry/", {**query, "format": "csv"}))
    assert rows[0][:3] == ["facility_id", "facility", "company"]
    named = {r[1] for r in rows[1:]} & {
        "Maple Stamping Ltd",
        "Lakeshore Plastics Inc",
        "Oshawa Brake Works",
    }
    assert named == shown
    book = _xlsx(client.get("/registry/", {**query, "format": "xlsx"}))
    assert [str(v or "") for v in book[0]] == rows[0]
    assert [[str(v) if v is not None else "" for v in r] for r in book[1:]] == rows[1:]


def test_the_filters_apply_to_the_export(registry: Registry, as_user: Any) -> None:
    rows = _csv(as_user("alice").get("/registry/", {"tier": "tier2", "format": "csv"}))
    assert [r[1] for r in rows[1:]] == ["Lakeshore Plastics Inc"]
    assert rows[1][4].startswith("326193")


def test_the_list_page_links_to_both_formats_keeping_filters(
    registry: Registry, as_user: Any
) -> None:
    page = as_user("alice").get("/registry/", {"tier": "tier2", "page": "1"}).content.decode()
    assert 'href="?tier=tier2&amp;format=csv"' in page
    assert 'href="?tier=tier2&amp;format=xlsx"' in page


def test_a_formula_in_a_name_is_not_run_by_the_spreadsheet() -> None:
    from django.test import RequestFactory

    from corridor.core.exports import export

    response = export(RequestFactory().get("/", {"format": "csv"}), "x", ["a"], [["=SUM(A1)"]])
    assert response is not None
    assert _csv(response)[1] == ["'=SUM(A1)"]
    assert export(RequestFactory().get("/"), "x", ["a"], []) is None


def test_the_organisation_export_follows_the_kind_filter(world: Any, as_user: Any) -> None:
    client = as_user("dave")
    rows = _csv(client.get("/organisations/", {"kind": "municipality", "format": "csv"}))
    assert rows[0] == ["organisation_id", "name", "kind", "municipality", "economic_region"]
    names = {r[1] for r in rows[1:]}
    assert world.org_a.name in names and world.apma.name not in names
    everything = {r[1] for r in _csv(client.get("/organisations/", {"format": "csv"}))[1:]}
    assert world.apma.name in everything
    page = client.get("/organisations/", {"kind": "municipality"}).content.decode()
    assert all(f">{n}</a>" in page for n in names)
