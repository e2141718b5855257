"""Investment attraction and retention on the reports dashboards and in the mayors'
briefing: who reads the section, what is suppressed, and the briefing's text."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from django.template.defaultfilters import floatformat
from pypdf import PdfReader

from corridor.attraction.tests.test_outcomes import _prospect, outcomes  # noqa: F401
from corridor.calls.aggregates import Quarter
from corridor.core.disclosure import SUPPRESSED_LABEL
from corridor.reports.dashboards import build

Q4 = Quarter(2026, 4)
TODAY = dt.date(2026, 11, 15)
M = 1_000_000


def _text(pdf: bytes) -> str:
    """The PDF's words, each run of white space as one space (a table's cells end lines)."""
    return " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages
    )


def test_the_dashboard_carries_the_figures(world: Any, outcomes: Any) -> None:  # noqa: F811
    own = build(world.alice, Q4, world.windsor, today=TODAY).attraction
    assert own is not None and own.full
    # alice sees Windsor's own prospects and the office's shared one landing in Windsor
    assert [s.prospects.value for s in own.stages] == [1, 1, 1, 1, 1]
    assert (own.won.jobs, own.win_rate, own.jobs_at_risk, own.jobs_retained) == (240, 60, 170, 140)
    assert [r.facility.name for r in own.top_risks] == ["Windsor Dies", "Windsor Axle"]
    # bob reading Windsor's dashboard: one shared prospect open, one won: not shown
    other = build(world.bob, Q4, world.windsor, today=TODAY).attraction
    assert other is not None and not other.full
    assert str(other.stages[-1].prospects) == SUPPRESSED_LABEL
    assert other.stages[-1].investment is None and other.won.jobs is None
    assert other.jobs_at_risk is None and other.jobs_retained is None
    # the coordinator's region, and the same in print (suppressed)
    region = build(world.carol, Q4, today=TODAY).attraction
    assert region is not None and region.open_investment == 173 * M  # with the office's own
    printed = build(world.carol, Q4, today=TODAY, suppressed=True).attraction
    assert printed is not None and printed.won.prospects.suppressed
    # partners read no pipeline at all
    assert build(world.dave, Q4, today=TODAY, suppressed=True).attraction is None


def test_the_dashboard_page_shows_the_section_to_participants(
    as_user: Any,
    world: Any,
    outcomes: Any,  # noqa: F811
) -> None:
    page = as_user("alice").get("/reports/?quarter=2026Q4").content.decode()
    assert "Investment attraction and retention" in page
    assert "Windsor Dies" in page and "Red flag on a call" in page
    assert 'href="/attraction/at-risk/"' in page and 'href="/attraction/"' in page
    assert "60%" in page and f"${floatformat(164 * M, '0g')}" in page  # the open pipeline
    assert '<rect class="chart-bar" width="100%"' in page  # the decision stage's bar
    assert "attraction-outcomes.css" in page and "style=" not in page
    carol = as_user("carol").get(f"/reports/?quarter=2026Q4&municipality={world.windsor.pk}")
    assert "Pipeline value by stage" in carol.content.decode()
    region = as_user("carol").get("/reports/?quarter=2026Q4").content.decode()
    assert f"${floatformat(173 * M, '0g')}" in region and "Oshawa Stamping" in region
    partner = as_user("dave").get("/reports/?quarter=2026Q4").content.decode()
    assert "Investment attraction" not in partner and "Windsor Dies" not in partner


def test_the_section_says_what_to_do_when_empty(as_user: Any, world: Any) -> None:
    page = as_user("bob").get("/reports/?quarter=2026Q4").content.decode()
    assert "No open prospect at the end of 2026 Q4" in page
    assert "No facility is at risk on the list" in page


def test_the_briefing_has_the_section_suppressed(world: Any, outcomes: Any) -> None:  # noqa: F811
    from corridor.reports.briefing import render

    # more prospects at a site visit in Windsor: six, enough to be shown in print
    for n in range(5):
        _prospect(world, f"Visit {n}", "visit", dt.date(2026, 11, 2), estimated_investment=2 * M)
    for n in range(5):
        _prospect(world, f"Early {n}", "identified", dt.date(2026, 11, 2))
    text = _text(render(world.carol, Q4, world.windsor, today=TODAY))
    assert "Investment attraction and retention" in text
    assert "Win rate over the last four quarters 60% (5 decided)" in text
    assert "Pipeline value by stage (estimated investment, $ millions)" in text
    assert "Site visit" in text  # 6 prospects, $40M: its bar is drawn
    # the other stages are too small (or hidden beside them); two projects won, not shown
    assert "Stages not shown" in text and "Awaiting decision." in text
    assert "Open pipeline at the quarter's end (estimated) 15 ($174,000,000, 560 jobs)" in text
    assert f"Projects won (investment and jobs committed) {SUPPRESSED_LABEL}" in text
    assert f"Jobs at risk today not shown ({SUPPRESSED_LABEL} facilities)" in text
    assert "Why projects were lost" not in text  # two losses: their reasons are not shown
    assert "240" not in text  # the jobs won by two projects
    assert "Windsor Dies" not in text and "Windsor Axle" not in text  # no plant named
    region = _text(render(world.carol, Q4, today=TODAY))
    assert region.count("Investment attraction and retention") >= 2  # the region, Windsor


def test_the_sections_queries_do_not_grow_with_the_rows(
    as_user: Any,
    world: Any,
    outcomes: Any,  # noqa: F811
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from corridor.attraction.tests.test_outcomes import _risk
    from corridor.calls.tests.helpers import facility

    client = as_user("alice")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/reports/?quarter=2026Q4").status_code == 200
        return len(queries)

    before = count()
    for n in range(6):
        plant = facility(f"Windsor Extra {n}", world.windsor, employees=10)
        _risk(plant, 10 + n, 10, ("no_visit", 10))
        _prospect(world, f"Extra {n}", "visit", dt.date(2026, 11, 2), estimated_investment=M)
    assert count() == before
