"""Access-matrix rows for supplier search: everyone signed in searches the shared registry."""

from __future__ import annotations

from tests.access_rows import Row, everyone

SUPPLY_API: list[Row] = [
    Row(
        "GET /api/v1/suppliers/search",
        lambda w: "/api/v1/suppliers/search?q=castings",
        everyone(200, anonymous=401),
    ),
    Row(
        "GET /api/v1/suppliers/search",
        lambda w: (
            f"/api/v1/suppliers/search?q=foundry&municipality={w.windsor.pk}&radius_km=50"
            "&capability=casting&certification=IATF%2016949&tier=tier1&tier=tier2"
            "&employees_min=10"
        ),
        everyone(200, anonymous=401),
    ),
    Row(
        "GET /api/v1/suppliers/search",
        lambda w: f"/api/v1/suppliers/search?facility={w.merged_facility.pk}&radius_km=10",
        everyone(422, anonymous=401),  # a merged facility is no centre
    ),
]
