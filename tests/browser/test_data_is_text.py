"""A string from data is text wherever it is drawn: map labels and popups, chart labels.

An organisation's editor can rename their organisation and an import can name a
facility anything, so each is given a name that would run script if it reached the
page as HTML. The maps and charts must show the name as written and run nothing;
the Content-Security-Policy (which the ``page`` fixture watches) must refuse nothing.
"""

from __future__ import annotations

from typing import Any

from conftest import PASSWORD
from corridor.calls.tests.helpers import facility
from corridor.core.history import change_context
from corridor.core.scoping import system_scope
from corridor.outreach.tests.fixtures import build_outreach
from tests.browser.conftest import check_accessibility, is_csp_refusal, sign_in

SCRIPT = '<img src="x" onerror="window.__ran = 1">'


def _ran_nothing(page: Any) -> None:
    assert page.evaluate("() => window.__ran === undefined")
    assert page.locator('img[src="x"]').count() == 0


def test_names_from_data_are_text_on_maps_and_charts(page: Any, world: Any) -> None:
    build_outreach(world)
    with system_scope("test fixtures"), change_context(source="tests"):
        world.org_a.name = f"Windsor {SCRIPT}"
        world.org_a.save()
    facility(f"Stamping {SCRIPT}", world.windsor, latitude=42.31, longitude=-83.03)

    sign_in(page, "carol", PASSWORD)
    page.goto("/")
    page.wait_for_selector("#home-map[data-ready]")
    label = page.locator("#home-map .map-label", has_text="Windsor <img")
    assert label.count() == 1  # the name as written, shown as a label
    _ran_nothing(page)
    page.locator("#home-map path.leaflet-interactive").first.click()  # its popup
    _ran_nothing(page)
    check_accessibility(page, "data-as-text-home")

    page.goto("/registry/")
    page.wait_for_selector("#facility-map[data-ready]")
    assert page.locator("#facility-map .map-label", has_text="Stamping <img").count() == 1
    _ran_nothing(page)

    page.goto("/outreach/relationships/")
    page.wait_for_selector("canvas[data-ready='1']")  # the chart is drawn, names as labels
    assert page.get_by_text(f"Windsor {SCRIPT}").count() >= 1
    _ran_nothing(page)


def test_a_script_that_reaches_a_page_is_refused_by_its_policy(
    browser: Any, live_server: Any, transactional_db: Any, world: Any
) -> None:
    """Should a name ever reach a page as HTML, the Content-Security-Policy still stops it.

    Its own browser context: the ``page`` fixture fails on any refusal, and here one is
    the point."""
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    refusals: list[str] = []
    # the same test of a console message as the ``page`` fixture's, so that one is seen to work
    page.on("console", lambda m: refusals.append(m.text) if is_csp_refusal(m) else None)
    try:
        sign_in(page, "alice", PASSWORD)
        page.goto("/account/")
        page.evaluate(
            """(html) => { const d = document.createElement('div'); d.innerHTML = html;
                 document.body.appendChild(d); }""",
            SCRIPT,
        )
        page.wait_for_function("() => document.querySelector('img[src=\"x\"]') !== null")
        page.wait_for_timeout(500)  # the image fails to load; its handler is refused
        assert page.evaluate("() => window.__ran === undefined")
        assert any("script-src" in text for text in refusals), refusals
        header = page.request.get("/account/").headers["content-security-policy"]
        assert "script-src 'self'" in header and "unsafe" not in header
    finally:
        context.close()


def test_the_api_documentation_and_the_admin_work_under_the_policy(page: Any, world: Any) -> None:
    """Pages drawn by libraries (the API's interactive documentation, Django's admin) load
    their scripts and styles from Corridor too: the ``page`` fixture fails on any refusal."""
    sign_in(page, "carol", PASSWORD)
    page.goto("/api/v1/docs")
    page.wait_for_selector(".swagger-ui .info")
    assert page.get_by_text("Corridor API").first.is_visible()
    page.goto(f"/admin/core/organisation/{world.org_a.pk}/change/")
    page.get_by_role("button", name="Save", exact=True).wait_for()
    page.goto("/admin/core/organisation/")
    page.wait_for_selector("#result_list")
