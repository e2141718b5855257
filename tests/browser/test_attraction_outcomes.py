"""Investment attraction and retention on the reports dashboard in a real browser: a
municipal officer reads the pipeline, the win rate and the facilities at risk, reaches the
links by keyboard, and the page passes axe-core (photographed)."""

from __future__ import annotations

from typing import Any

from conftest import PASSWORD
from corridor.attraction.tests.test_outcomes import outcomes  # noqa: F401
from tests.browser.conftest import check_accessibility, sign_in


def test_an_officer_reads_the_outcomes_on_the_dashboard(page: Any, outcomes: Any) -> None:  # noqa: F811
    sign_in(page, "alice", PASSWORD)
    page.goto("/reports/?quarter=2026Q4")
    section = page.get_by_role("region", name="Investment attraction and retention")
    section.wait_for()
    pipeline = section.get_by_role("table", name="Open prospects by stage at the end of 2026 Q4")
    assert pipeline.get_by_role("row", name="Awaiting decision").count() == 1
    assert "60%" in section.inner_text() and "win rate" in section.inner_text()
    risks = section.get_by_role("list", name="Facilities at risk")
    assert (
        risks.get_by_role("listitem")
        .all_inner_texts()[0]
        .startswith("Windsor Dies, Windsor: Red flag on a call")
    )
    # the bars are drawn by width attributes (no style attribute: the page's CSP holds)
    assert section.locator("rect.chart-bar").first.get_attribute("width") == "10%"
    # the links to the pipeline and the risk list are reached by keyboard
    section.get_by_role("link", name="Open the pipeline").focus()
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.getAttribute('href')")
    assert focused == "/attraction/at-risk/"
    check_accessibility(page, "attraction-outcomes-dashboard")


def test_a_partner_sees_no_pipeline(page: Any, outcomes: Any) -> None:  # noqa: F811
    sign_in(page, "dave", PASSWORD)
    page.goto("/reports/?quarter=2026Q4")
    page.get_by_role("heading", name="The corridor in figures, 2026 Q4").wait_for()
    assert "Investment attraction" not in page.content()
    assert "Windsor Dies" not in page.content()
