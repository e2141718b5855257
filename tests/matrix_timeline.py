"""The activity timeline's part of the access matrix (see tests/test_access_matrix.py).

The timeline is on the facility and company pages (everyone signed in sees them; each
item only as far as the reader may see it, tested in tests/test_timeline.py) and in the
API. A merged (deleted) facility's timeline is the coordinator's, like the facility.
"""

from __future__ import annotations

from tests.access_rows import Row, everyone, only

FILTERS = "kind=call&kind=flag&kind=change&from=2020-01-01&to=2030-12-31&show=50"

TIMELINE_PAGES: list[Row] = [
    Row(
        "facility-detail",
        lambda w: f"/registry/facilities/{w.facility.pk}/?{FILTERS}",
        everyone(200),
    ),
    Row(
        "company-detail",
        lambda w: f"/registry/companies/{w.company.pk}/?{FILTERS}",
        everyone(200),
    ),
]

TIMELINE_API: list[Row] = [
    Row(
        "GET /api/v1/facilities/{facility_id}/timeline",
        lambda w: f"/api/v1/facilities/{w.facility.pk}/timeline?{FILTERS.replace('show', 'limit')}",
        everyone(200, anonymous=401),
    ),
    Row(
        "GET /api/v1/facilities/{facility_id}/timeline",
        lambda w: f"/api/v1/facilities/{w.merged_facility.pk}/timeline",
        only({"carol": 200}, 404, anonymous=401),
    ),
    Row(
        "GET /api/v1/companies/{company_id}/timeline",
        lambda w: f"/api/v1/companies/{w.company.pk}/timeline?kind=fact",
        everyone(200, anonymous=401),
    ),
]
