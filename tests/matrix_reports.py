"""The reports part of the access matrix (see tests/test_access_matrix.py).

The dashboard is for everyone signed in: the coordinator (carol) sees the region and may
filter by municipality, a municipality's people (alice, bob, erin) their own, the partner
(dave) the shared aggregates only. The mayors' briefing PDF is for the member
municipalities and the coordinator office; a partner gets 403. A municipality filter is
the coordinator's: others always get their own municipality, whatever they ask for.
"""

from __future__ import annotations

from tests.access_rows import Row, everyone, participants

REPORT_PAGES: list[Row] = [
    # every capability is built: the planned-capability page answers no slug
    Row("capability-planned", lambda w: "/no-such-part/", everyone(404)),
    Row("reports-dashboard", lambda w: "/reports/", everyone(200)),
    Row("reports-dashboard", lambda w: "/reports/?quarter=2026Q3", everyone(200)),
    Row("reports-dashboard", lambda w: "/reports/?quarter=2026Q9", everyone(404)),
    Row(
        "reports-dashboard",
        lambda w: f"/reports/?municipality={w.oshawa.pk}",
        everyone(200),
    ),
    Row(
        "reports-briefing", lambda w: "/reports/briefing.pdf?quarter=2026Q3", participants(200, 403)
    ),
    Row(
        "reports-briefing",
        lambda w: f"/reports/briefing.pdf?quarter=2026Q3&municipality={w.windsor.pk}",
        participants(200, 403),
    ),
]
