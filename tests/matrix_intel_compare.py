"""The comparison of governments in the access matrix (see tests/test_access_matrix.py).

Public announcements: everyone signed in compares governments (page, exports, API);
anonymous visitors are sent to sign in. The matrix's intelligence world
(``tests/matrix_intel.py``) gives it an Ontario fact to count.
"""

from __future__ import annotations

from typing import Any

from tests.access_rows import Row, everyone

INTEL_COMPARE_PAGES: list[Row] = [
    Row("intel-compare", lambda w: "/intel/compare/", everyone(200)),
    Row(
        "intel-compare",
        lambda w: (
            f"/intel/compare/?jurisdiction={w.intel_fact.jurisdiction_id}&trend=electrification"
            "&trend=batteries&year=2022&cell_jurisdiction=Ontario&cell_currency=CAD"
        ),
        everyone(200),
    ),
    Row("intel-compare", lambda w: "/intel/compare/?format=csv&from=2020&to=2025", everyone(200)),
    Row("intel-compare", lambda w: "/intel/compare/?format=xlsx", everyone(200)),
]

INTEL_COMPARE_API: list[Row] = [
    Row(
        "GET /api/v1/intel/comparison",
        lambda w: "/api/v1/intel/comparison?trend=electrification&from=2020",
        everyone(200, 401),
    ),
]

INTEL_COMPARE_API_LISTS: dict[str, Any] = {}
